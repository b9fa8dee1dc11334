// startMockServer: the standalone server (engine + node:http adapter + admin API) on a port.
// The CLI's `serve`, the scenario runner and the benchmarks all start it through this function.
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createAdmin } from './adapters/admin.ts'
import { hostPolicy, invalidAllowedHost, isLoopback, normalizeOrigin, originPolicy } from './adapters/hosts.ts'
import { createHttpAdapter } from './adapters/http.ts'
import { CLOCK_RANGE, inClockRange, parseInstant } from './core/clock.ts'
import { createEngine, DEFAULT_TENANT, type Engine, type EngineOptions } from './core/engine.ts'
import { defaultSigner } from './core/signing.ts'
import { createJournal } from './core/journal.ts'
import type { SeedInput } from './core/seed.ts'
import { DEMO_SEED, resolveSeedForEngine, signingKeyFor } from './seed-file.ts'
import { collectIfGrown, heapSize } from './memory.ts'
import { openStateFile, StateFileError, type Persister, type StateFile } from './state-file.ts'

export { isLoopback } from './adapters/hosts.ts'

export const DEFAULT_PORT = 4010
export const DEFAULT_HOST = '127.0.0.1'

let version: string | undefined
/** This package's version, as `GET /__admin/health` reports it (read once, on first use). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
  return version
}

export interface MockServerOptions {
  /**
   * A seed file (YAML, or JSON for a .json file): a path relative to the working directory (or
   * absolute), or `'demo'` for the demo seed that ships with the package (`demoSeedPath`); or a
   * seed object. The demo seed when absent.
   */
  seed?: string | SeedInput
  /** Default 4010; 0 picks any free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Start the license clock at this ISO 8601 instant. */
  clock?: string
  /**
   * PEM private key (RSA, at least 2048 bits) that activation and check answers are signed with;
   * when absent, the demo seed's key (`demoSigningKeyPath`) for the demo seed, else a key pair
   * generated at start. Rejects with SigningKeyError when it is not such a key.
   */
  signingKey?: string
  /** Seconds an issued OAuth token is valid when its credential has no token_lifetime (default 300). */
  tokenLifetime?: number
  /** Journal capacity (default 10 000). */
  journalSize?: number
  /** Journal byte budget (default 64 MiB): the oldest entries go once the kept ones take more. */
  journalBytes?: number
  /** When set, every /__admin route requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string
  /**
   * Host names answered besides loopback ones (`.example.com`: that domain and its subdomains).
   * On loopback every other Host gets 421; on another address the check applies only when this is given.
   */
  allowHosts?: readonly string[]
  /** Browser origins (`https://app.example.com`) the admin API accepts besides loopback ones. */
  adminOrigins?: readonly string[]
  /**
   * Keep the default tenant's state in this JSON file: loaded at start when it exists (instead of
   * the seed); every change is on disk (its change log, fsynced) before it is answered; one
   * server per file. Other tenants are not kept.
   */
  stateFile?: string
  /** Whole request headers must arrive within this (default 10 s). */
  headersTimeoutMs?: number
  /** The whole request must arrive within this (default 30 s). */
  requestTimeoutMs?: number
  /** Warnings and unexpected errors, one line each (default: stderr). Never carries keys or signatures. */
  log?: (line: string) => void
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string
  port: number
  engine: Engine
  close(): Promise<void>
}

