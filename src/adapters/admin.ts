// The /__admin API: JSON in and out, a table of routes translated onto the engine's own
// controls (tenants, state, journal, faults, clock). No rules here and no node:http: the http
// adapter reads the body and writes what `handle` returns.
import { createHash, timingSafeEqual } from 'node:crypto'
import { applyClockUpdate } from '../core/clock.ts'
import { DEFAULT_TENANT, MAX_BODY_BYTES, type AdminResult, type Engine, type Tenant } from '../core/engine.ts'
import type { JournalFilter } from '../core/journal.ts'
import { parseJsonDocument } from '../core/json-keys.ts'
import { tooLargeState } from './state-size.ts'
import { parseSeedText, type SeedIssue } from '../core/seed.ts'

export const ADMIN_PREFIX = '/__admin'
/** Seed uploads (PUT state, POST tenants) may be large generated data sets. */
export const MAX_SEED_BYTES = 64 * 1024 * 1024

/** What the admin API needs of the engine: everything but `handle`. */
export type AdminEngine = Pick<Engine, 'journal' | 'publicKey' | 'tenant' | 'tenants' | 'createTenant' | 'removeTenant' | 'replaceState' | 'reset' | 'resetTenant' | 'portalFile'>

export interface AdminRequest {
  method: string
  /** The full path, starting with /__admin, without the query string. */
  path: string
  /** The raw query string, without the leading `?`. */
  query: string
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>
  body?: string
  /** The adapter stopped reading at `bodyLimit(method, path)` bytes. */
  tooLarge?: boolean
}

export interface AdminResponse {
  status: number
  headers: Record<string, string>
  /** Serialized JSON; absent for 204. */
  body?: string
}

export interface Admin {
  /**
   * With a token: undefined when the request carries `Authorization: Bearer <token>`, else the
   * 401 to answer (the adapter checks it before reading a body). Without a token: undefined.
   */
  authorize(headers: AdminRequest['headers']): AdminResponse | undefined
  /** How many body bytes the adapter may buffer for this route. */
  bodyLimit(method: string, path: string): number
  handle(request: AdminRequest): Promise<AdminResponse>
}

export type AdminErrorCode =
  | 'admin_unauthorized'
  | 'admin_forbidden_origin'
  | 'admin_bad_request'
  | 'admin_not_found'
  | 'admin_method_not_allowed'
  | 'admin_conflict'
  | 'admin_payload_too_large'
  | 'admin_state_not_saved'

interface Context {
  params: Record<string, string>
  query: URLSearchParams
  /** The parsed body (JSON, or a validated seed from YAML); undefined when the route takes none. */
  body: unknown
  /** The tenant named by `?tenant=` (default `default`), for routes that act on one. */
  tenant: Tenant
  /** Characters of the request body as sent. */
  bodyChars: number
}

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Below /__admin; `:name` segments are captured into params. */
  path: string
  /** Query parameters it accepts; any other one is a 400. */
  query?: readonly string[]
  /** Resolve `?tenant=` before the handler (404 when unknown). */
  tenant?: boolean
  /** `json`: a JSON body is required. `seed`: JSON, or YAML by content-type; `required: false` reads an empty body as `{}`. */
  body?: { kind: 'json' | 'seed'; required: boolean }
  handler(context: Context): AdminResponse | Promise<AdminResponse>
}

const JSON_HEADERS = { 'content-type': 'application/json' }
const YAML_TYPES = new Set(['application/yaml', 'text/yaml', 'application/x-yaml', 'text/x-yaml'])
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
export const ADMIN_TOKEN = /^[\x21-\x7e]+$/

export function json(status: number, value: unknown, headers: Record<string, string> = {}): AdminResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) }
}

export function adminError(status: number, code: AdminErrorCode, message: string, extra: { issues?: SeedIssue[]; headers?: Record<string, string> } = {}): AdminResponse {
  const body = extra.issues ? { status, code, message, issues: extra.issues } : { status, code, message }
  return json(status, body, extra.headers)
}

