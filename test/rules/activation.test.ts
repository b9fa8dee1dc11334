// POST /api/v4/activate_license: every row of ACTIVATION_CHECKS reached from a small inline seed
// (exact envelope, state unchanged), the order of neighbouring rows, and what a success changes:
// counters, transfers, device rows, floating slots, users, SSO and license_id. Every answer is
// checked against the spec for POST /api/v4/activate_license, required headers included.
import { verify } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { ACTIVATION_CHECKS } from '../../src/core/rules/activation.ts'
import type { ErrorCode } from '../../src/core/errors.ts'
import type { SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import type { ActivateLicenseResponse } from '../../src/core/types.ts'
import type { LicenseMock } from '../../src/mock.ts'
import { API_ORIGIN, DEMO, baseSeed, deviceIn, expectError, licenseIn, userIn, useLicenseMock, type Answer, type Credentials } from '../support/msw.ts'
import { signedRequest } from '../support/client.ts'
import { assertConformsToSpec } from '../support/spec.ts'

const harness = useLicenseMock()

const ACTIVATE_PATH = '/api/v4/activate_license'
const DEACTIVATE_PATH = '/api/v4/deactivate_license'

type LicenseSeed = NonNullable<SeedInput['licenses']>[number]
type Body = Record<string, unknown>

interface Options {
  credentials?: Credentials
  /** Headers over the signed ones; `undefined` removes one. */
  headers?: Record<string, string | undefined>
  /** The body text as sent, instead of `JSON.stringify(body)`. */
  raw?: string
  path?: string
}

/** One signed request through msw; the answer is checked against the spec of the operation at `path`. */
function post(body: unknown, options: Options = {}): Promise<Answer> {
  const path = options.path ?? ACTIVATE_PATH
  return signedRequest({ ...options, origin: API_ORIGIN, path, body, spec: { path, method: 'post' } })
}

const activate = (body: unknown, options: Options = {}) => post(body, options)
const deactivate = (body: unknown) => post(body, { path: DEACTIVATE_PATH })

/** A 200 activation; returns the License object. */
async function activated(body: unknown, options: Options = {}): Promise<ActivateLicenseResponse> {
  const answer = await activate(body, options)
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status} ${answer.text}`)
  expect(answer.headers.get('licensesignature')).toMatch(/^[A-Za-z0-9+/]+=*$/)
  return answer.body as ActivateLicenseResponse
}

async function deactivated(body: unknown): Promise<void> {
  const answer = await deactivate(body)
  expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: 'license_deactivated' })
}

/** The error, exactly, and the state of `target` unchanged. */
async function refused(target: LicenseMock, body: unknown, code: ErrorCode, message: string | RegExp, options: Options = {}): Promise<Answer> {
  const before = await target.state.get()
  const answer = await activate(body, options)
  expectError(answer, code, message)
  expect(answer.headers.get('licensesignature')).toBeNull()
  expect(await target.state.get()).toEqual(before)
  return answer
}

/** A fresh mock for this test over one key-based license (id 1, key "K") and any more licenses. */
const keyLicense = (fields: Partial<LicenseSeed> = {}): LicenseSeed => ({ id: 1, product: 'demo', license_key: 'K', ...fields })
const withLicenses = (licenses: LicenseSeed[], more: Partial<SeedInput> = {}) => harness.withSeed(baseSeed(licenses, more))
const key = (hardware_id = 'hw', extra: Body = {}): Body => ({ hardware_id, product: 'demo', license_key: 'K', ...extra })
const user = (username: string, hardware_id = 'hw', extra: Body = {}): Body => ({ hardware_id, product: 'demo-user', username, password: 'pw', ...extra })

const verifies = (publicKey: string, data: string, signature: string) => verify('RSA-SHA256', Buffer.from(data, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
/** The live record of license "K" (floating_in_use_devices is derived, so not in the state). */
const liveLicense = async (target: LicenseMock) => (await target.ready).tenant()!.store.licenseByKey('demo', 'K')!
const freezeAt = (target: LicenseMock, iso: string) => {
  target.clock.freeze(true)
  target.clock.set(new Date(iso))
}

const MESSAGES = {
  unknown_product: 'Provided product was not found',
  api_key_product_not_allowed: 'Provided api key does not allow access to this product',
  license_not_found: 'License with the provided license user not found',
  license_not_enabled: 'The license is not enabled',
  blacklisted: 'This device is blacklisted',
  vm_not_allowed: 'Virtual machine not allowed',
  license_expired: 'License validity period has expired.',
  license_device_exists: 'A device matching this hardware_id is already created on the license',
  license_activated_max_times: 'This license has already been activated the maximum number of times',
  license_user_activated_max_times: 'License user has activated this license max times',
  license_transferred_max_times: 'This license has already been transferred the maximum number of times',
} as const

describe('the rows of ACTIVATION_CHECKS, each reached by state', () => {
  test('the table has exactly the rows tested below, in this order', () => {
    expect(ACTIVATION_CHECKS.map((check) => check.row)).toEqual(['license fault', 16, 17, 'device fault', 18, 19, 20, 'A1', 'A2', 'A3', 'A4', 'A5'])
  })

  interface Row {
    row: string
    license: LicenseSeed
    body?: Body
    code: ErrorCode
    message: string
    /** The same request succeeds once this one thing is different. */
    fixed: { license?: LicenseSeed; body?: Body }
  }
  const ROWS: Row[] = [
    {
      row: 'license fault',
      license: keyLicense({ fault: 'offline_floating_cloud_not_supported' }),
      code: 'offline_floating_cloud_not_supported',
      message: ' Floating cloud licenses cannot be activated offline.',
      fixed: { license: keyLicense() },
    },
    { row: '16', license: keyLicense({ enabled: false }), code: 'license_not_enabled', message: MESSAGES.license_not_enabled, fixed: { license: keyLicense({ enabled: true }) } },
    {
      row: '17',
      license: keyLicense({ devices: [{ hardware_id: 'hw', active: false, blacklisted: true }] }),
      code: 'blacklisted',
      message: MESSAGES.blacklisted,
      fixed: { license: keyLicense({ devices: [{ hardware_id: 'hw', active: false, blacklisted: false }] }) },
    },
    {
      row: 'device fault',
      license: keyLicense({ devices: [{ hardware_id: 'hw', active: false, fault: 'internal_error' }] }),
      code: 'internal_error',
      message: 'Internal server error',
      fixed: { body: key('another-hw') },
    },
    {
      row: '18',
      license: keyLicense({ prevent_vm: true }),
      body: key('hw', { is_vm: true }),
      code: 'vm_not_allowed',
      message: MESSAGES.vm_not_allowed,
      fixed: { body: key('hw', { is_vm: false }) },
    },
    {
      row: '19',
      license: keyLicense({ start_date: '2099-01-01' }),
      code: 'license_start_date_error',
      message: 'This license cannot be activated before start date: 2099-01-01',
      fixed: { license: keyLicense({ start_date: '2020-01-01' }) },
    },
    {
      row: '20',
      license: keyLicense({ license_type: 'time-limited', validity_period: '2020-01-31' }),
      code: 'license_expired',
      message: MESSAGES.license_expired,
      fixed: { license: keyLicense({ license_type: 'time-limited', validity_period: '2099-01-31' }) },
    },
    {
      row: 'A1',
      license: keyLicense({ max_activations: 5, devices: [{ hardware_id: 'hw' }] }),
      code: 'license_device_exists',
      message: MESSAGES.license_device_exists,
      fixed: { license: keyLicense({ max_activations: 5, devices: [{ hardware_id: 'hw', active: false }] }) },
    },
    {
      row: 'A2',
      license: keyLicense({ max_activations: 1, devices: [{ hardware_id: 'other' }] }),
      code: 'license_activated_max_times',
      message: MESSAGES.license_activated_max_times,
      fixed: { license: keyLicense({ max_activations: 1, allow_unlimited_activations: true, devices: [{ hardware_id: 'other' }] }) },
    },
    {
      row: 'A3',
      license: {
        id: 1,
        product: 'demo-user',
        max_activations: 5,
        users: [{ email: 'u@example.com', password: 'pw', max_activations: 1 }],
        devices: [{ hardware_id: 'other', user: 'u@example.com' }],
      },
      body: user('u@example.com'),
      code: 'license_user_activated_max_times',
      message: MESSAGES.license_user_activated_max_times,
      fixed: {
        license: {
          id: 1,
          product: 'demo-user',
          max_activations: 5,
          users: [{ email: 'u@example.com', password: 'pw', max_activations: 2 }],
          devices: [{ hardware_id: 'other', user: 'u@example.com' }],
        },
      },
    },
    {
      row: 'A4 (prevent_transfers)',
      license: keyLicense({ prevent_transfers: true, devices: [{ hardware_id: 'old', active: false, time_deactivated: '2024-01-01T00:00:00Z' }] }),
      code: 'license_transferred_max_times',
      message: MESSAGES.license_transferred_max_times,
      fixed: { license: keyLicense({ prevent_transfers: false, devices: [{ hardware_id: 'old', active: false, time_deactivated: '2024-01-01T00:00:00Z' }] }) },
    },
    {
      row: 'A4 (max_transfers reached)',
      license: keyLicense({ max_transfers: 2, transfer_count: 2, devices: [{ hardware_id: 'old', active: false, time_deactivated: '2024-01-01T00:00:00Z' }] }),
      code: 'license_transferred_max_times',
      message: MESSAGES.license_transferred_max_times,
      fixed: { license: keyLicense({ max_transfers: 3, transfer_count: 2, devices: [{ hardware_id: 'old', active: false, time_deactivated: '2024-01-01T00:00:00Z' }] }) },
    },
    {
      row: 'A5 (floating cloud: every slot held)',
      license: keyLicense({ is_floating_cloud: true, floating_users: 1, max_activations: 2, devices: [{ hardware_id: 'other' }] }),
      code: 'floating_not_available',
      message: 'No available slots for floating license.',
      fixed: { license: keyLicense({ is_floating_cloud: true, floating_users: 2, max_activations: 2, devices: [{ hardware_id: 'other' }] }) },
    },
  ]

  test.each(ROWS)('row $row → $code, state unchanged; one thing different → 200', async ({ license, body, code, message, fixed }) => {
    const failing = await withLicenses([license])
    await refused(failing, body ?? key(), code, message)
    await harness.withSeed(baseSeed([fixed.license ?? license]))
    const answer = await activate(fixed.body ?? body ?? key())
    expect(answer.status).toBe(200)
  })

  test('row 13: an unknown product → unknown_product', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key('hw', { product: 'no-such-product' }), 'unknown_product', MESSAGES.unknown_product)
  })

  test('row 14: an API key restricted to other products → api_key_product_not_allowed', async () => {
    const fresh = await withLicenses([keyLicense()], {
      credentials: [
        { api_key: DEMO.apiKey, shared_key: DEMO.sharedKey },
        { api_key: 'restricted', shared_key: 'restricted-shared', products: ['demo-user'] },
      ],
    })
    await refused(fresh, key(), 'api_key_product_not_allowed', MESSAGES.api_key_product_not_allowed, { credentials: { apiKey: 'restricted', sharedKey: 'restricted-shared' } })
  })

  test('row 15: an unknown license key → license_not_found', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key('hw', { license_key: 'NOT-K' }), 'license_not_found', MESSAGES.license_not_found)
  })

  test('a license fault refuses every device, a device fault only that device', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 3, devices: [{ hardware_id: 'faulty', active: false, fault: 'license_not_enabled' }] })])
    await refused(fresh, key('faulty'), 'license_not_enabled', MESSAGES.license_not_enabled)
    expect((await activated(key('healthy'))).hardware_id).toBe('healthy')
  })

  test('vm_not_allowed needs is_vm: true in the request; a VM row in the seed does not count', async () => {
    const fresh = await withLicenses([keyLicense({ prevent_vm: true, devices: [{ hardware_id: 'hw', active: false, is_vm: true }] })])
    await refused(fresh, key('hw', { is_vm: true }), 'vm_not_allowed', MESSAGES.vm_not_allowed)
    const license = await activated(key('hw'))
    expect(license.prevent_vm).toBe(true)
    expect(deviceIn(await fresh.state.get(), 1, 'hw').is_vm).toBe(false)
  })

  test('row 20 follows the mock clock: a date-only validity_period holds through that day (UTC)', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 2, license_type: 'time-limited', validity_period: '2030-06-30' })])
    freezeAt(fresh, '2030-06-30T23:59:59Z')
    expect((await activated(key('hw-1'))).is_expired).toBe(false)
    fresh.clock.advance(1000)
    await refused(fresh, key('hw-2'), 'license_expired', MESSAGES.license_expired)
  })
})

describe('precedence of neighbouring rows', () => {
  test('license fault before 16 (not enabled)', async () => {
    const fresh = await withLicenses([keyLicense({ enabled: false, fault: 'license_activated_max_times' })])
    await refused(fresh, key(), 'license_activated_max_times', MESSAGES.license_activated_max_times)
  })

  test('16 (not enabled) before 17 (blacklisted)', async () => {
    const fresh = await withLicenses([keyLicense({ enabled: false, devices: [{ hardware_id: 'hw', active: false, blacklisted: true }] })])
    await refused(fresh, key(), 'license_not_enabled', MESSAGES.license_not_enabled)
  })

  test('17 (blacklisted) before the device fault', async () => {
    const fresh = await withLicenses([keyLicense({ devices: [{ hardware_id: 'hw', active: false, blacklisted: true, fault: 'internal_error' }] })])
    await refused(fresh, key(), 'blacklisted', MESSAGES.blacklisted)
  })

  test('17 (blacklisted) before A1 (device exists): an active blacklisted row', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 3, devices: [{ hardware_id: 'hw', blacklisted: true }] })])
    await refused(fresh, key(), 'blacklisted', MESSAGES.blacklisted)
  })

  test('18 (VM) before 19 (start date)', async () => {
    const fresh = await withLicenses([keyLicense({ prevent_vm: true, start_date: '2099-01-01' })])
    await refused(fresh, key('hw', { is_vm: true }), 'vm_not_allowed', MESSAGES.vm_not_allowed)
  })

  test('19 (start date) before 20 (expired)', async () => {
    const fresh = await withLicenses([keyLicense({ start_date: '2099-01-01', validity_period: '2020-01-01' })])
    await refused(fresh, key(), 'license_start_date_error', 'This license cannot be activated before start date: 2099-01-01')
  })

  test('20 (expired) before A1 (device exists)', async () => {
    const fresh = await withLicenses([keyLicense({ validity_period: '2020-01-01', devices: [{ hardware_id: 'hw' }] })])
    await refused(fresh, key(), 'license_expired', MESSAGES.license_expired)
  })

  test('A1 (device exists) before A2 (max activations): re-activating an active device of a full license', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 1, devices: [{ hardware_id: 'hw' }] })])
    await refused(fresh, key(), 'license_device_exists', MESSAGES.license_device_exists)
  })

  test('A2 (license max) before A3 (user max)', async () => {
    const fresh = await withLicenses([
      { id: 1, product: 'demo-user', max_activations: 1, users: [{ email: 'u@example.com', password: 'pw', max_activations: 1 }], devices: [{ hardware_id: 'other', user: 'u@example.com' }] },
    ])
    await refused(fresh, user('u@example.com'), 'license_activated_max_times', MESSAGES.license_activated_max_times)
  })

  test('A2 (license max) before A4 (transfers): times_activated given by the seed', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 1, times_activated: 1, prevent_transfers: true, devices: [{ hardware_id: 'old', active: false, time_deactivated: '2024-01-01T00:00:00Z' }] })])
    await refused(fresh, key(), 'license_activated_max_times', MESSAGES.license_activated_max_times)
  })

  test('A3 (user max) before A4 (transfers)', async () => {
    const fresh = await withLicenses([
      {
        id: 1,
        product: 'demo-user',
        max_activations: 5,
        prevent_transfers: true,
        users: [{ email: 'u@example.com', password: 'pw', max_activations: 1, total_activations: 1 }],
        devices: [{ hardware_id: 'old', active: false, user: 'u@example.com' }],
      },
    ])
    await refused(fresh, user('u@example.com'), 'license_user_activated_max_times', MESSAGES.license_user_activated_max_times)
  })

  test('a user with allow_unlimited_activations skips A3', async () => {
    const fresh = await withLicenses([
      {
        id: 1,
        product: 'demo-user',
        max_activations: 5,
        users: [{ email: 'u@example.com', password: 'pw', max_activations: 1, allow_unlimited_activations: true }],
        devices: [{ hardware_id: 'other', user: 'u@example.com' }],
      },
    ])
    const license = await activated(user('u@example.com'))
    expect(license.user).toMatchObject({ total_activations: 2, allow_unlimited_activations: true })
    expect(userIn(await fresh.state.get(), 1, 'u@example.com').total_activations).toBe(2)
  })
})

describe('a successful activation', () => {
  test('adds an active row with time_activated = the mock clock, counts it, and answers the License signed', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 3, devices: [{ hardware_id: 'first' }] })])
    freezeAt(fresh, '2031-02-03T04:05:06.000Z')
    const answer = await activate(key('second'))
    expect(answer.status).toBe(200)
    const license = answer.body as ActivateLicenseResponse
    expect(license).toMatchObject({
      id: 1,
      license_key: 'K',
      license_type: 'perpetual',
      active: true,
      request: 'activation',
      hardware_id: 'second',
      license_enabled: true,
      is_expired: false,
      max_activations: 3,
      times_activated: 2,
      transfer_count: 0,
      validity_period: null,
      product_details: { short_code: 'demo', authorization_method: 'license-key' },
    })
    expect(Number.isInteger(license.device_id)).toBe(true)
    expect(license).not.toHaveProperty('user')
    expect(license).not.toHaveProperty('floating_in_use_devices')

    const publicKey = await fresh.publicKey()
    expect(verifies(publicKey, 'second#k#', license.license_signature)).toBe(true)
    expect(verifies(publicKey, answer.text, answer.headers.get('licensesignature')!)).toBe(true)

    const state = await fresh.state.get()
    expect(licenseIn(state, 1).times_activated).toBe(2)
    expect(licenseIn(state, 1).devices).toHaveLength(2)
    expect(deviceIn(state, 1, 'second')).toMatchObject({ active: true, blacklisted: false, is_vm: false, time_activated: '2031-02-03T04:05:06.000Z' })
  })

  test('is_vm of the request is kept on the device', async () => {
    const fresh = await withLicenses([keyLicense()])
    await activated(key('vm', { is_vm: true }))
    expect(deviceIn(await fresh.state.get(), 1, 'vm').is_vm).toBe(true)
  })

  test('the fields the spec accepts and ignores are accepted', async () => {
    const fresh = await withLicenses([keyLicense()])
    const extra = { sdk_ver: 'node-1.4', os_ver: 'Linux', hostname: 'box', os_hostname: 'box', ip: '10.0.0.1', ip_local: '10.0.0.2', app_ver: '2.0', mac_address: 'aa:bb', vm_info: 'none', bundle_code: 'B', redirect_uri: 'https://example.com/cb', variables: { a: 'x', b: 1, c: true } }
    expect((await activated(key('hw', extra))).hardware_id).toBe('hw')
    expect(licenseIn(await fresh.state.get(), 1).times_activated).toBe(1)
  })

  test('the journal records path, body, status and the code license_activated', async () => {
    const fresh = await withLicenses([keyLicense()])
    await activated(key('hw', { sdk_ver: 'x' }))
    const [entry] = fresh.requests.list()
    expect(entry).toMatchObject({ method: 'POST', path: ACTIVATE_PATH, body: key('hw', { sdk_ver: 'x' }), status: 200, code: 'license_activated' })
  })

  test('an activation then a check of the same device: same device_id, same counters', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 2 })])
    const license = await activated(key())
    const signed = signedHeaders(DEMO)
    const response = await fetch(`${API_ORIGIN}/api/v4/check_license?hardware_id=hw&product=demo&license_key=K`, { headers: { date: signed.Date, authorization: signed.Authorization } })
    const text = await response.text()
    assertConformsToSpec(response.status, text, '/api/v4/check_license', 'get', Object.fromEntries(response.headers))
    expect(JSON.parse(text)).toMatchObject({ device_id: license.device_id, times_activated: 1, license_active: true })
    expect(licenseIn(await fresh.state.get(), 1).times_activated).toBe(1)
  })

  test('50 concurrent activations of one device: one success, 49 license_device_exists, one count', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 100 })])
    const answers = await Promise.all(Array.from({ length: 50 }, () => activate(key('same'))))
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
    const codes = answers.filter((answer) => answer.status !== 200).map((answer) => (answer.body as { code: string }).code)
    expect(codes).toEqual(Array.from({ length: 49 }, () => 'license_device_exists'))
    const state = await fresh.state.get()
    expect(licenseIn(state, 1).times_activated).toBe(1)
    expect(licenseIn(state, 1).devices).toHaveLength(1)
  })

  test('key-based re-activation of a device a license user had activated: every user’s total_activations still equals their active devices', async () => {
    // A key-based license with a user on it: the device was activated by that user.
    const fresh = await withLicenses([keyLicense({ max_activations: 2, users: [{ email: 'a@example.com' }], devices: [{ hardware_id: 'hw', user: 'a@example.com' }] })])
    expect(userIn(await fresh.state.get(), 1, 'a@example.com').total_activations).toBe(1)
    await deactivated(key())
    expect(userIn(await fresh.state.get(), 1, 'a@example.com').total_activations).toBe(0)
    // Re-activated with the license key: no user acts.
    await activated(key())
    const state = await fresh.state.get()
    const activeOfA = licenseIn(state, 1).devices!.filter((device) => device.active && device.user === 'a@example.com').length
    expect(userIn(state, 1, 'a@example.com').total_activations).toBe(activeOfA)
  })
})

describe('transfers: transfer_count counts only a real transfer', () => {
  test('re-activating the device the license was last activated on is not a transfer (even with prevent_transfers)', async () => {
    // (Deactivation itself is refused once transfers are used up, row 23: the seed starts deactivated.)
    const fresh = await withLicenses([keyLicense({ max_activations: 1, prevent_transfers: true, devices: [{ hardware_id: 'hw-a', active: false }] })])
    const license = await activated(key('hw-a'))
    expect(license).toMatchObject({ transfer_count: 0, times_activated: 1 })
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(0)
  })

  test('re-activating after a deactivation of the same device is not a transfer', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 1, max_transfers: 1, devices: [{ hardware_id: 'hw-a' }] })])
    await deactivated(key('hw-a'))
    expect(await activated(key('hw-a'))).toMatchObject({ transfer_count: 0, times_activated: 1 })
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(0)
  })

  test('a second device next to an active one is not a transfer (even with prevent_transfers)', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 2, prevent_transfers: true, devices: [{ hardware_id: 'hw-a' }] })])
    const license = await activated(key('hw-b'))
    expect(license).toMatchObject({ transfer_count: 0, times_activated: 2 })
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(0)
  })

  test('activation on another device after a deactivation is a transfer, and so is moving back', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 1, devices: [{ hardware_id: 'hw-a' }] })])
    await deactivated(key('hw-a'))
    expect(await activated(key('hw-b'))).toMatchObject({ transfer_count: 1, times_activated: 1, hardware_id: 'hw-b' })
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(1)
    await deactivated(key('hw-b'))
    expect(await activated(key('hw-a'))).toMatchObject({ transfer_count: 2, times_activated: 1, hardware_id: 'hw-a' })
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(2)
  })

  test('max_transfers: the last allowed transfer succeeds, the next one is refused with the state unchanged', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 1, max_transfers: 2, transfer_count: 1, devices: [{ hardware_id: 'hw-a' }] })])
    // Frozen: hw-b's deactivation below is written at the very instant it was activated (the
    // case that once made this test depend on two clock reads landing in different milliseconds).
    fresh.clock.freeze(true)
    await deactivated(key('hw-a'))
    expect((await activated(key('hw-b'))).transfer_count).toBe(2)
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(2)
    // Deactivation is refused now (row 23), so hw-b goes inactive through the state.
    const state = await fresh.state.get()
    const license = licenseIn(state, 1)
    license.devices = license.devices!.map((device) => ({ ...device, active: false, time_deactivated: device.time_deactivated ?? fresh.clock.now().toISOString() }))
    license.times_activated = 0
    await fresh.state.set(state)
    await refused(fresh, key('hw-c'), 'license_transferred_max_times', MESSAGES.license_transferred_max_times)
    // Back to the device it was last activated on is no transfer: still allowed.
    expect((await activated(key('hw-b'))).transfer_count).toBe(2)
  })

  test('max_transfers 0 means no limit', async () => {
    await withLicenses([keyLicense({ max_transfers: 0, transfer_count: 40, devices: [{ hardware_id: 'old', active: false, time_deactivated: '2024-01-01T00:00:00Z' }] })])
    expect((await activated(key('new'))).transfer_count).toBe(41)
  })

  test('the freed seat is the latest deactivation, not the last row', async () => {
    const fresh = await withLicenses([
      keyLicense({
        max_activations: 2,
        prevent_transfers: true,
        devices: [
          { hardware_id: 'recent', active: false, time_activated: '2024-01-01T00:00:00Z', time_deactivated: '2024-06-01T00:00:00Z' },
          { hardware_id: 'older', active: false, time_activated: '2023-01-01T00:00:00Z', time_deactivated: '2024-01-01T00:00:00Z' },
        ],
      }),
    ])
    await refused(fresh, key('older'), 'license_transferred_max_times', MESSAGES.license_transferred_max_times)
    expect((await activated(key('recent'))).transfer_count).toBe(0)
  })

  test('times given with a UTC offset are compared as instants', async () => {
    // 10:00+05:00 is 05:00Z, an hour before "later" (06:00Z): "later" was deactivated last.
    const fresh = await withLicenses([
      keyLicense({
        max_activations: 2,
        prevent_transfers: true,
        devices: [
          { hardware_id: 'earlier', active: false, time_deactivated: '2024-01-01T10:00:00+05:00' },
          { hardware_id: 'later', active: false, time_deactivated: '2024-01-01T06:00:00Z' },
        ],
      }),
    ])
    expect((await activated(key('later'))).transfer_count).toBe(0)
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(0)
  })

  test('a seat freed and then taken by another activation is no longer free: the next new device is no transfer', async () => {
    const fresh = await withLicenses([
      keyLicense({
        max_activations: 3,
        max_transfers: 5,
        devices: [
          { hardware_id: 'gone', active: false, time_activated: '2024-01-01T00:00:00Z', time_deactivated: '2024-02-01T00:00:00Z' },
          { hardware_id: 'since', time_activated: '2024-03-01T00:00:00Z' },
        ],
      }),
    ])
    expect((await activated(key('new'))).transfer_count).toBe(0)
    expect(licenseIn(await fresh.state.get(), 1).transfer_count).toBe(0)
  })

  test('seed rows without times free no seat: an activation next to them is no transfer', async () => {
    await withLicenses([keyLicense({ max_activations: 3, prevent_transfers: true, devices: [{ hardware_id: 'a' }, { hardware_id: 'b', active: false }] })])
    expect((await activated(key('c'))).transfer_count).toBe(0)
  })
})

describe('device rows: the inactive row is reused, a new hardware_id gets a new row', () => {
  test('re-activation brings back the inactive row: device_count unchanged, time_deactivated cleared', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 2, devices: [{ hardware_id: 'hw', active: false, time_deactivated: '2024-01-01T00:00:00Z' }] })])
    freezeAt(fresh, '2030-01-01T00:00:00.000Z')
    await activated(key('hw'))
    const devices = licenseIn(await fresh.state.get(), 1).devices!
    expect(devices).toHaveLength(1)
    expect(devices[0]).toMatchObject({ hardware_id: 'hw', active: true, time_activated: '2030-01-01T00:00:00.000Z' })
    expect(devices[0].time_deactivated).toBeUndefined()
  })

  test('of several inactive rows of one hardware_id, the latest (the last) is reused', async () => {
    const fresh = await withLicenses([
      keyLicense({
        max_activations: 2,
        devices: [
          { hardware_id: 'hw', active: false, time_deactivated: '2023-01-01T00:00:00Z' },
          { hardware_id: 'hw', active: false, time_deactivated: '2024-01-01T00:00:00Z' },
        ],
      }),
    ])
    await activated(key('hw'))
    const devices = licenseIn(await fresh.state.get(), 1).devices!
    expect(devices.map((device) => [device.active, device.time_deactivated])).toEqual([
      [false, '2023-01-01T00:00:00Z'],
      [true, undefined],
    ])
  })

  test('a device id is stable across deactivation and re-activation', async () => {
    await withLicenses([keyLicense()])
    const first = await activated(key())
    await deactivated(key())
    expect((await activated(key())).device_id).toBe(first.device_id)
  })

  test('a new hardware_id adds a row; the same hardware_id on another license is another row', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 2, devices: [{ hardware_id: 'hw-1' }] }), { id: 2, product: 'demo', license_key: 'K2', devices: [{ hardware_id: 'hw-2' }] }])
    await activated(key('hw-2'))
    const state = await fresh.state.get()
    expect(licenseIn(state, 1).devices!.map((device) => device.hardware_id)).toEqual(['hw-1', 'hw-2'])
    expect(licenseIn(state, 2).devices).toHaveLength(1)
    expect(licenseIn(state, 2).times_activated).toBe(1)
  })
})

describe('floating licenses', () => {
  test('floating: the device takes a slot, floating_in_use_devices goes up, and the answer says so', async () => {
    const fresh = await withLicenses([keyLicense({ is_floating: true, floating_users: 3, max_activations: 3, devices: [{ hardware_id: 'hw-1' }] })])
    expect((await liveLicense(fresh)).floating_in_use_devices).toBe(1)
    const license = await activated(key('hw-2'))
    expect(license).toMatchObject({ is_floating: true, is_floating_cloud: false, floating_users: 3, floating_in_use_devices: 2 })
    expect(deviceIn(await fresh.state.get(), 1, 'hw-2').floating_in_use).toBe(true)
    expect((await liveLicense(fresh)).floating_in_use_devices).toBe(2)
  })

  test('floating: deactivation frees the slot and re-activation takes it again', async () => {
    const fresh = await withLicenses([keyLicense({ is_floating: true, floating_users: 2, max_activations: 2, devices: [{ hardware_id: 'hw-1' }, { hardware_id: 'hw-2' }] })])
    await deactivated(key('hw-1'))
    expect((await liveLicense(fresh)).floating_in_use_devices).toBe(1)
    expect((await activated(key('hw-1'))).floating_in_use_devices).toBe(2)
    expect(deviceIn(await fresh.state.get(), 1, 'hw-1').floating_in_use).toBe(true)
  })

  test('floating cloud: the same', async () => {
    const fresh = await withLicenses([keyLicense({ is_floating_cloud: true, floating_users: 2, max_activations: 2 })])
    const license = await activated(key('hw'))
    expect(license).toMatchObject({ is_floating: false, is_floating_cloud: true, floating_users: 2, floating_in_use_devices: 1 })
    expect(deviceIn(await fresh.state.get(), 1, 'hw').floating_in_use).toBe(true)
  })

  test('not floating: no slot, no floating fields in the answer', async () => {
    const fresh = await withLicenses([keyLicense()])
    const license = await activated(key('hw'))
    expect(license).not.toHaveProperty('floating_in_use_devices')
    expect(license).not.toHaveProperty('floating_users')
    expect(deviceIn(await fresh.state.get(), 1, 'hw').floating_in_use).toBe(false)
  })

  test('floating: re-activating an inactive row that the seed marks floating_in_use counts it in floating_in_use_devices', async () => {
    const fresh = await withLicenses([keyLicense({ is_floating: true, floating_users: 2, max_activations: 2, devices: [{ hardware_id: 'hw', active: false, floating_in_use: true }] })])
    const license = await activated(key('hw'))
    // One active device holding a slot.
    expect(deviceIn(await fresh.state.get(), 1, 'hw')).toMatchObject({ active: true, floating_in_use: true })
    expect(license.floating_in_use_devices).toBe(1)
  })
})

describe('user-based licenses', () => {
  const seed = (): LicenseSeed => ({
    id: 1,
    product: 'demo-user',
    max_activations: 5,
    users: [
      { email: 'Pat@Example.com', password: 'pw', max_activations: 3 },
      { email: 'open@example.com' },
    ],
    devices: [{ hardware_id: 'pat-1', user: 'Pat@Example.com' }],
  })

  test('with username and the password: the user’s total_activations goes up; the answer carries the user', async () => {
    const fresh = await withLicenses([seed()])
    const license = await activated(user('pat@example.com', 'pat-2'))
    expect(license.user).toMatchObject({ email: 'Pat@Example.com', total_activations: 2, max_activations: 3, allow_unlimited_activations: false })
    expect(license.max_license_users).toBe(2)
    expect(license).not.toHaveProperty('license_key')
    const state = await fresh.state.get()
    expect(userIn(state, 1, 'Pat@Example.com').total_activations).toBe(2)
    expect(userIn(state, 1, 'open@example.com').total_activations).toBe(0)
    expect(licenseIn(state, 1).times_activated).toBe(2)
    expect(deviceIn(state, 1, 'pat-2').user).toBe('Pat@Example.com')
  })

  test('v1 is signed over the username as sent (lower-cased)', async () => {
    const fresh = await withLicenses([seed()])
    const license = await activated(user('PAT@example.COM', 'pat-2'))
    expect(verifies(await fresh.publicKey(), 'pat-2#pat@example.com#', license.license_signature)).toBe(true)
  })

  test('username without password → missing_parameters "password"', async () => {
    const fresh = await withLicenses([seed()])
    await refused(fresh, { hardware_id: 'pat-2', product: 'demo-user', username: 'pat@example.com' }, 'missing_parameters', 'Missing parameters: password')
  })

  test('the password is required even for a user the seed gives none; any password then does', async () => {
    const fresh = await withLicenses([seed()])
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user', username: 'open@example.com' }, 'missing_parameters', 'Missing parameters: password')
    expect((await activated(user('open@example.com', 'hw', { password: 'whatever' }))).user?.email).toBe('open@example.com')
  })

  test('missing hardware_id and password are named together, in order', async () => {
    const fresh = await withLicenses([seed()])
    await refused(fresh, { product: 'demo-user', username: 'pat@example.com' }, 'missing_parameters', 'Missing parameters: hardware_id, password')
  })

  test('a user-based product without username (nor SSO) → missing_parameters naming the choices', async () => {
    const fresh = await withLicenses([seed()])
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user', password: 'pw' }, 'missing_parameters', 'Missing parameters: username (or id_token or code with customer_account_code)')
  })

  test('a wrong password → license_not_found', async () => {
    const fresh = await withLicenses([seed()])
    await refused(fresh, user('pat@example.com', 'pat-2', { password: 'wrong' }), 'license_not_found', MESSAGES.license_not_found)
  })

  test('an unknown username → license_not_found', async () => {
    const fresh = await withLicenses([seed()])
    await refused(fresh, user('nobody@example.com'), 'license_not_found', MESSAGES.license_not_found)
  })
})

describe('SSO activation', () => {
  const sso = () =>
    withLicenses([{ id: 1, product: 'demo-user', max_activations: 5, users: [{ email: 'Sso@Example.com' }] }], {
      sso: [
        { customer_account_code: 'acct', id_token: 'token-1', user: 'Sso@Example.com' },
        { customer_account_code: 'acct', code: 'code-1', user: 'Sso@Example.com' },
      ],
    })

  test('by id_token: the answer’s user is the SSO user, and v1 is signed over that e-mail', async () => {
    const fresh = await sso()
    const license = await activated({ hardware_id: 'HW-SSO', product: 'demo-user', id_token: 'token-1', customer_account_code: 'acct' })
    expect(license.user).toMatchObject({ email: 'Sso@Example.com', total_activations: 1 })
    const publicKey = await fresh.publicKey()
    expect(verifies(publicKey, 'hw-sso#sso@example.com#', license.license_signature)).toBe(true)
    expect(verifies(publicKey, 'hw-sso#token-1#', license.license_signature)).toBe(false)
    const state = await fresh.state.get()
    expect(deviceIn(state, 1, 'HW-SSO')).toMatchObject({ active: true, user: 'Sso@Example.com' })
    expect(userIn(state, 1, 'Sso@Example.com').total_activations).toBe(1)
  })

  test('by code (with redirect_uri): no password needed', async () => {
    const fresh = await sso()
    const license = await activated({ hardware_id: 'hw', product: 'demo-user', code: 'code-1', customer_account_code: 'acct', redirect_uri: 'https://app.example.com/cb' })
    expect(license.user?.email).toBe('Sso@Example.com')
    expect(verifies(await fresh.publicKey(), 'hw#sso@example.com#', license.license_signature)).toBe(true)
  })

  test('an unknown id_token → license_not_found', async () => {
    const fresh = await sso()
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user', id_token: 'forged', customer_account_code: 'acct' }, 'license_not_found', MESSAGES.license_not_found)
  })

  test('id_token without customer_account_code → missing_parameters', async () => {
    const fresh = await sso()
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user', id_token: 'token-1' }, 'missing_parameters', 'Missing parameters: customer_account_code')
  })

  test('id_token and code both → validation_error', async () => {
    const fresh = await sso()
    await refused(
      fresh,
      { hardware_id: 'hw', product: 'demo-user', id_token: 'token-1', code: 'code-1', customer_account_code: 'acct' },
      'validation_error',
      'Invalid parameter code: send either id_token or code, not both',
    )
  })
})

describe('license_id chooses the license', () => {
  const twoLicenses = () =>
    withLicenses([
      { id: 11, product: 'demo-user', max_activations: 2, users: [{ email: 'multi@example.com', password: 'pw' }] },
      { id: 12, product: 'demo-user', max_activations: 2, users: [{ email: 'multi@example.com', password: 'pw' }] },
      { id: 13, product: 'demo-user', users: [{ email: 'other@example.com', password: 'pw' }] },
      keyLicense({ id: 21 }),
    ])

  test('without license_id, the most recently created (last in the seed)', async () => {
    const fresh = await twoLicenses()
    expect((await activated(user('multi@example.com'))).id).toBe(12)
    const state = await fresh.state.get()
    expect(licenseIn(state, 12).times_activated).toBe(1)
    expect(licenseIn(state, 11).times_activated).toBe(0)
  })

  test('license_id picks the older one', async () => {
    const fresh = await twoLicenses()
    expect((await activated(user('multi@example.com', 'hw', { license_id: 11 }))).id).toBe(11)
    const state = await fresh.state.get()
    expect(licenseIn(state, 11).times_activated).toBe(1)
    expect(licenseIn(state, 12).times_activated).toBe(0)
  })

  test('a license_id of a license the user is not on → license_not_found', async () => {
    const fresh = await twoLicenses()
    await refused(fresh, user('multi@example.com', 'hw', { license_id: 13 }), 'license_not_found', MESSAGES.license_not_found)
  })

  test('key-based: license_id must be the key’s license', async () => {
    const fresh = await twoLicenses()
    await refused(fresh, key('hw', { license_id: 11 }), 'license_not_found', MESSAGES.license_not_found)
    expect((await activated(key('hw', { license_id: 21 }))).id).toBe(21)
  })
})

describe('validation (rows 10–12)', () => {
  test('an unknown field → validation_error naming it (consumptions is deactivation’s)', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key('hw', { consumptions: 1 }), 'validation_error', 'Invalid parameter consumptions: unknown field')
    await refused(fresh, key('hw', { licence_key: 'K' }), 'validation_error', 'Invalid parameter licence_key: unknown field')
  })

  test('a wrong type → validation_error naming the field and the type', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key('hw', { is_vm: 'yes' }), 'validation_error', 'Invalid parameter is_vm: must be boolean')
    // The body is JSON: no coercion of "7" (unlike check_license's query).
    await refused(fresh, key('hw', { license_id: '7' }), 'validation_error', 'Invalid parameter license_id: must be integer')
    await refused(fresh, key('hw', { license_key: 42 }), 'validation_error', 'Invalid parameter license_key: must be string')
  })

  test('missing hardware_id and product', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, { license_key: 'K' }, 'missing_parameters', 'Missing parameters: hardware_id, product')
    await refused(fresh, { hardware_id: '', product: 'demo' }, 'missing_parameters', 'Missing parameters: hardware_id, license_key')
  })

  test('not a JSON object, or not JSON', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, [key()], 'validation_error', 'Invalid parameter body: must be a JSON object, got an array')
    await refused(fresh, undefined, 'invalid_json', /^Request body is not valid JSON: ./, { raw: '{"hardware_id":' })
  })
})

describe('Prefer on activate_license', () => {
  test('an error example is answered, the state untouched', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key(), 'license_expired', MESSAGES.license_expired, { headers: { prefer: 'code=400, example=license_expired' } })
  })

  test('code=200 → 422 invalid_prefer_header: a success only comes from the state', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(
      fresh,
      key(),
      'invalid_prefer_header',
      'Prefer header cannot be honoured: activate_license answers success from the state only; Prefer can force its errors',
      { headers: { prefer: 'code=200' } },
    )
  })
})
