// --state-file: the default tenant's state survives restarts, writes are atomic (kill -9 at any
// moment leaves a valid file), a broken file stops the start with a clear line, and no temp
// files are left behind.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { main } from '../../src/cli.ts'
import { validateSeed, type SeedInput } from '../../src/core/seed.ts'
import { startMockServer } from '../../src/server.ts'
import { StateFileError } from '../../src/state-file.ts'
import { spawnCli, urlOf } from '../support/processes.ts'
import { codeOf, deactivate, generatedSeed, post } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

const root = mkdtempSync(join(tmpdir(), 'licensespring-mock-state-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let counter = 0
/** A fresh empty directory per test. */
const freshDir = () => {
  const dir = join(root, `case-${++counter}`)
  mkdirSync(dir)
  return dir
}
const readState = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as SeedInput
const deviceActive = (state: SeedInput, key: string, hardwareId: string) =>
  state.licenses!.find((license) => license.license_key === key)!.devices!.find((device) => device.hardware_id === hardwareId)!.active
const demoBody = (hardware_id: string) => ({ hardware_id, product: 'demo', license_key: 'DEMO-OK-0001' })
const admin = (url: string, method: string, path: string, body?: unknown) =>
  post(url, `/__admin${path}`, { 'content-type': 'application/json' }, body === undefined ? undefined : JSON.stringify(body), undefined, method)

describe('startMockServer({ stateFile })', () => {
  test('absent file: starts from the seed and writes it; the state survives a restart; no temp files left', async () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    const first = await startMockServer({ port: 0, stateFile: file })
    expect(existsSync(file)).toBe(true)
    expect(deviceActive(readState(file), 'DEMO-OK-0001', 'demo-device-1')).toBe(true)
    expect(codeOf(await deactivate(first.url, DEMO, demoBody('demo-device-1')))).toBe('license_deactivated')
    await first.close()
    expect(deviceActive(readState(file), 'DEMO-OK-0001', 'demo-device-1')).toBe(false)

    const second = await startMockServer({ port: 0, stateFile: file })
    try {
      expect(codeOf(await deactivate(second.url, DEMO, demoBody('demo-device-1')))).toBe('device_not_found')
      expect(second.engine.tenant()!.store.licenseByKey('demo', 'DEMO-OK-0001')!.times_activated).toBe(4)
    } finally {
      await second.close()
    }
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  test('PUT state and reset are saved; other tenants are not', async () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    const server = await startMockServer({ port: 0, stateFile: file })
    try {
      const custom = generatedSeed({ prefix: 'SAVED', licenses: 2, devices: 2 })
      expect((await admin(server.url, 'PUT', '/state', custom)).status).toBe(200)
      const tenant = await admin(server.url, 'POST', '/tenants?id=scratch', generatedSeed({ prefix: 'SCRATCH', licenses: 1, devices: 1, credentials: { apiKey: 'scratch-key', sharedKey: 'scratch-shared' } }))
      expect(tenant.status).toBe(201)
      expect(codeOf(await deactivate(server.url, { apiKey: 'scratch-key', sharedKey: 'scratch-shared' }, { hardware_id: 'd-0', product: 'app', license_key: 'SCRATCH-0' }))).toBe('license_deactivated')
      await server.close()
      const saved = readState(file)
      expect(saved.licenses!.map((license) => license.license_key)).toEqual(['SAVED-0', 'SAVED-1'])
      expect(JSON.stringify(saved)).not.toContain('SCRATCH')

      const again = await startMockServer({ port: 0, stateFile: file })
      expect(again.engine.tenants().map((candidate) => candidate.id)).toEqual(['default'])
      expect(codeOf(await deactivate(again.url, DEMO, { hardware_id: 'd-1', product: 'app', license_key: 'SAVED-1' }))).toBe('license_deactivated')
      // reset: back to the seed the server started with (the demo seed), and saved.
      expect((await admin(again.url, 'POST', '/reset')).status).toBe(200)
      await again.close()
      expect(readState(file).licenses!.some((license) => license.license_key === 'DEMO-OK-0001')).toBe(true)
    } finally {
      await server.close()
    }
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  test.each([
    ['empty', '', /is empty/],
    ['not JSON', '{"licenses": [', /is not valid JSON/],
    ['a JSON array', '[]', /is not a JSON object/],
    ['JSON null', 'null', /is not a JSON object/],
    ['an invalid state', JSON.stringify({ licenses: [{ product: 'nope', license_key: 'K' }] }), /is not a valid state: licenses\[0\]\.product: unknown product "nope"/],
    ['a wrong type', JSON.stringify({ credentials: 5 }), /is not a valid state: credentials: /],
  ])('a state file that is %s: StateFileError naming the file, and the file is left as it was', async (_name, text, reason) => {
    const file = join(freshDir(), 'state.json')
    writeFileSync(file, text)
    const error = await startMockServer({ port: 0, stateFile: file }).then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect(error).toBeInstanceOf(StateFileError)
    expect((error as StateFileError).message).toMatch(new RegExp(`^state file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `))
    expect((error as StateFileError).message).toMatch(reason)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

})

describe('serve --state-file (a real process)', () => {
  test('a deactivation just before SIGTERM is on disk after exit; restart keeps it', async () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    const first = spawnCli(['serve', '--port', '0', '--state-file', file])
    const url = await urlOf(first)
    expect(codeOf(await deactivate(url, DEMO, demoBody('demo-device-2')))).toBe('license_deactivated')
    first.child.kill('SIGTERM')
    expect(await first.exit).toEqual({ code: 0, signal: null })
    expect(first.stderr()).toBe('')
    expect(deviceActive(readState(file), 'DEMO-OK-0001', 'demo-device-2')).toBe(false)

    const second = spawnCli(['serve', '--port', '0', '--state-file', file])
    const url2 = await urlOf(second)
    expect(codeOf(await deactivate(url2, DEMO, demoBody('demo-device-2')))).toBe('device_not_found')
    second.child.kill('SIGINT')
    expect((await second.exit).code).toBe(0)
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  test('a corrupt file: exit 2 and one line naming the file; never an empty state', async () => {
    const file = join(freshDir(), 'state.json')
    writeFileSync(file, '{"credentials": [{"api_key": "k", "shared_key": "s"}], "licenses": [{"id": 1, "product": "demo", "license_key": "X"')
    const served = spawnCli(['serve', '--port', '0', '--state-file', file])
    expect((await served.exit).code).toBe(2)
    expect(served.stdout()).toBe('')
    const lines = served.stderr().split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0].startsWith(`licensespring-mock: state file ${file}: is not valid JSON: `)).toBe(true)
  })

  test('a state file in a directory that does not exist: exit 2, one line', async () => {
    const file = join(freshDir(), 'missing-dir', 'state.json')
    const lines: string[] = []
    const code = await main(['serve', '--port', '0', '--state-file', file], { out: () => {}, err: (line) => lines.push(line) }, {})
    expect(code).toBe(2)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^licensespring-mock: state file .*state\\.json: cannot be written: ENOENT`))
  })

  test('kill -9 at random moments during a stream of deactivations: the file always parses and validates', async () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    const seedFile = join(dir, 'seed.json')
    // Large enough that a save takes a while, so kills land during writes too.
    writeFileSync(seedFile, JSON.stringify(generatedSeed({ prefix: 'KILL', licenses: 800, devices: 10 })))
    const requested = new Set<string>()
    let lastKnown = 0
    let next = 0
    for (let round = 0; round < 10; round++) {
      const served = spawnCli(['serve', '--port', '0', '--seed', seedFile, '--state-file', file])
      const url = await urlOf(served)
      const agent = new Agent({ keepAlive: true, maxSockets: 8 })
      let stop = false
      const stream = async () => {
        while (!stop) {
          // Every device once, in order, across rounds.
          const index = next++ % 8000
          const key = `KILL-${Math.floor(index / 10)}`
          const device = `d-${index % 10}`
          requested.add(`${key}/${device}`)
          const reply = await deactivate(url, DEMO, { hardware_id: device, product: 'app', license_key: key }, agent).catch(() => undefined)
          if (!reply) return
        }
      }
      const workers = Array.from({ length: 8 }, stream)
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 400))
      served.child.kill('SIGKILL')
      await served.exit
      stop = true
      await Promise.all(workers)
      agent.destroy()

      const text = readFileSync(file, 'utf8')
      const parsed = JSON.parse(text) as SeedInput
      expect(validateSeed(parsed).ok).toBe(true)
      const inactive = parsed.licenses!.flatMap((license) => license.devices!.filter((device) => device.active === false).map((device) => `${license.license_key}/${device.hardware_id}`))
      // Old or new, never invented: every inactive device was asked for, and saved progress never goes back.
      for (const device of inactive) expect(requested.has(device)).toBe(true)
      expect(inactive.length).toBeGreaterThanOrEqual(lastKnown)
      lastKnown = inactive.length
    }
    expect(lastKnown).toBeGreaterThan(0)
    // A clean start after all that removes the temp files killed processes left, and a clean stop leaves none.
    const final = spawnCli(['serve', '--port', '0', '--seed', seedFile, '--state-file', file])
    await urlOf(final)
    final.child.kill('SIGTERM')
    expect((await final.exit).code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['seed.json', 'state.json'])
  }, 120_000)
})