const noContent = (): AdminResponse => ({ status: 204, headers: {} })
const badRequest = (message: string, issues?: SeedIssue[]) => adminError(400, 'admin_bad_request', message, { issues })
const notFound = (message: string) => adminError(404, 'admin_not_found', message)

const CODE_OF_STATUS: Record<400 | 404 | 409 | 413, AdminErrorCode> = { 400: 'admin_bad_request', 404: 'admin_not_found', 409: 'admin_conflict', 413: 'admin_payload_too_large' }

/** An engine admin result → the response: `ok` as given, failures with their status, message and issues. */
function fromResult<T>(result: AdminResult<T>, ok: (value: T) => AdminResponse): AdminResponse {
  if (result.ok) return ok(result.value)
  const { status, message, issues } = result.error
  return adminError(status, CODE_OF_STATUS[status], issues?.length ? `${message}: ${describeIssues(issues)}` : message, { issues })
}

function describeIssues(issues: readonly SeedIssue[]): string {
  const [first] = issues
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return `${first.path || '(root)'}: ${first.message}${more}`
}

/** Journal pages: entries per page unless `limit` says otherwise, and the most characters one answer takes. */
export const REQUESTS_PAGE = 100
const REQUESTS_PAGE_CHARS = 16 * 1024 * 1024

