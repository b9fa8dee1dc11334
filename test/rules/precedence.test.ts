// When two rows of the rule table could fire, the first one in the table wins.
import { describe, test } from 'vitest'
import { signedHeaders } from '../../src/core/signature.ts'
import { baseSeed, DEMO, expectRejected, keyBody, useLicenseMock } from '../support/msw.ts'

const harness = useLicenseMock()
const { mock } = harness

const seed = baseSeed([
  { id: 1, product: 'demo', license_key: 'DISABLED-BLACKLISTED', enabled: false, devices: [{ hardware_id: 'hw', blacklisted: true }] },
  { id: 2, product: 'demo', license_key: 'BLACKLISTED-VM', prevent_vm: true, devices: [{ hardware_id: 'hw', blacklisted: true, is_vm: true }] },
  { id: 3, product: 'demo', license_key: 'VM-NOT-STARTED', prevent_vm: true, start_date: '2099-01-01', devices: [{ hardware_id: 'hw', is_vm: true }] },
  { id: 4, product: 'demo', license_key: 'NOT-STARTED-EXPIRED', start_date: '2099-01-01', validity_period: '2020-01-01', devices: [{ hardware_id: 'hw' }] },
  { id: 5, product: 'demo', license_key: 'EXPIRED-NEVER-ACTIVATED', validity_period: '2020-01-01' },
  { id: 6, product: 'demo', license_key: 'DISABLED-FAULT-DEVICE', enabled: false, devices: [{ hardware_id: 'hw', fault: 'license_device_exists' }] },
])
const body = (license_key: string, extra: Record<string, unknown> = {}) => ({ hardware_id: 'hw', product: 'demo', license_key, ...extra })

describe('license rows (13–24)', () => {
  test('disabled license + blacklisted device → license_not_enabled', async () => {
    const fresh = await harness.withSeed(seed)
    await expectRejected(fresh, body('DISABLED-BLACKLISTED'), 'license_not_enabled', 'The license is not enabled')
  })

  test('disabled license + a device with a sticky fault → license_not_enabled', async () => {
    const fresh = await harness.withSeed(seed)
    await expectRejected(fresh, body('DISABLED-FAULT-DEVICE'), 'license_not_enabled', 'The license is not enabled')
  })

  test('blacklisted + VM on a license that prevents VMs → blacklisted', async () => {
    const fresh = await harness.withSeed(seed)
    await expectRejected(fresh, body('BLACKLISTED-VM'), 'blacklisted', 'This device is blacklisted')
  })

  test('VM + not started → vm_not_allowed', async () => {
    const fresh = await harness.withSeed(seed)
    await expectRejected(fresh, body('VM-NOT-STARTED'), 'vm_not_allowed', 'Virtual machine not allowed')
  })

  test('not started + expired → license_start_date_error', async () => {
    const fresh = await harness.withSeed(seed)
    await expectRejected(fresh, body('NOT-STARTED-EXPIRED'), 'license_start_date_error', 'This license cannot be activated before start date: 2099-01-01')
  })

  test('expired + device missing → license_expired', async () => {
    await expectRejected(mock, keyBody('DEMO-EXPIRED', 'no-such-device'), 'license_expired', 'License validity period has expired.')
  })

  test('expired + never activated → license_expired', async () => {
    const fresh = await harness.withSeed(seed)
    await expectRejected(fresh, body('EXPIRED-NEVER-ACTIVATED'), 'license_expired', 'License validity period has expired.')
  })

  test('never activated + consumptions on a license of another type → license_not_active', async () => {
    await expectRejected(mock, keyBody('DEMO-NEVER-ACTIVATED', 'demo-device-1', { consumptions: 1 }), 'license_not_active', 'The license is not active')
  })

  test('device missing + transfers exhausted → device_not_found', async () => {
    await expectRejected(mock, keyBody('DEMO-NO-TRANSFERS', 'no-such-device'), 'device_not_found', 'An active device matching the hardware_id not found')
  })

  test('transfers exhausted + consumptions on a license of another type → license_transferred_max_times', async () => {
    await expectRejected(
      mock,
      keyBody('DEMO-NO-TRANSFERS', 'demo-device-1', { consumptions: 1 }),
      'license_transferred_max_times',
      'This license has already been transferred the maximum number of times',
    )
  })

  test('unknown product + a key restricted to other products → unknown_product', async () => {
    await expectRejected(mock, { hardware_id: 'hw', product: 'nope', license_key: 'K' }, 'unknown_product', 'Provided product was not found', {
      credentials: { apiKey: 'demo-restricted-api-key', sharedKey: DEMO.sharedKey },
    })
  })

  test('restricted key + unknown license → api_key_product_not_allowed', async () => {
    await expectRejected(mock, keyBody('NO-SUCH-KEY'), 'api_key_product_not_allowed', 'Provided api key does not allow access to this product', {
      credentials: { apiKey: 'demo-restricted-api-key', sharedKey: DEMO.sharedKey },
    })
  })

  test('unknown license + disabled-looking request fields → license_not_found', async () => {
    await expectRejected(mock, keyBody('NO-SUCH-KEY', 'demo-blacklisted-device', { is_vm: true, consumptions: 5 }), 'license_not_found', 'License with the provided license user not found')
  })
})

