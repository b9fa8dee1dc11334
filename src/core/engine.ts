// One call per request: a plain request in, a plain response out. The order of the stages is
// the order of DESIGN's flow: route → tenant → faults → Prefer → auth → body → rules → apply.
// Deactivation, activation and check share every stage but the rules and the answer.
import { randomBytes, randomUUID } from 'node:crypto'
import { checkCredential, checkDate, checkSignature, parseAuthorization, DATE_WINDOW_MS } from './auth.ts'
import { decideActivation } from './activate.ts'
import { readJson, readQuery, validateBody, type RequestKind } from './body.ts'
import { decideCheck } from './check.ts'
import { createClock, type Clock } from './clock.ts'
import { decideDeactivation } from './deactivate.ts'
import { exampleBody, fail, type ErrorBody } from './errors.ts'
import { createFaults, type Faults, type FaultTarget } from './faults.ts'
import { createJournal, type Journal } from './journal.ts'
import { renderActivation, renderCheck, type Signed } from './license-view.ts'
import { parsePrefer } from './prefer.ts'
import { validateSeed, type Seed, type SeedIssue } from './seed.ts'
import { createSigner, generateSigningKey, v1Id, type Signer } from './signing.ts'
import { snapshotSeed, type SeedSnapshot } from './snapshot.ts'
import { createStore, type CredentialRecord, type Store } from './store.ts'
import type { CoreRequest, CoreResponse } from './types.ts'

export const DEACTIVATE_PATH = '/api/v4/deactivate_license'
export const ACTIVATE_PATH = '/api/v4/activate_license'
export const CHECK_PATH = '/api/v4/check_license'

/** The endpoints: path → the method it takes and the request it reads. */
const ENDPOINTS = new Map<string, { method: 'POST' | 'GET'; kind: RequestKind; name: Endpoint }>([
  [DEACTIVATE_PATH, { method: 'POST', kind: 'deactivate', name: 'deactivate_license' }],
  [ACTIVATE_PATH, { method: 'POST', kind: 'activate', name: 'activate_license' }],
  [CHECK_PATH, { method: 'GET', kind: 'check', name: 'check_license' }],
])
export type Endpoint = 'deactivate_license' | 'activate_license' | 'check_license'
export const DEFAULT_TENANT = 'default'

export const MAX_BODY_BYTES = 1024 * 1024
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
   * The PEM private key (RSA, ≥ 2048 bits) activation and check answers are signed with. When
   * absent, one key pair generated on first use is shared by every engine of the process.
   */
  signingKey?: string
  /**
   * Called after a tenant's state changed: a successful deactivation or activation,
   * `replaceState`, `reset` (with the default tenant's id) and `resetTenant`. It must not throw
   * (a throw is ignored). A returned promise is the change's durability (the state file's
   * fsync): on an activation or deactivation it becomes the response's `commit`, which adapters
   * wait for before answering. The admin methods do not wait for it: a promise returned there
   * must carry its own rejection handler.
   */
  onChange?: (change: { tenant: string }) => Promise<void> | void
}

export interface Tenant {
  readonly id: string
  /**
   * The seed it was created from; `reset` goes back to it. Kept compressed, not as objects: each
   * read rebuilds it (a fresh copy, equal to that seed).
   */
  readonly initial: Seed
  store: Store
  readonly clock: Clock
  readonly faults: Faults
}

export type AdminResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; message: string; issues?: SeedIssue[] }

export interface Engine {
  handle(request: CoreRequest): CoreResponse
  readonly journal: Journal
  /** The public key (SPKI PEM) that verifies activation and check signatures. */
  readonly publicKey: string
  tenant(id?: string): Tenant | undefined
  tenants(): Tenant[]
  createTenant(seed: unknown, id?: string): Promise<AdminResult<{ tenant: string; api_key: string; shared_key: string }>>
  removeTenant(id: string): boolean
  /** Replaces a tenant's state with a seed document, atomically: all of it or nothing. */
  replaceState(id: string, seed: unknown): Promise<AdminResult<null>>
  /** The default tenant back to its seed; other tenants, journal and faults gone; clock real. */
  reset(): Promise<void>
  /** One tenant back to its seed, its faults cleared, its clock real; others untouched. */
  resetTenant(id: string): Promise<AdminResult<null>>
}