function routes(engine: AdminEngine, version: string, saved: () => Promise<void>): Route[] {
  /** The default tenant's state changed: answered once it is on disk (with --state-file). */
  const durable = async (tenant: string | null, ok: () => AdminResponse): Promise<AdminResponse> => {
    if (tenant !== null && tenant !== DEFAULT_TENANT) return ok()
    try {
      await saved()
      return ok()
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200)
      return adminError(503, 'admin_state_not_saved', `the change was applied but could not be saved to the state file (${reason}); the save is retried`, { headers: { 'retry-after': '1' } })
    }
  }
  const sized = (body: unknown, chars: number): AdminResponse | undefined => {
    const reason = tooLargeState(body, chars)
    return reason === undefined ? undefined : adminError(413, 'admin_payload_too_large', reason)
  }

  return [
    { method: 'GET', path: '/health', handler: () => json(200, { status: 'ok', version }) },

    // The key SDKs verify activation and check signatures with; `?format=pem` for a .pem file.
    {
      method: 'GET',
      path: '/public-key',
      query: ['format'],
      handler({ query }) {
        const format = query.get('format') ?? 'json'
        if (format === 'pem') return { status: 200, headers: { 'content-type': 'application/x-pem-file' }, body: engine.publicKey }
        if (format !== 'json') return badRequest(`format must be "json" or "pem", got "${format.slice(0, 40)}"`)
        return json(200, { public_key: engine.publicKey, algorithm: 'RSA-SHA256', format: 'spki-pem' })
      },
    },

    {
      method: 'POST',
      path: '/reset',
      query: ['tenant'],
      async handler({ query }) {
        const id = query.get('tenant')
        if (id === null) {
          await engine.reset()
          return durable(id, () => json(200, { status: 'reset' }))
        }
        const result = await engine.resetTenant(id)
        return result.ok ? durable(id, () => json(200, { status: 'reset', tenant: id })) : fromResult(result, () => json(200, {}))
      },
    },

    { method: 'GET', path: '/state', query: ['tenant'], tenant: true, handler: ({ tenant }) => stateAnswer(tenant) },
    {
      method: 'PUT',
      path: '/state',
      query: ['tenant'],
      tenant: true,
      body: { kind: 'seed', required: true },
      async handler({ tenant, body, bodyChars }) {
        const refused = sized(body, bodyChars)
        if (refused) return refused
        const result = await engine.replaceState(tenant.id, body)
        return result.ok ? durable(tenant.id, () => json(200, { status: 'ok' })) : fromResult(result, () => json(200, {}))
      },
    },

    {
      method: 'GET',
      path: '/tenants',
      handler: () =>
        json(200, {
          tenants: engine.tenants().map((tenant) => ({ tenant: tenant.id, api_keys: tenant.store.credentials().flatMap((credential) => (credential.api_key === undefined ? [] : [credential.api_key])), client_ids: tenant.store.credentials().flatMap((credential) => (credential.client_id === undefined ? [] : [credential.client_id])) })),
        }),
    },
    {
      method: 'POST',
      path: '/tenants',
      query: ['id'],
      body: { kind: 'seed', required: false },
      async handler({ query, body, bodyChars }) {
        const refused = sized(body, bodyChars)
        if (refused) return refused
        const id = query.get('id') ?? undefined
        if (id !== undefined && !TENANT_ID.test(id)) {
          return badRequest(`id: "${id.slice(0, 80)}" is not a tenant id: use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit`)
        }
        return fromResult(await engine.createTenant(body, id), (created) => json(201, created))
      },
    },
    {
      method: 'DELETE',
      path: '/tenants/:id',
      handler({ params }) {
        if (params.id === DEFAULT_TENANT) return badRequest('the default tenant cannot be removed; POST /__admin/reset restores it')
        return engine.removeTenant(params.id) ? noContent() : notFound(`no tenant "${params.id}"`)
      },
    },

    {
      method: 'GET',
      path: '/requests',
      query: ['code', 'license_key', 'hardware_id', 'limit', 'before', 'tenant'],
      handler({ query }) {
        const filter: JournalFilter = { limit: REQUESTS_PAGE }
        for (const field of ['code', 'license_key', 'hardware_id'] as const) {
          const value = query.get(field)
          if (value !== null) filter[field] = value
        }
        for (const [field, digits] of [['limit', 9], ['before', 15]] as const) {
          const value = query.get(field)
          if (value === null) continue
          if (!new RegExp(`^[1-9]\\d{0,${digits - 1}}$`).test(value)) return badRequest(`${field}: must be a positive integer, got "${value.slice(0, 40)}"`)
          filter[field] = Number(value)
        }
        const tenant = query.get('tenant')
        if (tenant !== null) {
          if (!engine.tenant(tenant)) return notFound(`no tenant "${tenant}"`)
          filter.tenant = tenant
        }
        // Built from each entry's own JSON text, and never larger than one page.
        const page = engine.journal.page(filter, REQUESTS_PAGE_CHARS)
        let next = ''
        if (page.next !== undefined) {
          const rest = new URLSearchParams(query)
          rest.set('before', String(page.next))
          next = `,"next":${JSON.stringify(`${ADMIN_PREFIX}/requests?${rest}`)}`
        }
        return { status: 200, headers: { ...JSON_HEADERS }, body: `{"requests":[${page.entries.join(',')}]${next}}` }
      },
    },
    {
      method: 'DELETE',
      path: '/requests',
      handler() {
        engine.journal.clear()
        return noContent()
      },
    },

    {
      method: 'POST',
      path: '/faults',
      query: ['tenant'],
      tenant: true,
      body: { kind: 'json', required: true },
      handler({ tenant, body }) {
        const added = tenant.faults.add(body)
        return added.ok ? json(201, { id: added.value.id }) : badRequest(added.error.message)
      },
    },
    { method: 'GET', path: '/faults', query: ['tenant'], tenant: true, handler: ({ tenant }) => json(200, { faults: tenant.faults.list() }) },
    {
      method: 'DELETE',
      path: '/faults',
      query: ['tenant'],
      tenant: true,
      handler({ tenant }) {
        tenant.faults.clear()
        return noContent()
      },
    },
    {
      method: 'DELETE',
      path: '/faults/:id',
      query: ['tenant'],
      tenant: true,
      handler: ({ tenant, params }) => (tenant.faults.remove(params.id) ? noContent() : notFound(`no fault "${params.id}" on tenant "${tenant.id}"`)),
    },

    // The files an air-gapped customer gets from the portal: base64 text, or `?format=json` with the decoded content.
    ...(['activation', 'refresh'] as const).map(
      (kind): Route => ({
        method: 'POST',
        path: `/offline/${kind}-file`,
        query: ['tenant', 'format'],
        tenant: true,
        body: { kind: 'json', required: true },
        handler({ tenant, body, query }) {
          const format = query.get('format') ?? 'text'
          if (format !== 'text' && format !== 'json') return badRequest(`format must be "text" or "json", got "${format.slice(0, 40)}"`)
          const made = engine.portalFile(kind, body, tenant.id)
          if (!made.ok) return 'code' in made.error ? json(made.error.status, made.error) : fromResult(made as AdminResult<never>, () => noContent())
          const answer = () => (format === 'json' ? json(200, made.value) : { status: 200, headers: { 'content-type': 'text/plain' }, body: made.value.file })
          // An activation file activates the device: answered once that is saved.
          return kind === 'activation' ? durable(tenant.id, answer) : answer()
        },
      }),
    ),

    { method: 'GET', path: '/clock', query: ['tenant'], tenant: true, handler: ({ tenant }) => json(200, tenant.clock.state()) },
    {
      method: 'PUT',
      path: '/clock',
      query: ['tenant'],
      tenant: true,
      body: { kind: 'json', required: true },
      handler({ tenant, body }) {
        const applied = applyClockUpdate(tenant.clock, body)
        return applied.ok ? json(200, applied.state) : badRequest(describeIssues(applied.issues), applied.issues)
      },
    },
  ]
}

