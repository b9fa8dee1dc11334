// The clock stays within 0001-01-01 … 9999-12-31: a move past either end is a 400 that changes
// nothing, no clock value makes any request answer 500, and a request's change is whole or
// absent. One grammar and one applier serve the admin API and scenario steps.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { main } from '../../src/cli.ts'
import { applyClockUpdate, CLOCK_MAX_MS, createClock, parseInstant } from '../../src/core/clock.ts'
import { createEngine } from '../../src/core/engine.ts'
import type { SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { createLicenseMock } from '../../src/mock.ts'
import { inProcessTarget, loadScenarios, mockServerTarget, runScenarioList } from '../../src/scenarios/index.ts'
import { resolveSeed } from '../../src/seed-file.ts'
import { startMockServer } from '../../src/server.ts'
import { tempFolder } from '../support/files.ts'
import { codeOf, deactivate, post } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

const LAST = '9999-12-31T23:59:59.999Z'
const folder = tempFolder('clock')

describe('PUT /__admin/clock at the ends of time', () => {
  const file = join(folder.dir, 'state.json')
  const serverPromise = startMockServer({ port: 0, stateFile: file })
  afterAll(async () => (await serverPromise).close())
  const clock = async (body: unknown) => post((await serverPromise).url, '/__admin/clock', { 'content-type': 'application/json' }, JSON.stringify(body), undefined, 'PUT')
  const read = async () => post((await serverPromise).url, '/__admin/clock', {}, undefined, undefined, 'GET')

  test.each([
    ['advance 9999999999d (the reported 500)', { advance: '9999999999d' }, 'advance'],
    ['advance -9999999999d', { advance: '-9999999999d' }, 'advance'],
    ['advance of 400 digits (Infinity ms)', { advance: `${'9'.repeat(400)}d` }, 'advance'],
    ['now in year 0', { now: '0000-12-31T23:59:59Z' }, 'now'],
    ['now at the end, then 1s more', { now: '9999-12-31T23:59:59Z', advance: '1s' }, 'advance'],
    ['frozen, then 3 000 000 days', { now: '2030-01-01T00:00:00Z', frozen: true, advance: '3000000d' }, 'advance'],
  ])('%s → 400 naming the field; the clock, and every answer after, unchanged', async (_label, body, path) => {
    const before = (await read()).body
    const answer = await clock(body)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ status: 400, code: 'admin_bad_request', issues: [expect.objectContaining({ path })] })
    const after = await read()
    expect(after.status).toBe(200)
    expect((after.body as { frozen: boolean }).frozen).toBe((before as { frozen: boolean }).frozen)
    expect(Math.abs(Date.parse((after.body as { now: string }).now) - Date.parse((before as { now: string }).now))).toBeLessThan(60_000)
  })

  test('a clock ticking past the last millisecond reads it; a deactivation then is whole, and the state file keeps a date it can read back', async () => {
    const server = await serverPromise
    expect((await clock({ now: '9999-12-31T23:59:59.990Z', frozen: false })).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await read()).body).toEqual({ now: LAST, frozen: false })
    expect(codeOf(await deactivate(server.url, DEMO, { hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' }))).toBe('license_deactivated')
    const license = server.engine.tenant()!.store.licenseByKey('demo', 'DEMO-OK-0001')!
    const device = license.devices.find((row) => row.hardware_id === 'demo-device-1')!
    expect(device).toMatchObject({ active: false, time_deactivated: LAST })
    expect(license.times_activated).toBe(4)
    // A check and an activation at that instant answer as usual, never 500.
    const signed = signedHeaders(DEMO)
    const check = await post(server.url, '/api/v4/check_license?product=demo&license_key=DEMO-OK-0001&hardware_id=demo-device-2', { date: signed.Date, authorization: signed.Authorization }, undefined, undefined, 'GET')
    expect(check.status).toBe(200)
    expect((await clock({ real: true })).status).toBe(200)
    await server.close()
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SeedInput
    const time = saved.licenses!.find((row) => row.license_key === 'DEMO-OK-0001')!.devices!.find((row) => row.hardware_id === 'demo-device-1')!.time_deactivated!
    expect(parseInstant(time)?.toISOString()).toBe(LAST)
    const again = await startMockServer({ port: 0, stateFile: file })
    await again.close()
  })
})

describe('the one applier', () => {
  const bound = fc.constantFrom('0001-01-01T00:00:00Z', '0000-12-31T23:59:59Z', '9999-12-31T23:59:59.999Z', '2030-01-01')
  const instant = fc.oneof(bound, fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date(LAST), noInvalidDate: true }).map((date) => date.toISOString()))
  const duration = fc.oneof(
    fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.constantFrom('ms', 's', 'm', 'h', 'd', 'w')).map(([negative, amount, unit]) => `${negative ? '-' : ''}${amount}${unit}`),
    fc.constantFrom('9999999999d', '1d', '-1d'),
  )
  const update = fc.oneof(
    fc.record({ now: instant, advance: duration, frozen: fc.boolean() }, { requiredKeys: [] }),
    fc.constant({ real: true }),
    fc.anything(),
  )

  test('any sequence of moves: never a throw, the clock always within its range, a refused move changes nothing', async () => {
    const seed = resolveSeed(new URL('../../scenarios/seeds/demo.yaml', import.meta.url).pathname)
    const engine = await createEngine({ seed })
    const tenant = engine.tenant()!
    const realNow = () => Date.parse('2026-06-01T00:00:00Z')
    fc.assert(
      fc.property(fc.array(update, { maxLength: 8 }), (updates) => {
        const clock = createClock(undefined, realNow)
        for (const input of updates) {
          clock.freeze(true)
          const before = clock.state()
          const applied = applyClockUpdate(clock, input)
          if (!applied.ok) expect(clock.state()).toEqual(before)
          const now = clock.now().getTime()
          expect(now).toBeLessThanOrEqual(CLOCK_MAX_MS)
          expect(parseInstant(clock.state().now)?.getTime()).toBe(now)
        }
      }),
      { numRuns: 300 },
    )
    // And the engine answers at any of those instants, without a 500 or a half-made change.
    await fc.assert(
      fc.asyncProperty(instant, fc.constantFrom('deactivate_license', 'activate_license'), async (at, endpoint) => {
        const moved = applyClockUpdate(tenant.clock, { now: at, frozen: true })
        const before = JSON.stringify(tenant.store.toSeed())
        const signed = signedHeaders(DEMO)
        const body = JSON.stringify({ hardware_id: endpoint === 'activate_license' ? 'fuzz-device' : 'demo-device-3', product: 'demo', license_key: endpoint === 'activate_license' ? 'DEMO-NEVER-ACTIVATED' : 'DEMO-OK-0001' })
        const response = engine.handle({ method: 'POST', path: `/api/v4/${endpoint}`, headers: { date: signed.Date, authorization: signed.Authorization }, body })
        expect(response.status).toBeLessThan(500)
        if (response.status !== 200) expect(JSON.stringify(tenant.store.toSeed()), `${at}: ${response.body}`).toBe(before)
        if (moved.ok && response.status === 200) await engine.reset()
      }),
      { numRuns: 100 },
    )
  })

  test('in-process: mock.clock refuses an instant out of range with a RangeError and stays where it was; so does the clock option', () => {
    const mock = createLicenseMock({ clock: '2030-01-01T00:00:00Z' })
    mock.clock.freeze(true)
    mock.clock.set(new Date('2030-01-01T00:00:00Z'))
    expect(() => mock.clock.advance(9999999999 * 86_400_000)).toThrow(RangeError)
    expect(() => mock.clock.set(new Date('+010000-01-01T00:00:00Z'))).toThrow(RangeError)
    expect(mock.clock.state()).toEqual({ now: '2030-01-01T00:00:00.000Z', frozen: true })
    expect(() => createLicenseMock({ clock: '+010000-01-01T00:00:00Z' })).toThrow(TypeError)
  })

  test('serve --clock outside the range is a usage error', async () => {
    const err: string[] = []
    expect(await main(['serve', '--port', '0', '--clock', '0000-01-01'], { out: () => {}, err: (line) => err.push(line) }, {})).toBe(2)
    expect(err).toEqual([expect.stringMatching(/^licensespring-mock serve: --clock must be within 0001-01-01T00:00:00Z … 9999-12-31T23:59:59\.999Z, got "0000-01-01"/)])
  })
})

