// Where scenarios run. A target opens one session per scenario: its own isolated state, the
// credentials to sign with, and (when it can) control of the clock, faults, reset and state.
//   in-process   a fresh engine per scenario, no network
//   mock server  a licensespring-mock server: one tenant per scenario through /__admin
//   http         any other server (e.g. the real API): requests only, credentials from options
import { randomBytes, randomUUID } from 'node:crypto'
import { applyClockUpdate, createClock, parseInstant, type Clock } from '../core/clock.ts'
import { createEngine, MAX_BODY_BYTES } from '../core/engine.ts'
import { toCoreRequest } from '../core/request.ts'
import type { FaultSpec } from '../core/faults.ts'
import { validateSeed, type SeedInput } from '../core/seed.ts'
import { adminJson, ConnectionError, sendHttp, type Outcome, type WireRequest } from './http-client.ts'
import type { Scenario } from './load.ts'
import type { ClockStep } from './schema.ts'

export type { Outcome, WireRequest } from './http-client.ts'

export interface Credentials {
  api_key: string
  shared_key: string
}

export interface Session {
  /** What the scenario signs with by default: the first credential of its seed. */
  readonly credentials?: Credentials
  /**
   * Seed API keys and bearer tokens → the ones this session's tenant really uses. A shared
   * server gives every tenant its own keys, so the runner renames them and translates here.
   */
  readonly renamed: ReadonlyMap<string, string>
  send(request: WireRequest, timeoutMs: number): Promise<Outcome>
  clock(step: ClockStep): Promise<void>
  fault(spec: FaultSpec): Promise<void>
  /** State, faults and clock back to the scenario's start. */
  reset(): Promise<void>
  /** The tenant's state in seed format. */
  state(): Promise<SeedInput>
  /** The public key (PEM) activation and check answers should verify with; undefined when unknown. */
  publicKey(): Promise<string | undefined>
  close(): Promise<void>
}

export interface Target {
  readonly kind: 'in-process' | 'mock-server' | 'http'
  /** For reports: "in-process" or the base URL. */
  readonly description: string
  /** Why this target cannot run the scenario (it is then skipped); undefined when it can. */
  cannotRun(scenario: Scenario): string | undefined
  open(scenario: Scenario): Promise<Session>
}

const IDENTITY: ReadonlyMap<string, string> = new Map()

/** A fresh engine per scenario: isolated state, so scenarios run in parallel safely. */
export function inProcessTarget(): Target {
  return {
    kind: 'in-process',
    description: 'in-process',
    cannotRun: () => undefined,
    async open(scenario) {
      const input = withCredentials(scenario.seed ?? {})
      const parsed = validateSeed(input)
      if (!parsed.ok) throw new Error(`invalid seed: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`)
      const clock = createClock()
      const startClock = () => {
        if (scenario.clock) applyClock(clock, { frozen: true, now: scenario.clock })
      }
      startClock()
      const engine = await createEngine({ seed: parsed.seed, clock })
      const tenant = () => engine.tenant()!
      const first = parsed.seed.credentials.find((credential) => credential.api_key !== undefined)
      return {
        credentials: first ? { api_key: first.api_key!, shared_key: first.shared_key! } : undefined,
        renamed: IDENTITY,
        async send(request, timeoutMs) {
          const response = engine.handle(toCoreRequest({ method: request.method, url: request.path, headers: request.headers, body: request.body }))
          if (response.delayMs) {
            await sleep(Math.min(response.delayMs, timeoutMs))
            if (response.delayMs > timeoutMs) return { kind: 'network', network: 'timeout', detail: `no answer within ${timeoutMs} ms` }
          }
          if (response.network === 'timeout') return { kind: 'network', network: 'timeout', detail: 'the fault holds the request open' }
          if (response.network) return { kind: 'network', network: response.network, detail: `network fault: ${response.network}` }
          return { kind: 'response', status: response.status, headers: { ...response.headers }, body: response.body }
        },
        async clock(step) {
          applyClock(tenant().clock, step)
        },
        async fault(spec) {
          const added = tenant().faults.add(spec)
          if (!added.ok) throw new Error(`fault rejected: ${added.error.message}`)
        },
        async reset() {
          const result = await engine.resetTenant(tenant().id)
          if (!result.ok) throw new Error(result.error.message)
          startClock()
        },
        state: async () => tenant().store.toSeed(),
        publicKey: async () => engine.publicKey,
        close: async () => undefined,
      }
    },
  }
}

