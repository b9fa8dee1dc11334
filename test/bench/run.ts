// `npm run bench`: throughput, latency, memory and start-up of the mock, measured in one run on
// one machine against a plain node:http ceiling and Prism's mock. Prints one Markdown table and
// writes it into docs/performance.md between `<!-- bench:start -->` and `<!-- bench:end -->`.
//
// Every server under test runs in its own child process; autocannon (the load generator) runs in
// this one, so on a 2-core machine each gets a core. All traffic goes to 127.0.0.1.
//
//   npm run bench                       the full run (about 10 minutes), docs/performance.md updated
//   npm run bench -- --quick            shorter runs, docs/performance.md left alone
//   npm run bench -- --no-readme        full run, docs/performance.md left alone
//   npm run bench -- --cpu-prof DIR     also write a V8 CPU profile of each mock server to DIR
//   npm run bench -- --skip NAME        leave out a part: main ((a)–(c), (f)), state ((f)), prism, check, mixed, scale, startup, inprocess, memos
import autocannon, { type Result } from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { fail } from '../../src/core/errors.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { build } from '../../scripts/build.ts'
import { measureAuthMemos } from './memos.ts'
import { BENCH_API_KEY, BENCH_PRODUCT, BENCH_SHARED_KEY, errorBody, hardwareId, licenseKey, successBody, writeSeed } from './seeds.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PATH = '/api/v4/deactivate_license'
const CONNECTIONS = 50

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    skip: { type: 'string', multiple: true, default: [] },
  },
})
const QUICK = flags.quick
/** Seconds per measured run, and of the warm-up before it. */
const RUN_S = QUICK ? 2 : 8
const SCALE_RUN_S = QUICK ? 2 : 5
const WARMUP_S = QUICK ? 1 : 2
/** Successful deactivations measured per scale size (bounded by the seed's devices). */
const SCALE_SUCCESS = QUICK ? 5_000 : 30_000
const SCALE_SIZES = [1_000, 10_000, 100_000]
/** The error path's target, in % of the ceiling's req/s. */
const ERROR_SHARE = 75
/** The success path's target, in % of the ceiling's req/s. */
const SUCCESS_SHARE = 60
/** Rounds of (a), (b), (c); the best of each counts. */
const ROUNDS = QUICK ? 1 : 2
/** The main success run's seed: enough active devices that every request deactivates a new one. */
const MAIN_LICENSES = 20_000
const MAIN_DEVICES = 12
const skip = new Set(flags.skip)

const log = (line: string) => process.stderr.write(`${line}\n`)

// ---------------------------------------------------------------------------------------------
// Child processes

interface Ready {
  port: number
  /** ms from the child's process start to the ready line (its own clock). */
  sinceStartMs: number
  /** ms of startMockServer (seed read, parse, validation, store, listen). */
  loadMs: number
  rssMb: number
  heapUsedMb: number
}

interface AfterGc {
  rssMb: number
  heapUsedMb: number
}

interface Target {
  child: ChildProcess
  pid: number
  url: string
  ready: Ready
  /** ms from spawn() to the ready line, measured here. */
  spawnToReadyMs: number
  /** Memory after a full GC, printed by the child shortly after ready (when run with --expose-gc). */
  afterGc: Promise<AfterGc | undefined>
  stop(): Promise<void>
}

function lines(child: ChildProcess, onLine: (line: string) => void) {
  let buffer = ''
  child.stdout!.setEncoding('utf8')
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk
    let newline
    while ((newline = buffer.indexOf('\n')) !== -1) {
      onLine(buffer.slice(0, newline))
      buffer = buffer.slice(newline + 1)
    }
  })
}

function stopChild(child: ChildProcess, group = false): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (group) process.kill(-child.pid!, signal)
        else child.kill(signal)
      } catch {
        // already gone
      }
    }
    const force = setTimeout(() => kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    kill('SIGTERM')
  })
}

async function startTarget(mode: 'plain' | 'mock' | 'mock-state', arg: string, options: { gc?: boolean; profile?: string } = {}): Promise<Target> {
  const nodeFlags = ['--import', 'tsx']
  if (options.gc) nodeFlags.unshift('--expose-gc')
  // A folder per server: Node 20 names each thread's profile itself (tsx's loader thread writes one too).
  if (flags['cpu-prof'] && mode !== 'plain') nodeFlags.unshift('--cpu-prof', `--cpu-prof-dir=${join(flags['cpu-prof'], options.profile ?? 'mock')}`)
  const started = performance.now()
  const child = spawn(process.execPath, [...nodeFlags, 'test/bench/serve-target.ts', mode, arg], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let resolveGc: (value: AfterGc | undefined) => void = () => {}
  const afterGc = new Promise<AfterGc | undefined>((resolve) => (resolveGc = resolve))
  if (!options.gc) resolveGc(undefined)
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} ${arg}: no ready line within 120 s`)), 120_000)
    child.once('exit', (code) => reject(new Error(`${mode} ${arg}: exited with ${code} before ready`)))
    lines(child, (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer)
        resolve(JSON.parse(line.slice(6)) as Ready)
      } else if (line.startsWith('GC ')) resolveGc(JSON.parse(line.slice(3)))
    })
  })
  const spawnToReadyMs = Math.round(performance.now() - started)
  child.removeAllListeners('exit')
  return { child, pid: child.pid!, url: `http://127.0.0.1:${ready.port}`, ready, spawnToReadyMs, afterGc, stop: () => stopChild(child) }
}