describe('scenario clock steps use the same grammar', () => {
  const file = folder.write(
    'clock.yaml',
    `given:
  products: [{ short_code: app }]
  licenses: [{ product: app, license_key: K, validity_period: 2030-01-31, devices: [{ hardware_id: a }, { hardware_id: b }, { hardware_id: c }] }]
scenarios:
  - name: frozen and advance, the admin API's spelling
    steps:
      - clock: { now: 2030-01-15T00:00:00Z, frozen: true }
      - clock: { advance: 30d }
      - request: { body: { hardware_id: a, product: app, license_key: K } }
        expect: { code: license_expired }
  - name: the deprecated freeze and numeric advance still work
    steps:
      - clock: { now: 2030-01-15T00:00:00Z, freeze: true }
      - clock: { advance: 2592000000 }
      - request: { body: { hardware_id: b, product: app, license_key: K } }
        expect: { code: license_expired }
  - name: a move past the end of time fails the step, it does not crash the run
    steps:
      - clock: { advance: 9999999999d }
      - request: { body: { hardware_id: c, product: app, license_key: K } }
        expect: { status: 200 }
`,
  )

  test.each([
    ['in-process', () => inProcessTarget()],
    ['against a server', () => mockServerTarget({ adminUrl: serverUrl })],
  ])('%s', async (_name, target) => {
    if (_name !== 'in-process') serverUrl = (await serverPromise).url
    const report = await runScenarioList(loadScenarios([file]), { target: target() })
    expect(report.results.map((result) => result.status)).toEqual(['passed', 'passed', 'failed'])
    expect(JSON.stringify(report.results[2].failure ?? report.results[2].reason)).toMatch(/advance/)
  })
  let serverUrl = ''
  const serverPromise = startMockServer({ port: 0 })
  afterAll(async () => (await serverPromise).close())
})
