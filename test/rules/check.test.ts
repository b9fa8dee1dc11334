// GET /api/v4/check_license: the rows of CHECK_CHECKS reached from small inline seeds, the query
// (coercion, missing and unknown parameters), routing, the journal, faults and Prefer, and that a
// check changes nothing. Every answer is checked against the spec for GET /api/v4/check_license,
// required headers included.
import { verify } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { CHECK_CHECKS } from '../../src/core/rules/check.ts'
import type { ErrorCode } from '../../src/core/errors.ts'
import type { SeedInput } from '../../src/core/seed.ts'
import type { ActivateLicenseResponse, CheckLicenseResponse } from '../../src/core/types.ts'
import type { LicenseMock } from '../../src/mock.ts'
import { API_ORIGIN, DEMO, baseSeed, expectError, licenseIn, useLicenseMock, type Answer, type Credentials } from '../support/msw.ts'
import { signedRequest } from '../support/client.ts'

const harness = useLicenseMock()

const CHECK_PATH = '/api/v4/check_license'
const ACTIVATE_PATH = '/api/v4/activate_license'
const DEACTIVATE_PATH = '/api/v4/deactivate_license'

type LicenseSeed = NonNullable<SeedInput['licenses']>[number]
type Query = Record<string, string> | string

interface Options {
  credentials?: Credentials
  /** Headers over the signed ones; `undefined` removes one. */
  headers?: Record<string, string | undefined>
  method?: string
  path?: string
  /** The operation whose spec the answer must conform to (a 405 is declared under the endpoint's own method). */
  spec?: { path: string; method: string }
}

/** One signed request through msw; the answer is checked against the spec, required headers included. */
function request(query: Query | undefined, body: unknown, options: Options = {}): Promise<Answer> {
  const path = options.path ?? CHECK_PATH
  const method = options.method ?? 'GET'
  return signedRequest({ ...options, origin: API_ORIGIN, path, method, query, body, spec: options.spec ?? { path: path.replace(/\/$/, ''), method: method.toLowerCase() } })
}

const check = (query: Query, options: Options = {}) => request(query, undefined, options)

