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
  /** Row of the deactivation rule table (DESIGN) that raises it; absent for fault-only codes. */
  rule?: number
  /** Params that render the spec's example message. */
  example?: Record<string, string>
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
  // Seed codes the real server raises on activation only: reached by a sticky fault or Prefer.
  license_activated_max_times: { status: 400, message: 'This license has already been activated the maximum number of times', source: 'seed' },
  license_user_activated_max_times: { status: 400, message: 'License user has activated this license max times', source: 'seed' },
  license_device_exists: { status: 400, message: 'A device matching this hardware_id is already created on the license', source: 'seed' },
  offline_floating_cloud_not_supported: { status: 400, message: ' Floating cloud licenses cannot be activated offline.', source: 'seed' },
  internal_error: { status: 500, message: 'Internal server error', source: 'sdk' },
  // The mock's own answers.
  payload_too_large: { status: 413, message: 'Request body is larger than {limit} bytes', source: 'mock', example: { limit: '1048576' } },
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

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value)
}

export function renderMessage(code: ErrorCode, params: Record<string, string> = {}): string {
  const spec: ErrorSpec = ERRORS[code]
  return spec.message.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}

/** Failures without params are the same every time: one frozen object per code. */
const plain = new Map<ErrorCode, Failure>()

export function fail(code: ErrorCode, params?: Record<string, string>): Failure {
  if (params === undefined) {
    let failure = plain.get(code)
    if (!failure) plain.set(code, (failure = Object.freeze({ ok: false, error: Object.freeze({ status: ERRORS[code].status, code, message: renderMessage(code) }) }) as Failure))
    return failure
  }
  return { ok: false, error: { status: ERRORS[code].status, code, message: renderMessage(code, params) } }
}

/** The body the spec shows as this code's example (also what `Prefer: example=<code>` answers). */
export function exampleBody(code: ErrorCode): ErrorBody {
  const spec: ErrorSpec = ERRORS[code]
  return { status: spec.status, code, message: renderMessage(code, spec.example) }
}