/** VmRSS (current) and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
}

/** utime + stime of a process (all its threads), in clock ticks. */
function cpuTicksOf(pid: number | 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** The machine's CPU ticks: busy, and all (busy + idle), summed over every core. */
function machineTicks(): { busy: number; all: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  const busy = user + nice + system + irq + softirq + steal
  return { busy, all: busy + idle + iowait }
}

/**
 * Runs a load against the server process `pid` and measures, besides autocannon's figures, the
 * server's CPU time per answered request and how busy the rest of the machine was meanwhile
 * (other processes than the bench and the server, in % of one core: a noise indicator).
 */
async function measured(pid: number, load: () => Promise<Run>): Promise<Run & { serverCpuUs: number; otherCpuPct: number }> {
  const machine0 = machineTicks()
  const server0 = cpuTicksOf(pid)
  const self0 = cpuTicksOf('self')
  const started = performance.now()
  const run = await load()
  const seconds = (performance.now() - started) / 1000
  const machine1 = machineTicks()
  const serverTicks = cpuTicksOf(pid) - server0
  const selfTicks = cpuTicksOf('self') - self0
  const cores = cpus().length
  const ticksPerSecond = (machine1.all - machine0.all) / cores / seconds
  const other = machine1.busy - machine0.busy - serverTicks - selfTicks
  return {
    ...run,
    serverCpuUs: run.requests > 0 ? Math.round(((serverTicks / ticksPerSecond) * 1e6) / run.requests) : 0,
    otherCpuPct: Math.max(0, Math.round((other / ticksPerSecond / seconds) * 100)),
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Load

interface Run {
  rps: number
  p50: number
  p99: number
  requests: number
  non2xx: number
  errors: number
  statuses: Record<string, number>
}

function summarize(result: Result): Run {
  const statuses: Record<string, number> = {}
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = Number(count)
  const requests = Object.values(statuses).reduce((sum, count) => sum + count, 0)
  return {
    rps: Math.round(requests / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
  }
}

const authHeaders = () => ({ ...signedHeaders({ apiKey: BENCH_API_KEY, sharedKey: BENCH_SHARED_KEY }), 'content-type': 'application/json' })

/** The same valid request over and over; on the mock it ends in device_not_found. */
async function errorLoad(url: string, seconds: number): Promise<Run> {
  return summarize(await autocannon({ url: `${url}${PATH}`, connections: CONNECTIONS, duration: seconds, method: 'POST', headers: authHeaders(), body: errorBody }))
}

/** Each request deactivates the next device of the seed (counter shared by every connection). */
async function successLoad(url: string, licenses: number, counter: { next: number }, limit: { seconds?: number; amount?: number }): Promise<Run> {
  const started = performance.now()
  let last = started
  const instance = autocannon({
    url: `${url}${PATH}`,
    connections: CONNECTIONS,
    ...(limit.amount ? { amount: limit.amount } : { duration: limit.seconds }),
    method: 'POST',
    headers: authHeaders(),
    requests: [{ setupRequest: (request) => ({ ...request, body: successBody(counter.next++, licenses) }) }],
  })
  instance.on('response', () => {
    last = performance.now()
  })
  const run = summarize(await instance)
  // autocannon rounds the duration of a run of a fixed number of requests up to whole seconds:
  // the rate comes from the time of the last answer instead.
  if (limit.amount && last > started) run.rps = Math.round(run.requests / ((last - started) / 1000))
  return run
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
  return (await response.json()) as T
}

/** Inactive device rows in the server's state: each successful deactivation made one. */
async function deactivatedDevices(url: string): Promise<number> {
  const state = await getJson<{ licenses: { devices: { active: boolean }[] }[] }>(`${url}/__admin/state`)
  let count = 0
  for (const license of state.licenses) for (const device of license.devices) if (!device.active) count++
  return count
}

async function lastJournalCodes(url: string, limit: number): Promise<Record<string, number>> {
  const { requests } = await getJson<{ requests: { code: string }[] }>(`${url}/__admin/requests?limit=${limit}`)
  const codes: Record<string, number> = {}
  for (const entry of requests) codes[entry.code] = (codes[entry.code] ?? 0) + 1
  return codes
}

// ---------------------------------------------------------------------------------------------
// The runs

interface Measured extends Run {
  peakRssMb: number
  /** Server CPU time (user + system) per answered request, µs. */
  serverCpuUs: number
  /** Other processes' CPU use during the run, % of one core. */
  otherCpuPct: number
}

const results: {
  ceiling?: Measured
  error?: Measured
  success?: Measured & { deactivated: number; journal: Record<string, number> }
  stateSuccess?: Measured & { deactivated: number }
  stateSuccessRuns: number[]
  prism?: Measured & { statusLine: string }
  check?: Measured & { signed: boolean }
  mixed?: Measured & { byKind: Record<string, Record<string, number>> }
  bytesIdentical?: boolean
  ceilingRuns: number[]
  errorRuns: number[]
  successRuns: number[]
  scale: {
    licenses: number
    loadMs: number
    sinceStartMs: number
    spawnToReadyMs: number
    rssMb: number
    rssAfterGcMb?: number
    liveHeapMb?: number
    /** The same load without --expose-gc (largest size only): what src/memory.ts's collections save. */
    withoutGc?: { rssMb: number; loadMs: number }
    peakLoadMb: number
    phases?: Record<string, number>
    error: Measured
    success: Measured & { deactivated: number }
  }[]
  startup?: { medianMs: number; runs: number[] }
  memos?: { repeatedUs: number; freshUs: number }
  inprocess?: { sequential: { perSecond: number; non2xx: number; requests: number }; concurrent: { perSecond: number; non2xx: number; requests: number } }
} = { scale: [], ceilingRuns: [], errorRuns: [], successRuns: [], stateSuccessRuns: [] }

const CEILING_BODY = JSON.stringify(fail('device_not_found').error)

/**
 * (a), (b) and (c) run in turn, ROUNDS times, each in a fresh process; the best run of each
 * counts. Throughput on a shared virtual machine varies by a third from one run to the next even
 * when nothing else runs in it; noise only ever slows a run down.
 */
async function runCeiling() {
  log(`(a) ceiling: plain node:http answering the error bytes (run ${results.ceilingRuns.length + 1})`)
  const target = await startTarget('plain', Buffer.from(CEILING_BODY).toString('base64'))
  try {
    await errorLoad(target.url, WARMUP_S)
    const run = await measured(target.pid, () => errorLoad(target.url, RUN_S))
    results.ceilingRuns.push(run.rps)
    if (!results.ceiling || run.rps > results.ceiling.rps) results.ceiling = { ...run, peakRssMb: memoryOf(target.pid).peakMb }
  } finally {
    await target.stop()
  }
}

async function runMain(seedFile: string) {
  log(`(b) error path (device_not_found), ${MAIN_LICENSES} licenses`)
  let target = await startTarget('mock', seedFile, { profile: 'error' })
  try {
    const probe = await fetch(`${target.url}${PATH}`, { method: 'POST', headers: authHeaders(), body: errorBody })
    const text = await probe.text()
    results.bytesIdentical = probe.status === 400 && text === CEILING_BODY && probe.headers.get('content-type') === 'application/json'
    if (!results.bytesIdentical) log(`  the mock answered ${probe.status} ${text}: not the ceiling's bytes`)
    await errorLoad(target.url, WARMUP_S)
    const pid = target.pid
    const run = await measured(pid, () => errorLoad(target.url, RUN_S))
    results.errorRuns.push(run.rps)
    if (!results.error || run.rps > results.error.rps) results.error = { ...run, peakRssMb: memoryOf(target.pid).peakMb }
  } finally {
    await target.stop()
  }

  log(`(c) success path (license_deactivated), ${MAIN_LICENSES} licenses x ${MAIN_DEVICES} devices`)
  target = await startTarget('mock', seedFile, { profile: 'success' })
  try {
    // Warm up on the error path: the seed's devices are for the measured run.
    await errorLoad(target.url, WARMUP_S)
    await fetch(`${target.url}/__admin/requests`, { method: 'DELETE' })
    const counter = { next: 0 }
    const pid = target.pid
    const url = target.url
    const run = await measured(pid, () => successLoad(url, MAIN_LICENSES, counter, { seconds: RUN_S }))
    const peakRssMb = memoryOf(target.pid).peakMb
    if (counter.next > MAIN_LICENSES * MAIN_DEVICES) log(`  ran out of devices after ${MAIN_LICENSES * MAIN_DEVICES}: later requests were device_not_found`)
    const deactivated = await deactivatedDevices(target.url)
    const journal = await lastJournalCodes(target.url, 10_000)
    results.successRuns.push(run.rps)
    if (!results.success || run.rps > results.success.rps) results.success = { ...run, peakRssMb, deactivated, journal }
  } finally {
    await target.stop()
  }
}

/** (f): the success path of (c) with --state-file: each deactivation is in the fsynced change log before its answer. */
async function runStateFile(seedFile: string) {
  log(`(f) success path with --state-file, ${MAIN_LICENSES} licenses x ${MAIN_DEVICES} devices`)
  const target = await startTarget('mock-state', seedFile, { profile: 'state' })
  try {
    await errorLoad(target.url, WARMUP_S)
    await fetch(`${target.url}/__admin/requests`, { method: 'DELETE' })
    const counter = { next: 0 }
    const pid = target.pid
    const url = target.url
    const run = await measured(pid, () => successLoad(url, MAIN_LICENSES, counter, { seconds: RUN_S }))
    const peakRssMb = memoryOf(target.pid).peakMb
    const deactivated = await deactivatedDevices(target.url)
    results.stateSuccessRuns.push(run.rps)
    if (!results.stateSuccess || run.rps > results.stateSuccess.rps) results.stateSuccess = { ...run, peakRssMb, deactivated }
  } finally {
    await target.stop()
  }
}

/** A signed check of an active device: the License object, signed v1 and v2 (v2 of a repeated body is remembered). */
const CHECK_PATH = `/api/v4/check_license?product=${BENCH_PRODUCT}&license_key=${licenseKey(0)}&hardware_id=${hardwareId(0, 0)}`

async function runCheck(seedFile: string) {
  log(`(e) signed check_license of an active device, ${MAIN_LICENSES} licenses`)
  const target = await startTarget('mock', seedFile)
  try {
    const probe = await fetch(`${target.url}${CHECK_PATH}`, { headers: authHeaders() })
    await probe.text()
    const signed = probe.status === 200 && Boolean(probe.headers.get('licensesignature'))
    if (!signed) log(`  the mock answered ${probe.status}, not a signed License`)
    const load = (seconds: number) =>
      autocannon({ url: `${target.url}${CHECK_PATH}`, connections: CONNECTIONS, duration: seconds, method: 'GET', headers: authHeaders() }).then(summarize)
    await load(WARMUP_S)
    const run = await measured(target.pid, () => load(RUN_S))
    results.check = { ...run, peakRssMb: memoryOf(target.pid).peakMb, signed }
  } finally {
    await target.stop()
  }
}

/**
 * (g) What an application's fleet sends: a rotation of the lifecycle calls, each on another license
 * and device, each with its own Date and signature. Every answer has a body of its own, so the
 * remembered v2 signatures never apply (caches cold): the figure is the RSA-signing path.
 */
const MIXED: { kind: string; method: 'GET' | 'POST'; path: string; fields: (i: number, d: number) => Record<string, unknown> }[] = [
  { kind: 'check_license', method: 'GET', path: '/api/v4/check_license', fields: (i, d) => ({ product: BENCH_PRODUCT, license_key: licenseKey(i), hardware_id: hardwareId(i, d) }) },
  { kind: 'track_device_variables', method: 'POST', path: '/api/v4/track_device_variables', fields: (i, d) => ({ product: BENCH_PRODUCT, license_key: licenseKey(i), hardware_id: hardwareId(i, d), variables: { seq: String(i * 100 + d) } }) },
  { kind: 'get_device_variables', method: 'GET', path: '/api/v4/get_device_variables', fields: (i, d) => ({ product: BENCH_PRODUCT, license_key: licenseKey(i), hardware_id: hardwareId(i, d) }) },
  { kind: 'add_consumption', method: 'POST', path: '/api/v4/add_consumption', fields: (i, d) => ({ product: BENCH_PRODUCT, license_key: licenseKey(i), hardware_id: hardwareId(i, d), consumptions: 1 }) },
  { kind: 'product_details', method: 'GET', path: '/api/v4/product_details', fields: () => ({ product: BENCH_PRODUCT }) },
]

async function runMixed(seedFile: string) {
  log(`(g) mixed signed workload over ${MAIN_LICENSES} licenses, caches cold`)
  const target = await startTarget('mock', seedFile)
  let next = 0
  const byKind: Record<string, Record<string, number>> = {}
  const request = () => {
    const n = next++
    const call = MIXED[n % MIXED.length]
    const i = Math.floor(n / MIXED.length) % MAIN_LICENSES
    const fields = call.fields(i, Math.floor(n / (MIXED.length * MAIN_LICENSES)) % MAIN_DEVICES)
    const headers: Record<string, string> = { ...signedHeaders({ apiKey: BENCH_API_KEY, sharedKey: BENCH_SHARED_KEY }), 'content-type': 'application/json' }
    if (call.method === 'GET') return { kind: call.kind, method: call.method, path: `${call.path}?${new URLSearchParams(Object.entries(fields).map(([name, value]): [string, string] => [name, String(value)]))}`, headers }
    return { kind: call.kind, method: call.method, path: call.path, headers, body: JSON.stringify(fields) }
  }
  const count = (kind: string, status: number) => {
    byKind[kind] ??= {}
    byKind[kind][status] = (byKind[kind][status] ?? 0) + 1
  }
  // One request step per client: setupRequest picks the next call and notes its kind in the client's context.
  const step = {
    setupRequest: (req: object, context: { kind?: string }) => {
      const { kind, ...next } = request()
      context.kind = kind
      return { ...req, ...next }
    },
    onResponse: (status: number, _body: string, context: { kind?: string }) => count(context.kind ?? 'other', status),
  }
  const load = (seconds: number) => autocannon({ url: target.url, connections: CONNECTIONS, duration: seconds, requests: [step] }).then(summarize)
  try {
    await load(WARMUP_S)
    for (const key of Object.keys(byKind)) delete byKind[key]
    const run = await measured(target.pid, () => load(RUN_S))
    results.mixed = { ...run, peakRssMb: memoryOf(target.pid).peakMb, byKind }
  } finally {
    await target.stop()
  }
}

async function runPrism() {
  log('(d) prism mock openapi/license-api.yaml')
  const port = await freePort()
  const prismCli = join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js')
  // Its own process group, so that every process it starts goes with it.
  const child = spawn(process.execPath, [prismCli, 'mock', 'openapi/license-api.yaml', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  // Not in our process group: stopped by hand should the bench be interrupted.
  const interrupted = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
    process.exit(130)
  }
  process.once('SIGINT', interrupted)
  child.once('exit', () => process.off('SIGINT', interrupted))
  child.stderr!.resume()
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('prism: not listening within 60 s')), 60_000)
      child.once('exit', (code) => reject(new Error(`prism exited with ${code}`)))
      lines(child, (line) => {
        if (/listening on/i.test(line)) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    child.removeAllListeners('exit')
    const url = `http://127.0.0.1:${port}`
    const probe = await fetch(`${url}${PATH}`, { method: 'POST', headers: authHeaders(), body: errorBody })
    const statusLine = `${probe.status} ${(await probe.text()).slice(0, 60)}`
    await errorLoad(url, WARMUP_S)
    const run = await measured(child.pid!, () => errorLoad(url, RUN_S))
    results.prism = { ...run, peakRssMb: memoryOf(child.pid!).peakMb, statusLine }
  } finally {
    await stopChild(child, true)
  }
}

async function runScale(dir: string) {
  for (const licenses of SCALE_SIZES) {
    log(`scale: ${licenses} licenses x 3 devices`)
    const file = writeSeed(dir, licenses, 3)
    // Where the load time goes, in a process of its own.
    const phases = await new Promise<Record<string, number>>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/serve-target.ts', 'phases', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
      let found: Record<string, number> | undefined
      lines(child, (line) => {
        if (line.startsWith('PHASES ')) found = JSON.parse(line.slice(7))
      })
      child.once('exit', (code) => (found ? resolve(found) : reject(new Error(`phases: exit ${code}`))))
    })
    // Without --expose-gc the mock runs no collections of its own after the load (src/memory.ts).
    let withoutGc: { rssMb: number; loadMs: number } | undefined
    if (licenses === SCALE_SIZES.at(-1)) {
      const plain = await startTarget('mock', file, { profile: `scale-${licenses}-no-gc` })
      withoutGc = { rssMb: Math.round(plain.ready.rssMb), loadMs: plain.ready.loadMs }
      await plain.stop()
    }
    const target = await startTarget('mock', file, { gc: true, profile: `scale-${licenses}` })
    try {
      const loaded = memoryOf(target.pid)
      const afterGc = await target.afterGc
      await errorLoad(target.url, WARMUP_S)
      const pid = target.pid
      const url = target.url
      const error = { ...(await measured(pid, () => errorLoad(url, SCALE_RUN_S))), peakRssMb: memoryOf(pid).peakMb }
      const devices = licenses * 3
      const warm = Math.min(Math.floor(devices / 10), 3_000)
      const counter = { next: 0 }
      await successLoad(target.url, licenses, counter, { amount: warm })
      const amount = Math.min(devices - warm, SCALE_SUCCESS)
      const success = { ...(await measured(pid, () => successLoad(url, licenses, counter, { amount }))), peakRssMb: memoryOf(pid).peakMb }
      const deactivated = await deactivatedDevices(target.url)
      results.scale.push({
        licenses,
        loadMs: target.ready.loadMs,
        sinceStartMs: target.ready.sinceStartMs,
        spawnToReadyMs: target.spawnToReadyMs,
        rssMb: Math.round(target.ready.rssMb),
        rssAfterGcMb: afterGc ? Math.round(afterGc.rssMb) : undefined,
        liveHeapMb: afterGc ? Math.round(afterGc.heapUsedMb) : undefined,
        peakLoadMb: loaded.peakMb,
        withoutGc,
        phases,
        error,
        success: { ...success, deactivated: deactivated - warm },
      })
    } finally {
      await target.stop()
    }
  }
}

async function runStartup() {
  log('start-up: node bin/licensespring-mock.js serve --port 0 (demo seed), from the bundle npm install builds')
  // What a user runs after `npm install`: the bundle, fresh (an edited source would make the bin
  // script fall back to the sources).
  await build()
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    const child = spawn(process.execPath, ['bin/licensespring-mock.js', 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
      lines(child, (line) => {
        if (line.includes(' ready at ')) resolve()
      })
    })
    runs.push(Math.round(performance.now() - started))
    child.removeAllListeners('exit')
    await stopChild(child)
  }
  const sorted = [...runs].sort((a, b) => a - b)
  results.startup = { medianMs: sorted[1], runs }
}

/** The auth path's memos, in this process (no server): best of three rounds. */
function runMemos() {
  log('memos: the auth path with repeated and with new headers')
  const rounds = [0, 1, 2].map(() => measureAuthMemos(QUICK ? 20_000 : 100_000))
  results.memos = { repeatedUs: Math.min(...rounds.map((round) => round.repeatedUs)), freshUs: Math.min(...rounds.map((round) => round.freshUs)) }
}

async function runInProcess() {
  log('in-process: msw setupServer + fetch')
  const seconds = QUICK ? 1 : 3
  results.inprocess = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/inprocess.ts', String(seconds)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let found: NonNullable<typeof results.inprocess> | undefined
    lines(child, (line) => {
      if (line.startsWith('INPROCESS ')) found = JSON.parse(line.slice(10))
    })
    child.once('exit', (code) => (found ? resolve(found) : reject(new Error(`inprocess: exit ${code}`))))
  })
}

