// The lifecycle endpoints' rule tables, row by row: each row's error reached from a small inline
// seed (exact envelope, state unchanged), then the same request succeeding once one thing is
// different; the table of each endpoint has exactly the rows tested here, in this order. Every
// answer is checked against the spec of its operation, signed answers verified with the key.
import { verify } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { ENDPOINTS } from '../../src/core/endpoints/index.ts'
import type { ErrorCode } from '../../src/core/errors.ts'
import type { SeedInput } from '../../src/core/seed.ts'
import type { LicenseMock } from '../../src/mock.ts'
import { API_ORIGIN, baseSeed, expectError, useLicenseMock, type Answer } from '../support/msw.ts'
import { signedRequest } from '../support/client.ts'

const harness = useLicenseMock()
type LicenseSeed = NonNullable<SeedInput['licenses']>[number]
type ProductSeed = NonNullable<SeedInput['products']>[number]
type Fields = Record<string, unknown>

const endpoint = (name: string) => ENDPOINTS.find((candidate) => candidate.name === name)!

/** One signed request to an endpoint: JSON body for POST, query string for GET; checked against the spec. */
function call(name: string, fields: Fields): Promise<Answer> {
  const { method, path } = endpoint(name)
  const query = Object.fromEntries(Object.entries(fields).map(([key, value]): [string, string] => [key, String(value)]))
  return method === 'GET' ? signedRequest({ origin: API_ORIGIN, path, method, query }) : signedRequest({ origin: API_ORIGIN, path, method, body: fields })
}

const PRODUCT: ProductSeed = {
  short_code: 'demo',
  max_borrow_time: 24,
  allow_trial: true,
  features: [
    { code: 'reports', feature_type: 'consumption', max_consumption: 5 },
    { code: 'export' },
    { code: 'seat', is_floating_cloud: true, floating_users: 1 },
    { code: 'spare' },
  ],
  versions: [{ version: '1.0.0', release_date: '2026-01-01', installation_file: 'https://downloads.example.com/1.0.0.zip' }],
}
const seedWith = (licenses: LicenseSeed[], products: ProductSeed[] = [PRODUCT]): SeedInput => ({ ...baseSeed(licenses), products: [...products, { short_code: 'demo-user', authorization_method: 'user', allow_trial: true }] })
const license = (fields: Partial<LicenseSeed> = {}): LicenseSeed => ({
  id: 1,
  product: 'demo',
  license_key: 'K',
  license_type: 'consumption',
  max_consumptions: 10,
  max_activations: 3,
  features: ['reports', 'export', 'seat'],
  devices: [{ hardware_id: 'hw' }],
  ...fields,
})
const key = (extra: Fields = {}): Fields => ({ hardware_id: 'hw', product: 'demo', license_key: 'K', ...extra })
/** A valid request of each endpoint (the feature ones name `feature`). */
const valid = (name: string, extra: Fields = {}): Fields => {
  if (name === 'trial_key') return { product: 'demo', hardware_id: 'box', ...extra }
  if (name === 'product_details') return { product: 'demo', ...extra }
  if (name === 'add_feature_consumption') return key({ feature: 'reports', ...extra })
  if (name.includes('feature')) return key({ feature: 'seat', ...extra })
  if (name === 'track_device_variables') return key({ variables: { a: 'b' }, ...extra })
  return key(extra)
}

async function refused(target: LicenseMock, name: string, fields: Fields, code: ErrorCode, message?: string | RegExp): Promise<void> {
  const before = await target.state.get()
  const answer = await call(name, fields)
  expectError(answer, code, message ?? /./)
  expect(answer.headers.get('licensesignature')).toBeNull()
  expect(await target.state.get()).toEqual(before)
}

interface Row {
  row: string
  endpoint: string
  license?: LicenseSeed
  products?: ProductSeed[]
  fields: Fields
  code: ErrorCode
  message?: string
  /** The same request succeeds once this one thing is different. */
  fixed: { license?: LicenseSeed; products?: ProductSeed[]; fields?: Fields }
}

