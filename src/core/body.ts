// Rows 10–12: a request's input (JSON body, query string, text) read and validated with the
// schemas compiled from the spec, per operation.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { operations, specDocument } from '../generated/schemas.ts'
import { fail, type Failure } from './errors.ts'
import { ok, type Result } from './result.ts'

export type AuthorizationMethod = 'license-key' | 'user'
export type OperationId = keyof typeof operations
export type InputKind = (typeof operations)[OperationId]['input']

// validateSchema: false: checking the spec against the JSON Schema meta-schema at start took 53 ms
// of `serve`'s 370 (CPU profile of the bundle); `npm run lint:spec` and the tests check the spec.
const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false })
ajv.addSchema({ $id: 'spec', ...specDocument })
// Query values arrive as text: this one turns "7" into 7 and "true" into true where the spec says so.
const queryAjv = new Ajv({ allErrors: false, strict: false, coerceTypes: true, validateSchema: false })
queryAjv.addSchema({ $id: 'spec', ...specDocument })

/** A query string as an object: the first value of a repeated name wins. */
export function readQuery(query: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!query) return out
  for (const [name, value] of new URLSearchParams(query)) if (!(name in out)) out[name] = value
  return out
}

/** Row 10: what an operation takes, read from the request (a form as a query is read). */
export function readInput(kind: InputKind, request: { query?: string; body?: string }): Result<unknown> {
  if (kind === 'query') return ok(readQuery(request.query))
  if (kind === 'form') return ok(readQuery(request.body))
  if (kind === 'text') return ok(request.body ?? '')
  return readJson(request.body)
}

/** Row 10. An empty body reads as `{}`, so it is answered with the missing parameters. */
export function readJson(raw: string | undefined): Result<unknown> {
  if (raw === undefined || raw.trim() === '') return ok({})
  try {
    return ok(JSON.parse(raw))
  } catch (error) {
    return fail('invalid_json', { reason: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' })
  }
}

/** What row 11 requires beyond the spec's required fields: the identity of a license. */
export interface IdentityRule {
  /** `username` needs `password` (activation). */
  password?: boolean
  /** `id_token` / `code` with `customer_account_code` stand for `username`. */
  sso?: boolean
}

export interface RequestShape {
  operationId: OperationId
  /** A component schema to validate against instead of the operation's input (offline files, once decoded). */
  schema?: keyof typeof specDocument.components.schemas
  /** The license identity by the product's authorization method; absent when the request names no license. */
  identity?: IdentityRule
  /** Fields required beyond the spec's, checked in row 11 (e.g. the spec can't say "license_key or username"). */
  alsoRequired?: readonly string[]
}

/**
 * Rows 11–12 for one operation: missing parameters first (the spec's required fields, then the
 * identity the product's method asks for), then the schema. `methodOf` tells a product's method
 * (undefined when unknown), so a missing identity is reported before wrong types.
 */
export type Validate<T> = (input: unknown, methodOf: (product: string) => AuthorizationMethod | undefined) => Result<T>

export function requestValidator<T>(shape: RequestShape): Validate<T> {
  const operation = operations[shape.operationId]
  const schema = (shape.schema ? { $ref: `spec#/components/schemas/${shape.schema}` } : operation.schema) as { $ref?: string; required?: readonly string[] }
  // Query and form values arrive as text.
  const textual = !shape.schema && (operation.input === 'query' || operation.input === 'form')
  // Compiled on the endpoint's first request: compiling every endpoint's schema at import was about
  // 140 ms of the CLI's start-up (CPU profile of the bench's start-up run).
  let validate: ValidateFunction<T> | undefined
  const required = [...(resolved(schema).required ?? []), ...(shape.alsoRequired ?? [])]
  const whole = shape.schema ? 'request' : operation.input === 'query' ? 'query' : 'body'
  return (input, methodOf) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return fail('validation_error', { field: whole, reason: `must be a JSON object, got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}` })
    }
    // Query validation coerces values in place ("7" → 7): on a copy, the journal keeps what was sent.
    const fields = textual ? { ...(input as Record<string, unknown>) } : (input as Record<string, unknown>)
    const missing = missingFields(fields, required, methodOf, shape.identity)
    if (missing.length > 0) return fail('missing_parameters', { fields: missing.join(', ') })
    // Before the schema, whose `not` says the same in words a person can't act on.
    if (shape.identity?.sso && fields.id_token !== undefined && fields.code !== undefined) {
      return fail('validation_error', { field: 'code', reason: 'send either id_token or code, not both' })
    }
    validate ??= textual ? queryAjv.compile<T>(schema) : (schema.$ref && ajv.getSchema<T>(schema.$ref)) || ajv.compile<T>(schema)
    if (!validate(fields)) return fail('validation_error', describe(validate.errors?.[0], whole))
    return ok(fields as T)
  }
}

/** The schema an operation's body refers to (its `required` list), or the query schema itself. */
function resolved(schema: { $ref?: string; required?: readonly string[] }): { required?: readonly string[] } {
  if (schema.$ref === undefined) return schema
  const name = schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1) as keyof typeof specDocument.components.schemas
  return specDocument.components.schemas[name] as { required?: readonly string[] }
}

const absent = (value: unknown) => value === undefined || value === ''

function missingFields(
  fields: Record<string, unknown>,
  required: readonly string[],
  methodOf: (product: string) => AuthorizationMethod | undefined,
  identity: IdentityRule | undefined,
): string[] {
  // Pushes rather than filter(): no closure is created per request.
  const missing: string[] = []
  for (const name of required) if (absent(fields[name])) missing.push(name)
  if (!identity) return missing
  const method = typeof fields.product === 'string' ? methodOf(fields.product) : undefined
  if (method === 'license-key' && absent(fields.license_key)) missing.push('license_key')
  if (method === 'user' && absent(fields.username)) {
    const sso = identity.sso === true && (!absent(fields.id_token) || !absent(fields.code))
    if (!sso) missing.push(identity.sso ? 'username (or id_token or code with customer_account_code)' : 'username')
    else if (absent(fields.customer_account_code)) missing.push('customer_account_code')
  }
  if (identity.password && method === 'user' && !absent(fields.username) && fields.password === undefined) missing.push('password')
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

export type { Failure }
