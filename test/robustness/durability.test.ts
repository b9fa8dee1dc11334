// --state-file keeps every acknowledged change: kill -9 at any moment loses none (the change log
// is fsynced before an answer goes out), one server per file (a lock), a torn last record is
// ignored, a failed save is reported, retried and never blocks shutdown.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { startMockServer } from '../../src/server.ts'
import { createEngine } from '../../src/core/engine.ts'
import { validateSeed, type Seed } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { openStateFile, StateFileError, type Persister } from '../../src/state-file.ts'
import { tempFolder } from '../support/files.ts'
import { spawnCli, urlOf, type Served } from '../support/processes.ts'
import { codeOf, deactivate, generatedSeed, post } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

/** kill -9 rounds: a handful in `npm test`; `KILL_RUNS=20 npx vitest run test/robustness/durability.test.ts` for the long run. */
const KILL_RUNS = Number(process.env.KILL_RUNS ?? 4)
const folder = tempFolder('durability')
let cases = 0
const freshFile = () => join(folder.write(`case-${++cases}/.keep`, ''), '..', 'state.json')

const validated = (input: SeedInput): Seed => {
  const result = validateSeed(input)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.seed
}
const stateOf = async (url: string) => (await post(url, '/__admin/state', {}, undefined, undefined, 'GET')).body as SeedInput
const inactive = (state: SeedInput) =>
  new Set(state.licenses!.flatMap((license) => license.devices!.filter((device) => device.active === false).map((device) => `${license.license_key}/${device.hardware_id}`)))
const stop = async (served: Served, signal: NodeJS.Signals = 'SIGTERM') => {
  served.child.kill(signal)
  return served.exit
}

describe('kill -9 during bursts of deactivations', () => {
  test(`no acknowledged change is lost (${KILL_RUNS} runs; 3 000 devices on one license, 16 clients)`, async () => {
    const file = freshFile()
    // One license of 3 000 devices per run: every deactivation rewrites that whole license in the log.
    const seedFile = folder.write(`case-${cases}/seed.json`, JSON.stringify(generatedSeed({ prefix: 'BURST', licenses: KILL_RUNS, devices: 3000 })))
    const acknowledged = new Set<string>()
    const requested = new Set<string>()
    const perRun: number[] = []
    for (let run = 0; run <= KILL_RUNS; run++) {
      const served = spawnCli(['serve', '--port', '0', '--seed', seedFile, '--state-file', file])
      const url = await urlOf(served)
      // Everything acknowledged before any earlier kill is there; nothing was invented.
      const saved = inactive(await stateOf(url))
      const lost = [...acknowledged].filter((device) => !saved.has(device))
      expect(lost, `run ${run}: ${lost.length} of ${acknowledged.size} acknowledged deactivations lost`).toEqual([])
      for (const device of saved) expect(requested.has(device), device).toBe(true)
      if (run === KILL_RUNS) {
        expect((await stop(served)).code).toBe(0)
        break
      }
      const agent = new Agent({ keepAlive: true, maxSockets: 16 })
      let next = 0
      let killed = false
      const before = acknowledged.size
      const client = async () => {
        while (!killed && next < 3000) {
          const key = `BURST-${run}/d-${next++}`
          requested.add(key)
          const [license, hardware_id] = key.split('/')
          const reply = await deactivate(url, DEMO, { hardware_id, product: 'app', license_key: license }, agent).catch(() => undefined)
          if (reply?.status === 200) acknowledged.add(key)
          else if (reply) throw new Error(`${key}: ${reply.status} ${reply.text}`)
        }
      }
      const clients = Array.from({ length: 16 }, client)
      // The kill lands 150–750 ms into the burst, counted from its first answer (a loaded machine may take a while to give one).
      const burstStarted = Date.now()
      while (acknowledged.size === before && Date.now() - burstStarted < 20_000) await new Promise((resolve) => setTimeout(resolve, 5))
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 600))
      served.child.kill('SIGKILL')
      await served.exit
      killed = true
      await Promise.all(clients)
      agent.destroy()
      perRun.push(acknowledged.size - before)
    }
    // Each run acknowledged some before it was killed.
    expect(perRun.every((count) => count > 0), perRun.join(', ')).toBe(true)
    if (process.env.KILL_REPORT) console.log(`kill -9: ${KILL_RUNS} runs, ${acknowledged.size} acknowledged (${perRun.join(', ')}), 0 lost`)
  }, 60_000 + KILL_RUNS * 30_000)
})

