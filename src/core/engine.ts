// One call per request: a plain request in, a plain response out, over the endpoint table
// (endpoints/). Every endpoint runs the same stages, in the order of the rule table
// (docs/rules.md): route → tenant → faults → Prefer → auth → input → the endpoint's own rows
// (validate, find, rules, effect, answer) → sign → journal.
import { authorize, checkCredential, checkDate, checkSignature, DATE_WINDOW_MS, parseAuthorization, type AuthHeader } from './auth.ts'
import { readInput } from './body.ts'
import type { Clock } from './clock.ts'
import { ENDPOINTS, endpointsAt, type Endpoint, type Env, type Success } from './endpoints/index.ts'
import { answeredBy, errorJson, exampleBody, fail, type ErrorBody, type ErrorCode } from './errors.ts'
import { type Faults, type FaultTarget } from './faults.ts'
import { createJournal, type Journal } from './journal.ts'
import { createTokenIssuer, type TokenIssuer } from './oauth.ts'
import { parsePrefer } from './prefer.ts'
import { MAX_BODY_BYTES, MAX_HEADER_BYTES } from './request.ts'
import { activationFile, refreshFile, type PortalFile } from './portal.ts'
import { ok, problem, type Problem, type Result } from './result.ts'
import { DEFAULT_TOKEN_LIFETIME, type Seed } from './seed.ts'
import { createSigner, defaultSigner, type Signer } from './signing.ts'
import type { SeedSnapshot } from './snapshot.ts'
import { createTenants, DEFAULT_TENANT, type Created, type Tenant, type Tenants } from './tenants.ts'
import type { CoreRequest, CoreResponse } from './types.ts'

export { DEFAULT_TENANT, type Tenant } from './tenants.ts'
export { MAX_BODY_BYTES, MAX_HEADER_BYTES } from './request.ts'
export const DEACTIVATE_PATH = '/api/v4/deactivate_license'
export const ACTIVATE_PATH = '/api/v4/activate_license'
export const CHECK_PATH = '/api/v4/check_license'

/** Bodies the journal keeps parsed; larger or deeper ones are kept as truncated text. */
const JOURNAL_BODY_CHARS = 64 * 1024
const JOURNAL_BODY_DEPTH = 64

export interface EngineOptions {
  seed: Seed
  /**
   * What the default tenant's `reset` goes back to; it must restore a seed equal to `seed`. By
   * default a snapshot of `seed` itself; for a seed read from text, `snapshotSeedText` of that
   * text is quicker to take and smaller.
   */
  initial?: SeedSnapshot
  /** The default tenant's clock (license dates), or its start instant; real time when absent. */
  clock?: Clock | Date
  /** The default tenant's faults (so in-process callers can hold them before the engine is ready). */
  faults?: Faults
  journal?: Journal
  journalSize?: number
  dateWindowMs?: number
  /** Real time for the Date-header window; injectable for tests. */
  realNow?: () => number
  /**
   * The PEM private key (RSA, ≥ 2048 bits) signed answers are signed with. When absent, one key
   * pair generated on first use is shared by every engine of the process.
   */
  signingKey?: string
  /**
   * Called after a tenant's state changed: a successful request that changes state,
   * `replaceState`, `reset` (with the default tenant's id) and `resetTenant`. It must not throw
   * (a throw is ignored). A returned promise is the change's durability (the state file's
   * fsync): on a request it becomes the response's `commit`, which adapters wait for before
   * answering. The admin methods do not wait for it: a promise returned there must carry its
   * own rejection handler.
   */
  onChange?: (change: { tenant: string }) => Promise<void> | void
  /**
   * `eager` (default): every tenant's @msw/data collections (`store.db`) are filled as soon as its
   * store is built, so they are complete the moment the engine is ready. `lazy`: built on first
   * use (`await store.modelReady()`); the standalone server uses it, so a server that never reads
   * them pays neither the time nor the memory (measured for 100 000 licenses: about 72 MB and 0.5 s
   * beside a store of 35 MB built in 0.3 s).
   */
  model?: 'eager' | 'lazy'
  /** Seconds an issued OAuth access token is valid, unless its credential's `token_lifetime` says otherwise (default 300, as Keycloak's). */
  tokenLifetime?: number
}

export type AdminResult<T> = Result<T, Problem>