/** The device rows every endpoint acting on an active device shares, for one endpoint. */
const deviceRows = (name: string, fields: Fields): Row[] => [
  { row: 'license fault', endpoint: name, license: license({ fault: 'license_expired' }), fields, code: 'license_expired', fixed: { license: license() } },
  { row: '16', endpoint: name, license: license({ enabled: false }), fields, code: 'license_not_enabled', message: 'The license is not enabled', fixed: { license: license() } },
  { row: '17', endpoint: name, license: license({ devices: [{ hardware_id: 'hw', blacklisted: true }] }), fields, code: 'blacklisted', fixed: { license: license() } },
  { row: 'device fault', endpoint: name, license: license({ devices: [{ hardware_id: 'hw', fault: 'internal_error' }] }), fields, code: 'internal_error', fixed: { license: license() } },
  { row: '19', endpoint: name, license: license({ start_date: '2099-01-01' }), fields, code: 'license_start_date_error', fixed: { license: license() } },
  { row: '20', endpoint: name, license: license({ validity_period: '2020-01-01' }), fields, code: 'license_expired', fixed: { license: license() } },
  { row: '21', endpoint: name, license: license({ devices: [] }), fields, code: 'license_not_active', fixed: { license: license() } },
  { row: '22', endpoint: name, license: license({ devices: [{ hardware_id: 'hw', active: false }] }), fields, code: 'device_not_found', fixed: { license: license() } },
]

