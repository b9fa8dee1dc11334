// The table of every error the mock can answer: status, message template and where the
// wording comes from. The spec's `ErrorCode` enum and its examples must name exactly these
// codes with exactly these messages (npm run lint:spec and test/contract/spec.test.ts check it).

/** Where a code and its message come from. */
export type ErrorSource =
  | 'seed' //      the seed document (docs export of the endpoint): message byte for byte
  | 'docs' //      LicenseSpring's documentation pages
  | 'sdk' //       official SDKs' error tables; wording adapted
  | 'inferred' //  undocumented: our choice, marked x-inferred in the spec
  | 'mock' //      belongs to the mock itself (limits, Prefer header), not to the real API

export interface ErrorSpec {
  status: number
  /** `{name}` placeholders are filled from the params of `fail()`. */
  message: string
  source: ErrorSource
  /** Row of the deactivation rule table (docs/rules.md) that raises it; absent for fault-only codes. */
  rule?: number
  /** Params that render the spec's example message. */
  example?: Record<string, string>
  /** `oauth`: Keycloak's `{error, error_description}` (the token endpoint), not the License API envelope. */
  shape?: 'oauth'
}

export const ERRORS = {
  not_found: { status: 404, message: 'Not found: {path}', source: 'inferred', rule: 1, example: { path: 'POST /api/v4/deactivate_licence' } },
  method_not_allowed: { status: 405, message: 'Method {method} not allowed on {path}; use {allowed}', source: 'inferred', rule: 1, example: { method: 'GET', path: '/api/v4/deactivate_license', allowed: 'POST' } },
  missing_headers: { status: 400, message: 'Some headers are missing', source: 'docs', rule: 2 },
  authorization_invalid_headers: { status: 400, message: 'Provided Authorization header is malformed: {reason}', source: 'docs', rule: 3, example: { reason: 'expected a comma-separated list of key="value" pairs' } },
  authorization_missing_params: { status: 400, message: 'Some parameters are missing in authorization: {params}', source: 'sdk', rule: 4, example: { params: 'signature, apikey' } },
  hmac_required: { status: 400, message: 'HMAC is required algorithm: use algorithm="hmac-sha256"', source: 'sdk', rule: 5 },
  invalid_api_key: { status: 400, message: 'Provided api key is not valid', source: 'sdk', rule: 6 },
  revoked_api_key: { status: 400, message: 'Provided api key is revoked', source: 'sdk', rule: 6 },
  date_header_diff: { status: 400, message: 'Date header is invalid or differs from server time by more than 15 minutes: {date}', source: 'inferred', rule: 7, example: { date: 'Tue, 07 Jun 2011 20:51:35 GMT' } },
  signature_mismatch: { status: 400, message: 'Signature mismatch', source: 'sdk', rule: 8 },
  read_only_api_key: { status: 400, message: 'Provided api key is read only', source: 'sdk', rule: 9 },
  invalid_json: { status: 400, message: 'Request body is not valid JSON: {reason}', source: 'inferred', rule: 10, example: { reason: 'Unexpected end of JSON input' } },
  missing_parameters: { status: 400, message: 'Missing parameters: {fields}', source: 'docs', rule: 11, example: { fields: 'hardware_id, product' } },
  validation_error: { status: 400, message: 'Invalid parameter {field}: {reason}', source: 'docs', rule: 12, example: { field: 'license_id', reason: 'must be integer' } },
  unknown_product: { status: 400, message: 'Provided product was not found', source: 'seed', rule: 13 },
  api_key_product_not_allowed: { status: 400, message: 'Provided api key does not allow access to this product', source: 'sdk', rule: 14 },
  license_not_found: { status: 400, message: 'License with the provided license user not found', source: 'seed', rule: 15 },
  license_not_enabled: { status: 400, message: 'The license is not enabled', source: 'seed', rule: 16 },
  blacklisted: { status: 400, message: 'This device is blacklisted', source: 'seed', rule: 17 },
  vm_not_allowed: { status: 400, message: 'Virtual machine not allowed', source: 'seed', rule: 18 },
  license_start_date_error: { status: 400, message: 'This license cannot be activated before start date: {date}', source: 'seed', rule: 19, example: { date: '2030-01-01' } },
  license_expired: { status: 400, message: 'License validity period has expired.', source: 'seed', rule: 20 },
  license_not_active: { status: 400, message: 'The license is not active', source: 'docs', rule: 21 },
  device_not_found: { status: 400, message: 'An active device matching the hardware_id not found', source: 'docs', rule: 22 },
  license_transferred_max_times: { status: 400, message: 'This license has already been transferred the maximum number of times', source: 'seed', rule: 23 },
  license_not_consumption: { status: 400, message: 'The license needs to be of consumption type', source: 'docs', rule: 24 },
  license_not_enough_consumptions: { status: 400, message: 'Not enough consumptions left', source: 'docs', rule: 24 },
  disabled_product: { status: 400, message: 'Provided product is disabled.', source: 'sdk' },
  archived_product: { status: 400, message: 'Provided product is archived.', source: 'sdk' },
  // The lifecycle endpoints' own (docs/rules.md has each endpoint's table).
  unsupported_product_feature: { status: 400, message: 'One or more of requested product features do not exists or they are not enabled on the product', source: 'sdk' },
  invalid_license_feature_code: { status: 400, message: 'License feature code: {feature} is invalid or not assigned to the license.', source: 'docs', example: { feature: 'demo-reports' } },
  feature_not_consumption: { status: 400, message: 'The license feature needs to be of consumption type', source: 'inferred' },
  feature_not_floating: { status: 400, message: 'License feature is not floating cloud feature.', source: 'docs' },
  floating_feature_device_not_in_use: { status: 400, message: 'Floating feature device is not in use', source: 'docs' },
  floating_not_available: { status: 400, message: 'No available slots for floating license.', source: 'docs' },
  license_not_floating: { status: 400, message: 'The license is not a floating license', source: 'inferred' },
  borrow_until_not_valid: { status: 400, message: '/floating/borrow is being called with an invalid borrowed_until date', source: 'docs' },
  missing_hardware_id: { status: 400, message: 'The hardware_id missing in the request', source: 'docs' },
  trial_not_allowed: { status: 400, message: 'Product does not allow trial', source: 'docs' },
  email_missing: { status: 400, message: 'An email is missing for user-based product', source: 'docs' },
  trial_expired: { status: 400, message: 'trial period for device has expired', source: 'sdk' },
  active_license_required: { status: 400, message: 'A /versions or /installation_file request is called without an active license provided in the parameters', source: 'docs' },
  version_not_found: { status: 400, message: 'file at requested version does not exist', source: 'sdk' },
  // Users, customers and SSO.
  change_password_not_allowed: { status: 400, message: '/change_password is being called but is not allowed', source: 'docs' },
  customer_does_not_exist: { status: 400, message: '/customer_license_users is being called but the provided customer does not exist', source: 'docs' },
  customer_not_found: { status: 400, message: '/customer_license_users is being called with authorization values which do not grant permissions to view data for the customer', source: 'docs' },
  customer_account_not_found: { status: 400, message: 'The provided customer account does not match an existing customer account with SSO', source: 'inferred' },
  // Offline activation and deactivation.
  missing_content: { status: 400, message: 'An offline activation/deactivation request received an empty request', source: 'docs' },
  // OAuth: Bearer tokens on the License API, and the token endpoint's own (Keycloak's) errors.
  oauth_token_expired: { status: 401, message: 'The access token has expired; get a new one from the token endpoint', source: 'sdk' },
  oauth_token_malformed: { status: 401, message: 'The access token is malformed or was not issued here', source: 'sdk' },
  invalid_request: { status: 400, message: 'Missing form parameter: {param}', source: 'inferred', shape: 'oauth', example: { param: 'grant_type' } },
  unsupported_grant_type: { status: 400, message: 'Unsupported grant_type', source: 'inferred', shape: 'oauth' },
  invalid_client: { status: 401, message: 'Invalid client or Invalid client credentials', source: 'docs', shape: 'oauth' },
  unauthorized_client: { status: 401, message: 'Client not enabled to retrieve service account', source: 'inferred', shape: 'oauth' },
  // Seed codes the real server raises on activation only: reached by a sticky fault or Prefer.
  license_activated_max_times: { status: 400, message: 'This license has already been activated the maximum number of times', source: 'seed' },
  license_user_activated_max_times: { status: 400, message: 'License user has activated this license max times', source: 'seed' },
  license_device_exists: { status: 400, message: 'A device matching this hardware_id is already created on the license', source: 'seed' },
  offline_floating_cloud_not_supported: { status: 400, message: ' Floating cloud licenses cannot be activated offline.', source: 'seed' },
  internal_error: { status: 500, message: 'Internal server error', source: 'sdk' },
  // The mock's own answers.
  payload_too_large: { status: 413, message: 'Request body is larger than {limit} bytes', source: 'mock', example: { limit: '1048576' } },
  headers_too_large: { status: 431, message: 'Request line and headers are larger than {limit} bytes', source: 'mock', example: { limit: '16384' } },
  invalid_prefer_header: { status: 422, message: 'Prefer header cannot be honoured: {reason}', source: 'mock', example: { reason: 'no error example named "licence_expired"' } },
  host_not_allowed: { status: 421, message: 'Host "{host}" is not allowed: this server answers loopback host names and those given with --allow-host', source: 'mock', example: { host: 'evil.example' } },
  state_not_saved: { status: 503, message: 'The change was applied but could not be saved to the state file ({reason}); the save is retried', source: 'mock', example: { reason: 'ENOSPC: no space left on device' } },
} as const satisfies Record<string, ErrorSpec>