export interface Engine {
  handle(request: CoreRequest): CoreResponse
  readonly journal: Journal
  /** The public key (SPKI PEM) that verifies the signed answers. */
  readonly publicKey: string
  tenant(id?: string): Tenant | undefined
  tenants(): Tenant[]
  createTenant(seed: unknown, id?: string): Promise<AdminResult<Created>>
  removeTenant(id: string): boolean
  /** Replaces a tenant's state with a seed document, atomically: all of it or nothing. */
  replaceState(id: string, seed: unknown): Promise<AdminResult<null>>
  /** The default tenant back to its seed; other tenants, journal and faults gone; clock real. */
  reset(): Promise<void>
  /** One tenant back to its seed, its faults cleared, its clock real; others untouched. */
  resetTenant(id: string): Promise<AdminResult<null>>
  /**
   * A file the portal gives an air-gapped customer (portal.ts): `activation` answers a request
   * file (or a license and machine) and activates the device; `refresh` is an active device's
   * license now. Refused with the License API's error, or a Problem for an unknown tenant.
   */
  portalFile(kind: 'activation' | 'refresh', input: unknown, tenantId?: string): Result<PortalFile, ErrorBody | Problem>
}

const JSON_HEADERS = (): Record<string, string> => ({ 'content-type': 'application/json' })