describe('request rows (1–12)', () => {
  test('unknown path + no headers → not_found', async () => {
    await expectRejected(mock, {}, 'not_found', 'Not found: POST /api/v4/nope', {
      url: 'https://api.licensespring.com/api/v4/nope',
      headers: { Date: undefined, Authorization: undefined },
    })
  })

  test('missing Date + garbage Authorization → missing_headers', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'missing_headers', 'Some headers are missing', { headers: { Date: undefined, Authorization: 'garbage' } })
  })

  test('missing apikey + a wrong algorithm → authorization_missing_params', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'authorization_missing_params', 'Some parameters are missing in authorization: apikey', {
      headers: { Authorization: 'algorithm="hmac-sha1",headers="date",signature="abc="' },
    })
  })

  test('wrong algorithm + unknown key → hmac_required', async () => {
    const signed = signedHeaders({ apiKey: 'no-such-key', sharedKey: 'x' })
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'hmac_required', 'HMAC is required algorithm: use algorithm="hmac-sha256"', {
      headers: { Date: signed.Date, Authorization: signed.Authorization.replace('hmac-sha256', 'hmac-md5') },
    })
  })

  test('revoked key + stale Date → revoked_api_key', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'revoked_api_key', 'Provided api key is revoked', {
      credentials: { apiKey: 'demo-revoked-api-key', sharedKey: DEMO.sharedKey },
      date: new Date(Date.now() - 60 * 60_000),
    })
  })

  test('stale Date + wrong shared key → date_header_diff', async () => {
    const date = new Date(Date.now() - 60 * 60_000).toUTCString()
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'date_header_diff', `Date header is invalid or differs from server time by more than 15 minutes: ${date}`, {
      credentials: { apiKey: DEMO.apiKey, sharedKey: 'wrong' },
      date,
    })
  })

  test('read-only key + wrong shared key → signature_mismatch', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'signature_mismatch', 'Signature mismatch', {
      credentials: { apiKey: 'demo-read-only-api-key', sharedKey: 'wrong' },
    })
  })

  test('broken JSON + wrong shared key → signature_mismatch', async () => {
    await expectRejected(mock, undefined, 'signature_mismatch', 'Signature mismatch', { raw: '{', credentials: { apiKey: DEMO.apiKey, sharedKey: 'wrong' } })
  })

  test('broken JSON + read-only key → read_only_api_key', async () => {
    await expectRejected(mock, undefined, 'read_only_api_key', 'Provided api key is read only', {
      raw: '{',
      credentials: { apiKey: 'demo-read-only-api-key', sharedKey: DEMO.sharedKey },
    })
  })

  test('missing product + a field of the wrong type → missing_parameters', async () => {
    await expectRejected(mock, { hardware_id: 5 }, 'missing_parameters', 'Missing parameters: product')
  })

  test('a field of the wrong type + unknown product → validation_error', async () => {
    await expectRejected(mock, { hardware_id: 'hw', product: 'nope', is_vm: 'yes' }, 'validation_error', 'Invalid parameter is_vm: must be boolean')
  })
})
