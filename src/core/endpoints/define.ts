// What an endpoint is: one table entry. Its method, path and input kind come from the spec (by
// operationId); the entry names the auth it takes, how its request is validated, how the license
// (or product) it acts on is found, its ordered rules, the effect of a success on state, the
// answer, and how the answer is signed. The engine runs every entry the same way (engine.ts).
import { operations } from '../../generated/schemas.ts'
import { requestValidator, type InputKind, type OperationId, type RequestShape } from '../body.ts'
import type { Clock } from '../clock.ts'
import type { ErrorCode } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import { firstFailure, type Rule } from '../rules/shared.ts'
import type { TokenIssuer } from '../oauth.ts'
import type { Signer } from '../signing.ts'
import type { CredentialRecord, Store } from '../store.ts'

/**
 * none:   the answer as it is
 * v2:     the `LicenseSignature` header, RSA-SHA256 over the exact body bytes sent
 * v1+v2:  also `license_signature` in each License object of the body (the answer renders it)
 * offline: signatures inside the body (the answer renders them); no header
 */
export type Signing = 'none' | 'v2' | 'v1+v2' | 'offline'

/** What a request runs against once it is authenticated. */
export interface Env {
  /** The credential that authorized the request (endpoints with auth `none`: absent). */
  credential: CredentialRecord
  store: Store
  /** The tenant's license clock. */
  now: Date
  clock: Clock
  signer: Signer
  /** Real time (ms): what OAuth tokens expire on. */
  realNow: number
  /** Where the client reached the mock, e.g. `http://127.0.0.1:4010` (answers that name a URL of ours). */
  origin: () => string
  tokens: TokenIssuer
  /** Seconds an issued token is valid unless its client says otherwise. */
  tokenLifetime: number
}

/** A successful answer. */
export interface Success {
  /** What the journal records, e.g. `license_activated`. */
  code: string
  /** The answer's JSON value; undefined for an empty body. */
  body: unknown
  /** Whether the state changed (persistence hears of it). */
  changed: boolean
}

export interface Endpoint {
  readonly name: string
  /** What `--help` and the docs group it under, e.g. `floating`. */
  readonly family: string
  readonly operationId: OperationId
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly input: InputKind
  /** `license`: HMAC (or a Bearer token) with a Date header, rows 2–9; `none`: answered to anyone (`oauth_url`, the token endpoint). */
  readonly auth: 'license' | 'none'
  /** Changes state: refused to read-only API keys (row 9). */
  readonly mutates: boolean
  readonly signing: Signing
  /** What the journal records for a success. */
  readonly success: string
  /** The success is an empty body (text/plain), as the real API answers releases. */
  readonly empty: boolean
  /** The rows after the license is found, in order: what docs/rules.md lists. */
  readonly rules: readonly { row: number | string; code?: ErrorCode }[]
  /** What `Prefer: code=200` answers; absent where only the state can make a success (signed answers). */
  readonly example?: unknown
  /** Rows 11 onwards: validate, find, rules, effect, answer. */
  run(input: unknown, env: Env): Result<Success>
}

export interface EndpointSpec<Req, Found, Applied> {
  name: string
  family: string
  operationId: OperationId
  auth?: 'license' | 'none'
  mutates: boolean
  signing: Signing
  success: string
  empty?: boolean
  request: Omit<RequestShape, 'operationId'>
  example?: unknown
  /** Rows 13–15 and what the rules read: the license (or product) the request names. */
  find(request: Req, env: Env): Result<Found>
  rules: readonly Rule<Found>[]
  /** The state change of a success, applied synchronously (no await between the rules and it). */
  apply?(found: Found, env: Env): Applied
  /** Whether `apply` changed the state (default: it did). */
  changes?(found: Found, applied: Applied): boolean
  /** The answer's JSON value (absent for empty answers). */
  answer?(found: Found, applied: Applied, env: Env): unknown
}

export function defineEndpoint<Req, Found, Applied = undefined>(spec: EndpointSpec<Req, Found, Applied>): Endpoint {
  const operation = operations[spec.operationId]
  // A text body (an offline file) is the endpoint's to read: its find decodes and validates it.
  const validate = operation.input === 'text' ? (input: unknown) => ok(input as Req) : requestValidator<Req>({ operationId: spec.operationId, ...spec.request })
  return {
    name: spec.name,
    family: spec.family,
    operationId: spec.operationId,
    method: operation.method,
    path: operation.path,
    input: operation.input,
    auth: spec.auth ?? 'license',
    mutates: spec.mutates,
    signing: spec.signing,
    success: spec.success,
    empty: spec.empty ?? false,
    rules: spec.rules.map(({ row, code }) => ({ row, code })),
    example: spec.example,
    run(input, env) {
      const request = validate(input, env.store.methodOf)
      if (!request.ok) return request
      const found = spec.find(request.value, env)
      if (!found.ok) return found
      const failure = firstFailure(spec.rules, found.value)
      if (failure) return failure
      const applied = spec.apply ? spec.apply(found.value, env) : (undefined as Applied)
      const changed = spec.apply !== undefined && (spec.changes?.(found.value, applied) ?? true)
      return ok({ code: spec.success, body: spec.answer?.(found.value, applied, env), changed })
    },
  }
}
