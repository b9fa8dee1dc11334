// Outcomes on purpose: the activation-only seed codes through sticky faults in the seed, and
// faults added in-process with `mock.faults.add(...)`.
import { describe, expect, test } from 'vitest'
import { baseSeed, deviceIn, expectRejected, expectSuccess, keyBody, send, useLicenseMock, userBody } from '../support/msw.ts'

const harness = useLicenseMock()
const { mock } = harness

describe('sticky faults in the demo seed (activation-only seed codes)', () => {
  test('DEMO-MAX-ACTIVATIONS → license_activated_max_times, every time', async () => {
    const message = 'This license has already been activated the maximum number of times'
    await expectRejected(mock, keyBody('DEMO-MAX-ACTIVATIONS'), 'license_activated_max_times', message)
    await expectRejected(mock, keyBody('DEMO-MAX-ACTIVATIONS'), 'license_activated_max_times', message)
  })

  test('capped@example.com → license_user_activated_max_times', async () => {
    await expectRejected(mock, userBody('capped@example.com'), 'license_user_activated_max_times', 'License user has activated this license max times')
  })

  test('the device of DEMO-DEVICE-EXISTS → license_device_exists', async () => {
    await expectRejected(mock, keyBody('DEMO-DEVICE-EXISTS'), 'license_device_exists', 'A device matching this hardware_id is already created on the license')
  })

  test('DEMO-FLOATING-CLOUD → offline_floating_cloud_not_supported, leading space kept', async () => {
    const answer = await expectRejected(
      mock,
      keyBody('DEMO-FLOATING-CLOUD'),
      'offline_floating_cloud_not_supported',
      ' Floating cloud licenses cannot be activated offline.',
    )
    expect((answer.body as { message: string }).message.startsWith(' Floating')).toBe(true)
  })
})

describe('sticky faults in any seed', () => {
  test('a license fault answers before the license’s own checks', async () => {
    const fresh = await harness.withSeed(
      baseSeed([{ id: 1, product: 'demo', license_key: 'K', enabled: false, fault: 'license_activated_max_times', devices: [{ hardware_id: 'hw' }] }]),
    )
    await expectRejected(fresh, { hardware_id: 'hw', product: 'demo', license_key: 'K' }, 'license_activated_max_times', 'This license has already been activated the maximum number of times')
  })

  test('a device fault touches only that device', async () => {
    const fresh = await harness.withSeed(
      baseSeed([{ id: 1, product: 'demo', license_key: 'K', max_activations: 2, devices: [{ hardware_id: 'hw-1', fault: 'license_device_exists' }, { hardware_id: 'hw-2' }] }]),
    )
    await expectRejected(fresh, { hardware_id: 'hw-1', product: 'demo', license_key: 'K' }, 'license_device_exists', 'A device matching this hardware_id is already created on the license')
    expectSuccess(await send({ hardware_id: 'hw-2', product: 'demo', license_key: 'K' }))
  })
})

describe('faults added in-process', () => {
  test('times: 1 fires once, then the request is answered normally', async () => {
    const added = mock.faults.add({ match: { license_key: 'DEMO-OK-0001' }, error: 'license_expired', times: 1 })
    expect(added.ok).toBe(true)
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'license_expired', 'License validity period has expired.')
    expect(mock.faults.list()).toEqual([])
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
  })

  test('without times the fault stays and counts its hits', async () => {
    mock.faults.add({ match: { hardware_id: 'demo-device-2' }, error: 'blacklisted' })
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-2'), 'blacklisted', 'This device is blacklisted')
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-2'), 'blacklisted', 'This device is blacklisted')
    expect(mock.faults.list().map((fault) => fault.hits)).toEqual([2])
  })

  test('a fault matches only requests with all its fields', async () => {
    mock.faults.add({ match: { license_key: 'DEMO-OK-0001', hardware_id: 'demo-device-3' }, error: 'license_not_enabled' })
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-1')))
    expectSuccess(await send(keyBody('DEMO-BLACKLISTED', 'demo-device-1')))
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-3'), 'license_not_enabled', 'The license is not enabled')
  })

  test('match on username and product', async () => {
    mock.faults.add({ match: { username: 'user@example.com', product: 'demo-user' }, error: 'license_user_activated_max_times', times: 1 })
    await expectRejected(mock, userBody('user@example.com'), 'license_user_activated_max_times', 'License user has activated this license max times')
  })

  test('an internal_error fault answers 500', async () => {
    mock.faults.add({ match: { license_key: 'DEMO-OK-0001' }, error: 'internal_error', times: 1 })
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'internal_error', 'Internal server error')
  })

  test('network: "reset" makes fetch reject, and nothing changes', async () => {
    mock.faults.add({ match: { license_key: 'DEMO-OK-0001' }, network: 'reset', times: 1 })
    const before = await mock.state.get()
    await expect(send(keyBody('DEMO-OK-0001'))).rejects.toThrow(TypeError)
    expect(await mock.state.get()).toEqual(before)
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
  })

  test('a delay-only fault still answers, and the deactivation happens', async () => {
    mock.faults.add({ match: { license_key: 'DEMO-OK-0001' }, delay_ms: 5, times: 1 })
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
    expect(deviceIn(await mock.state.get(), 1001, 'demo-device-1').active).toBe(false)
  })

  test('a fault answers even before the request’s signature is checked', async () => {
    mock.faults.add({ match: { license_key: 'DEMO-OK-0001' }, error: 'license_expired', times: 1 })
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'license_expired', 'License validity period has expired.', {
      credentials: { apiKey: 'demo-api-key', sharedKey: 'wrong' },
    })
  })

  test('an invalid fault is refused with the field and the reason', () => {
    const unknownCode = mock.faults.add({ match: { license_key: 'K' }, error: 'license_exploded' })
    expect(unknownCode.ok).toBe(false)
    expect(!unknownCode.ok && unknownCode.error.message).toMatch(/^error: /)
    const nothing = mock.faults.add({ match: { license_key: 'K' } })
    expect(!nothing.ok && nothing.error.message).toBe('fault: a fault needs at least one of error, delay_ms or network')
    const typo = mock.faults.add({ match: { licence_key: 'K' }, error: 'blacklisted' })
    expect(!typo.ok && typo.error.message).toMatch(/^match: .*licence_key/)
    expect(mock.faults.list()).toEqual([])
  })

  test('remove and reset take faults away', async () => {
    const added = mock.faults.add({ match: { license_key: 'DEMO-OK-0001' }, error: 'license_expired' })
    expect(added.ok && mock.faults.remove(added.value.id)).toBe(true)
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
    mock.faults.add({ match: { license_key: 'DEMO-OK-0001' }, error: 'license_expired' })
    await mock.reset()
    expect(mock.faults.list()).toEqual([])
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
  })
})