const TABLES: Record<string, { rows: (string | number)[]; cases: Row[] }> = {
  add_consumption: {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22, 'C1', 'C2'],
    cases: [
      ...deviceRows('add_consumption', key()),
      { row: 'C1', endpoint: 'add_consumption', license: license({ license_type: 'perpetual' }), fields: key(), code: 'license_not_consumption', fixed: { license: license() } },
      { row: 'C2', endpoint: 'add_consumption', license: license({ total_consumptions: 10 }), fields: key(), code: 'license_not_enough_consumptions', fixed: { license: license({ total_consumptions: 9 }) } },
    ],
  },
  add_feature_consumption: {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22, 'F1', 'F2', 'F3', 'F4'],
    cases: [
      ...deviceRows('add_feature_consumption', key({ feature: 'reports' })),
      { row: 'F1', endpoint: 'add_feature_consumption', fields: key({ feature: 'nope' }), code: 'unsupported_product_feature', fixed: { fields: key({ feature: 'reports' }) } },
      { row: 'F2', endpoint: 'add_feature_consumption', fields: key({ feature: 'spare' }), code: 'invalid_license_feature_code', message: 'License feature code: spare is invalid or not assigned to the license.', fixed: { fields: key({ feature: 'reports' }) } },
      { row: 'F3', endpoint: 'add_feature_consumption', fields: key({ feature: 'export' }), code: 'feature_not_consumption', fixed: { fields: key({ feature: 'reports' }) } },
      {
        row: 'F4',
        endpoint: 'add_feature_consumption',
        license: license({ features: [{ code: 'reports', total_consumptions: 5 }] }),
        fields: key({ feature: 'reports' }),
        code: 'license_not_enough_consumptions',
        fixed: { license: license({ features: [{ code: 'reports', total_consumptions: 5, allow_overages: true, max_overages: 1 }] }) },
      },
    ],
  },
  check_license_feature: {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22, 'F1', 'F2', 'F5'],
    cases: [
      ...deviceRows('check_license_feature', key({ feature: 'export' })),
      { row: 'F1', endpoint: 'check_license_feature', fields: key({ feature: 'nope' }), code: 'unsupported_product_feature', fixed: { fields: key({ feature: 'export' }) } },
      { row: 'F2', endpoint: 'check_license_feature', fields: key({ feature: 'spare' }), code: 'invalid_license_feature_code', fixed: { fields: key({ feature: 'export' }) } },
      {
        row: 'F5',
        endpoint: 'check_license_feature',
        license: license({ devices: [{ hardware_id: 'other', floating_features: [{ code: 'seat' }] }, { hardware_id: 'hw' }] }),
        fields: key({ feature: 'seat' }),
        code: 'floating_not_available',
        message: 'No available slots for floating license.',
        fixed: { license: license({ devices: [{ hardware_id: 'other' }, { hardware_id: 'hw' }] }) },
      },
    ],
  },
  'floating/feature_release': {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22, 'F1', 'F2', 'F6', 'F7'],
    cases: [
      ...deviceRows('floating/feature_release', key({ feature: 'seat' })).map((row) => ({
        ...row,
        fixed: { license: license({ devices: [{ hardware_id: 'hw', floating_features: [{ code: 'seat' }] }] }) },
      })),
      { row: 'F1', endpoint: 'floating/feature_release', fields: key({ feature: 'nope' }), code: 'unsupported_product_feature', fixed: { fields: key({ feature: 'seat' }), license: license({ devices: [{ hardware_id: 'hw', floating_features: [{ code: 'seat' }] }] }) } },
      { row: 'F2', endpoint: 'floating/feature_release', fields: key({ feature: 'spare' }), code: 'invalid_license_feature_code', fixed: { fields: key({ feature: 'seat' }), license: license({ devices: [{ hardware_id: 'hw', floating_features: [{ code: 'seat' }] }] }) } },
      { row: 'F6', endpoint: 'floating/feature_release', fields: key({ feature: 'export' }), code: 'feature_not_floating', fixed: { fields: key({ feature: 'seat' }), license: license({ devices: [{ hardware_id: 'hw', floating_features: [{ code: 'seat' }] }] }) } },
      {
        row: 'F7',
        endpoint: 'floating/feature_release',
        fields: key({ feature: 'seat' }),
        code: 'floating_feature_device_not_in_use',
        fixed: { license: license({ devices: [{ hardware_id: 'hw', floating_features: [{ code: 'seat' }] }] }) },
      },
    ],
  },
  'floating/feature_borrow': {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22, 'F1', 'F2', 'F6', 'F8', 'F5'],
    cases: [
      ...deviceRows('floating/feature_borrow', key({ feature: 'seat' })),
      { row: 'F1', endpoint: 'floating/feature_borrow', fields: key({ feature: 'nope' }), code: 'unsupported_product_feature', fixed: { fields: key({ feature: 'seat' }) } },
      { row: 'F2', endpoint: 'floating/feature_borrow', fields: key({ feature: 'spare' }), code: 'invalid_license_feature_code', fixed: { fields: key({ feature: 'seat' }) } },
      { row: 'F6', endpoint: 'floating/feature_borrow', fields: key({ feature: 'export' }), code: 'feature_not_floating', fixed: { fields: key({ feature: 'seat' }) } },
      { row: 'F8', endpoint: 'floating/feature_borrow', fields: key({ feature: 'seat', borrowed_until: '2000-01-01T00:00:00Z' }), code: 'borrow_until_not_valid', fixed: { fields: key({ feature: 'seat', borrowed_until: null }) } },
      {
        row: 'F5',
        endpoint: 'floating/feature_borrow',
        license: license({ devices: [{ hardware_id: 'other', floating_features: [{ code: 'seat' }] }, { hardware_id: 'hw' }] }),
        fields: key({ feature: 'seat' }),
        code: 'floating_not_available',
        fixed: { license: license({ devices: [{ hardware_id: 'other' }, { hardware_id: 'hw' }] }) },
      },
    ],
  },
  'floating/release': { rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22], cases: deviceRows('floating/release', key()) },
  'floating/borrow': {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22, 'B1', 'B2', 'P1'],
    cases: [
      ...deviceRows('floating/borrow', key()).map((row) => ({ ...row, license: { ...row.license!, is_floating_cloud: true }, fixed: { license: license({ is_floating_cloud: true }) } })),
      { row: 'B1', endpoint: 'floating/borrow', fields: key(), code: 'license_not_floating', fixed: { license: license({ is_floating_cloud: true }) } },
      { row: 'B2', endpoint: 'floating/borrow', license: license({ is_floating_cloud: true }), fields: key({ borrowed_until: '2999-01-01T00:00:00Z' }), code: 'borrow_until_not_valid', fixed: { fields: key() } },
      {
        row: 'P1',
        endpoint: 'floating/borrow',
        license: license({ is_floating_cloud: true, floating_users: 1, devices: [{ hardware_id: 'other' }, { hardware_id: 'hw', floating_in_use: false }] }),
        fields: key(),
        code: 'floating_not_available',
        fixed: { license: license({ is_floating_cloud: true, floating_users: 2, devices: [{ hardware_id: 'other' }, { hardware_id: 'hw', floating_in_use: false }] }) },
      },
    ],
  },
  track_device_variables: { rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22], cases: deviceRows('track_device_variables', key({ variables: { a: 'b' } })) },
  get_device_variables: { rows: ['license fault', 16, 17, 'device fault', 19, 20, 21, 22], cases: deviceRows('get_device_variables', key()) },
  versions: {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 'V1'],
    cases: [
      ...deviceRows('versions', key()).filter((row) => !['21', '22'].includes(row.row)),
      { row: 'V1', endpoint: 'versions', license: license({ devices: [{ hardware_id: 'hw', active: false }] }), fields: key(), code: 'active_license_required', fixed: { license: license() } },
    ],
  },
  installation_file: {
    rows: ['license fault', 16, 17, 'device fault', 19, 20, 'V1', 'V2'],
    cases: [
      ...deviceRows('installation_file', key()).filter((row) => !['21', '22'].includes(row.row)),
      { row: 'V1', endpoint: 'installation_file', license: license({ devices: [] }), fields: key(), code: 'active_license_required', fixed: { license: license() } },
      { row: 'V2', endpoint: 'installation_file', fields: key({ version: '2.0.0' }), code: 'version_not_found', fixed: { fields: key({ version: '1.0.0' }) } },
    ],
  },
  trial_key: {
    rows: ['T1', 'T2', 'T3'],
    cases: [
      { row: 'T1', endpoint: 'trial_key', products: [{ ...PRODUCT, allow_trial: false }], fields: { product: 'demo', hardware_id: 'box' }, code: 'trial_not_allowed', fixed: { products: [PRODUCT] } },
      { row: 'T2', endpoint: 'trial_key', fields: { product: 'demo-user', hardware_id: 'box' }, code: 'email_missing', fixed: { fields: { product: 'demo-user', hardware_id: 'box', email: 'a@example.com' } } },
      {
        row: 'T3',
        endpoint: 'trial_key',
        license: license({ license_key: 'T', is_trial: true, trial_hardware_id: 'box', validity_period: '2020-01-01', devices: [] }),
        fields: { product: 'demo', hardware_id: 'box' },
        code: 'trial_expired',
        message: 'trial period for device has expired',
        fixed: { license: license({ license_key: 'T', is_trial: true, trial_hardware_id: 'box', validity_period: '2099-01-01', devices: [] }) },
      },
    ],
  },
  product_details: { rows: [], cases: [] },
}