// ---------------------------------------------------------------------------------------------
// Report

const int = (n: number) => Math.round(n).toLocaleString('en-US').replaceAll(',', ' ')
const ms = (n: number) => (n >= 100 ? int(n) : String(Math.round(n * 100) / 100))
const pct = (n: number, of: number) => `${Math.round((n / of) * 100)} %`
const yes = (ok: boolean) => (ok ? 'yes' : '**no**')

function machine(): string {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU'
  return `${model}, ${cpus().length} cores; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`
}

function report(): string {
  const rows: string[][] = []
  const ceiling = results.ceiling
  const prism = results.prism
  const row = (what: string, run: Partial<Measured> | undefined, rss: string, details: string, target: string, met: string) =>
    rows.push([
      what,
      run?.rps !== undefined ? int(run.rps) : '',
      run?.rps !== undefined && ceiling ? pct(run.rps, ceiling.rps) : '',
      run?.p50 !== undefined ? ms(run.p50) : '',
      run?.p99 !== undefined ? ms(run.p99) : '',
      run?.serverCpuUs !== undefined ? int(run.serverCpuUs) : '',
      rss || (run?.peakRssMb !== undefined ? int(run.peakRssMb) : ''),
      run?.otherCpuPct !== undefined ? `${run.otherCpuPct} %` : '',
      details,
      target,
      met,
    ])
  const throughputTargets = (run: Measured, share: number) => {
    const targets = [`≥ ${share} % of ceiling`]
    const met = [ceiling ? yes(run.rps >= (ceiling.rps * share) / 100) : '?']
    if (prism) {
      targets.push('≥ 10× Prism')
      met.push(yes(run.rps >= prism.rps * 10))
    }
    targets.push('p99 ≤ 10 ms')
    met.push(yes(run.p99 <= 10))
    return { target: targets.join('; '), met: met.join('; ') }
  }
  const versus = (run: Measured) =>
    [prism ? `${Math.round(run.rps / prism.rps)}× Prism` : '', ceiling && run.serverCpuUs ? `CPU per request ${(run.serverCpuUs / ceiling.serverCpuUs).toFixed(1)}× the ceiling's` : '']
      .filter(Boolean)
      .join('; ')
  if (ceiling) {
    row('(a) plain node:http, same bytes as the error answer (ceiling)', ceiling, '', `best of ${results.ceilingRuns.length} runs (${results.ceilingRuns.map(int).join(', ')} req/s)`, '', '')
  }
  if (results.error) {
    const { target, met } = throughputTargets(results.error, ERROR_SHARE)
    const details = [`best of ${results.errorRuns.length} runs (${results.errorRuns.map(int).join(', ')} req/s)`, versus(results.error), results.bytesIdentical === false ? 'bytes differ from the ceiling' : 'same bytes as (a)'].filter(Boolean).join('; ')
    row(`(b) mock, error path (device_not_found), ${int(MAIN_LICENSES)} licenses`, results.error, '', details, target, met)
  }
  if (results.success) {
    const s = results.success
    const { target, met } = throughputTargets(s, SUCCESS_SHARE)
    const journal = Object.entries(s.journal)
      .map(([code, count]) => `${code} ${int(count)}`)
      .join(', ')
    const details = [`best of ${results.successRuns.length} runs (${results.successRuns.map(int).join(', ')} req/s)`, versus(s), `${int(s.statuses['200'] ?? 0)} × 200, non-2xx ${int(s.non2xx)}; state: ${int(s.deactivated)} devices deactivated; journal, last ${int(Object.values(s.journal).reduce((a, b) => a + b, 0))}: ${journal}`]
      .filter(Boolean)
      .join('; ')
    row(`(c) mock, success path (each request deactivates another device), ${int(MAIN_LICENSES)} licenses × ${MAIN_DEVICES} devices`, s, '', details, target, met)
  }
  if (prism) row('(d) `prism mock openapi/license-api.yaml`', prism, '', `answers ${prism.statusLine.slice(0, 3)}`, '', '')
  if (results.stateSuccess) {
    const f = results.stateSuccess
    const of = results.success ? `${pct(f.rps, results.success.rps)} of (c)` : ''
    const details = [`best of ${results.stateSuccessRuns.length} runs (${results.stateSuccessRuns.map(int).join(', ')} req/s)`, of, `${int(f.statuses['200'] ?? 0)} × 200, non-2xx ${int(f.non2xx)}; state: ${int(f.deactivated)} devices deactivated, each in the fsynced change log before its answer`]
      .filter(Boolean)
      .join('; ')
    row(`(f) mock, success path as (c) with \`--state-file\``, f, '', details, '≥ 50 % of (c)', results.success ? yes(f.rps >= results.success.rps * 0.5) : '?')
  }
  if (results.check) {
    const c = results.check
    row(`(e) mock, signed \`GET check_license\` of an active device, ${int(MAIN_LICENSES)} licenses`, c, '', `${int(c.statuses['200'] ?? 0)} × 200, non-2xx ${int(c.non2xx)}; ${c.signed ? 'signed (license_signature and LicenseSignature)' : 'NOT signed'}; ${versus(c)}`, '', '')
  }
  if (results.mixed) {
    const g = results.mixed
    const kinds = Object.entries(g.byKind)
      .map(([kind, statuses]) => `${kind} ${Object.entries(statuses).map(([status, count]) => `${int(count)} × ${status}`).join(' + ')}`)
      .join('; ')
    row(`(g) mock, mixed signed workload (${MIXED.map((call) => call.kind).join(', ')}), each request another license and device with its own Date, caches cold`, g, '', kinds, '', '')
  }
  const base = results.scale.find((size) => size.licenses === 1_000)
  for (const size of results.scale) {
    const n = int(size.licenses)
    const largest = size.licenses === 100_000
    const phases = size.phases
      ? `; in a separate process: read ${size.phases.readMs}, JSON.parse ${size.phases.jsonParseMs}, duplicate-key scan ${size.phases.duplicateScanMs}, validation ${size.phases.validateMs}, snapshot for reset ${size.phases.snapshotMs}, store ${size.phases.storeMs}, full collections ${size.phases.collectMs} ms`
      : ''
    rows.push([
      `${n} licenses × 3 devices: seed load`,
      '',
      '',
      '',
      '',
      '',
      `${int(size.rssMb)} after load; peak ${int(size.peakLoadMb)}${size.rssAfterGcMb !== undefined ? `; after a full GC ${int(size.rssAfterGcMb)}, live heap ${int(size.liveHeapMb ?? 0)}` : ''}${size.withoutGc ? `; without --expose-gc ${int(size.withoutGc.rssMb)} after load` : ''}`,
      '',
      `load ${int(size.loadMs)} ms${size.withoutGc ? ` (${int(size.withoutGc.loadMs)} ms without --expose-gc)` : ''}; ready line ${int(size.sinceStartMs)} ms after process start${phases}`,
      largest ? 'load < 2 s; RSS < 300 MB' : '',
      largest ? `${yes(size.loadMs < 2000)}; ${yes(size.rssMb < 300)}` : '',
    ])
    const p50Target = (run: Run, baseRun: Run | undefined) =>
      largest && baseRun ? { target: 'p50 ≤ 1.5× the 1 000-license p50', met: `${yes(run.p50 <= baseRun.p50 * 1.5)} (${ms(run.p50)} vs ${ms(baseRun.p50)})` } : { target: '', met: '' }
    let t = p50Target(size.error, base?.error)
    row(`${n} licenses: error path`, size.error, '', `${int(size.error.requests)} requests`, t.target, t.met)
    t = p50Target(size.success, base?.success)
    row(
      `${n} licenses: success path`,
      size.success,
      '',
      `${int(size.success.requests)} requests (a fixed number), ${int(size.success.statuses['200'] ?? 0)} × 200, non-2xx ${int(size.success.non2xx)}; state: ${int(size.success.deactivated)} deactivated`,
      t.target,
      t.met,
    )
  }
  if (results.startup) {
    rows.push([
      'start-up: `node bin/licensespring-mock.js serve --port 0` (demo seed, from the bundle `npm install` builds) to its ready line',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      `median ${int(results.startup.medianMs)} ms (runs: ${results.startup.runs.map(int).join(', ')} ms)`,
      '< 1 s',
      yes(results.startup.medianMs < 1000),
    ])
  }
  if (results.inprocess) {
    const { sequential, concurrent } = results.inprocess
    const empty = ['', '', '', '', '', '']
    rows.push(['in-process: msw `setupServer` + `fetch`, one at a time', int(sequential.perSecond), ...empty, `${int(sequential.requests)} deactivations, non-2xx ${sequential.non2xx}`, '', ''])
    rows.push(['in-process: msw `setupServer` + `fetch`, 20 concurrent', int(concurrent.perSecond), ...empty, `${int(concurrent.requests)} deactivations, non-2xx ${concurrent.non2xx}`, '', ''])
  }
  if (results.memos) {
    const { repeatedUs, freshUs } = results.memos
    const errorCpu = results.error?.serverCpuUs
    const share = errorCpu ? `; the difference is ${pct(freshUs - repeatedUs, errorCpu)} of (b)'s server CPU per request` : ''
    rows.push(['in-process: the auth path (rules 2–9), the same Authorization and Date again vs new ones each request', '', '', '', '', '', '', '', `${ms(repeatedUs)} vs ${ms(freshUs)} µs per request${share}`, '', ''])
  }
  const header = ['Measure', 'req/s', 'of ceiling', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'server RSS MB', 'other load', 'Details', 'Target', 'Met']
  const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
  return [
    `Machine: ${machine()}. Command: \`npm run bench${QUICK ? ' -- --quick' : ''}\`.`,
    '',
    table,
    '',
    `autocannon, ${CONNECTIONS} connections, ${RUN_S} s per run ((a), (b), (c), (f): ${ROUNDS} rounds, the best run of each) (scale: ${SCALE_RUN_S} s on the error path, a fixed number of deactivations on the success path) after a ${WARMUP_S} s warm-up.` +
      ' Every server runs in a child process of its own and autocannon in the bench process, so each has one of the two cores. Latencies are autocannon\'s, in ms.' +
      ' Server RSS: the peak (VmHWM) after the run; for a seed load, RSS when the ready line is printed. Server CPU: its user + system time per answered request.' +
      ' Other load: CPU used by other processes during the run, in % of one core; figures taken while it is high understate the mock and the ceiling alike.',
  ].join('\n')
}

