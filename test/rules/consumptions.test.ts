// Row 24 in depth: `consumptions` up, down, over the limits, on a license of another type, and 0.
import { describe, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { baseSeed, expectRejected, expectSuccess, keyBody, licenseIn, send, useLicenseMock } from '../support/msw.ts'

const harness = useLicenseMock()
const { mock } = harness
const NOT_ENOUGH = 'Not enough consumptions left'
const NOT_CONSUMPTION = 'The license needs to be of consumption type'
const total = async (id = 1010) => licenseIn(await mock.state.get(), id).total_consumptions

type LicenseInput = NonNullable<SeedInput['licenses']>[number]
const consumptionLicense = (fields: Partial<LicenseInput>): SeedInput =>
  baseSeed([{ id: 1, product: 'demo', license_key: 'C', license_type: 'consumption', max_consumptions: 10, total_consumptions: 8, devices: [{ hardware_id: 'hw' }], ...fields }])
const consume = (consumptions: number) => ({ hardware_id: 'hw', product: 'demo', license_key: 'C', consumptions })

describe('a consumption license (max 10, used 8, no negatives)', () => {
  test('up to the maximum exactly succeeds', async () => {
    expectSuccess(await send(keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: 2 })))
    expect(await total()).toBe(10)
  })

  test('one over the maximum → license_not_enough_consumptions, total unchanged', async () => {
    await expectRejected(mock, keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: 3 }), 'license_not_enough_consumptions', NOT_ENOUGH)
    expect(await total()).toBe(8)
  })

  test('down to zero succeeds', async () => {
    expectSuccess(await send(keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: -8 })))
    expect(await total()).toBe(0)
  })

  test('below zero without allow_negative_consumptions → license_not_enough_consumptions', async () => {
    await expectRejected(mock, keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: -9 }), 'license_not_enough_consumptions', NOT_ENOUGH)
  })

  test('0 changes nothing and succeeds', async () => {
    expectSuccess(await send(keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: 0 })))
    expect(await total()).toBe(8)
  })

  test('successive deactivations add up', async () => {
    expectSuccess(await send(keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: 1 })))
    expectSuccess(await send(keyBody('DEMO-CONSUMPTION', 'demo-device-2', { consumptions: 1 })))
    await expectRejected(mock, keyBody('DEMO-CONSUMPTION', 'demo-device-3', { consumptions: 1 }), 'license_not_enough_consumptions', NOT_ENOUGH)
    expect(await total()).toBe(10)
  })
})

describe('limits', () => {
  test('allow_negative_consumptions lets the total go below zero', async () => {
    const fresh = await harness.withSeed(consumptionLicense({ allow_negative_consumptions: true }))
    expectSuccess(await send(consume(-20)))
    expect(licenseIn(await fresh.state.get(), 1).total_consumptions).toBe(-12)
  })

  test('allow_unlimited_consumptions has no maximum', async () => {
    const fresh = await harness.withSeed(consumptionLicense({ allow_unlimited_consumptions: true }))
    expectSuccess(await send(consume(1000)))
    expect(licenseIn(await fresh.state.get(), 1).total_consumptions).toBe(1008)
  })

  test('overages extend the maximum by max_overages', async () => {
    const fresh = await harness.withSeed(consumptionLicense({ allow_overages: true, max_overages: 5, devices: [{ hardware_id: 'hw' }, { hardware_id: 'hw-2' }] }))
    await expectRejected(fresh, consume(8), 'license_not_enough_consumptions', NOT_ENOUGH)
    expectSuccess(await send(consume(7)))
    expect(licenseIn(await fresh.state.get(), 1).total_consumptions).toBe(15)
  })

  test('overages with max_overages 0 are unlimited', async () => {
    const fresh = await harness.withSeed(consumptionLicense({ allow_overages: true, max_overages: 0 }))
    expectSuccess(await send(consume(500)))
    expect(licenseIn(await fresh.state.get(), 1).total_consumptions).toBe(508)
  })

  test('giving back consumptions is allowed even above the maximum', async () => {
    const fresh = await harness.withSeed(consumptionLicense({ total_consumptions: 15 }))
    expectSuccess(await send(consume(-2)))
    expect(licenseIn(await fresh.state.get(), 1).total_consumptions).toBe(13)
  })
})

describe('a license of another type', () => {
  test('positive consumptions → license_not_consumption', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-1', { consumptions: 1 }), 'license_not_consumption', NOT_CONSUMPTION)
  })

  test('negative consumptions → license_not_consumption', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-1', { consumptions: -1 }), 'license_not_consumption', NOT_CONSUMPTION)
  })

  test('consumptions 0 is no consumption at all: the deactivation succeeds', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-1', { consumptions: 0 })))
    expect(licenseIn(await mock.state.get(), 1001).total_consumptions).toBe(0)
  })
})