/** A success: the code the journal records, the JSON text and, for signed answers, the v2 signature. */
interface Answer {
  status: 200
  code: string
  json: string
  signature?: string
}
const DEACTIVATED: Answer = Object.freeze({ status: 200, code: 'license_deactivated', json: JSON.stringify('license_deactivated') })
const signed = (code: string, { body, signature }: Signed): Answer => ({ status: 200, code, json: body, signature })
const NO_EXTRA: Partial<CoreResponse> = Object.freeze({})

let sharedSigner: Promise<Signer> | undefined
/**
 * One generated key pair per process: generating one per engine would cost every test run
 * seconds. Starting it early (before a seed is read) hides its ~0.1 s behind the load.
 */
export function defaultSigner(): Promise<Signer> {
  sharedSigner ??= generateSigningKey().then(createSigner)
  return sharedSigner
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  // Started first: generating a key pair runs off the main thread while the seed loads.
  const signerReady = options.signingKey === undefined ? defaultSigner() : Promise.resolve(createSigner(options.signingKey))
  const realNow = options.realNow ?? Date.now
  const windowMs = options.dateWindowMs ?? DATE_WINDOW_MS
  const journal = options.journal ?? createJournal(options.journalSize)
  // Read once: nothing below holds `options`, so the seed objects it carries can be collected
  // once the store is built.
  const onChange = options.onChange
  const tenants = new Map<string, Tenant>()
  // api_key / bearer token → tenant id
  const byApiKey = new Map<string, string>()
  const byBearer = new Map<string, string>()
  const changed = (id: string): Promise<void> | undefined => {
    try {
      return onChange?.({ tenant: id }) ?? undefined
    } catch {
      // A listener's failure is its own: the change is made.
      return undefined
    }
  }
  /** The change this response reports, made durable before it is sent (see CoreResponse.commit). */
  const committed = (response: CoreResponse, id: string): CoreResponse => {
    const commit = changed(id)
    if (commit) response.commit = commit
    return response
  }

  const newTenant = async (id: string, seed: Seed, clock?: Clock | Date, faults?: Faults, snapshot?: SeedSnapshot): Promise<Tenant> => {
    const initial = snapshot ?? snapshotSeed(seed)
    return {
      id,
      get initial() {
        return initial.restore()
      },
      store: await createStore(seed),
      clock: clock && !(clock instanceof Date) ? clock : createClock(clock, realNow),
      faults: faults ?? createFaults(),
    }
  }
  /** A credential of the seed whose api_key or bearer token another tenant already answers to. */
  const takenBy = (seed: Seed, except?: string) =>
    seed.credentials.find((credential) => {
      const owners = [byApiKey.get(credential.api_key), credential.bearer_token ? byBearer.get(credential.bearer_token) : undefined]
      return owners.some((owner) => owner !== undefined && owner !== except)
    })
  const unindex = (id: string) => {
    for (const [key, owner] of [...byApiKey]) if (owner === id) byApiKey.delete(key)
    for (const [key, owner] of [...byBearer]) if (owner === id) byBearer.delete(key)
  }
  const index = (tenant: Tenant) => {
    unindex(tenant.id)
    for (const credential of tenant.store.credentials()) {
      byApiKey.set(credential.api_key, tenant.id)
      if (credential.bearer_token) byBearer.set(credential.bearer_token, tenant.id)
    }
  }
  const install = (tenant: Tenant) => {
    tenants.set(tenant.id, tenant)
    index(tenant)
  }
  install(await newTenant(DEFAULT_TENANT, options.seed, options.clock, options.faults, options.initial))
  const signer = await signerReady

  // The journal's time, rendered once per millisecond.
  let isoMs = NaN
  let iso = ''
  const isoNow = () => {
    const ms = realNow()
    if (ms !== isoMs) {
      isoMs = ms
      iso = new Date(ms).toISOString()
    }
    return iso
  }
  /** Error bodies as JSON, for the shared (parameterless) ones fail() returns. */
  const serialized = new WeakMap<ErrorBody, string>()
  const serialize = (result: ErrorBody) => {
    let text = serialized.get(result)
    if (text === undefined) {
      text = JSON.stringify(result)
      if (Object.isFrozen(result)) serialized.set(result, text)
    }
    return text
  }

  function respond(
    request: CoreRequest,
    body: unknown,
    tenant: Tenant | undefined,
    result: ErrorBody | Answer,
    extra: Partial<CoreResponse> = {},
    faultId?: string,
  ): CoreResponse {
    const response: CoreResponse =
      'json' in result
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: result.json, code: result.code, ...extra }
        : { status: result.status, headers: { 'content-type': 'application/json' }, body: serialize(result), code: result.code, ...extra }
    if ('json' in result && result.signature !== undefined) response.headers.licensesignature = result.signature
    // Also for the forced example (fault, Prefer), which is the deactivation one.
    if (response.code === 'method_not_allowed') response.headers.allow = 'POST'
    journal.record({
      time: isoNow(),
      tenant: tenant?.id,
      method: request.method,
      path: request.path,
      body,
      status: response.network ? 0 : response.status,
      code: response.network ? `network:${response.network}` : response.code,
      fault: faultId,
    })
    return response
  }

  function handle(request: CoreRequest): CoreResponse {
    // Row 1
    const path = request.path.length > 1 && request.path.endsWith('/') ? request.path.slice(0, -1) : request.path
    const endpoint = ENDPOINTS.get(path)
    if (!endpoint) {
      return respond(request, truncate(request.body), undefined, fail('not_found', { path: `${truncate(request.method, 20)} ${truncate(request.path, 200)}` }).error)
    }
    if (request.method !== endpoint.method) {
      const refused = respond(request, truncate(request.body), undefined, fail('method_not_allowed', { method: truncate(request.method, 20), path, allowed: endpoint.method }).error)
      refused.headers.allow = endpoint.method
      return refused
    }
    if (request.tooLarge) return respond(request, undefined, undefined, fail('payload_too_large', { limit: String(MAX_BODY_BYTES) }).error)
    // check_license reads its query string (a GET body is ignored); the others their JSON body.
    const query = endpoint.kind === 'check' ? readQuery(request.query) : undefined
    // Validation coerces query values in place: it gets a copy, the journal keeps what was sent.
    const json = query ? { ok: true as const, value: { ...query } as unknown } : readJson(request.body)
    // Parsed when small and shallow: the journal is listed with JSON.stringify, which recurses,
    // and holds up to journalSize entries. (Valid JSON nested n deep takes 2n characters.)
    const size = request.body?.length ?? 0
    const loggedBody =
      query ?? (json.ok && size <= JOURNAL_BODY_CHARS && (size <= 2 * JOURNAL_BODY_DEPTH || shallow(json.value, JOURNAL_BODY_DEPTH)) ? json.value : truncate(request.body))
    // Tenant by API key (best effort: faults and Prefer come before auth is checked).
    const date = request.headers.date
    const auth = parseAuthorization(date, request.headers.authorization)
    const tenantId = 'ok' in auth ? undefined : auth.kind === 'hmac' ? byApiKey.get(auth.apiKey) : byBearer.get(auth.token)
    const tenant = tenantId === undefined ? undefined : tenants.get(tenantId)

    // Forced faults (the default tenant's when the key is unknown).
    const target: FaultTarget = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as FaultTarget) : {}
    const fault = (tenant ?? tenants.get(DEFAULT_TENANT)!).faults.take(target, endpoint.name)
    const delay = fault?.delay_ms ? { delayMs: fault.delay_ms } : NO_EXTRA
    const faultId = fault?.id
    // A network fault sends no answer (the adapter breaks the connection): the body is a placeholder.
    if (fault?.network) return respond(request, loggedBody, tenant, DEACTIVATED, { network: fault.network, ...delay }, fault.id)
    if (fault?.error) {
      const forced = exampleBody(fault.error)
      return respond(request, loggedBody, tenant, { ...forced, status: fault.status ?? forced.status }, delay, fault.id)
    }

    // Prefer: a documented response on demand, state untouched.
    const preference = parsePrefer(request.headers.prefer)
    if (preference) {
      if ('ok' in preference) return respond(request, loggedBody, tenant, preference.error, delay, faultId)
      if (preference.kind === 'error') return respond(request, loggedBody, tenant, exampleBody(preference.code), delay, faultId)
      // A signed License only comes from a real license: Prefer forces errors there, not successes.
      if (endpoint.kind !== 'deactivate') {
        const refused = fail('invalid_prefer_header', { reason: `${endpoint.name} answers success from the state only; Prefer can force its errors` })
        return respond(request, loggedBody, tenant, refused.error, delay, faultId)
      }
      return respond(request, loggedBody, tenant, DEACTIVATED, delay, faultId)
    }

    // Rows 2–5
    if ('ok' in auth) return respond(request, loggedBody, tenant, auth.error, delay, faultId)
    // Row 6
    const credential = tenant === undefined ? undefined : findCredential(tenant.store.credentials(), auth)
    const rejected =
      checkCredential(credential) ??
      // Row 7: real time, not the mock clock: the client signs with its own clock.
      checkDate(date!, realNow(), windowMs) ??
      // Rows 8–9
      checkSignature(auth, credential!, date!, endpoint.kind !== 'check')
    if (rejected) return respond(request, loggedBody, tenant, rejected.error, delay, faultId)
    // Row 10
    if (!json.ok) return respond(request, loggedBody, tenant, json.error, delay, faultId)
    // Rows 11–12
    const store = tenant!.store
    const now = tenant!.clock.now()
    if (endpoint.kind === 'check') {
      const query = validateBody(json.value, methodOf(store), 'check')
      if (!query.ok) return respond(request, loggedBody, tenant, query.error, delay, faultId)
      const decision = decideCheck(query.value, credential!, store, now)
      if (!decision.ok) return respond(request, loggedBody, tenant, decision.error, delay, faultId)
      const view = { ...decision, product: store.product(query.value.product)!, signedId: v1Id(query.value, undefined), now }
      return respond(request, loggedBody, tenant, signed('license_checked', renderCheck(view, signer)), delay, faultId)
    }
    if (endpoint.kind === 'activate') {
      const body = validateBody(json.value, methodOf(store), 'activate')
      if (!body.ok) return respond(request, loggedBody, tenant, body.error, delay, faultId)
      const decision = decideActivation(body.value, credential!, store, now)
      if (!decision.ok) return respond(request, loggedBody, tenant, decision.error, delay, faultId)
      const device = store.applyActivation(decision.effect)
      const { license, user } = decision.effect
      const view = { license, user, device, product: store.product(body.value.product)!, signedId: v1Id(body.value, user?.email), now }
      return committed(respond(request, loggedBody, tenant, signed('license_activated', renderActivation(view, signer)), delay, faultId), tenant!.id)
    }
    const body = validateBody(json.value, methodOf(store))
    if (!body.ok) return respond(request, loggedBody, tenant, body.error, delay, faultId)
    // Rows 13–25
    const decision = decideDeactivation(body.value, credential!, store, now)
    if (!decision.ok) return respond(request, loggedBody, tenant, decision.error, delay, faultId)
    store.applyDeactivation(decision.effect)
    return committed(respond(request, loggedBody, tenant, DEACTIVATED, delay, faultId), tenant!.id)
  }

  return {
    handle,
    journal,
    publicKey: signer.publicKeyPem,
    tenant: (id = DEFAULT_TENANT) => tenants.get(id),
    tenants: () => [...tenants.values()],
    async createTenant(input, id) {
      const parsed = validateSeed(input ?? {})
      if (!parsed.ok) return { ok: false, status: 400, message: 'invalid seed', issues: parsed.issues }
      const seed = parsed.seed
      if (seed.credentials.length === 0) {
        seed.credentials.push({ api_key: `key-${randomUUID()}`, shared_key: randomBytes(30).toString('base64url'), revoked: false, read_only: false })
      }
      const tenantId = id ?? `tenant-${randomUUID().slice(0, 8)}`
      if (tenants.has(tenantId)) return { ok: false, status: 409, message: `tenant "${tenantId}" already exists` }
      const tenant = await newTenant(tenantId, seed)
      // Checked after the await: another tenant may have taken the key meanwhile.
      const taken = takenBy(seed)
      if (taken) return { ok: false, status: 409, message: `api_key "${taken.api_key}" (or its bearer_token) is already used by another tenant` }
      if (tenants.has(tenantId)) return { ok: false, status: 409, message: `tenant "${tenantId}" already exists` }
      install(tenant)
      const [first] = seed.credentials
      return { ok: true, value: { tenant: tenantId, api_key: first.api_key, shared_key: first.shared_key } }
    },
    removeTenant(id) {
      const tenant = tenants.get(id)
      if (!tenant || id === DEFAULT_TENANT) return false
      tenants.delete(id)
      unindex(id)
      return true
    },
    async replaceState(id, input) {
      const tenant = tenants.get(id)
      if (!tenant) return { ok: false, status: 404, message: `no tenant "${id}"` }
      const parsed = validateSeed(input ?? {})
      if (!parsed.ok) return { ok: false, status: 400, message: 'invalid seed', issues: parsed.issues }
      const store = await createStore(parsed.seed)
      const taken = takenBy(parsed.seed, id)
      if (taken) return { ok: false, status: 409, message: `api_key "${taken.api_key}" (or its bearer_token) is already used by another tenant` }
      if (tenants.get(id) !== tenant) return { ok: false, status: 404, message: `tenant "${id}" was removed meanwhile` }
      tenant.store = store
      index(tenant)
      changed(id)
      return { ok: true, value: null }
    },
    async resetTenant(id) {
      const tenant = tenants.get(id)
      if (!tenant) return { ok: false, status: 404, message: `no tenant "${id}"` }
      const store = await createStore(tenant.initial)
      if (tenants.get(id) !== tenant) return { ok: false, status: 404, message: `tenant "${id}" was removed meanwhile` }
      tenant.store = store
      tenant.clock.real()
      tenant.faults.clear()
      index(tenant)
      changed(id)
      return { ok: true, value: null }
    },
    async reset() {
      // The default tenant keeps its identity: callers hold its clock and faults.
      const base = tenants.get(DEFAULT_TENANT)!
      const store = await createStore(base.initial)
      for (const id of [...tenants.keys()]) if (id !== DEFAULT_TENANT) tenants.delete(id)
      byApiKey.clear()
      byBearer.clear()
      base.store = store
      base.clock.real()
      base.faults.clear()
      index(base)
      journal.clear()
      changed(DEFAULT_TENANT)
    },
  }
}

/** No array or object nested deeper than `depth` levels. */
function shallow(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (depth === 0) return false
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (!shallow(item, depth - 1)) return false
  return true
}

function findCredential(credentials: readonly CredentialRecord[], auth: { kind: 'hmac'; apiKey: string } | { kind: 'bearer'; token: string }): CredentialRecord | undefined {
  for (const credential of credentials) {
    if (auth.kind === 'hmac' ? credential.api_key === auth.apiKey : credential.bearer_token === auth.token) return credential
  }
  return undefined
}

/** One authorization-method lookup per store, not one closure per request. */
const methods = new WeakMap<Store, (product: string) => 'license-key' | 'user' | undefined>()
function methodOf(store: Store) {
  let lookup = methods.get(store)
  if (!lookup) methods.set(store, (lookup = (product: string) => store.product(product)?.authorization_method))
  return lookup
}

function truncate<T extends string | undefined>(text: T, max = 4096): T {
  return (text === undefined || text.length <= max ? text : `${text.slice(0, max)}…`) as T
}