describe.each(Object.entries(TABLES))('%s', (name, { rows, cases }) => {
  test('the table has exactly the rows tested here, in this order', () => {
    expect(endpoint(name).rules.map((row) => row.row)).toEqual(rows)
    expect([...new Set(cases.map((row) => row.row))].sort()).toEqual(rows.map(String).sort())
  })

  test.each(cases)('row $row → $code, state unchanged; one thing different → 200', async ({ license: failing, products, fields, code, message, fixed }) => {
    const mock = await harness.withSeed(seedWith(failing ? [failing] : [license()], products))
    await refused(mock, name, fields, code, message)
    await harness.withSeed(seedWith(fixed.license ? [fixed.license] : failing ? [failing] : [license()], fixed.products ?? products))
    const answer = await call(name, fixed.fields ?? fields)
    expect(answer.status, answer.text).toBe(200)
  })
})

describe('rows 13–15 and the product before everything else', () => {
  test.each(['add_consumption', 'check_license_feature', 'floating/borrow', 'versions', 'track_device_variables'])('%s: unknown product, license not found', async (name) => {
    const mock = await harness.withSeed(seedWith([license()]))
    await refused(mock, name, valid(name, { product: 'nope' }), 'unknown_product', 'Provided product was not found')
    await refused(mock, name, valid(name, { license_key: 'NOPE' }), 'license_not_found', 'License with the provided license user not found')
  })

  test('a disabled product and an archived one, on product_details and on a license endpoint', async () => {
    const mock = await harness.withSeed(seedWith([license()], [{ ...PRODUCT, disabled: true }, { short_code: 'old', archived: true }]))
    await refused(mock, 'product_details', { product: 'demo' }, 'disabled_product', 'Provided product is disabled.')
    await refused(mock, 'add_consumption', key(), 'disabled_product', 'Provided product is disabled.')
    await refused(mock, 'product_details', { product: 'old' }, 'archived_product', 'Provided product is archived.')
  })

  test('trial_key: no hardware_id is missing_hardware_id, before the product', async () => {
    const mock = await harness.withSeed(seedWith([license()]))
    await refused(mock, 'trial_key', { product: 'nope' }, 'missing_hardware_id', 'The hardware_id missing in the request')
  })
})

