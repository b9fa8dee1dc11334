// Is a License API response one the contract declares? ajv compiled from the generated copy of
// the spec's schemas (src/generated/schemas.ts), so it works from an installed package too.
// Declared statuses: 200 (each endpoint's success) and the status of every code in the errors
// table (the spec's error responses are exactly those; test/contract checks the two agree).
import { Ajv } from 'ajv'
import { specDocument } from '../generated/schemas.ts'
import { ERRORS, ERROR_CODES } from '../core/errors.ts'

const ajv = new Ajv({ allErrors: true, strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } })
ajv.addSchema({ $id: 'spec', ...specDocument })
const schema = (name: string) => ({ name, validate: ajv.getSchema(`spec#/components/schemas/${name}`)! })
const errorSchema = schema('Error')

/** Each endpoint's 200: its schema and whether the answer is signed (LicenseSignature header). */
const SUCCESS: Record<string, { name: string; validate: ReturnType<typeof schema>['validate']; signed: boolean }> = {
  'POST /api/v4/deactivate_license': { ...schema('DeactivateLicenseResponse'), signed: false },
  'POST /api/v4/activate_license': { ...schema('ActivateLicenseResponse'), signed: true },
  'GET /api/v4/check_license': { ...schema('CheckLicenseResponse'), signed: true },
}

export const DECLARED_STATUSES: ReadonlySet<number> = new Set([200, ...ERROR_CODES.map((code) => ERRORS[code].status)])

/**
 * The reasons a response breaks the contract; empty when it conforms. `request` names the
 * endpoint (default: deactivation), whose success schema a 200 must match.
 */
export function checkConformance(
  response: { status: number; headers: Readonly<Record<string, string>>; body: string },
  request: { method: string; path: string } = { method: 'POST', path: '/api/v4/deactivate_license' },
): string[] {
  const problems: string[] = []
  if (!DECLARED_STATUSES.has(response.status)) {
    problems.push(`status ${response.status} is not declared (declared: ${[...DECLARED_STATUSES].sort().join(', ')})`)
    return problems
  }
  const type = response.headers['content-type']
  if (!type || !/^application\/json\b/i.test(type)) problems.push(`content-type is ${type ? `"${type}"` : 'missing'}, expected application/json`)
  let value: unknown
  try {
    value = JSON.parse(response.body)
  } catch {
    problems.push(`body is not JSON: ${JSON.stringify(response.body.slice(0, 120))}`)
    return problems
  }
  const path = request.path.split('?')[0].replace(/(.)\/$/, '$1')
  const endpoint = `${request.method.toUpperCase()} ${path.slice(path.indexOf('/api/v4/'))}`
  // A 200 from a path the spec does not declare is judged as a deactivation answer (the default).
  const success = SUCCESS[endpoint] ?? SUCCESS['POST /api/v4/deactivate_license']
  const { name, validate } = response.status === 200 ? success : errorSchema
  if (!validate(value)) {
    problems.push(`body does not match ${name}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`)
  } else if (response.status !== 200 && (value as { status: number }).status !== response.status) {
    problems.push(`envelope status ${(value as { status: number }).status} differs from HTTP status ${response.status}`)
  }
  if (response.status === 200 && success.signed && !response.headers.licensesignature) problems.push('the LicenseSignature header is missing')
  return problems
}
