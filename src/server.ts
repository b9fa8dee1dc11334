// startMockServer: the standalone server (engine + node:http adapter + admin API) on a port.
// The CLI's `serve`, the scenario runner and the benchmarks all start it through this function.
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createAdmin } from './adapters/admin.ts'
import { createHttpAdapter } from './adapters/http.ts'
import { parseInstant } from './core/clock.ts'
import { createEngine, type Engine } from './core/engine.ts'
import type { SeedInput } from './core/seed.ts'
import { DEMO_SEED, resolveSeed } from './seed-file.ts'

export const DEFAULT_PORT = 4010
export const DEFAULT_HOST = '127.0.0.1'

let version: string | undefined
/** This package's version, as `GET /__admin/health` reports it (read once, on first use). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
  return version
}

export interface MockServerOptions {
  /** A seed file path (YAML or JSON) or a seed object; the demo seed when absent. */
  seed?: string | SeedInput
  /** Default 4010; 0 picks any free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Start the license clock at this ISO 8601 instant. */
  clock?: string
  /** Journal capacity (default 10 000). */
  journalSize?: number
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string
  port: number
  engine: Engine
  close(): Promise<void>
}

/**
 * Loads the seed, starts listening and resolves once the port is bound. Rejects with
 * InvalidSeedError for a bad seed, TypeError for bad options, and the listen error (its `code`
 * is `EADDRINUSE` when the port is taken).
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? DEFAULT_PORT
  const host = options.host ?? DEFAULT_HOST
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`port: must be an integer from 0 to 65535, got ${String(port)}`)
  if (options.journalSize !== undefined && (!Number.isInteger(options.journalSize) || options.journalSize < 0)) {
    throw new TypeError(`journalSize: must be an integer >= 0, got ${String(options.journalSize)}`)
  }
  let clock: Date | undefined
  if (options.clock !== undefined) {
    clock = parseInstant(options.clock)
    if (!clock) throw new TypeError(`clock: not an ISO 8601 date or date-time: ${JSON.stringify(options.clock)}`)
  }
  const seed = resolveSeed(options.seed ?? fileURLToPath(DEMO_SEED))
  const engine = await createEngine({ seed, clock, journalSize: options.journalSize })
  const adapter = createHttpAdapter({ engine, admin: createAdmin(engine, { version: packageVersion() }) })

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    adapter.server.once('error', onError)
    adapter.server.listen(port, host, () => {
      adapter.server.off('error', onError)
      resolve()
    })
  })
  const bound = (adapter.server.address() as AddressInfo).port
  return { url: `http://${urlHost(host)}:${bound}`, port: bound, engine, close: adapter.close }
}

/** A host a client can connect to: the wildcard addresses become loopback; IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