function writeReadme(markdown: string) {
  const file = join(ROOT, 'docs', 'performance.md')
  const readme = readFileSync(file, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  let next: string
  if (from !== -1 && to > from) {
    next = `${readme.slice(0, from + start.length)}\n${markdown}\n${readme.slice(to)}`
  } else {
    const section = [
      '# Performance',
      '',
      '`npm run bench` measures the standalone server with autocannon against a plain node:http server answering the same bytes (the ceiling) and',
      "against Prism's mock, then seeds of 1 000 to 100 000 licenses, start-up, and the msw handlers in-process; it rewrites the figures below.",
      '',
      start,
      markdown,
      end,
      '',
    ].join('\n')
    next = `${readme.replace(/\n*$/, '\n\n')}${section}`
  }
  writeFileSync(file, next)
}

// ---------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'licensespring-mock-bench-'))
try {
  const mainSeed = skip.has('main') && skip.has('check') && skip.has('mixed') ? '' : writeSeed(dir, MAIN_LICENSES, MAIN_DEVICES)
  if (!skip.has('main')) {
    for (let round = 0; round < ROUNDS; round++) {
      await runCeiling()
      await runMain(mainSeed)
      if (!skip.has('state')) await runStateFile(mainSeed)
    }
  }
  if (!skip.has('prism')) await runPrism()
  if (!skip.has('check')) await runCheck(mainSeed)
  if (!skip.has('mixed')) await runMixed(mainSeed)
  if (!skip.has('scale')) await runScale(dir)
  if (!skip.has('startup')) await runStartup()
  if (!skip.has('inprocess')) await runInProcess()
  if (!skip.has('memos')) runMemos()
  const markdown = report()
  process.stdout.write(`${markdown}\n`)
  if (!QUICK && !flags['no-readme'] && skip.size === 0) {
    writeReadme(markdown)
    log('docs/performance.md: figures updated')
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