/** A 200 check; returns the License object. */
async function checked(query: Query, options: Options = {}): Promise<CheckLicenseResponse> {
  const answer = await check(query, options)
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status} ${answer.text}`)
  expect(answer.headers.get('licensesignature')).toMatch(/^[A-Za-z0-9+/]+=*$/)
  return answer.body as CheckLicenseResponse
}

/** The error, exactly, and the state of `target` unchanged. */
async function refused(target: LicenseMock, query: Query, code: ErrorCode, message: string | RegExp, options: Options = {}): Promise<Answer> {
  const before = await target.state.get()
  const answer = await check(query, options)
  expectError(answer, code, message)
  expect(answer.headers.get('licensesignature')).toBeNull()
  expect(await target.state.get()).toEqual(before)
  return answer
}

async function activated(body: Record<string, unknown>): Promise<ActivateLicenseResponse> {
  const answer = await request(undefined, body, { method: 'POST', path: ACTIVATE_PATH })
  expect(answer.status).toBe(200)
  return answer.body as ActivateLicenseResponse
}

async function deactivated(body: Record<string, unknown>): Promise<void> {
  const answer = await request(undefined, body, { method: 'POST', path: DEACTIVATE_PATH })
  expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: 'license_deactivated' })
}

const keyLicense = (fields: Partial<LicenseSeed> = {}): LicenseSeed => ({ id: 1, product: 'demo', license_key: 'K', devices: [{ hardware_id: 'hw' }], ...fields })
const withLicenses = (licenses: LicenseSeed[], more: Partial<SeedInput> = {}) => harness.withSeed(baseSeed(licenses, more))
const key = (hardware_id = 'hw', extra: Record<string, string> = {}): Record<string, string> => ({ hardware_id, product: 'demo', license_key: 'K', ...extra })
const verifies = (publicKey: string, data: string, signature: string) => verify('RSA-SHA256', Buffer.from(data, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
const freezeAt = (target: LicenseMock, iso: string) => {
  target.clock.freeze(true)
  target.clock.set(new Date(iso))
}

const DEVICE_NOT_FOUND = 'An active device matching the hardware_id not found'
const NOT_FOUND = 'License with the provided license user not found'
const EXPIRED = 'License validity period has expired.'

describe('the rows of CHECK_CHECKS, each reached by state', () => {
  test('the table has exactly the rows tested below, in this order (no VM row: a check carries no is_vm)', () => {
    expect(CHECK_CHECKS.map((row) => row.row)).toEqual(['license fault', 16, 17, 'device fault', 19, 20, 21, 22, 'P1'])
  })

  interface Row {
    row: string
    license: LicenseSeed
    query?: Record<string, string>
    code: ErrorCode
    message: string
    /** The same check succeeds once this one thing is different. */
    fixed: { license?: LicenseSeed; query?: Record<string, string> }
  }
  const ROWS: Row[] = [
    {
      row: 'license fault',
      license: keyLicense({ fault: 'offline_floating_cloud_not_supported' }),
      code: 'offline_floating_cloud_not_supported',
      message: ' Floating cloud licenses cannot be activated offline.',
      fixed: { license: keyLicense() },
    },
    { row: '16', license: keyLicense({ enabled: false }), code: 'license_not_enabled', message: 'The license is not enabled', fixed: { license: keyLicense({ enabled: true }) } },
    {
      row: '17',
      license: keyLicense({ devices: [{ hardware_id: 'hw', blacklisted: true }] }),
      code: 'blacklisted',
      message: 'This device is blacklisted',
      fixed: { license: keyLicense({ devices: [{ hardware_id: 'hw', blacklisted: false }] }) },
    },
    {
      row: 'device fault',
      license: keyLicense({ max_activations: 2, devices: [{ hardware_id: 'hw', fault: 'internal_error' }, { hardware_id: 'hw-2' }] }),
      code: 'internal_error',
      message: 'Internal server error',
      fixed: { query: key('hw-2') },
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
      message: EXPIRED,
      fixed: { license: keyLicense({ license_type: 'time-limited', validity_period: '2099-01-31' }) },
    },
    { row: '21', license: keyLicense({ devices: [] }), code: 'license_not_active', message: 'The license is not active', fixed: { license: keyLicense() } },
    {
      row: '22 (another device only)',
      license: keyLicense({ devices: [{ hardware_id: 'other' }] }),
      code: 'device_not_found',
      message: DEVICE_NOT_FOUND,
      fixed: { query: key('other') },
    },
    {
      row: '22 (this device inactive)',
      license: keyLicense({ devices: [{ hardware_id: 'hw', active: false }] }),
      code: 'device_not_found',
      message: DEVICE_NOT_FOUND,
      fixed: { license: keyLicense({ devices: [{ hardware_id: 'hw', active: true }] }) },
    },
    {
      row: 'P1 (floating cloud: every slot held by another device)',
      license: keyLicense({ is_floating_cloud: true, floating_users: 1, max_activations: 2, devices: [{ hardware_id: 'other' }, { hardware_id: 'hw', floating_in_use: false }] }),
      code: 'floating_not_available',
      message: 'No available slots for floating license.',
      fixed: { license: keyLicense({ is_floating_cloud: true, floating_users: 2, max_activations: 2, devices: [{ hardware_id: 'other' }, { hardware_id: 'hw', floating_in_use: false }] }) },
    },
  ]

  test.each(ROWS)('row $row → $code, state unchanged; one thing different → 200', async ({ license, query, code, message, fixed }) => {
    const failing = await withLicenses([license])
    await refused(failing, query ?? key(), code, message)
    await harness.withSeed(baseSeed([fixed.license ?? license]))
    expect((await check(fixed.query ?? query ?? key())).status).toBe(200)
  })

  test('row 13: an unknown product → unknown_product', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key('hw', { product: 'nope' }), 'unknown_product', 'Provided product was not found')
  })

  test('row 14: an API key restricted to other products → api_key_product_not_allowed', async () => {
    const fresh = await withLicenses([keyLicense()], {
      credentials: [
        { api_key: DEMO.apiKey, shared_key: DEMO.sharedKey },
        { api_key: 'restricted', shared_key: 'restricted-shared', products: ['demo-user'] },
      ],
    })
    await refused(fresh, key(), 'api_key_product_not_allowed', 'Provided api key does not allow access to this product', {
      credentials: { apiKey: 'restricted', sharedKey: 'restricted-shared' },
    })
  })

  test('row 15: an unknown license key → license_not_found', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key('hw', { license_key: 'NOT-K' }), 'license_not_found', NOT_FOUND)
  })

  test('a VM device of a prevent_vm license checks fine (and is_vm in the query is ignored)', async () => {
    await withLicenses([keyLicense({ prevent_vm: true, devices: [{ hardware_id: 'hw', is_vm: true }] })])
    expect((await checked(key('hw', { is_vm: 'true' }))).prevent_vm).toBe(true)
  })

  test('20 before 21: an expired license without devices → license_expired', async () => {
    const fresh = await withLicenses([keyLicense({ validity_period: '2020-01-01', devices: [] })])
    await refused(fresh, key(), 'license_expired', EXPIRED)
  })

  test('16 before 17, 17 before the device fault', async () => {
    const disabled = await withLicenses([keyLicense({ enabled: false, devices: [{ hardware_id: 'hw', blacklisted: true }] })])
    await refused(disabled, key(), 'license_not_enabled', 'The license is not enabled')
    const blacklisted = await withLicenses([keyLicense({ devices: [{ hardware_id: 'hw', blacklisted: true, fault: 'internal_error' }] })])
    await refused(blacklisted, key(), 'blacklisted', 'This device is blacklisted')
  })

  test('row 20 follows the mock clock: valid through the last day, expired a second later', async () => {
    const fresh = await withLicenses([keyLicense({ license_type: 'time-limited', validity_period: '2030-06-30' })])
    freezeAt(fresh, '2030-06-30T23:59:59Z')
    expect(await checked(key())).toMatchObject({ is_expired: false, validity_period: '2030-06-30T00:00:00.000Z' })
    fresh.clock.advance(1000)
    await refused(fresh, key(), 'license_expired', EXPIRED)
  })
})

describe('check and the state', () => {
  test('after a deactivation: device_not_found (the license still has rows, so not license_not_active)', async () => {
    const fresh = await withLicenses([keyLicense()])
    expect((await checked(key())).license_active).toBe(true)
    await deactivated(key())
    await refused(fresh, key(), 'device_not_found', DEVICE_NOT_FOUND)
  })

  test('after an activation: the same device_id and counters as the activation answered', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 3 })])
    const activation = await activated(key('new'))
    const license = await checked(key('new'))
    expect(license).toMatchObject({ id: 1, license_key: 'K', license_active: true, license_enabled: true, is_expired: false, is_borrowed: false, borrowed_until: null })
    expect(license.device_id).toBe(activation.device_id)
    expect(license.times_activated).toBe(2)
    expect(license).not.toHaveProperty('request')
    expect(license).not.toHaveProperty('hardware_id')
    expect(licenseIn(await fresh.state.get(), 1).times_activated).toBe(2)
  })

  test('a check changes nothing: the state is equal before and after, and two checks answer the same bytes', async () => {
    const fresh = await withLicenses([keyLicense({ is_floating: true, floating_users: 2, max_activations: 2, transfer_count: 1, validity_period: '2099-01-01' })])
    const before = await fresh.state.get()
    const first = await check(key())
    const second = await check(key())
    expect(first.status).toBe(200)
    expect(second.text).toBe(first.text)
    expect(second.headers.get('licensesignature')).toBe(first.headers.get('licensesignature'))
    expect(await fresh.state.get()).toEqual(before)
    expect(first.body).toMatchObject({ times_activated: 1, transfer_count: 1, floating_in_use_devices: 1, floating_users: 2 })
  })

  test('both signatures verify with the mock’s public key: v1 over hardware_id#license_key#validity, v2 over the body', async () => {
    const fresh = await withLicenses([keyLicense({ license_key: 'Key-MiXeD', validity_period: '2099-01-31T12:30:00Z', devices: [{ hardware_id: 'HW-1' }] })])
    const ok = await check({ hardware_id: 'HW-1', product: 'demo', license_key: 'Key-MiXeD' })
    const license = ok.body as CheckLicenseResponse
    expect(license.validity_period).toBe('2099-01-31T12:30:00.000Z')
    const publicKey = await fresh.publicKey()
    expect(verifies(publicKey, 'hw-1#key-mixed#2099-01-31t12:30:00.000z', license.license_signature)).toBe(true)
    expect(verifies(publicKey, ok.text, ok.headers.get('licensesignature')!)).toBe(true)
    expect(verifies(publicKey, `${ok.text} `, ok.headers.get('licensesignature')!)).toBe(false)
  })

  test('user-based: check by username (no password needed), case-insensitive; the user block and v1 over the username', async () => {
    const fresh = await withLicenses([
      { id: 5, product: 'demo-user', users: [{ email: 'Pat@Example.com', password: 'pw', max_activations: 2 }], devices: [{ hardware_id: 'hw', user: 'Pat@Example.com' }] },
    ])
    const license = await checked({ hardware_id: 'hw', product: 'demo-user', username: 'PAT@example.com' })
    expect(license).toMatchObject({ id: 5, max_license_users: 1, user: { email: 'Pat@Example.com', total_activations: 1, max_activations: 2 } })
    expect(license).not.toHaveProperty('license_key')
    expect(verifies(await fresh.publicKey(), 'hw#pat@example.com#', license.license_signature)).toBe(true)
  })

  test('user-based: a username on no license → license_not_found; license_id chooses among the user’s licenses', async () => {
    const fresh = await withLicenses([
      { id: 11, product: 'demo-user', users: [{ email: 'multi@example.com' }], devices: [{ hardware_id: 'hw', user: 'multi@example.com' }] },
      { id: 12, product: 'demo-user', users: [{ email: 'multi@example.com' }], devices: [{ hardware_id: 'other', user: 'multi@example.com' }] },
    ])
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user', username: 'nobody@example.com' }, 'license_not_found', NOT_FOUND)
    // Without license_id the most recent license (12), where hw is not a device.
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user', username: 'multi@example.com' }, 'device_not_found', DEVICE_NOT_FOUND)
    expect((await checked({ hardware_id: 'hw', product: 'demo-user', username: 'multi@example.com', license_id: '11' })).id).toBe(11)
  })
})

describe('the query', () => {
  test('license_id "7" is read as the integer 7', async () => {
    await withLicenses([keyLicense({ id: 7 })])
    expect((await checked(key('hw', { license_id: '7' }))).id).toBe(7)
  })

  test('license_id of another license → license_not_found', async () => {
    const fresh = await withLicenses([keyLicense({ id: 7 })])
    await refused(fresh, key('hw', { license_id: '8' }), 'license_not_found', NOT_FOUND)
  })

  test('license_id "x" → validation_error naming license_id', async () => {
    const fresh = await withLicenses([keyLicense({ id: 7 })])
    await refused(fresh, key('hw', { license_id: 'x' }), 'validation_error', 'Invalid parameter license_id: must be integer')
  })

  test('include_expired_features (the Node SDK sends it) is coerced to a boolean; "maybe" is not one', async () => {
    const fresh = await withLicenses([keyLicense()])
    expect((await checked(key('hw', { include_expired_features: 'true' }))).id).toBe(1)
    await refused(fresh, key('hw', { include_expired_features: 'maybe' }), 'validation_error', 'Invalid parameter include_expired_features: must be boolean')
  })

  test('a hardware_id over 1024 characters → validation_error', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key('h'.repeat(1025)), 'validation_error', 'Invalid parameter hardware_id: must NOT have more than 1024 characters')
  })

  test('missing hardware_id, product, license_key or username → missing_parameters naming them', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, {}, 'missing_parameters', 'Missing parameters: hardware_id, product')
    await refused(fresh, { product: 'demo', license_key: 'K' }, 'missing_parameters', 'Missing parameters: hardware_id')
    await refused(fresh, { hardware_id: 'hw', license_key: 'K' }, 'missing_parameters', 'Missing parameters: product')
    await refused(fresh, { hardware_id: 'hw', product: 'demo' }, 'missing_parameters', 'Missing parameters: license_key')
    await refused(fresh, { hardware_id: 'hw', product: 'demo', license_key: '' }, 'missing_parameters', 'Missing parameters: license_key')
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user' }, 'missing_parameters', 'Missing parameters: username')
  })

  test('check has no SSO: id_token and customer_account_code do not stand for username', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, { hardware_id: 'hw', product: 'demo-user', id_token: 't', customer_account_code: 'acct' }, 'missing_parameters', 'Missing parameters: username')
  })

  test('unknown query parameters are ignored', async () => {
    await withLicenses([keyLicense()])
    const license = await checked(key('hw', { foo: 'bar', password: 'secret', consumptions: 'x', sdk_ver: 'node-1.4.17', hostname: 'box' }))
    expect(license.id).toBe(1)
  })

  test('a repeated parameter: the first value counts', async () => {
    await withLicenses([keyLicense()])
    expect((await checked('hardware_id=hw&hardware_id=other&product=demo&license_key=K')).license_active).toBe(true)
  })

  test('percent-encoded values are decoded', async () => {
    await withLicenses([keyLicense({ license_key: 'K +&=/é', devices: [{ hardware_id: 'a b' }] })])
    expect((await checked({ hardware_id: 'a b', product: 'demo', license_key: 'K +&=/é' })).license_key).toBe('K +&=/é')
  })

  test('the endpoint with a trailing slash is the endpoint', async () => {
    await withLicenses([keyLicense()])
    const answer = await check(key(), { path: `${CHECK_PATH}/` })
    expect(answer.status).toBe(200)
  })
})

describe('routing and authentication', () => {
  test('POST on check_license → 405 with Allow: GET', async () => {
    const fresh = await withLicenses([keyLicense()])
    const before = await fresh.state.get()
    const answer = await request(undefined, key(), { method: 'POST', spec: { path: CHECK_PATH, method: 'get' } })
    expectError(answer, 'method_not_allowed', 'Method POST not allowed on /api/v4/check_license; use GET')
    expect(answer.headers.get('allow')).toBe('GET')
    expect(await fresh.state.get()).toEqual(before)
  })

  test('GET on activate_license → 405 with Allow: POST', async () => {
    await withLicenses([keyLicense()])
    const answer = await request(key(), undefined, { method: 'GET', path: ACTIVATE_PATH, spec: { path: ACTIVATE_PATH, method: 'post' } })
    expectError(answer, 'method_not_allowed', 'Method GET not allowed on /api/v4/activate_license; use POST')
    expect(answer.headers.get('allow')).toBe('POST')
  })

  test('a check needs the signed headers like any call', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key(), 'missing_headers', 'Some headers are missing', { headers: { date: undefined } })
    await refused(fresh, key(), 'signature_mismatch', 'Signature mismatch', { credentials: { apiKey: DEMO.apiKey, sharedKey: 'wrong-shared-key' } })
  })
})

describe('the journal', () => {
  test('a check is journaled with the query as its body and the code license_checked', async () => {
    const fresh = await withLicenses([keyLicense()])
    await checked(key('hw', { sdk_ver: 'x' }))
    await refused(fresh, key('gone'), 'device_not_found', DEVICE_NOT_FOUND)
    const [failure, success] = fresh.requests.list()
    expect(success).toMatchObject({ method: 'GET', path: CHECK_PATH, status: 200, code: 'license_checked', tenant: 'default' })
    expect(success.body).toEqual({ hardware_id: 'hw', product: 'demo', license_key: 'K', sdk_ver: 'x' })
    expect(failure).toMatchObject({ method: 'GET', path: CHECK_PATH, status: 400, code: 'device_not_found', body: key('gone') })
    expect(fresh.requests.list({ code: 'license_checked' })).toHaveLength(1)
  })

  test('the journaled query is the query as sent: license_id stays the text "7"', async () => {
    const fresh = await withLicenses([keyLicense({ id: 7 })])
    await checked(key('hw', { license_id: '7' }))
    expect(fresh.requests.list()[0].body).toEqual(key('hw', { license_id: '7' }))
  })
})

describe('faults with match.endpoint', () => {
  test('endpoint check_license fires on a check only, not on activate or deactivate of the same license', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 2 })])
    expect(fresh.faults.add({ match: { license_key: 'K', endpoint: 'check_license' }, error: 'license_expired' }).ok).toBe(true)
    await refused(fresh, key(), 'license_expired', EXPIRED)
    await activated(key('hw-2'))
    await deactivated(key('hw-2'))
    await refused(fresh, key(), 'license_expired', EXPIRED)
    expect(fresh.faults.list().map((fault) => fault.hits)).toEqual([2])
    expect(fresh.requests.list().map((entry) => entry.code)).toEqual(['license_expired', 'license_deactivated', 'license_activated', 'license_expired'])
  })

  test('endpoint activate_license or deactivate_license does not fire on a check', async () => {
    const fresh = await withLicenses([keyLicense()])
    fresh.faults.add({ match: { license_key: 'K', endpoint: 'activate_license' }, error: 'internal_error' })
    fresh.faults.add({ match: { license_key: 'K', endpoint: 'deactivate_license' }, error: 'internal_error' })
    expect((await checked(key())).id).toBe(1)
    expect(fresh.faults.list().map((fault) => fault.hits)).toEqual([0, 0])
  })

  test('a fault without endpoint matches the check’s query fields (hardware_id), with its status', async () => {
    const fresh = await withLicenses([keyLicense({ max_activations: 2, devices: [{ hardware_id: 'hw' }, { hardware_id: 'hw-2' }] })])
    fresh.faults.add({ match: { hardware_id: 'hw-2' }, error: 'internal_error', times: 1 })
    expect((await checked(key('hw'))).id).toBe(1)
    await refused(fresh, key('hw-2'), 'internal_error', 'Internal server error')
    expect((await checked(key('hw-2'))).id).toBe(1)
  })
})

describe('Prefer on check_license', () => {
  test('an error example is answered, the state untouched', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key(), 'license_expired', EXPIRED, { headers: { prefer: 'code=400, example=license_expired' } })
    await refused(fresh, key(), 'device_not_found', DEVICE_NOT_FOUND, { headers: { prefer: 'example=device_not_found' } })
  })

  test('code=200 → 422 invalid_prefer_header: a success only comes from the state', async () => {
    const fresh = await withLicenses([keyLicense()])
    const message = 'Prefer header cannot be honoured: check_license answers success from the state only; Prefer can force its errors'
    await refused(fresh, key(), 'invalid_prefer_header', message, { headers: { prefer: 'code=200' } })
    await refused(fresh, key(), 'invalid_prefer_header', message, { headers: { prefer: 'example=license_deactivated' } })
  })

  test('an unknown example → 422 naming it', async () => {
    const fresh = await withLicenses([keyLicense()])
    await refused(fresh, key(), 'invalid_prefer_header', 'Prefer header cannot be honoured: no error example named "licence_expired"', {
      headers: { prefer: 'example=licence_expired' },
    })
  })
})
