// A server under test, run as its own process so that it does not share a core with the load
// generator. Prints one line `READY {json}` when it accepts connections, then serves until killed.
//
//   node --import tsx test/bench/serve-target.ts plain BODY_BASE64   the ceiling: node:http answering fixed bytes
//   node --import tsx test/bench/serve-target.ts mock SEED_FILE      startMockServer({ seed, port: 0 })
//   node --import tsx test/bench/serve-target.ts mock-state SEED_FILE  the same with a state file in a fresh folder
//   node --import tsx test/bench/serve-target.ts phases SEED_FILE    time each step of a seed load, print, exit
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'

const [mode, arg] = process.argv.slice(2)
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
const memory = () => {
  const usage = process.memoryUsage()
  return { rssMb: mb(usage.rss), heapTotalMb: mb(usage.heapTotal), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external) }
}
const gc = (globalThis as { gc?: () => void }).gc
const print = (tag: string, data: object) => process.stdout.write(`${tag} ${JSON.stringify(data)}\n`)

/** With --expose-gc: after the plain figures, the same after a full collection (and a second for the pages to go back). */
function afterReady() {
  if (!gc) return
  setTimeout(() => {
    gc()
    setTimeout(() => print('GC', memory()), 1000)
  }, 50)
}

if (mode === 'plain') {
  // The same bytes as the mock's error answer: status, content-type, CORS header, body.
  const body = Buffer.from(arg, 'base64')
  const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'content-length': String(body.length) }
  const server = createServer((req, res) => {
    req.on('data', () => {})
    req.on('end', () => {
      res.writeHead(400, headers)
      res.end(body)
    })
  })
  server.listen(0, '127.0.0.1', () => {
    print('READY', { pid: process.pid, port: (server.address() as AddressInfo).port, sinceStartMs: Math.round(performance.now()), loadMs: 0, ...memory() })
    afterReady()
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
} else if (mode === 'mock' || mode === 'mock-state') {
  // Imported here, not above: the ceiling loads nothing of ours.
  const { startMockServer } = await import('../../src/server.ts')
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const folder = mode === 'mock-state' ? mkdtempSync(join(tmpdir(), 'licensespring-mock-bench-state-')) : undefined
  const start = performance.now()
  const server = await startMockServer({ seed: arg, port: 0, host: '127.0.0.1', stateFile: folder && join(folder, 'state.json') })
  const loadMs = Math.round(performance.now() - start)
  print('READY', { pid: process.pid, port: server.port, sinceStartMs: Math.round(performance.now()), loadMs, ...memory() })
  afterReady()
  const stop = () =>
    void server.close().then(() => {
      if (folder) rmSync(folder, { recursive: true, force: true })
      process.exit(0)
    })
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
} else if (mode === 'phases') {
  // The steps of startMockServer's seed load, in its order, timed one by one.
  const { createEngine } = await import('../../src/core/engine.ts')
  const { findDuplicateKey } = await import('../../src/core/json-keys.ts')
  const { validateSeed } = await import('../../src/core/seed.ts')
  const { snapshotSeed, snapshotSeedText, TEXT_SNAPSHOT_FROM } = await import('../../src/core/snapshot.ts')
  const { collectIfGrown, heapSize } = await import('../../src/memory.ts')
  const phases: Record<string, number> = {}
  const heapBefore = heapSize()
  let t = performance.now()
  const lap = (name: string) => {
    const now = performance.now()
    phases[name] = (phases[name] ?? 0) + Math.round(now - t)
    t = now
  }
  // In a function, as startMockServer does, so that the text and the parsed tree are garbage after it.
  const load = () => {
    const bytes = readFileSync(arg)
    const text = bytes.toString('utf8')
    lap('readMs')
    const initial = bytes.length >= TEXT_SNAPSHOT_FROM ? snapshotSeedText(bytes) : undefined
    lap('snapshotMs')
    const data: unknown = JSON.parse(text)
    lap('jsonParseMs')
    if (findDuplicateKey(text) !== undefined) throw new Error('duplicate key')
    lap('duplicateScanMs')
    const result = validateSeed(data)
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)))
    lap('validateMs')
    return { seed: result.seed, initial }
  }
  const engine = await (async () => {
    const { seed, initial } = load()
    collectIfGrown(heapBefore, 1)
    lap('collectMs')
    // The engine snapshots a seed that was not read from a large text.
    const snapshot = initial ?? snapshotSeed(seed)
    lap('snapshotMs')
    // As startMockServer builds it: the @msw/data collections on first use.
    return createEngine({ seed, initial: snapshot, model: 'lazy' })
  })()
  lap('storeMs')
  collectIfGrown(heapBefore, 2)
  lap('collectMs')
  print('PHASES', { ...phases, ...memory(), licenses: engine.tenant()!.store.licenseList().length })
  process.exit(0)
} else {
  process.stderr.write('usage: serve-target.ts plain BODY_BASE64 | mock SEED_FILE | phases SEED_FILE\n')
  process.exit(2)
}
