// Is a License API response one the contract declares? ajv compiled from the generated copy of
// the spec's schemas (src/generated/schemas.ts), so it works from an installed package too.
// Declared statuses: 200 (the success string) and the status of every code in the errors table
// (the spec's error responses are exactly those; test/contract checks the two agree).
import { Ajv } from 'ajv'
import { specDocument } from '../generated/schemas.ts'
import { ERRORS, ERROR_CODES } from '../core/errors.ts'

const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addSchema({ $id: 'spec', ...specDocument })
const successSchema = ajv.getSchema('spec#/components/schemas/DeactivateLicenseResponse')!
const errorSchema = ajv.getSchema('spec#/components/schemas/Error')!

export const DECLARED_STATUSES: ReadonlySet<number> = new Set([200, ...ERROR_CODES.map((code) => ERRORS[code].status)])

/** The reasons a response breaks the contract; empty when it conforms. */
export function checkConformance(response: { status: number; headers: Readonly<Record<string, string>>; body: string }): string[] {
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
  const validate = response.status === 200 ? successSchema : errorSchema
  if (!validate(value)) {
    const schemaName = response.status === 200 ? 'DeactivateLicenseResponse' : 'Error'
    problems.push(`body does not match ${schemaName}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`)
  } else if (response.status !== 200 && (value as { status: number }).status !== response.status) {
    problems.push(`envelope status ${(value as { status: number }).status} differs from HTTP status ${response.status}`)
  }
  return problems
}
