// Row 25 in depth: what a successful deactivation changes, what it leaves alone, and how the
// state and the mock clock then decide the next answers.
import { describe, expect, test } from 'vitest'
import { baseSeed, deviceIn, expectRejected, expectSuccess, keyBody, licenseIn, send, useLicenseMock, userBody, userIn } from '../support/msw.ts'

const harness = useLicenseMock()
const { mock } = harness
const DEVICE_NOT_FOUND = 'An active device matching the hardware_id not found'

const freezeAt = (iso: string) => {
  mock.clock.freeze(true)
  mock.clock.set(new Date(iso))
}

describe('the device', () => {
  test('is kept, inactive, with time_deactivated = the mock clock’s now', async () => {
    freezeAt('2026-03-01T10:15:30.000Z')
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-3')))
    const device = deviceIn(await mock.state.get(), 1001, 'demo-device-3')
    expect(device.active).toBe(false)
    expect(device.time_deactivated).toBe('2026-03-01T10:15:30.000Z')
  })

  test('a device with the same hardware_id on another license stays active', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
    const state = await mock.state.get()
    expect(deviceIn(state, 1001, 'demo-device-1').active).toBe(false)
    expect(deviceIn(state, 1003, 'demo-device-1').active).toBe(true)
    expect(deviceIn(state, 2001, 'demo-device-1').active).toBe(true)
  })

  test('nothing but the deactivated device and its license changes', async () => {
    const before = await mock.state.get()
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-2')))
    const after = await mock.state.get()
    expect(after.licenses?.filter((license) => license.id !== 1001)).toEqual(before.licenses?.filter((license) => license.id !== 1001))
    expect({ ...after, licenses: [] }).toEqual({ ...before, licenses: [] })
    const changed = licenseIn(after, 1001)
    const previous = licenseIn(before, 1001)
    expect({ ...changed, devices: [], times_activated: 0 }).toEqual({ ...previous, devices: [], times_activated: 0 })
    expect(changed.devices?.filter((device) => device.hardware_id !== 'demo-device-2')).toEqual(
      previous.devices?.filter((device) => device.hardware_id !== 'demo-device-2'),
    )
  })
})

describe('the counters', () => {
  test('times_activated goes down by one per deactivation, to zero, then device_not_found', async () => {
    for (let n = 1; n <= 5; n++) {
      expectSuccess(await send(keyBody('DEMO-OK-0001', `demo-device-${n}`)))
      expect(licenseIn(await mock.state.get(), 1001).times_activated).toBe(5 - n)
    }
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-1'), 'device_not_found', DEVICE_NOT_FOUND)
    expect(licenseIn(await mock.state.get(), 1001).times_activated).toBe(0)
  })

  test('user-based: the license user’s total_activations goes down by one', async () => {
    const before = await mock.state.get()
    expect(userIn(before, 2001, 'user@example.com').total_activations).toBe(2)
    expectSuccess(await send(userBody('user@example.com', 'demo-device-2')))
    const after = await mock.state.get()
    expect(userIn(after, 2001, 'user@example.com').total_activations).toBe(1)
    expect(licenseIn(after, 2001).times_activated).toBe(1)
  })

  test('key-based: the user who activated the device counts one activation less', async () => {
    const fresh = await harness.withSeed(
      baseSeed([
        {
          id: 1,
          product: 'demo',
          license_key: 'K-1',
          max_activations: 3,
          users: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
          devices: [
            { hardware_id: 'hw-a', user: 'a@example.com' },
            { hardware_id: 'hw-b', user: 'b@example.com' },
          ],
        },
      ]),
    )
    expectSuccess(await send({ hardware_id: 'hw-b', product: 'demo', license_key: 'K-1' }))
    const state = await fresh.state.get()
    expect(userIn(state, 1, 'b@example.com').total_activations).toBe(0)
    expect(userIn(state, 1, 'a@example.com').total_activations).toBe(1)
  })

  test('user-based: the activation taken back is counted off the user who activated the device', async () => {
    const fresh = await harness.withSeed(
      baseSeed([
        {
          id: 1,
          product: 'demo-user',
          users: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
          devices: [
            { hardware_id: 'hw-a', user: 'a@example.com' },
            { hardware_id: 'hw-b', user: 'b@example.com' },
          ],
        },
      ]),
    )
    // a@example.com deactivates the device b@example.com activated (a shared license).
    expectSuccess(await send({ hardware_id: 'hw-b', product: 'demo-user', username: 'a@example.com' }))
    const state = await fresh.state.get()
    // Every user's total still equals the active devices they activated.
    expect(userIn(state, 1, 'a@example.com').total_activations).toBe(1)
    expect(userIn(state, 1, 'b@example.com').total_activations).toBe(0)
  })

  test('consumptions given are applied to total_consumptions', async () => {
    expectSuccess(await send(keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: 2 })))
    expect(licenseIn(await mock.state.get(), 1010).total_consumptions).toBe(10)
    expectSuccess(await send(keyBody('DEMO-CONSUMPTION', 'demo-device-2', { consumptions: -4 })))
    expect(licenseIn(await mock.state.get(), 1010).total_consumptions).toBe(6)
  })
})