/**
 * Loads the seed (or the state file), starts listening and resolves once the port is bound.
 * Rejects with InvalidSeedError for a bad seed, StateFileError for a state file that cannot be
 * read, parsed or written, SigningKeyError for a signing key that is not an RSA key, TypeError for bad options, and the listen error (its `code` is
 * `EADDRINUSE` when the port is taken).
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningServer> {
  // The demo seed signs with its own key; any other seed with a key pair generated off the main
  // thread while the seed loads.
  const signingKey = signingKeyFor(options.seed, options.signingKey)
  if (signingKey === undefined) void defaultSigner().catch(() => undefined)
  const port = options.port ?? DEFAULT_PORT
  const host = options.host ?? DEFAULT_HOST
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`port: must be an integer from 0 to 65535, got ${String(port)}`)
  for (const name of ['journalSize', 'journalBytes'] as const) {
    const value = options[name]
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new TypeError(`${name}: must be an integer >= 0, got ${String(value)}`)
  }
  let clock: Date | undefined
  if (options.clock !== undefined) {
    clock = parseInstant(options.clock)
    if (!clock) throw new TypeError(`clock: not an ISO 8601 date or date-time: ${JSON.stringify(options.clock)}`)
    if (!inClockRange(clock.getTime())) throw new TypeError(`clock: must be within ${CLOCK_RANGE}, got ${JSON.stringify(options.clock)}`)
  }
  if (options.tokenLifetime !== undefined && (!Number.isInteger(options.tokenLifetime) || options.tokenLifetime < 1 || options.tokenLifetime > 86_400)) {
    throw new TypeError(`tokenLifetime: must be an integer number of seconds from 1 to 86400, got ${String(options.tokenLifetime)}`)
  }
  for (const name of ['headersTimeoutMs', 'requestTimeoutMs'] as const) {
    const value = options[name]
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new TypeError(`${name}: must be a positive integer, got ${String(value)}`)
  }
  const allowHosts = options.allowHosts ?? []
  for (const entry of allowHosts) {
    const problem = invalidAllowedHost(entry)
    if (problem) throw new TypeError(`allowHosts: ${problem}`)
  }
  const adminOrigins = (options.adminOrigins ?? []).map((entry) => {
    const origin = normalizeOrigin(entry)
    if (!origin) throw new TypeError(`adminOrigins: "${entry}" is not an origin such as https://app.example.com or http://10.0.0.5:3000 (scheme, host and port only)`)
    return origin
  })
  if (options.stateFile === '') throw new TypeError('stateFile: must be a file path')

  const baseLog = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`))
  let engine: Engine | undefined
  const log = (line: string) => baseLog(engine ? maskSecrets(line, engine) : line)
  const heapBefore = heapSize()
  // One server per state file: the lock is taken (and the saved state read) before anything else.
  const stateFile = options.stateFile === undefined ? undefined : openStateFile({ file: options.stateFile, log })
  let persister: Persister | undefined
  try {
    let onChange: NonNullable<EngineOptions['onChange']> = () => {}
    const journal = createJournal(options.journalSize, options.journalBytes)
    engine = await engineFor(options.seed, heapBefore, { clock, journal, signingKey, tokenLifetime: options.tokenLifetime, onChange: (change) => onChange(change), model: 'lazy' })
    if (stateFile) {
      await restoreState(engine, stateFile, options.stateFile!)
      const current = engine
      const started = await stateFile.start(() => current.tenant()!.store)
      onChange = ({ tenant }) => (tenant === DEFAULT_TENANT ? started.changed() : undefined)
      persister = started
    }
    // The validated copy of a large seed is garbage now that the store is built: it goes back
    // before the server is ready (src/memory.ts).
    collectIfGrown(heapBefore, 2)
    return await listen(engine, options, { port, host, persister, log, allowHosts, adminOrigins })
  } catch (error) {
    if (persister) await persister.close()
    else stateFile?.release()
    throw error
  }
}

/** The adapter on its port; resolves once bound. */
async function listen(
  engine: Engine,
  options: MockServerOptions,
  { port, host, persister, log, allowHosts, adminOrigins }: { port: number; host: string; persister?: Persister; log: (line: string) => void; allowHosts: readonly string[]; adminOrigins: readonly string[] },
): Promise<RunningServer> {
  const adapter = createHttpAdapter({
    engine,
    admin: createAdmin(engine, { version: packageVersion(), token: options.adminToken, saved: persister?.flush }),
    log,
    headersTimeoutMs: options.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    allowHost: hostPolicy(host, allowHosts),
    adminOrigin: originPolicy(adminOrigins),
  })

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    adapter.server.once('error', onError)
    adapter.server.listen(port, host, () => {
      adapter.server.off('error', onError)
      resolve()
    })
  })
  const warning = exposureWarning(host, options.adminToken)
  if (warning) log(warning)
  const bound = (adapter.server.address() as AddressInfo).port
  let closing: Promise<void> | undefined
  return {
    url: `http://${urlHost(host)}:${bound}`,
    port: bound,
    engine,
    close() {
      // The last change is on disk (or reported) before close() resolves.
      closing ??= adapter.close().then(() => persister?.close())
      return closing
    },
  }
}

// The seed and the saved state are read in functions of their own, so that once they return
// nothing holds the parsed objects and collectIfGrown can free them.

/** The engine over a seed file or object (the demo seed when absent). */
function engineFor(source: MockServerOptions['seed'], heapBefore: number, options: Omit<EngineOptions, 'seed' | 'initial'>): Promise<Engine> {
  const { seed, initial } = resolveSeedForEngine(source ?? fileURLToPath(DEMO_SEED))
  // A large file's text and JSON.parse's tree are garbage now: collected before the store is
  // built, their space is reused for it instead of the heap growing by as much again.
  collectIfGrown(heapBefore, 1)
  return createEngine({ seed, initial, ...options })
}

/** The default tenant's state from the state file, when it has one. */
async function restoreState(engine: Engine, stateFile: StateFile, file: string): Promise<void> {
  const saved = stateFile.takeSaved()
  if (!saved) return
  const loaded = await engine.replaceState(DEFAULT_TENANT, saved)
  if (!loaded.ok) throw new StateFileError(file, `is not a valid state: ${loaded.error.message}`)
}

/** The warning line for an admin API reachable beyond this machine with no token; undefined when none is due. */
export function exposureWarning(host: string, adminToken: string | undefined): string | undefined {
  if (adminToken !== undefined || isLoopback(host)) return undefined
  return `licensespring-mock: warning: serving on ${host || '(every interface)'}, which is not a loopback address, with no admin token: anyone who can reach this port can read and change the mock's state through /__admin (set --admin-token or LICENSESPRING_MOCK_ADMIN_TOKEN, or bind to 127.0.0.1)`
}

/** Shared keys and bearer tokens of every tenant, masked in a log line (defence in depth). */
function maskSecrets(line: string, engine: Engine): string {
  let out = line
  for (const tenant of engine.tenants()) {
    for (const credential of tenant.store.credentials()) {
      for (const secret of [credential.shared_key, credential.client_secret, credential.bearer_token]) {
        if (secret && secret.length >= 4 && out.includes(secret)) out = out.split(secret).join('[redacted]')
      }
    }
  }
  return out
}

/** A host a client can connect to: the wildcard addresses become loopback; IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