describe('what a success changes and answers', () => {
  const verifies = (publicKey: string, text: string, signature: string | null) => signature !== null && verify('RSA-SHA256', Buffer.from(text), publicKey, Buffer.from(signature, 'base64'))

  // The lifecycle endpoints; the user, customer and SSO ones are signed in scenarios/enterprise and the SDK flows.
  const ENTERPRISE = new Set(['bundles', 'users and SSO', 'OAuth', 'offline'])
  test.each(ENDPOINTS.filter((candidate) => candidate.signing === 'v2' && !ENTERPRISE.has(candidate.family)).map((candidate) => candidate.name))('%s: a success carries a LicenseSignature over the exact body', async (name) => {
    const mock = await harness.withSeed(seedWith([license({ is_floating_cloud: name === 'floating/borrow' })]))
    const answer = await call(name, valid(name))
    expect(answer.status, answer.text).toBe(200)
    expect(verifies(await mock.publicKey(), answer.text, answer.headers.get('licensesignature'))).toBe(true)
  })

  test('floating/release and floating/feature_release answer an empty text body', async () => {
    await harness.withSeed(seedWith([license({ is_floating_cloud: true, devices: [{ hardware_id: 'hw', floating_features: [{ code: 'seat' }] }] })]))
    for (const name of ['floating/release', 'floating/feature_release']) {
      const answer = await call(name, valid(name))
      expect({ status: answer.status, text: answer.text, type: answer.headers.get('content-type') }).toEqual({ status: 200, text: '', type: 'text/plain' })
    }
  })

  test('a consumption is added to the license; a feature consumption to the feature only; negative takes back', async () => {
    const mock = await harness.withSeed(seedWith([license({ total_consumptions: 2, features: [{ code: 'reports', total_consumptions: 1 }] })]))
    expect((await call('add_consumption', key({ consumptions: 3 }))).body).toMatchObject({ id: 1, total_consumptions: 5 })
    expect((await call('add_consumption', key({ consumptions: -1 }))).body).toMatchObject({ total_consumptions: 4 })
    expect((await call('add_feature_consumption', key({ feature: 'reports' }))).body).toMatchObject({ total_consumptions: 2, max_consumptions: 5 })
    const state = (await mock.state.get()).licenses![0]
    expect({ total: state.total_consumptions, feature: state.features }).toEqual({ total: 4, feature: [{ code: 'reports', total_consumptions: 2 }] })
  })

  test('a trial is issued once per machine and activates like any license', async () => {
    const mock = await harness.withSeed(seedWith([]))
    const first = (await call('trial_key', { product: 'demo', hardware_id: 'box' })).body as { license: string; license_key: string; id: number }
    expect(first.license).toBe(first.license_key)
    expect((await call('trial_key', { product: 'demo', hardware_id: 'box' })).body).toEqual({ license_type: 'time-limited', is_trial: true, license: first.license })
    expect((await call('trial_key', { product: 'demo', hardware_id: 'other-box' })).body).not.toMatchObject({ license: first.license })
    const activated = await call('activate_license', { product: 'demo', hardware_id: 'box', license_key: first.license })
    expect(activated.body).toMatchObject({ id: first.id, is_trial: true, product_features: [{ code: 'reports' }, { code: 'export' }, { code: 'seat' }, { code: 'spare' }] })
    expect((await mock.state.get()).licenses).toHaveLength(2)
  })

  test('a floating cloud check takes the slot and renews it; released, the next device takes it', async () => {
    const mock = await harness.withSeed(seedWith([license({ license_type: 'perpetual', is_floating_cloud: true, floating_users: 1, devices: [{ hardware_id: 'hw', floating_in_use: false }, { hardware_id: 'other', floating_in_use: false }] })]))
    mock.clock.freeze(true)
    mock.clock.set(new Date('2030-01-01T00:00:00Z'))
    expect((await call('check_license', key())).body).toMatchObject({ floating_in_use_devices: 1 })
    expect((await mock.state.get()).licenses![0].devices![0]).toMatchObject({ floating_in_use: true, floating_last_check: '2030-01-01T00:00:00.000Z' })
    mock.clock.advance(60_000)
    await call('check_license', key())
    expect((await mock.state.get()).licenses![0].devices![0].floating_last_check).toBe('2030-01-01T00:01:00.000Z')
    expect((await call('check_license', key({ hardware_id: 'other' }))).status).toBe(400)
    mock.clock.advance(121 * 60_000)
    expect((await call('check_license', key({ hardware_id: 'other' }))).body).toMatchObject({ floating_in_use_devices: 1 })
    expect((await mock.state.get()).licenses![0].devices!.map((device) => device.floating_in_use)).toEqual([false, true])
  })
})