/**
 * The tenant's state as one JSON document. Activations can grow a state past what one string
 * holds (the admin API refuses to create such a state, not the License API): then a 413 says so.
 */
function stateAnswer(tenant: Tenant): AdminResponse {
  try {
    return json(200, tenant.store.toSeed())
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return adminError(413, 'admin_payload_too_large', `the state of tenant "${tenant.id}" is too large to answer as one JSON document (${error.message}); POST /__admin/reset brings it back to its seed`)
  }
}

interface CompiledRoute extends Route {
  segments: string[]
}

function matchPath(route: CompiledRoute, segments: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const pattern = route.segments[i]
    if (pattern.startsWith(':')) params[pattern.slice(1)] = segments[i]
    else if (pattern !== segments[i]) return undefined
  }
  return params
}

/** The path below /__admin as decoded segments; undefined when a segment is not valid percent-encoding. */
function splitPath(path: string): string[] | undefined {
  const rest = path.slice(ADMIN_PREFIX.length).replace(/\/+$/, '')
  try {
    return rest.split('/').slice(1).map((segment) => decodeURIComponent(segment))
  } catch {
    return undefined
  }
}

function header(headers: AdminRequest['headers'], name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

type Parsed = { ok: true; value: unknown } | { ok: false; response: AdminResponse }

function parseBody(route: Route, request: AdminRequest): Parsed {
  if (!route.body) return { ok: true, value: undefined }
  const text = request.body
  if (text === undefined || text.trim() === '') {
    if (route.body.required) return { ok: false, response: badRequest(`a JSON body is required for ${route.method} ${ADMIN_PREFIX}${route.path}`) }
    return { ok: true, value: {} }
  }
  const type = header(request.headers, 'content-type')?.split(';')[0].trim().toLowerCase()
  if (route.body.kind === 'seed' && type !== undefined && YAML_TYPES.has(type)) {
    const parsed = parseSeedText(text)
    return parsed.ok ? { ok: true, value: parsed.seed } : { ok: false, response: badRequest(`invalid seed: ${describeIssues(parsed.issues)}`, parsed.issues) }
  }
  const parsed = parseJsonDocument(text)
  if (parsed.ok) return parsed
  if (parsed.path) return { ok: false, response: badRequest(`request body: ${parsed.path}: ${parsed.message}`, [{ path: parsed.path, message: parsed.message }]) }
  const hint = route.body.kind === 'seed' ? ' (send YAML with Content-Type: application/yaml)' : ''
  return { ok: false, response: badRequest(`request body is ${parsed.message}${hint}`) }
}

export interface AdminOptions {
  version: string
  /**
   * Resolves once every change made so far is on disk (with --state-file); rejects when the save
   * failed. Changes of the default tenant's state are answered after it (503 when it rejects).
   */
  saved?: () => Promise<void>
  /** When set, every route requires `Authorization: Bearer <token>` (401 admin_unauthorized otherwise). */
  token?: string
}

/** SHA-256 of both sides, then a constant-time compare: no early exit, no length leak. */
function sameSecret(given: string, expected: Buffer): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), expected)
}