describe('one server per state file', () => {
  test('a second server on the same file exits 2 with one line; the first keeps serving; after a kill -9 its stale lock is replaced', async () => {
    const file = freshFile()
    const first = spawnCli(['serve', '--port', '0', '--state-file', file])
    const url = await urlOf(first)
    const second = spawnCli(['serve', '--port', '0', '--state-file', file])
    expect((await second.exit).code).toBe(2)
    expect(second.stdout()).toBe('')
    const lines = second.stderr().split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^licensespring-mock: state file .*state\\.json: is in use by another licensespring-mock server \\(pid ${first.child.pid}, lock file .*state\\.json\\.lock\\)`))
    expect(codeOf(await deactivate(url, DEMO, { hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' }))).toBe('license_deactivated')

    await stop(first, 'SIGKILL')
    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(first.child.pid))
    const third = spawnCli(['serve', '--port', '0', '--state-file', file])
    const again = await urlOf(third)
    expect(inactive(await stateOf(again)).has('DEMO-OK-0001/demo-device-1')).toBe(true)
    expect((await stop(third)).code).toBe(0)
    // A clean stop leaves the state file alone: no log, no lock.
    expect(readdirSync(join(file, '..')).filter((name) => name.startsWith('state.json')).sort()).toEqual(['state.json'])
  })

  test('in-process: a second startMockServer on the file rejects with StateFileError and leaves the first alone', async () => {
    const file = freshFile()
    const first = await startMockServer({ port: 0, stateFile: file })
    try {
      const error = await startMockServer({ port: 0, stateFile: file }).then(
        () => undefined,
        (failure: unknown) => failure,
      )
      expect(error).toBeInstanceOf(StateFileError)
      expect((error as Error).message).toMatch(/is in use by another licensespring-mock server/)
      expect(existsSync(`${file}.lock`)).toBe(true)
      expect(codeOf(await deactivate(first.url, DEMO, { hardware_id: 'demo-device-2', product: 'demo', license_key: 'DEMO-OK-0001' }))).toBe('license_deactivated')
    } finally {
      await first.close()
    }
    expect(existsSync(`${file}.lock`)).toBe(false)
  })
})

describe('the change log', () => {
  const demoState = async () => {
    const server = await startMockServer({ port: 0 })
    const state = server.engine.tenant()!.store.toSeed()
    await server.close()
    return state
  }
  const line = (license: object) => `${JSON.stringify({ license })}\n`

  test('start = snapshot + log: records apply in order, a torn last record is ignored, a clean stop folds the log in', async () => {
    const file = freshFile()
    const state = await demoState()
    writeFileSync(file, JSON.stringify(state))
    const ok = state.licenses!.find((license) => license.license_key === 'DEMO-OK-0001')!
    const off = (hardwareId: string) => ({ ...ok, devices: ok.devices!.map((device) => (device.hardware_id === hardwareId ? { ...device, active: false, time_deactivated: '2030-01-01T00:00:00.000Z' } : device)) })
    const torn = line(off('demo-device-3')).slice(0, 40)
    // FILE.wal.old (a compaction that did not finish) before FILE.wal.
    writeFileSync(`${file}.wal.old`, line(off('demo-device-1')))
    writeFileSync(`${file}.wal`, line(off('demo-device-2')) + torn)
    const server = await startMockServer({ port: 0, stateFile: file })
    let saved: Set<string>
    try {
      saved = inactive(await stateOf(server.url))
      // Each record is the license's whole state: the later one (device 2) wins over the earlier.
      expect(saved.has('DEMO-OK-0001/demo-device-2')).toBe(true)
      expect(saved.has('DEMO-OK-0001/demo-device-1')).toBe(false)
      expect(saved.has('DEMO-OK-0001/demo-device-3')).toBe(false)
      // Folded into FILE at start.
      expect(inactive(JSON.parse(readFileSync(file, 'utf8')) as SeedInput)).toEqual(saved)
      expect(existsSync(`${file}.wal.old`)).toBe(false)
    } finally {
      await server.close()
    }
    expect(existsSync(`${file}.wal`)).toBe(false)
  })

  test('a whole-state block that did not arrive complete is ignored', async () => {
    const file = freshFile()
    const state = await demoState()
    writeFileSync(file, JSON.stringify(state))
    const block = `${JSON.stringify({ state: { credentials: state.credentials, products: state.products, sso: [] }, licenses: 2 })}\n${line(state.licenses![0])}`
    writeFileSync(`${file}.wal`, block)
    const server = await startMockServer({ port: 0, stateFile: file })
    try {
      expect((await stateOf(server.url)).licenses).toHaveLength(state.licenses!.length)
    } finally {
      await server.close()
    }
  })

  test('a damaged record before the last one stops the start with one line, and the files stay as they were', async () => {
    const file = freshFile()
    const state = await demoState()
    writeFileSync(file, JSON.stringify(state))
    const log = `${line(state.licenses![0])}{"license": oops}\n${line(state.licenses![1])}`
    writeFileSync(`${file}.wal`, log)
    const served = spawnCli(['serve', '--port', '0', '--state-file', file])
    expect((await served.exit).code).toBe(2)
    const lines = served.stderr().split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^licensespring-mock: state file .*: its change log .*state\.json\.wal, line 2: not valid JSON/)
    expect(readFileSync(`${file}.wal`, 'utf8')).toBe(log)
    expect(existsSync(`${file}.lock`)).toBe(false)
  })

  test('a log next to no state file is refused, not replayed over the seed', async () => {
    const file = freshFile()
    writeFileSync(`${file}.wal`, line({ id: 1001, product: 'demo' }))
    const error = await startMockServer({ port: 0, stateFile: file }).then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect((error as Error).message).toMatch(/does not exist, but its change log .*state\.json\.wal does/)
  })

  test('many changes with a small compaction threshold: the log is compacted while changes go on, and nothing is lost', async () => {
    const file = freshFile()
    const lines: string[] = []
    const seed = validated(generatedSeed({ prefix: 'MANY', licenses: 50, devices: 40 }))
    let persister: Persister | undefined
    const engine = await createEngine({ seed, onChange: () => persister?.changed() })
    const stateFile = openStateFile({ file, log: (line) => lines.push(line), compactBytes: 64 * 1024 })
    persister = await stateFile.start(() => engine.tenant()!.store)
    const signed = signedHeaders(DEMO)
    const commits: Promise<void>[] = []
    for (let i = 0; i < 2000; i++) {
      const body = JSON.stringify({ hardware_id: `d-${Math.floor(i / 50)}`, product: 'app', license_key: `MANY-${i % 50}` })
      const response = engine.handle({ method: 'POST', path: '/api/v4/deactivate_license', headers: { date: signed.Date, authorization: signed.Authorization }, body })
      expect(response.code).toBe('license_deactivated')
      commits.push(response.commit!)
      // A few at a time, as clients would: each batch is small and the log passes 64 KiB again and again.
      if (i % 8 === 7) await Promise.all(commits.splice(0))
    }
    await Promise.all(commits)
    // FILE was rewritten while changes went on (at start it had no inactive device).
    expect(inactive(JSON.parse(readFileSync(file, 'utf8')) as SeedInput).size).toBeGreaterThan(0)
    expect(() => openStateFile({ file, log: () => {} })).toThrow(/is in use/)
    await persister.close()
    expect(lines).toEqual([])
    expect(inactive(JSON.parse(readFileSync(file, 'utf8')) as SeedInput).size).toBe(2000)
    const reopened = openStateFile({ file, log: () => {} })
    expect(inactive(reopened.takeSaved() as SeedInput).size).toBe(2000)
    reopened.release()
    expect(readdirSync(join(file, '..')).filter((name) => name.startsWith('state.json'))).toEqual(['state.json'])
  })
})

/** prlimit (util-linux) changes a running process's file-size limit: a way to make its writes fail, then work again. */
const prlimit = (() => {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const limitFileSize = (pid: number, bytes: number | 'unlimited') => execFileSync('prlimit', ['--pid', String(pid), `--fsize=${bytes}:unlimited`])

describe.skipIf(!prlimit)('a save that fails (the file-size limit of the running server, set with prlimit)', () => {
  const body = (device: number) => ({ hardware_id: `d-${device}`, product: 'app', license_key: 'FAIL-0' })

  test('is answered 503 state_not_saved and reported once; saves resume when writing works again; SIGTERM exits 0 and keeps them', async () => {
    const file = freshFile()
    const seedFile = folder.write(`case-${cases}/seed.json`, JSON.stringify(generatedSeed({ prefix: 'FAIL', licenses: 1, devices: 40 })))
    const served = spawnCli(['serve', '--port', '0', '--seed', seedFile, '--state-file', file])
    const url = await urlOf(served)
    const pid = served.child.pid!
    expect(codeOf(await deactivate(url, DEMO, body(0)))).toBe('license_deactivated')
    // No byte more may be written to the change log.
    limitFileSize(pid, readFileSync(`${file}.wal`).length)
    const refused: number[] = []
    for (let device = 1; device <= 5; device++) {
      const reply = await deactivate(url, DEMO, body(device))
      expect(reply.status).toBe(503)
      expect(reply.body).toMatchObject({ status: 503, code: 'state_not_saved' })
      expect(reply.headers['retry-after']).toBe('1')
      refused.push(device)
    }
    const failures = () => served.stderr().split('\n').filter((entry) => entry.includes('cannot save the state'))
    expect(failures()).toHaveLength(1)
    expect(failures()[0]).toMatch(/^licensespring-mock: cannot save the state to .*state\.json: .*\(retrying; changes are answered 503 state_not_saved until a save succeeds\)$/)

    limitFileSize(pid, 'unlimited')
    // The retry comes within its backoff (at most 5 s): then requests are saved and answered again.
    let device = 6
    const started = Date.now()
    while (codeOf(await deactivate(url, DEMO, body(device))) !== 'license_deactivated') {
      expect(Date.now() - started).toBeLessThan(20_000)
      device++
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(served.stderr()).toMatch(/licensespring-mock: the state is saved to .*state\.json again\n/)
    expect(codeOf(await deactivate(url, DEMO, body(39)))).toBe('license_deactivated')

    const stopped = Date.now()
    expect(await stop(served)).toEqual({ code: 0, signal: null })
    expect(Date.now() - stopped).toBeLessThan(10_000)
    // The refused ones were applied in memory and saved once writing worked: all are there.
    const saved = inactive(JSON.parse(readFileSync(file, 'utf8')) as SeedInput)
    for (const refusedDevice of [0, ...refused, device, 39]) expect(saved.has(`FAIL-0/d-${refusedDevice}`), `d-${refusedDevice}`).toBe(true)
    expect(failures()).toHaveLength(1)
  })

  test('SIGTERM while saves fail still exits 0 within 10 s, with one line saying what was not saved', async () => {
    const file = freshFile()
    const served = spawnCli(['serve', '--port', '0', '--state-file', file])
    const url = await urlOf(served)
    limitFileSize(served.child.pid!, 0)
    expect((await deactivate(url, DEMO, { hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' })).status).toBe(503)
    const stopped = Date.now()
    expect(await stop(served)).toEqual({ code: 0, signal: null })
    expect(Date.now() - stopped).toBeLessThan(10_000)
    expect(served.stderr()).toMatch(/licensespring-mock: the state could not be saved to .*state\.json at shutdown: /)
    // What was saved before is intact.
    expect(inactive(JSON.parse(readFileSync(file, 'utf8')) as SeedInput).size).toBeGreaterThan(0)
  })
})