/** A clock step through the one applier; a move it refuses (out of range) fails the step. */
export function applyClock(clock: Clock, step: ClockStep): void {
  const applied = applyClockUpdate(clock, step)
  if (!applied.ok) throw new Error(`clock: ${applied.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`)
}

/** A seed with no credentials gets one, as a tenant created through the admin API does. */
function withCredentials(seed: SeedInput): SeedInput {
  if (seed.credentials && seed.credentials.length > 0) return seed
  return { ...seed, credentials: [{ api_key: `scenario-${randomUUID()}`, shared_key: randomBytes(24).toString('base64url') }] }
}

export interface MockServerTargetOptions {
  /** Where /__admin lives. */
  adminUrl: string
  /** Where License API requests go (default: adminUrl). A proxy in front of the server, e.g. `prism proxy`. */
  requestUrl?: string
}

/** A licensespring-mock server: one tenant per scenario, created from its seed and deleted after. */
export function mockServerTarget(options: MockServerTargetOptions): Target {
  const admin = options.adminUrl
  const requests = options.requestUrl ?? admin
  return {
    kind: 'mock-server',
    description: requests === admin ? admin : `${requests} (admin ${admin})`,
    cannotRun: () => undefined,
    async open(scenario) {
      const suffix = randomUUID().slice(0, 8)
      const { seed, renamed } = renameKeys(scenario.seed ?? {}, suffix)
      const created = await adminJson<{ tenant: string; api_key?: string; shared_key?: string } | { message?: string }>(admin, 'POST', '/__admin/tenants', seed)
      if (created.status !== 200 && created.status !== 201) throw new Error(`POST /__admin/tenants answered ${created.status}: ${JSON.stringify(created.value)}`)
      const { tenant, api_key, shared_key } = created.value as { tenant: string; api_key?: string; shared_key?: string }
      const query = `?tenant=${encodeURIComponent(tenant)}`
      const call = async (method: string, path: string, body?: unknown) => {
        const answer = await adminJson<unknown>(admin, method, `${path}${query}`, body)
        if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.value)}`)
        return answer.value
      }
      // One PUT per step: the server applies the same grammar.
      const setClock = async (step: ClockStep) => void (await call('PUT', '/__admin/clock', step))
      const startClock = async () => {
        if (scenario.clock) await setClock({ frozen: true, now: scenario.clock })
      }
      const remove = () => adminJson(admin, 'DELETE', `/__admin/tenants/${encodeURIComponent(tenant)}`).catch(() => undefined)
      try {
        await startClock()
      } catch (error) {
        await remove()
        throw error
      }
      return {
        credentials: api_key !== undefined && shared_key !== undefined ? { api_key, shared_key } : undefined,
        renamed,
        send: (request, timeoutMs) => sendHttp(requests, request, timeoutMs),
        clock: setClock,
        // A client_id of the seed is the tenant's.
        fault: async (spec) => {
          const clientId = (spec.match as { client_id?: string } | undefined)?.client_id
          const renamedSpec = clientId === undefined ? spec : { ...spec, match: { ...spec.match, client_id: renamed.get(clientId) ?? clientId } }
          await call('POST', '/__admin/faults', renamedSpec)
        },
        async reset() {
          await call('POST', '/__admin/reset')
          await startClock()
        },
        state: async () => (await call('GET', '/__admin/state')) as SeedInput,
        publicKey: async () => ((await adminJson<{ public_key?: string }>(admin, 'GET', '/__admin/public-key')).value?.public_key),
        close: async () => void (await remove()),
      }
    },
  }
}

/** Every api_key, client_id and bearer_token of the seed gets a suffix, unique to this tenant. */
function renameKeys(seed: SeedInput, suffix: string): { seed: SeedInput; renamed: Map<string, string> } {
  const renamed = new Map<string, string>()
  const rename = (value: string) => {
    const next = `${value}.${suffix}`
    renamed.set(value, next)
    return next
  }
  const credentials = seed.credentials?.map((credential) => ({
    ...credential,
    ...(credential.api_key ? { api_key: rename(credential.api_key) } : {}),
    ...(credential.client_id ? { client_id: rename(credential.client_id) } : {}),
    ...(credential.bearer_token ? { bearer_token: rename(credential.bearer_token) } : {}),
  }))
  return { seed: credentials ? { ...seed, credentials } : seed, renamed }
}

export interface HttpTargetOptions {
  url: string
  /** Signs requests; scenarios that sign are skipped without them. */
  credentials?: Credentials
  /** PEM public key that `expect.signed` verifies with; scenarios that use it are skipped without it. */
  publicKey?: string
}

/** Any server that speaks the License API: requests only. */
export function httpTarget(options: HttpTargetOptions): Target {
  return {
    kind: 'http',
    description: options.url,
    cannotRun(scenario) {
      if (scenario.seed) return 'needs seeding (seed/given): only a licensespring-mock server can be seeded'
      const control = scenario.steps.find((step) => step.clock || step.fault || step.reset)
      if (control) return `needs ${control.clock ? 'clock' : control.fault ? 'fault' : 'reset'} control: only a licensespring-mock server has it`
      if (scenario.then || scenario.steps.some((step) => step.then)) return 'asserts state (then): only a licensespring-mock server exposes it'
      const signs = scenario.steps.some((step) => step.request && step.request.sign !== false && !step.request.oauth && !(step.request.credentials?.api_key && step.request.credentials.shared_key))
      if (signs && !options.credentials) return 'signs requests: pass --api-key and --shared-key'
      if (!options.publicKey && scenario.steps.some((step) => step.expect?.signed)) return "verifies signatures (expect.signed): pass the server's --public-key FILE"
      return undefined
    },
    async open() {
      const unsupported = async () => {
        throw new Error('not supported by this target')
      }
      return {
        credentials: options.credentials,
        renamed: IDENTITY,
        send: (request, timeoutMs) => sendHttp(options.url, request, timeoutMs),
        clock: unsupported,
        fault: unsupported,
        reset: unsupported,
        state: unsupported,
        publicKey: async () => options.publicKey,
        close: async () => undefined,
      }
    },
  }
}

export interface ConnectOptions {
  /** For servers that are not licensespring-mock. */
  credentials?: Credentials
  /** For servers that are not licensespring-mock: the key `expect.signed` verifies with. */
  publicKey?: string
  /** Send License API requests here instead of `url` (admin calls still go to `url`). */
  requestUrl?: string
}

/**
 * A base URL → the right target: a licensespring-mock server when `GET /__admin/health` answers
 * `{status: "ok"}`, any other server otherwise. Throws ConnectionError when nothing answers.
 */
export async function connectTarget(url: string, options: ConnectOptions = {}): Promise<Target> {
  let base: URL
  try {
    base = new URL(url)
  } catch {
    throw new ConnectionError(url, 'not a URL')
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new ConnectionError(url, 'only http and https URLs')
  const health = await adminJson<{ status?: unknown }>(url, 'GET', '/__admin/health', undefined, 10_000).catch((error: unknown) => {
    if (error instanceof ConnectionError) throw error
    return undefined
  })
  if (health && health.status === 200 && health.value?.status === 'ok') return mockServerTarget({ adminUrl: url, requestUrl: options.requestUrl })
  return httpTarget({ url: options.requestUrl ?? url, credentials: options.credentials, publicKey: options.publicKey })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