export type ErrorCode = keyof typeof ERRORS
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[]

/** The wire envelope of every error (the spec's `Error` schema). */
export interface ErrorBody {
  status: number
  code: ErrorCode
  message: string
}

/** An error as data: what the engine returns instead of throwing. */
export interface Failure {
  ok: false
  error: ErrorBody
}

/** Codes every endpoint can answer in the envelope, the token endpoint included: the transport's and the mock's own. */
const ANY_ENDPOINT: ReadonlySet<ErrorCode> = new Set(['method_not_allowed', 'payload_too_large', 'headers_too_large', 'invalid_prefer_header', 'internal_error'])

/**
 * Whether an endpoint answers this code: the token endpoint answers Keycloak's codes (and the
 * transport's), every other endpoint the License API's. What Prefer and faults may force follows it.
 */
export function answeredBy(code: ErrorCode, endpoint: { operationId: string }): boolean {
  const oauth = isOAuthCode(code)
  return endpoint.operationId === 'oauthToken' ? oauth || ANY_ENDPOINT.has(code) : !oauth
}

/** A code of the token endpoint, answered in Keycloak's shape. */
export const isOAuthCode = (code: ErrorCode): boolean => (ERRORS[code] as ErrorSpec).shape === 'oauth'

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value)
}

export function renderMessage(code: ErrorCode, params: Record<string, string> = {}): string {
  const spec: ErrorSpec = ERRORS[code]
  return spec.message.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}

