// createLicenseMock: the in-process entry point. One engine; msw handlers and controls over it.
import { fileURLToPath } from 'node:url'
import type { HttpHandler } from 'msw'
import { createHandlers } from './adapters/msw.ts'
import { CLOCK_RANGE, createClock, inClockRange, type Clock } from './core/clock.ts'
import { createEngine, DEFAULT_TENANT, type AdminResult, type Engine } from './core/engine.ts'
import { createFaults, type Faults } from './core/faults.ts'
import { createJournal, type JournalEntry, type JournalFilter } from './core/journal.ts'
import type { SeedInput } from './core/seed.ts'
import type { Db } from './core/store.ts'
import type { PortalRequest } from './core/portal.ts'
import type { Created } from './core/tenants.ts'
import { DEMO_SEED, InvalidSeedError, resolveSeedForEngine, signingKeyFor } from './seed-file.ts'

export interface LicenseMockOptions {
  /**
   * A seed file (YAML, or JSON for a .json file): a path relative to the working directory (or
   * absolute, or a file URL), or `'demo'` for the demo seed that ships with the package
   * (`demoSeedPath`); or a seed object. The demo seed when absent.
   */
  seed?: string | URL | SeedInput
  /** Start the license clock at this instant (ISO string or Date). */
  clock?: string | Date
  /** Journal capacity (default 10 000). */
  journalSize?: number
  /** PEM private key (RSA, ≥ 2048 bits) for activation and check signatures; when absent, the demo seed's key (`demoSigningKeyPath`) for the demo seed, else generated. */
  signingKey?: string
}

export interface LicenseMock {
  /** `setupServer(...mock.handlers)` */
  readonly handlers: HttpHandler[]
  /** Resolves once the seed is loaded; handlers wait for it by themselves. */
  readonly ready: Promise<Engine>
  /** The license clock: set, advance, freeze, real. */
  readonly clock: Clock
  /** Faults: `faults.add({ match: { license_key }, error: 'license_expired', times: 1 })`. */
  readonly faults: Faults
  readonly requests: { list(filter?: JournalFilter): JournalEntry[]; clear(): void }
  /**
   * The @msw/data model of the state (the default tenant's), once `ready` has resolved: query it
   * (`db.licenses.findFirst((q) => q.where({ license_key: 'K' }))`) and change it
   * (`await db.licenses.update(query, { data(license) { license.enabled = false } })`); the next
   * request sees the change. Records are the live state; what you write is checked like a seed.
   */
  readonly db: Db
  readonly state: {
    /** The current state in seed format. */
    get(): Promise<SeedInput>
    /** Replace the state with a seed document (atomically). */
    set(seed: SeedInput): Promise<void>
  }
  readonly tenants: {
    create(seed?: SeedInput): Promise<Created>
    remove(id: string): Promise<boolean>
  }
  /**
   * The files an air-gapped customer gets from the portal, as base64 text (what the SDKs read):
   * `activationFile({ request: reqText })` or `activationFile({ product, hardware_id, license_key })`
   * answers and activates like activate_offline; `refreshFile({ product, hardware_id, license_key })`
   * is an active device's license now. A refusal throws an Error with the License API's `code`.
   */
  readonly offline: {
    activationFile(input: PortalRequest): Promise<string>
    refreshFile(input: PortalRequest): Promise<string>
  }
  /** State back to the seed, journal and faults cleared, clock real. */
  reset(): Promise<void>
  /** The public key (SPKI PEM) that verifies activation and check signatures: give it to your SDK. */
  publicKey(): Promise<string>
}

export function createLicenseMock(options: LicenseMockOptions = {}): LicenseMock {
  const source = options.seed ?? DEMO_SEED
  const { seed, initial } = resolveSeedForEngine(source instanceof URL ? fileURLToPath(source) : source)
  const start = typeof options.clock === 'string' ? new Date(options.clock) : options.clock
  if (start && !inClockRange(start.getTime())) throw new TypeError(`clock: not a date within ${CLOCK_RANGE}: ${String(options.clock)}`)
  const clock = createClock(start)
  const faults = createFaults()
  const journal = createJournal(options.journalSize)
  const ready = createEngine({ seed, initial, clock, faults, journal, signingKey: signingKeyFor(options.seed, options.signingKey) })
  let engine: Engine | undefined
  void ready.then((value) => (engine = value), () => undefined)
  const store = () => {
    if (!engine) throw new Error('mock.db is there once the mock is ready: await mock.ready (or any awaited mock call) first')
    return engine.tenant()!.store
  }
  // Getters: reset and state.set put a new store in place; db always shows the current one.
  const db: Db = {
    get credentials() {
      return store().db.credentials
    },
    get products() {
      return store().db.products
    },
    get licenses() {
      return store().db.licenses
    },
    get sso() {
      return store().db.sso
    },
  }
  const unwrap = <T>(result: AdminResult<T>): T => {
    if (result.ok) return result.value
    if (result.error.issues) throw new InvalidSeedError('(object)', result.error.issues)
    throw new Error(result.error.message)
  }
  return {
    handlers: createHandlers(ready),
    ready,
    clock,
    faults,
    requests: { list: (filter) => journal.list(filter), clear: () => journal.clear() },
    db,
    state: {
      get: async () => (await ready).tenant()!.store.toSeed(),
      set: async (next) => void unwrap(await (await ready).replaceState(DEFAULT_TENANT, next)),
    },
    tenants: {
      create: async (tenantSeed) => unwrap(await (await ready).createTenant(tenantSeed ?? {})),
      remove: async (id) => (await ready).removeTenant(id),
    },
    offline: {
      activationFile: async (input) => portalText(await ready, 'activation', input),
      refreshFile: async (input) => portalText(await ready, 'refresh', input),
    },
    reset: async () => (await ready).reset(),
    publicKey: async () => (await ready).publicKey,
  }
}

/** A portal file's text, or the refusal thrown with the License API's code (and status). */
function portalText(engine: Engine, kind: 'activation' | 'refresh', input: PortalRequest): string {
  const made = engine.portalFile(kind, input)
  if (made.ok) return made.value.file
  throw Object.assign(new Error(made.error.message), 'code' in made.error ? { code: made.error.code, status: made.error.status } : { status: made.error.status })
}
