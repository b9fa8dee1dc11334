// Transfers, as fuzzing the activation endpoint found them wrong: which deactivated device's seat
// an activation takes decides whether it is a transfer (README, activation rule A4). Each test
// failed on an earlier rule ("the device last activated on", compared as text, rows without
// times tying), and passes with the freed-seat rule (store.freedBy).
import { describe, expect, test } from 'vitest'
import { createClock } from '../../src/core/clock.ts'
import { createEngine, type Engine } from '../../src/core/engine.ts'
import { validateSeed, type SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { resolveSeed } from '../../src/seed-file.ts'
import { startMockServer } from '../../src/server.ts'
import { ACTIVATE, DEACTIVATE, DEMO, DEMO_SEED_FILE } from './support.ts'

type LicenseSeed = NonNullable<SeedInput['licenses']>[number]

async function engineWith(license: LicenseSeed): Promise<Engine> {
  const parsed = validateSeed({ credentials: [{ api_key: DEMO.apiKey, shared_key: DEMO.sharedKey }], products: [{ short_code: 'demo' }], licenses: [license] })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return createEngine({ seed: parsed.seed })
}

function call(engine: Engine, path: string, body: object): { status: number; code: string; transfer_count?: number } {
  const signed = signedHeaders(DEMO)
  const response = engine.handle({ method: 'POST', path, headers: { date: signed.Date, authorization: signed.Authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const parsed = JSON.parse(response.body) as unknown
  return { status: response.status, code: response.code, ...(typeof parsed === 'object' && parsed !== null && 'transfer_count' in parsed ? { transfer_count: parsed.transfer_count as number } : {}) }
}

describe('the seat a deactivation freed', () => {
  // Times are compared as instants, whatever form the seed wrote (here a space for T).
  test('is the latest time_deactivated as an instant', async () => {
    const engine = await engineWith({
      id: 1,
      product: 'demo',
      license_key: 'K',
      max_activations: 2,
      prevent_transfers: true,
      devices: [
        { hardware_id: 'later', active: false, time_deactivated: '2025-01-01 12:00:00Z' },
        { hardware_id: 'earlier', active: false, time_deactivated: '2025-01-01T09:00:00Z' },
      ],
    })
    expect(call(engine, ACTIVATE, { hardware_id: 'earlier', product: 'demo', license_key: 'K' })).toMatchObject({ status: 400, code: 'license_transferred_max_times' })
    expect(call(engine, ACTIVATE, { hardware_id: 'later', product: 'demo', license_key: 'K' })).toEqual({ status: 200, code: 'license_activated', transfer_count: 0 })
  })

  // Rows without times tied, and the last row (deactivated long ago) won over the device
  // deactivated a moment ago. README: "coming back to the machine just deactivated is no transfer".
  test('re-activating the device just deactivated is no transfer (demo seed, DEMO-OK-0001)', async () => {
    const engine = await createEngine({ seed: resolveSeed(DEMO_SEED_FILE) })
    const body = { hardware_id: 'demo-device-3', product: 'demo', license_key: 'DEMO-OK-0001' }
    expect(call(engine, DEACTIVATE, body)).toEqual({ status: 200, code: 'license_deactivated' })
    expect(call(engine, ACTIVATE, body)).toEqual({ status: 200, code: 'license_activated', transfer_count: 0 })
  })

  test('...so a license with one transfer left keeps it, and can still be deactivated', async () => {
    const engine = await engineWith({
      id: 1,
      product: 'demo',
      license_key: 'K',
      max_activations: 2,
      max_transfers: 1,
      devices: [{ hardware_id: 'a' }, { hardware_id: 'b', active: false, time_deactivated: '2024-01-01T00:00:00Z' }],
    })
    const a = { hardware_id: 'a', product: 'demo', license_key: 'K' }
    expect(call(engine, DEACTIVATE, a).code).toBe('license_deactivated')
    const reactivated = call(engine, ACTIVATE, a)
    expect(call(engine, DEACTIVATE, a).code).toBe('license_deactivated')
    expect(reactivated).toEqual({ status: 200, code: 'license_activated', transfer_count: 0 })
  })
})

describe('events within one millisecond (a frozen clock: every time the same)', () => {
  test('their order, not their equal times, decides: A → B is a transfer, B again is not, C next to B is not', async () => {
    const parsed = validateSeed({ credentials: [{ api_key: DEMO.apiKey, shared_key: DEMO.sharedKey }], products: [{ short_code: 'demo' }], licenses: [{ id: 1, product: 'demo', license_key: 'K', max_activations: 2, max_transfers: 5 }] })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    // Freeze, then set: created at an instant and frozen later, the clock would have ticked a millisecond.
    const clock = createClock()
    clock.freeze(true)
    clock.set(new Date('2030-01-01T00:00:00Z'))
    const engine = await createEngine({ seed: parsed.seed, clock })
    const device = (hardware_id: string) => ({ hardware_id, product: 'demo', license_key: 'K' })
    expect(call(engine, ACTIVATE, device('a'))).toMatchObject({ status: 200, transfer_count: 0 })
    expect(call(engine, DEACTIVATE, device('a')).status).toBe(200)
    expect(call(engine, ACTIVATE, device('a'))).toMatchObject({ status: 200, transfer_count: 0 })
    expect(call(engine, DEACTIVATE, device('a')).status).toBe(200)
    expect(call(engine, ACTIVATE, device('b'))).toMatchObject({ status: 200, transfer_count: 1 })
    expect(call(engine, DEACTIVATE, device('b')).status).toBe(200)
    expect(call(engine, ACTIVATE, device('b'))).toMatchObject({ status: 200, transfer_count: 1 })
    expect(call(engine, ACTIVATE, device('c'))).toMatchObject({ status: 200, transfer_count: 1 })
    const license = engine.tenant()!.store.licenseByKey('demo', 'K')!
    expect(new Set(license.devices.map((row) => row.time_activated))).toEqual(new Set(['2030-01-01T00:00:00.000Z']))
  })
})

// A device deactivated in the same millisecond as its activation: its own activation must not
// hide its deactivation, however the state was loaded. The license below has used both of its
// transfers, so a third machine is refused, and nothing changes.
describe('a deactivation in the same instant as its own activation frees the seat', () => {
  const AT = '2026-01-01T10:00:00.000Z'
  const spent = (): LicenseSeed => ({
    id: 1,
    product: 'demo',
    license_key: 'K',
    max_activations: 1,
    max_transfers: 2,
    transfer_count: 2,
    devices: [{ hardware_id: 'hw-b', active: false, time_activated: AT, time_deactivated: AT }],
  })
  const hwC = { hardware_id: 'hw-c', product: 'demo', license_key: 'K' }

  test('from a seed: hw-c is a third transfer, refused, and the state is unchanged', async () => {
    const engine = await engineWith(spent())
    const before = engine.tenant()!.store.toSeed()
    expect(call(engine, ACTIVATE, hwC)).toMatchObject({ status: 400, code: 'license_transferred_max_times' })
    expect(engine.tenant()!.store.toSeed()).toEqual(before)
    // Going back to hw-b is no transfer.
    expect(call(engine, ACTIVATE, { ...hwC, hardware_id: 'hw-b' })).toEqual({ status: 200, code: 'license_activated', transfer_count: 2 })
  })

  test('the same, when the deactivation time is written before the activation time', async () => {
    const license = spent()
    license.devices = [{ hardware_id: 'hw-b', active: false, time_activated: AT, time_deactivated: '2026-01-01T09:59:59.999Z' }]
    expect(call(await engineWith(license), ACTIVATE, hwC)).toMatchObject({ status: 400, code: 'license_transferred_max_times' })
  })

  test('an activation of another device at that same instant still takes the seat', async () => {
    const license = spent()
    license.max_activations = 2
    license.devices = [...license.devices!, { hardware_id: 'hw-a', active: true, time_activated: AT }]
    // hw-a took hw-b's seat: hw-c is a second machine beside hw-a, not a transfer.
    expect(call(await engineWith(license), ACTIVATE, hwC)).toEqual({ status: 200, code: 'license_activated', transfer_count: 2 })
  })

  test('through PUT /__admin/state', async () => {
    const server = await startMockServer({ port: 0, seed: { credentials: [{ api_key: DEMO.apiKey, shared_key: DEMO.sharedKey }], products: [{ short_code: 'demo' }] } })
    try {
      const put = await fetch(`${server.url}/__admin/state`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: [{ api_key: DEMO.apiKey, shared_key: DEMO.sharedKey }], products: [{ short_code: 'demo' }], licenses: [spent()] }),
      })
      expect(put.status).toBe(200)
      const before = server.engine.tenant()!.store.toSeed()
      expect(call(server.engine, ACTIVATE, hwC)).toMatchObject({ status: 400, code: 'license_transferred_max_times' })
      expect(server.engine.tenant()!.store.toSeed()).toEqual(before)
    } finally {
      await server.close()
    }
  })

  test('live, on a frozen clock, and again after the state is saved and loaded (the order of events is lost)', async () => {
    const parsed = validateSeed({
      credentials: [{ api_key: DEMO.apiKey, shared_key: DEMO.sharedKey }],
      products: [{ short_code: 'demo' }],
      licenses: [{ id: 1, product: 'demo', license_key: 'K', max_activations: 1, max_transfers: 2, transfer_count: 1 }],
    })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    const clock = createClock()
    clock.freeze(true)
    clock.set(new Date(AT))
    const engine = await createEngine({ seed: parsed.seed, clock })
    const device = (hardware_id: string) => ({ hardware_id, product: 'demo', license_key: 'K' })
    expect(call(engine, ACTIVATE, device('hw-b'))).toMatchObject({ status: 200, transfer_count: 1 })
    expect(call(engine, DEACTIVATE, device('hw-b')).status).toBe(200)
    const saved = engine.tenant()!.store.toSeed()
    expect(call(engine, ACTIVATE, device('hw-c'))).toMatchObject({ status: 200, transfer_count: 2 })
    // The saved state (hw-b activated and deactivated at AT, one transfer used) loaded again.
    expect((await engine.replaceState('default', saved)).ok).toBe(true)
    expect(call(engine, ACTIVATE, device('hw-c'))).toMatchObject({ status: 200, transfer_count: 2 })
    expect(call(engine, DEACTIVATE, device('hw-c'))).toMatchObject({ status: 400, code: 'license_transferred_max_times' })
  })
})