/** Failures without params are the same every time: one frozen object per code, with its JSON. */
const PLAIN = new Map<ErrorCode, Failure>()
const PLAIN_JSON = new Map<ErrorBody, string>()
for (const code of ERROR_CODES) {
  const error: ErrorBody = Object.freeze({ status: ERRORS[code].status, code, message: renderMessage(code) })
  PLAIN.set(code, Object.freeze({ ok: false, error }) as Failure)
  PLAIN_JSON.set(error, JSON.stringify(onWire(error)))
}

/** The body as sent: the License API envelope, or Keycloak's `{error, error_description}` for the token endpoint's codes. */
function onWire(error: ErrorBody): unknown {
  const spec: ErrorSpec = ERRORS[error.code]
  return spec.shape === 'oauth' ? { error: error.code, error_description: error.message } : error
}

export function fail(code: ErrorCode, params?: Record<string, string>): Failure {
  if (params === undefined) return PLAIN.get(code)!
  return { ok: false, error: { status: ERRORS[code].status, code, message: renderMessage(code, params) } }
}

/** An error body as JSON (the shared ones of `fail(code)` without params are serialized once). */
export const errorJson = (error: ErrorBody): string => PLAIN_JSON.get(error) ?? JSON.stringify(onWire(error))

/** The error the spec shows as this code's example (also what `Prefer: example=<code>` answers). */
export function exampleBody(code: ErrorCode): ErrorBody {
  const spec: ErrorSpec = ERRORS[code]
  return { status: spec.status, code, message: renderMessage(code, spec.example) }
}

/** That example as sent: the envelope, or Keycloak's body for the token endpoint's codes. */
export const exampleWire = (code: ErrorCode): unknown => onWire(exampleBody(code))
