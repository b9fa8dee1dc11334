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