export function createAdmin(engine: AdminEngine, options: AdminOptions): Admin {
  if (options.token !== undefined && !ADMIN_TOKEN.test(options.token)) {
    throw new TypeError('adminToken: must be printable ASCII characters without spaces (it travels in an Authorization header)')
  }
  const expected = options.token === undefined ? undefined : createHash('sha256').update(options.token).digest()
  const authorize = (headers: AdminRequest['headers']): AdminResponse | undefined => {
    if (!expected) return undefined
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header(headers, 'authorization') ?? '')
    if (bearer && sameSecret(bearer[1], expected)) return undefined
    return adminError(401, 'admin_unauthorized', bearer ? 'the admin token is not valid' : 'the admin API requires Authorization: Bearer <admin token>', {
      headers: { 'www-authenticate': 'Bearer realm="licensespring-mock admin"' },
    })
  }
  const table: CompiledRoute[] = routes(engine, options.version, options.saved ?? (async () => {})).map((route) => ({ ...route, segments: route.path.split('/').slice(1) }))
  const listing = table.map((route) => `${route.method} ${ADMIN_PREFIX}${route.path}`).join(', ')

  const find = (method: string, path: string) => {
    const segments = splitPath(path)
    if (!segments) return { segments }
    let allowed: string[] = []
    for (const route of table) {
      const params = matchPath(route, segments)
      if (!params) continue
      if (route.method === method) return { segments, route, params }
      allowed = [...allowed, route.method]
    }
    return { segments, allowed }
  }

  return {
    authorize,

    bodyLimit(method, path) {
      const { route } = find(method, path)
      return route?.body?.kind === 'seed' ? MAX_SEED_BYTES : MAX_BODY_BYTES
    },

    async handle(request) {
      const denied = authorize(request.headers)
      if (denied) return denied
      const found = find(request.method, request.path)
      if (!found.segments) return badRequest(`path ${request.path.slice(0, 200)} is not valid percent-encoding`)
      if (!found.route) {
        if (found.allowed?.length) {
          const allow = found.allowed.join(', ')
          return adminError(405, 'admin_method_not_allowed', `Method ${request.method.slice(0, 20)} not allowed on ${request.path.slice(0, 200)}; use ${allow}`, { headers: { allow } })
        }
        return notFound(`no admin route ${request.method.slice(0, 20)} ${request.path.slice(0, 200)}; routes: ${listing}`)
      }
      const { route, params } = found
      if (request.tooLarge) {
        const limit = route.body?.kind === 'seed' ? MAX_SEED_BYTES : MAX_BODY_BYTES
        return adminError(413, 'admin_payload_too_large', `request body is larger than ${limit} bytes`)
      }
      const query = new URLSearchParams(request.query)
      for (const name of new Set(query.keys())) {
        if (!route.query?.includes(name)) {
          const accepted = route.query?.length ? `accepted: ${route.query.join(', ')}` : 'it takes none'
          return badRequest(`unknown query parameter "${name.slice(0, 40)}" for ${route.method} ${ADMIN_PREFIX}${route.path} (${accepted})`)
        }
      }
      let tenant: Tenant | undefined
      if (route.tenant) {
        const id = query.get('tenant') ?? DEFAULT_TENANT
        tenant = engine.tenant(id)
        if (!tenant) return notFound(`no tenant "${id.slice(0, 80)}"`)
      }
      const body = parseBody(route, request)
      if (!body.ok) return body.response
      // `tenant` is only read by routes that declare `tenant: true`.
      return route.handler({ params, query, body: body.value, tenant: tenant!, bodyChars: request.body?.length ?? 0 })
    },
  }
}
