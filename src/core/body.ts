// Rows 10–12: the request body (or check_license's query), parsed and validated with the
// schemas compiled from the spec.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { querySchemas, specDocument } from '../generated/schemas.ts'
import { fail, type Failure } from './errors.ts'
import type { ActivateLicenseRequest, CheckLicenseQuery, DeactivateLicenseRequest } from './types.ts'

export type AuthorizationMethod = 'license-key' | 'user'

const ajv = new Ajv({ allErrors: false, strict: false })
ajv.addSchema({ $id: 'spec', ...specDocument })
// Query values arrive as text: this one turns "7" into 7 and "true" into true where the spec says so.
const queryAjv = new Ajv({ allErrors: false, strict: false, coerceTypes: true })

/** What each endpoint reads, and what it requires beyond hardware_id, product and the identity. */
const REQUESTS = {
  deactivate: { validate: ajv.getSchema<DeactivateLicenseRequest>('spec#/components/schemas/DeactivateLicenseRequest')!, password: false, sso: true },
  activate: { validate: ajv.getSchema<ActivateLicenseRequest>('spec#/components/schemas/ActivateLicenseRequest')!, password: true, sso: true },
  check: { validate: queryAjv.compile<CheckLicenseQuery>(querySchemas.checkLicense), password: false, sso: false },
} satisfies Record<string, { validate: ValidateFunction; password: boolean; sso: boolean }>
export type RequestKind = keyof typeof REQUESTS
type RequestOf = { deactivate: DeactivateLicenseRequest; activate: ActivateLicenseRequest; check: CheckLicenseQuery }

/** A query string as an object: the first value of a repeated name wins. */
export function readQuery(query: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!query) return out
  for (const [name, value] of new URLSearchParams(query)) if (!(name in out)) out[name] = value
  return out
}

const absent = (value: unknown) => value === undefined || value === ''

/** Row 10. An empty body reads as `{}`, so it is answered with the missing parameters. */
export function readJson(raw: string | undefined): { ok: true; value: unknown } | Failure {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(raw) }
  } catch (error) {
    return fail('invalid_json', { reason: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' })
  }
}

/**
 * Rows 11–12.
 * @param methodOf the authorization method of a product short code (undefined when unknown),
 *   so that a missing identity is reported in row 11, before wrong types (row 12).
 */
export function validateBody<K extends RequestKind = 'deactivate'>(
  body: unknown,
  methodOf: (product: string) => AuthorizationMethod | undefined,
  kind: K = 'deactivate' as K,
): { ok: true; value: RequestOf[K] } | Failure {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('validation_error', { field: 'body', reason: `must be a JSON object, got ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}` })
  }
  const request = REQUESTS[kind]
  const fields = body as Record<string, unknown>
  const missing = missingFields(fields, methodOf, request)
  if (missing.length > 0) return fail('missing_parameters', { fields: missing.join(', ') })
  if (!request.validate(fields)) return fail('validation_error', describe(request.validate.errors?.[0], kind === 'check' ? 'query' : 'body'))
  if (fields.id_token !== undefined && fields.code !== undefined) {
    return fail('validation_error', { field: 'code', reason: 'send either id_token or code, not both' })
  }
  return { ok: true, value: fields as RequestOf[K] }
}

function missingFields(
  fields: Record<string, unknown>,
  methodOf: (product: string) => AuthorizationMethod | undefined,
  request: { password: boolean; sso: boolean },
): string[] {
  // Pushes rather than filter(): no closure is created per request.
  const missing: string[] = []
  if (absent(fields.hardware_id)) missing.push('hardware_id')
  if (absent(fields.product)) missing.push('product')
  const method = typeof fields.product === 'string' ? methodOf(fields.product) : undefined
  if (method === 'license-key' && absent(fields.license_key)) missing.push('license_key')
  if (method === 'user' && absent(fields.username)) {
    const sso = request.sso && (!absent(fields.id_token) || !absent(fields.code))
    if (!sso) missing.push(request.sso ? 'username (or id_token or code with customer_account_code)' : 'username')
    else if (absent(fields.customer_account_code)) missing.push('customer_account_code')
  }
  if (request.password && method === 'user' && !absent(fields.username) && fields.password === undefined) missing.push('password')
  return missing
}

function describe(error: ErrorObject | undefined, whole: string): Record<string, string> {
  if (!error) return { field: whole, reason: 'is invalid' }
  const path = error.instancePath.slice(1).replaceAll('/', '.')
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty)
    return { field: path ? `${path}.${extra}` : extra, reason: 'unknown field' }
  }
  return { field: path || whole, reason: error.message ?? 'is invalid' }
}