export async function createEngine(options: EngineOptions): Promise<Engine> {
  // Started first: generating a key pair runs off the main thread while the seed loads.
  const signerReady = options.signingKey === undefined ? defaultSigner() : Promise.resolve(createSigner(options.signingKey))
  const realNow = options.realNow ?? Date.now
  const windowMs = options.dateWindowMs ?? DATE_WINDOW_MS
  const journal = options.journal ?? createJournal(options.journalSize)
  // Read once: nothing below holds `options`, so the seed objects it carries can be collected.
  const onChange = options.onChange
  const changed = (id: string): Promise<void> | undefined => {
    try {
      return onChange?.({ tenant: id }) ?? undefined
    } catch {
      // A listener's failure is its own: the change is made.
      return undefined
    }
  }
  const tenants = await createTenants({ seed: options.seed, initial: options.initial, clock: options.clock, faults: options.faults, realNow, changed, eagerModel: options.model !== 'lazy' })
  const signer = await signerReady
  // Keyed by the signing key when one is given, so a restarted server still takes its tokens.
  const tokens = createTokenIssuer(options.signingKey)
  const tokenLifetime = options.tokenLifetime ?? DEFAULT_TOKEN_LIFETIME

  // Requests within one millisecond share its ISO text (and the journal's string): formatting it for
  // every answer was a tenth of engine.handle's time on the bench's error request (CPU profile).
  let isoMs = NaN
  let iso = ''
  const isoNow = (): string => {
    const ms = realNow()
    if (ms !== isoMs) iso = new Date((isoMs = ms)).toISOString()
    return iso
  }

  /** What one request carries from stage to stage, and the one way it is answered. */
  class Exchange {
    tenant: Tenant | undefined
    loggedText: string | undefined
    delayMs: number | undefined
    faultId: string | undefined
    constructor(
      readonly request: CoreRequest,
      readonly loggedBody: unknown,
    ) {}

    reply(result: Result<Success>, extra?: Partial<CoreResponse>): CoreResponse {
      const response: CoreResponse = result.ok ? this.success(result.value) : { status: result.error.status, headers: JSON_HEADERS(), body: errorJson(result.error), code: result.error.code }
      if (response.code === 'method_not_allowed') response.headers.allow = this.allowed()
      if (this.delayMs) response.delayMs = this.delayMs
      if (extra) Object.assign(response, extra)
      const { request } = this
      journal.record({
        time: isoNow(),
        tenant: this.tenant?.id,
        method: request.method,
        path: request.path,
        body: this.loggedBody,
        bodyText: this.loggedText,
        status: response.network ? 0 : response.status,
        code: response.network ? `network:${response.network}` : response.code,
        fault: this.faultId,
      })
      // The change is durable before the answer goes out (CoreResponse.commit).
      if (result.ok && result.value.changed) {
        const commit = changed(this.tenant!.id)
        if (commit) response.commit = commit
      }
      return response
    }

    success({ code, body }: Success): CoreResponse {
      if (this.endpoint?.empty) return { status: 200, headers: { 'content-type': 'text/plain' }, body: '', code }
      const json = JSON.stringify(body)
      const headers = JSON_HEADERS()
      if (this.endpoint?.signing === 'v2' || this.endpoint?.signing === 'v1+v2') headers.licensesignature = signer.signV2(json)
      return { status: 200, headers, body: json, code }
    }

    endpoint: Endpoint | undefined
    allowed(): string {
      return endpointsAt(this.request.path)
        .map((endpoint) => endpoint.method)
        .join(', ')
    }
  }

  function handle(request: CoreRequest): CoreResponse {
    // Before routing, as Node's parser refuses such a request before there is one to route.
    if (request.headersTooLarge) return new Exchange({ ...request, path: truncate(request.path, 200) }, undefined).reply(fail('headers_too_large', { limit: String(MAX_HEADER_BYTES) }))
    // Row 1
    const [endpoint, routed] = route(request)
    if (!endpoint) return new Exchange(request, truncate(request.body)).reply(routed)
    if (request.tooLarge) return new Exchange(request, undefined).reply(fail('payload_too_large', { limit: String(MAX_BODY_BYTES) }))
    // Read now, judged in row 10: faults and Prefer match on what the request names.
    const input = readInput(endpoint.input, request)
    const logged = loggedBody(request, endpoint, input)
    const exchange = new Exchange(request, logged)
    // The journal keeps a JSON body as sent when what it logs is that body, parsed.
    if (endpoint.input === 'json' && input.ok && logged === input.value && request.body?.trim()) exchange.loggedText = request.body
    exchange.endpoint = endpoint
    // Tenant by credentials (best effort: faults and Prefer come before auth is checked).
    const date = request.headers.date
    const auth = parseAuthorization(date, request.headers.authorization)
    const client = clientOf(auth.ok ? auth.value : undefined, input, tokens)
    exchange.tenant = tenantOf(tenants, auth.ok ? auth.value : undefined, client)
    const forced = forcedAnswer(exchange, endpoint, input, client)
    if (forced) return forced
    const tenant = exchange.tenant
    let credential: Env['credential'] | undefined
    if (endpoint.auth === 'license') {
      // Rows 2–5
      if (!auth.ok) return exchange.reply(auth)
      // Row 6 (an issued token is verified as it is read)
      const authorized = authorize(tenant?.store.credentials() ?? [], auth.value, tokens, realNow())
      if (!authorized.ok) return exchange.reply(authorized)
      credential = authorized.value.credential
      const rejected =
        checkCredential(credential) ??
        // Row 7: real time, not the mock clock: the client signs with its own clock.
        checkDate(date!, realNow(), windowMs) ??
        // Rows 8–9
        checkSignature({ auth: auth.value, authorized: { ...authorized.value, credential: credential! }, date: date!, mutates: endpoint.mutates })
      if (rejected) return exchange.reply(rejected)
    }
    // Row 10
    if (!input.ok) return exchange.reply(input)
    const { store, clock } = tenant ?? tenants.get()!
    // Rows 11 onwards: the endpoint's own.
    // The origin is read only by answers that name a URL of ours: parsing the Host header for every
    // request was 13 % of the engine's time on the bench's success path (and a getter here, 12 %).
    const env: Env = { credential: credential!, store, now: clock.now(), clock, signer, realNow: realNow(), origin: () => originOf(request), tokens, tokenLifetime }
    return exchange.reply(endpoint.run(input.value, env))
  }

  /** Faults and Prefer: an answer on demand, state untouched. Undefined when neither asks. */
  function forcedAnswer(exchange: Exchange, endpoint: Endpoint, input: Result<unknown>, client: string | undefined): CoreResponse | undefined {
    // The default tenant's faults when the key is unknown.
    const faults = (exchange.tenant ?? tenants.get()!).faults
    const fault = faults.empty ? undefined : faults.take(faultTarget(endpoint, input, client), endpoint.name, (code) => answeredBy(code, endpoint))
    exchange.delayMs = fault?.delay_ms || undefined
    exchange.faultId = fault?.id
    // A network fault sends no answer (the adapter breaks the connection): the body is never sent.
    if (fault?.network) return exchange.reply(ok({ code: `network:${fault.network}`, body: '', changed: false }), { network: fault.network })
    if (fault?.error) {
      const forced = forcedError(fault.error, exchange)
      return exchange.reply({ ok: false, error: { ...forced, status: fault.status ?? forced.status } })
    }
    const preference = parsePrefer(exchange.request.headers.prefer, (code) => answeredBy(code, endpoint))
    if (!preference.ok) return exchange.reply(preference)
    if (preference.value === undefined) return undefined
    if (preference.value.kind === 'error') {
      const { code } = preference.value
      if (!answeredBy(code, endpoint)) return exchange.reply(fail('invalid_prefer_header', { reason: `${endpoint.name} does not answer ${code}` }))
      return exchange.reply({ ok: false, error: forcedError(code, exchange) })
    }
    // A signed answer only comes from the state: Prefer forces errors there, not successes.
    if (endpoint.example === undefined) {
      return exchange.reply(fail('invalid_prefer_header', { reason: `${endpoint.name} answers success from the state only; Prefer can force its errors` }))
    }
    return exchange.reply(ok({ code: endpoint.success, body: endpoint.example, changed: false }))
  }

  /** What a fault matches on: the request's fields, and the client whose token it carries (a token request is not faulted by it). */
  function faultTarget(endpoint: Endpoint, input: Result<unknown>, client: string | undefined): FaultTarget {
    const fields: FaultTarget = input.ok && typeof input.value === 'object' && input.value !== null ? (input.value as FaultTarget) : {}
    return client === undefined || endpoint.auth !== 'license' ? { ...fields, client_id: undefined } : { ...fields, client_id: client }
  }

  /** A forced error's body: its example, except that `not_found` names the request's own method and path. */
  function forcedError(code: ErrorCode, exchange: Exchange): ErrorBody {
    const { method, path } = exchange.request
    return code === 'not_found' ? fail('not_found', { path: `${truncate(method, 20)} ${truncate(path, 200)}` }).error : exampleBody(code)
  }

  return {
    handle,
    journal,
    publicKey: signer.publicKeyPem,
    tenant: (id = DEFAULT_TENANT) => tenants.get(id),
    tenants: () => tenants.all(),
    createTenant: (input, id) => tenants.create(input, id),
    removeTenant: (id) => tenants.remove(id),
    replaceState: (id, input) => tenants.replace(id, input),
    resetTenant: (id) => tenants.reset(id),
    portalFile(kind, input, tenantId = DEFAULT_TENANT) {
      const tenant = tenants.get(tenantId)
      if (!tenant) return problem(404, `no tenant "${tenantId}"`)
      const { store, clock } = tenant
      const env = { store, now: clock.now(), clock, signer, realNow: realNow(), origin: () => 'http://localhost', tokens, tokenLifetime }
      const made = (kind === 'activation' ? activationFile : refreshFile)(input, env)
      if (!made.ok) return made
      // Like the admin API's other changes, not waited for here (see onChange).
      if (made.value.changed) void changed(tenant.id)?.catch(() => undefined)
      return ok(made.value.file)
    },
    async reset() {
      await tenants.resetAll()
      journal.clear()
    },
  }
}

