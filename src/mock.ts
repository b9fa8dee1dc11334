// createLicenseMock: the in-process entry point. One engine; msw handlers and controls over it.
import { fileURLToPath } from 'node:url'
import type { HttpHandler } from 'msw'
import { createHandlers } from './adapters/msw.ts'
import { CLOCK_RANGE, createClock, inClockRange, type Clock } from './core/clock.ts'
import { createEngine, DEFAULT_TENANT, type AdminResult, type Engine } from './core/engine.ts'
import { createFaults, type Faults } from './core/faults.ts'
import { createJournal, type JournalEntry, type JournalFilter } from './core/journal.ts'
import type { SeedInput } from './core/seed.ts'
import { DEMO_SEED, InvalidSeedError, resolveSeedForEngine } from './seed-file.ts'

export interface LicenseMockOptions {
  /** A seed file path (YAML or JSON) or a seed object; the demo seed when absent. */
  seed?: string | URL | SeedInput
  /** Start the license clock at this instant (ISO string or Date). */
  clock?: string | Date
  /** Journal capacity (default 10 000). */
  journalSize?: number
  /** PEM private key (RSA, ≥ 2048 bits) for activation and check signatures; generated when absent. */
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
  readonly state: {
    /** The current state in seed format. */
    get(): Promise<SeedInput>
    /** Replace the state with a seed document (atomically). */
    set(seed: SeedInput): Promise<void>
  }
  readonly tenants: {
    create(seed?: SeedInput): Promise<{ tenant: string; api_key: string; shared_key: string }>
    remove(id: string): Promise<boolean>
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
  const ready = createEngine({ seed, initial, clock, faults, journal, signingKey: options.signingKey })
  const unwrap = <T>(result: AdminResult<T>): T => {
    if (result.ok) return result.value
    if (result.issues) throw new InvalidSeedError('(object)', result.issues)
    throw new Error(result.message)
  }
  return {
    handlers: createHandlers(ready),
    ready,
    clock,
    faults,
    requests: { list: (filter) => journal.list(filter), clear: () => journal.clear() },
    state: {
      get: async () => (await ready).tenant()!.store.toSeed(),
      set: async (next) => void unwrap(await (await ready).replaceState(DEFAULT_TENANT, next)),
    },
    tenants: {
      create: async (tenantSeed) => unwrap(await (await ready).createTenant(tenantSeed ?? {})),
      remove: async (id) => (await ready).removeTenant(id),
    },
    reset: async () => (await ready).reset(),
    publicKey: async () => (await ready).publicKey,
  }
}