describe('floating licenses', () => {
  test('the device’s floating slot is freed and the license counts one device in use less', async () => {
    const engine = await mock.ready
    const live = () => engine.tenant()!.store.licenseByKey('demo', 'DEMO-FLOATING')!
    expect(live().floating_in_use_devices).toBe(2)
    expect(deviceIn(await mock.state.get(), 1014, 'demo-device-1').floating_in_use).toBe(true)

    expectSuccess(await send(keyBody('DEMO-FLOATING', 'demo-device-1')))

    const state = await mock.state.get()
    expect(deviceIn(state, 1014, 'demo-device-1').floating_in_use).toBe(false)
    expect(deviceIn(state, 1014, 'demo-device-2').floating_in_use).toBe(true)
    expect(live().floating_in_use_devices).toBe(1)
    expect(licenseIn(state, 1014).times_activated).toBe(1)
  })

  test('floating cloud: the slot is freed the same way', async () => {
    const fresh = await harness.withSeed(
      baseSeed([{ id: 7, product: 'demo', license_key: 'CLOUD', is_floating_cloud: true, floating_users: 1, devices: [{ hardware_id: 'hw' }] }]),
    )
    const engine = await fresh.ready
    expect(engine.tenant()!.store.licenseByKey('demo', 'CLOUD')!.floating_in_use_devices).toBe(1)
    expectSuccess(await send({ hardware_id: 'hw', product: 'demo', license_key: 'CLOUD' }))
    expect(deviceIn(await fresh.state.get(), 7, 'hw').floating_in_use).toBe(false)
    expect(engine.tenant()!.store.licenseByKey('demo', 'CLOUD')!.floating_in_use_devices).toBe(0)
  })
})

describe('the next answers', () => {
  test('a second deactivation of the same device → device_not_found, state unchanged', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'device_not_found', DEVICE_NOT_FOUND)
  })

  test('user-based: a second deactivation → device_not_found, total_activations unchanged', async () => {
    expectSuccess(await send(userBody('user@example.com')))
    await expectRejected(mock, userBody('user@example.com'), 'device_not_found', DEVICE_NOT_FOUND)
    expect(userIn(await mock.state.get(), 2001, 'user@example.com').total_activations).toBe(1)
  })

  test('the last active device gone, the license still has device rows: device_not_found, not license_not_active', async () => {
    const fresh = await harness.withSeed(baseSeed([{ id: 5, product: 'demo', license_key: 'ONE', devices: [{ hardware_id: 'hw' }] }]))
    expectSuccess(await send({ hardware_id: 'hw', product: 'demo', license_key: 'ONE' }))
    await expectRejected(fresh, { hardware_id: 'hw', product: 'demo', license_key: 'ONE' }, 'device_not_found', DEVICE_NOT_FOUND)
  })

  test('the clock moved past validity_period turns success into license_expired', async () => {
    const fresh = await harness.withSeed(
      baseSeed([
        {
          id: 3,
          product: 'demo',
          license_key: 'UNTIL-JUNE',
          license_type: 'time-limited',
          validity_period: '2030-06-30',
          devices: [{ hardware_id: 'hw-1' }, { hardware_id: 'hw-2' }],
        },
      ]),
    )
    fresh.clock.freeze(true)
    // A date-only validity_period holds through the end of that day (UTC).
    fresh.clock.set(new Date('2030-06-30T23:59:59Z'))
    expectSuccess(await send({ hardware_id: 'hw-1', product: 'demo', license_key: 'UNTIL-JUNE' }))
    fresh.clock.advance(1000)
    await expectRejected(fresh, { hardware_id: 'hw-2', product: 'demo', license_key: 'UNTIL-JUNE' }, 'license_expired', 'License validity period has expired.')
  })

  test('the clock set back before validity_period makes an expired license deactivate', async () => {
    freezeAt('2020-01-31T12:00:00Z')
    expectSuccess(await send(keyBody('DEMO-EXPIRED')))
    expect(deviceIn(await mock.state.get(), 1006, 'demo-device-1').time_deactivated).toBe('2020-01-31T12:00:00.000Z')
  })

  test('the clock at start_date makes a not-yet-started license deactivate; a second earlier it does not', async () => {
    freezeAt('2098-12-31T23:59:59Z')
    await expectRejected(mock, keyBody('DEMO-NOT-STARTED'), 'license_start_date_error', 'This license cannot be activated before start date: 2099-01-01')
    mock.clock.advance(1000)
    expectSuccess(await send(keyBody('DEMO-NOT-STARTED')))
  })

  test('a mock created with a clock judges license dates at that instant', async () => {
    await harness.withSeed(
      baseSeed([{ id: 8, product: 'demo', license_key: 'OLD', validity_period: '2020-01-31', devices: [{ hardware_id: 'hw' }] }]),
      { clock: '2020-01-15T00:00:00Z' },
    )
    expectSuccess(await send({ hardware_id: 'hw', product: 'demo', license_key: 'OLD' }))
  })

  test('200 concurrent deactivations of one device: exactly one success and one decrement', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => send(keyBody('DEMO-OK-0001', 'demo-device-4'))))
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
    const codes = answers.filter((answer) => answer.status !== 200).map((answer) => (answer.body as { code: string }).code)
    expect(new Set(codes)).toEqual(new Set(['device_not_found']))
    expect(codes).toHaveLength(199)
    expect(licenseIn(await mock.state.get(), 1001).times_activated).toBe(4)
  })

  test('reset brings the seed back', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
    await mock.reset()
    expect(deviceIn(await mock.state.get(), 1001, 'demo-device-1').active).toBe(true)
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
  })
})