/** Row 1: the endpoint at this path and method; else `not_found`, or `method_not_allowed`. */
function route(request: CoreRequest): [Endpoint, undefined] | [undefined, Result<Success>] {
  const candidates = endpointsAt(request.path)
  const endpoint = candidates.find((candidate) => candidate.method === request.method)
  if (endpoint) return [endpoint, undefined]
  if (candidates.length === 0) return [undefined, fail('not_found', { path: `${truncate(request.method, 20)} ${truncate(request.path, 200)}` })]
  const allowed = candidates.map((candidate) => candidate.method).join(', ')
  return [undefined, fail('method_not_allowed', { method: truncate(request.method, 20), path: truncate(request.path, 200), allowed })]
}

/**
 * The body as the journal keeps it: parsed when small and shallow (the journal is listed with
 * JSON.stringify, which recurses, and holds up to journalSize entries; valid JSON nested n deep
 * takes 2n characters), else the text, truncated. A query is kept as sent.
 */
function loggedBody(request: CoreRequest, endpoint: Endpoint, input: Result<unknown>): unknown {
  if (endpoint.input === 'query') return input.ok ? input.value : undefined
  const size = request.body?.length ?? 0
  if (input.ok && size <= JOURNAL_BODY_CHARS && (size <= 2 * JOURNAL_BODY_DEPTH || shallow(input.value, JOURNAL_BODY_DEPTH))) return input.value
  return truncate(request.body)
}

/** No array or object nested deeper than `depth` levels. */
function shallow(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (depth === 0) return false
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (!shallow(item, depth - 1)) return false
  return true
}

/** The OAuth client a request names: its token's (unverified), or the token request's `client_id`. */
function clientOf(auth: AuthHeader | undefined, input: Result<unknown>, tokens: TokenIssuer): string | undefined {
  if (auth?.kind === 'bearer') return tokens.peek(auth.token)
  const fields = input.ok ? (input.value as { client_id?: unknown } | undefined) : undefined
  return typeof fields?.client_id === 'string' ? fields.client_id : undefined
}

/** The tenant whose credential the request names: by api key, fixed bearer token, or client id. */
function tenantOf(tenants: Tenants, auth: AuthHeader | undefined, client: string | undefined): Tenant | undefined {
  if (auth?.kind === 'hmac') return tenants.find('api_key', auth.apiKey)
  const fixed = auth?.kind === 'bearer' ? tenants.find('bearer_token', auth.token) : undefined
  return fixed ?? (client === undefined ? undefined : tenants.find('client_id', client))
}

/** Where the client reached us: the adapter's origin, else the Host header (a malformed one is ignored). */
function originOf(request: CoreRequest): string {
  if (request.origin) return request.origin
  const host = request.headers.host
  const origin = host ? `http://${host}` : undefined
  return origin !== undefined && URL.canParse(origin) && new URL(origin).host === host!.toLowerCase() ? origin : 'http://localhost'
}

function truncate<T extends string | undefined>(text: T, max = 4096): T {
  return (text === undefined || text.length <= max ? text : `${text.slice(0, max)}…`) as T
}

export { ENDPOINTS }
