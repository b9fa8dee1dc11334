// Row 15 in depth: which license a request acts on, by key, license user, SSO identity and license_id.
import { describe, expect, test } from 'vitest'
import { baseSeed, deviceIn, expectRejected, expectSuccess, keyBody, licenseIn, send, useLicenseMock, userBody, userIn } from '../support/msw.ts'

const harness = useLicenseMock()
const { mock } = harness
const NOT_FOUND = 'License with the provided license user not found'

describe('key-based', () => {
  test('license_key of the product deactivates that license', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-2')))
    const state = await mock.state.get()
    expect(deviceIn(state, 1001, 'demo-device-2').active).toBe(false)
    expect(deviceIn(state, 1001, 'demo-device-1').active).toBe(true)
  })

  test('a license_id matching the key is accepted', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-1', { license_id: 1001 })))
  })

  test('a license_id of another license → license_not_found', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-1', { license_id: 1002 }), 'license_not_found', NOT_FOUND)
  })

  test('a key of another product → license_not_found', async () => {
    await expectRejected(mock, keyBody('DEMO-OTHER-0001'), 'license_not_found', NOT_FOUND)
  })

  test('license keys are case-sensitive', async () => {
    await expectRejected(mock, keyBody('demo-ok-0001'), 'license_not_found', NOT_FOUND)
  })
})

describe('user-based', () => {
  test('username without password deactivates the user’s device', async () => {
    expectSuccess(await send(userBody('user@example.com')))
    const state = await mock.state.get()
    expect(deviceIn(state, 2001, 'demo-device-1').active).toBe(false)
  })

  test('username with the right password deactivates', async () => {
    expectSuccess(await send(userBody('user@example.com', 'demo-device-2', { password: 'demo-password' })))
    expect(deviceIn(await mock.state.get(), 2001, 'demo-device-2').active).toBe(false)
  })

  test('a wrong password → license_not_found', async () => {
    await expectRejected(mock, userBody('user@example.com', 'demo-device-1', { password: 'wrong-password' }), 'license_not_found', NOT_FOUND)
  })

  test('an unknown user → license_not_found', async () => {
    await expectRejected(mock, userBody('stranger@example.com'), 'license_not_found', NOT_FOUND)
  })

  test('the username is matched case-insensitively (it is an e-mail address)', async () => {
    expectSuccess(await send(userBody('User@Example.COM')))
    expect(deviceIn(await mock.state.get(), 2001, 'demo-device-1').active).toBe(false)
  })
})

describe('SSO', () => {
  test('id_token with customer_account_code deactivates the identity’s device', async () => {
    expectSuccess(await send({ hardware_id: 'demo-device-1', product: 'demo-user', id_token: 'demo-id-token', customer_account_code: 'demo-account' }))
    const state = await mock.state.get()
    expect(deviceIn(state, 2002, 'demo-device-1').active).toBe(false)
    expect(userIn(state, 2002, 'sso@example.com').total_activations).toBe(1)
  })

  test('code with customer_account_code deactivates the identity’s device', async () => {
    expectSuccess(await send({ hardware_id: 'demo-device-2', product: 'demo-user', code: 'demo-code', customer_account_code: 'demo-account' }))
    expect(deviceIn(await mock.state.get(), 2002, 'demo-device-2').active).toBe(false)
  })

  test('an unknown id_token → license_not_found', async () => {
    await expectRejected(
      mock,
      { hardware_id: 'demo-device-1', product: 'demo-user', id_token: 'forged-token', customer_account_code: 'demo-account' },
      'license_not_found',
      NOT_FOUND,
    )
  })

  test('an unknown code → license_not_found', async () => {
    await expectRejected(
      mock,
      { hardware_id: 'demo-device-1', product: 'demo-user', code: 'forged-code', customer_account_code: 'demo-account' },
      'license_not_found',
      NOT_FOUND,
    )
  })

  test('a known id_token under another customer account → license_not_found', async () => {
    await expectRejected(
      mock,
      { hardware_id: 'demo-device-1', product: 'demo-user', id_token: 'demo-id-token', customer_account_code: 'other-account' },
      'license_not_found',
      NOT_FOUND,
    )
  })

  test('an id_token used as a code → license_not_found', async () => {
    await expectRejected(
      mock,
      { hardware_id: 'demo-device-1', product: 'demo-user', code: 'demo-id-token', customer_account_code: 'demo-account' },
      'license_not_found',
      NOT_FOUND,
    )
  })

  test('id_token and code both → validation_error', async () => {
    await expectRejected(
      mock,
      { hardware_id: 'demo-device-1', product: 'demo-user', id_token: 'demo-id-token', code: 'demo-code', customer_account_code: 'demo-account' },
      'validation_error',
      'Invalid parameter code: send either id_token or code, not both',
    )
  })
})

describe('license_id among a user’s licenses', () => {
  test('without license_id, the most recently created license (the last in the seed) is used', async () => {
    expectSuccess(await send(userBody('multi@example.com')))
    const state = await mock.state.get()
    expect(deviceIn(state, 2004, 'demo-device-1').active).toBe(false)
    expect(deviceIn(state, 2003, 'demo-device-1').active).toBe(true)
  })

  test('license_id chooses the older license', async () => {
    expectSuccess(await send(userBody('multi@example.com', 'demo-device-1', { license_id: 2003 })))
    const state = await mock.state.get()
    expect(deviceIn(state, 2003, 'demo-device-1').active).toBe(false)
    expect(deviceIn(state, 2004, 'demo-device-1').active).toBe(true)
  })

  test('a license_id of a license the user is not on → license_not_found', async () => {
    await expectRejected(mock, userBody('multi@example.com', 'demo-device-1', { license_id: 2001 }), 'license_not_found', NOT_FOUND)
  })

  test('an unknown license_id → license_not_found', async () => {
    await expectRejected(mock, userBody('multi@example.com', 'demo-device-1', { license_id: 999_999 }), 'license_not_found', NOT_FOUND)
  })

  test('seed order decides, not the id: the last license in the seed is the most recent', async () => {
    const fresh = await harness.withSeed(
      baseSeed([
        { id: 9000, product: 'demo-user', users: [{ email: 'pat@example.com' }], devices: [{ hardware_id: 'hw', user: 'pat@example.com' }] },
        { id: 10, product: 'demo-user', users: [{ email: 'pat@example.com' }], devices: [{ hardware_id: 'hw', user: 'pat@example.com' }] },
      ]),
    )
    expectSuccess(await send(userBody('pat@example.com', 'hw')))
    const state = await fresh.state.get()
    expect(deviceIn(state, 10, 'hw').active).toBe(false)
    expect(deviceIn(state, 9000, 'hw').active).toBe(true)
    expect(licenseIn(state, 9000).times_activated).toBe(1)
  })
})
