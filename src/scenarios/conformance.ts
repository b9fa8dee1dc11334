// Is a License API response one the contract declares? ajv compiled from the generated copy of
// the spec (src/generated/schemas.ts), so it works from an installed package too. Declared
// statuses: 200 (each operation's success, its schema and media type) and the status of every
// code in the errors table (the spec's error responses are exactly those; test/contract checks
// the two agree). Whether a 200 carries the LicenseSignature header comes from the endpoint table.
import { Ajv, type ValidateFunction } from 'ajv'
import { operations, specDocument } from '../generated/schemas.ts'
import { endpointsAt } from '../core/endpoints/index.ts'
import { ERRORS, ERROR_CODES } from '../core/errors.ts'

const ajv = new Ajv({ allErrors: true, strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } })
ajv.addSchema({ $id: 'spec', ...specDocument })
const errorSchema = ajv.getSchema('spec#/components/schemas/Error')!
/** The token endpoint's own errors are Keycloak's. */
const oauthErrorSchema = ajv.getSchema('spec#/components/schemas/OAuthError')!
const TOKEN_ENDPOINT = `POST ${operations.oauthToken.path}`

interface Success {
  name: string
  type: string
  validate: ValidateFunction
  signed: boolean
}

/** `METHOD path` → what its 200 is. */
const SUCCESS = new Map<string, Success>()
for (const [operationId, operation] of Object.entries(operations)) {
  if (!('success' in operation)) continue
  const { type, schema } = operation.success as { type: string; schema: { $ref?: string } }
  const endpoint = endpointsAt(operation.path).find((candidate) => candidate.method === operation.method)
  SUCCESS.set(`${operation.method} ${operation.path}`, {
    name: schema.$ref ? schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1) : `the ${operationId} answer`,
    type,
    validate: schema.$ref ? ajv.getSchema(schema.$ref)! : ajv.compile(schema),
    signed: endpoint?.signing === 'v2' || endpoint?.signing === 'v1+v2',
  })
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
  const path = request.path.split('?')[0].replace(/(.)\/$/, '$1')
  const at = path.indexOf('/api/v4/')
  const endpoint = `${request.method.toUpperCase()} ${at === -1 ? path.replace(/^https?:\/\/[^/]+/, '') || '/' : path.slice(at)}`
  // A 200 from a path the spec does not declare is judged as a deactivation answer (the default).
  const success = SUCCESS.get(endpoint) ?? SUCCESS.get('POST /api/v4/deactivate_license')!
  const ok = response.status === 200
  const expectedType = ok ? success.type : 'application/json'
  const type = response.headers['content-type']
  if (!type || type.split(';')[0].trim().toLowerCase() !== expectedType) problems.push(`content-type is ${type ? `"${type}"` : 'missing'}, expected ${expectedType}`)
  let value: unknown = response.body
  if (expectedType === 'application/json') {
    try {
      value = JSON.parse(response.body)
    } catch {
      problems.push(`body is not JSON: ${JSON.stringify(response.body.slice(0, 120))}`)
      return problems
    }
  }
  const oauth = !ok && endpoint === TOKEN_ENDPOINT && typeof value === 'object' && value !== null && 'error' in value
  const validate = ok ? success.validate : oauth ? oauthErrorSchema : errorSchema
  if (!validate(value)) {
    problems.push(`body does not match ${ok ? success.name : oauth ? 'OAuthError' : 'Error'}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`)
  } else if (!ok && !oauth && (value as { status: number }).status !== response.status) {
    problems.push(`envelope status ${(value as { status: number }).status} differs from HTTP status ${response.status}`)
  }
  if (ok && success.signed && !response.headers.licensesignature) problems.push('the LicenseSignature header is missing')
  return problems
}
