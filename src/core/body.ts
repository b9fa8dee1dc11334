// Rows 10–12: the request body, parsed and validated with the schema compiled from the spec.
import { Ajv, type ErrorObject } from 'ajv'
import { specDocument } from '../generated/schemas.ts'
import { fail, type Failure } from './errors.ts'
import type { DeactivateLicenseRequest } from './types.ts'

export type AuthorizationMethod = 'license-key' | 'user'

const ajv = new Ajv({ allErrors: false, strict: false })
ajv.addSchema({ $id: 'spec', ...specDocument })
const validateRequest = ajv.getSchema<DeactivateLicenseRequest>('spec#/components/schemas/DeactivateLicenseRequest')!

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
export function validateBody(
  body: unknown,
  methodOf: (product: string) => AuthorizationMethod | undefined,
): { ok: true; value: DeactivateLicenseRequest } | Failure {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('validation_error', { field: 'body', reason: `must be a JSON object, got ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}` })
  }
  const fields = body as Record<string, unknown>
  const missing = missingFields(fields, methodOf)
  if (missing.length > 0) return fail('missing_parameters', { fields: missing.join(', ') })
  if (!validateRequest(fields)) return fail('validation_error', describe(validateRequest.errors?.[0]))
  if (fields.id_token !== undefined && fields.code !== undefined) {
    return fail('validation_error', { field: 'code', reason: 'send either id_token or code, not both' })
  }
  return { ok: true, value: fields as DeactivateLicenseRequest }
}

function missingFields(fields: Record<string, unknown>, methodOf: (product: string) => AuthorizationMethod | undefined): string[] {
  // Pushes rather than filter(): no closure is created per request.
  const missing: string[] = []
  if (absent(fields.hardware_id)) missing.push('hardware_id')
  if (absent(fields.product)) missing.push('product')
  const method = typeof fields.product === 'string' ? methodOf(fields.product) : undefined
  if (method === 'license-key' && absent(fields.license_key)) missing.push('license_key')
  if (method === 'user' && absent(fields.username)) {
    const sso = !absent(fields.id_token) || !absent(fields.code)
    if (!sso) missing.push('username (or id_token or code with customer_account_code)')
    else if (absent(fields.customer_account_code)) missing.push('customer_account_code')
  }
  return missing
}

function describe(error: ErrorObject | undefined): Record<string, string> {
  if (!error) return { field: 'body', reason: 'is invalid' }
  const path = error.instancePath.slice(1).replaceAll('/', '.')
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty)
    return { field: path ? `${path}.${extra}` : extra, reason: 'unknown field' }
  }
  return { field: path || 'body', reason: error.message ?? 'is invalid' }
}
