// The deactivation rule table (docs/rules.md), row by row and in its order: each row's error reached from
// the demo seed through msw and fetch, with the exact envelope and no change of state.
import { describe, expect, test } from 'vitest'
import { signedHeaders } from '../../src/core/signature.ts'
import { DEMO, deviceIn, expectRejected, expectSuccess, keyBody, licenseIn, send, useLicenseMock, userBody } from '../support/msw.ts'

const { mock } = useLicenseMock()
const minutes = (n: number) => new Date(Date.now() + n * 60_000)

describe('row 1: unknown path under /api/v4', () => {
  test('a misspelt endpoint answers 404 not_found naming the method and path', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'not_found', 'Not found: POST /api/v4/deactivate_licence', {
      url: 'https://api.licensespring.com/api/v4/deactivate_licence',
    })
  })

  test('the endpoint with a trailing slash or a query string is the endpoint', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-1'), { url: 'https://api.licensespring.com/api/v4/deactivate_license/' }))
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-2'), { url: 'https://api.licensespring.com/api/v4/deactivate_license?sdk=node' }))
  })

  test('another method on the endpoint answers 405 with Allow: POST', async () => {
    const answer = await expectRejected(mock, undefined, 'method_not_allowed', 'Method GET not allowed on /api/v4/deactivate_license; use POST', {
      method: 'GET',
    })
    expect(answer.headers.get('allow')).toBe('POST')
  })
})

describe('row 2: Date or Authorization header missing', () => {
  test('no Date header → missing_headers', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'missing_headers', 'Some headers are missing', { headers: { Date: undefined } })
  })

  test('no Authorization header → missing_headers', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'missing_headers', 'Some headers are missing', { headers: { Authorization: undefined } })
  })
})

describe('row 3: Authorization is not a key="value" list', () => {
  test('garbage → authorization_invalid_headers', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'authorization_invalid_headers', /^Provided Authorization header is malformed: /, {
      headers: { Authorization: 'garbage' },
    })
  })
})

describe('row 4: a required Authorization parameter is missing', () => {
  test('no signature → authorization_missing_params naming it', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'authorization_missing_params', 'Some parameters are missing in authorization: signature', {
      headers: { Authorization: 'algorithm="hmac-sha256",headers="date",apikey="demo-api-key"' },
    })
  })
})

describe('row 5: algorithm is not hmac-sha256', () => {
  test('hmac-sha1 → hmac_required', async () => {
    const signed = signedHeaders(DEMO)
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'hmac_required', 'HMAC is required algorithm: use algorithm="hmac-sha256"', {
      headers: { Date: signed.Date, Authorization: signed.Authorization.replace('hmac-sha256', 'hmac-sha1') },
    })
  })
})

describe('row 6: API key unknown or revoked', () => {
  test('unknown key → invalid_api_key', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'invalid_api_key', 'Provided api key is not valid', {
      credentials: { apiKey: 'no-such-key', sharedKey: DEMO.sharedKey },
    })
  })

  test('revoked key → revoked_api_key', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'revoked_api_key', 'Provided api key is revoked', {
      credentials: { apiKey: 'demo-revoked-api-key', sharedKey: DEMO.sharedKey },
    })
  })
})

describe('row 7: Date unparseable or more than 15 minutes from real time', () => {
  test('a Date 16 minutes old → date_header_diff quoting it', async () => {
    const date = minutes(-16).toUTCString()
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'date_header_diff', `Date header is invalid or differs from server time by more than 15 minutes: ${date}`, { date })
  })
})

describe('row 8: signature does not match', () => {
  test('signed with the wrong shared key → signature_mismatch', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'signature_mismatch', 'Signature mismatch', {
      credentials: { apiKey: DEMO.apiKey, sharedKey: 'not-the-shared-key' },
    })
  })
})

describe('row 9: read-only API key', () => {
  test('read-only key, correctly signed → read_only_api_key', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'read_only_api_key', 'Provided api key is read only', {
      credentials: { apiKey: 'demo-read-only-api-key', sharedKey: DEMO.sharedKey },
    })
  })
})

describe('row 10: body is not JSON', () => {
  test('broken JSON → invalid_json with the parser reason', async () => {
    await expectRejected(mock, undefined, 'invalid_json', /^Request body is not valid JSON: .+/, { raw: '{"hardware_id": "demo-device-1",' })
  })
})

describe('row 11: hardware_id, product or the identity missing', () => {
  test('no hardware_id and no product → missing_parameters naming both', async () => {
    await expectRejected(mock, { license_key: 'DEMO-OK-0001' }, 'missing_parameters', 'Missing parameters: hardware_id, product')
  })

  test('key-based product without license_key → missing_parameters naming license_key', async () => {
    await expectRejected(mock, { hardware_id: 'demo-device-1', product: 'demo' }, 'missing_parameters', 'Missing parameters: license_key')
  })

  test('user-based product without username or SSO → missing_parameters naming the choices', async () => {
    await expectRejected(
      mock,
      { hardware_id: 'demo-device-1', product: 'demo-user' },
      'missing_parameters',
      'Missing parameters: username (or id_token or code with customer_account_code)',
    )
  })

  test('SSO id_token without customer_account_code → missing_parameters naming customer_account_code', async () => {
    await expectRejected(
      mock,
      { hardware_id: 'demo-device-1', product: 'demo-user', id_token: 'demo-id-token' },
      'missing_parameters',
      'Missing parameters: customer_account_code',
    )
  })
})

describe('row 12: a field of the wrong type', () => {
  test('license_id as a string → validation_error naming license_id', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-1', { license_id: 'x' }), 'validation_error', 'Invalid parameter license_id: must be integer')
  })
})

describe('row 13: product short code unknown', () => {
  test('unknown product → unknown_product', async () => {
    await expectRejected(mock, { hardware_id: 'demo-device-1', product: 'no-such-product', license_key: 'DEMO-OK-0001' }, 'unknown_product', 'Provided product was not found')
  })

  test('short codes are case-sensitive: "DEMO" is not "demo"', async () => {
    await expectRejected(mock, { hardware_id: 'demo-device-1', product: 'DEMO', license_key: 'DEMO-OK-0001' }, 'unknown_product', 'Provided product was not found')
  })
})

describe('row 14: API key restricted to other products', () => {
  test('the restricted key on product "demo" → api_key_product_not_allowed', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001'), 'api_key_product_not_allowed', 'Provided api key does not allow access to this product', {
      credentials: { apiKey: 'demo-restricted-api-key', sharedKey: DEMO.sharedKey },
    })
  })

  test('the restricted key on its own product succeeds', async () => {
    const answer = await send(
      { hardware_id: 'demo-device-1', product: 'demo-other', license_key: 'DEMO-OTHER-0001' },
      { credentials: { apiKey: 'demo-restricted-api-key', sharedKey: DEMO.sharedKey } },
    )
    expectSuccess(answer)
  })
})

describe('row 15: no license for the key, user or SSO identity', () => {
  test('unknown license key → license_not_found', async () => {
    await expectRejected(mock, keyBody('DEMO-NO-SUCH-KEY'), 'license_not_found', 'License with the provided license user not found')
  })

  test('unknown license user → license_not_found', async () => {
    await expectRejected(mock, userBody('nobody@example.com'), 'license_not_found', 'License with the provided license user not found')
  })
})

describe('row 16: license disabled', () => {
  test('DEMO-DISABLED → license_not_enabled', async () => {
    await expectRejected(mock, keyBody('DEMO-DISABLED'), 'license_not_enabled', 'The license is not enabled')
  })
})

describe('row 17: device blacklisted', () => {
  test('the blacklisted device of DEMO-BLACKLISTED → blacklisted', async () => {
    await expectRejected(mock, keyBody('DEMO-BLACKLISTED', 'demo-blacklisted-device'), 'blacklisted', 'This device is blacklisted')
  })

  test('another device of the same license deactivates', async () => {
    expectSuccess(await send(keyBody('DEMO-BLACKLISTED', 'demo-device-1')))
  })
})

describe('row 18: VM on a license that prevents VMs', () => {
  test('request says is_vm: true → vm_not_allowed', async () => {
    await expectRejected(mock, keyBody('DEMO-PREVENT-VM', 'demo-device-1', { is_vm: true }), 'vm_not_allowed', 'Virtual machine not allowed')
  })

  test('a device recorded as a VM → vm_not_allowed', async () => {
    await expectRejected(mock, keyBody('DEMO-PREVENT-VM', 'demo-vm-device'), 'vm_not_allowed', 'Virtual machine not allowed')
  })

  test('a physical device of the same license deactivates', async () => {
    expectSuccess(await send(keyBody('DEMO-PREVENT-VM', 'demo-device-1')))
  })
})

describe('row 19: start_date after now', () => {
  test('DEMO-NOT-STARTED → license_start_date_error with the start date', async () => {
    await expectRejected(mock, keyBody('DEMO-NOT-STARTED'), 'license_start_date_error', 'This license cannot be activated before start date: 2099-01-01')
  })
})

describe('row 20: validity_period before now', () => {
  test('DEMO-EXPIRED → license_expired', async () => {
    await expectRejected(mock, keyBody('DEMO-EXPIRED'), 'license_expired', 'License validity period has expired.')
  })
})

describe('row 21: license never activated', () => {
  test('DEMO-NEVER-ACTIVATED → license_not_active', async () => {
    await expectRejected(mock, keyBody('DEMO-NEVER-ACTIVATED'), 'license_not_active', 'The license is not active')
  })
})

describe('row 22: no active device with this hardware_id', () => {
  test('a hardware_id never seen → device_not_found', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'never-seen-device'), 'device_not_found', 'An active device matching the hardware_id not found')
  })

  test('a device already deactivated → device_not_found', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-old'), 'device_not_found', 'An active device matching the hardware_id not found')
  })
})

describe('row 23: transfers exhausted', () => {
  test('transfers prevented → license_transferred_max_times', async () => {
    await expectRejected(
      mock,
      keyBody('DEMO-NO-TRANSFERS'),
      'license_transferred_max_times',
      'This license has already been transferred the maximum number of times',
    )
  })

  test('transfer_count reached max_transfers → license_transferred_max_times', async () => {
    await expectRejected(
      mock,
      keyBody('DEMO-TRANSFERS-USED'),
      'license_transferred_max_times',
      'This license has already been transferred the maximum number of times',
    )
  })
})

describe('row 24: consumptions', () => {
  test('consumptions on a license that is not of consumption type → license_not_consumption', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-1', { consumptions: 1 }), 'license_not_consumption', 'The license needs to be of consumption type')
  })

  test('consumptions past max_consumptions → license_not_enough_consumptions', async () => {
    await expectRejected(mock, keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: 3 }), 'license_not_enough_consumptions', 'Not enough consumptions left')
  })
})

describe('row 25: success', () => {
  test('200 "license_deactivated"; the device is kept inactive and the license counts one activation less', async () => {
    const before = await mock.state.get()
    expect(deviceIn(before, 1001, 'demo-device-1').active).toBe(true)
    expect(licenseIn(before, 1001).times_activated).toBe(5)

    const answer = await send(keyBody('DEMO-OK-0001'))
    expectSuccess(answer)
    expect(answer.text).toBe('"license_deactivated"')

    const after = await mock.state.get()
    expect(deviceIn(after, 1001, 'demo-device-1').active).toBe(false)
    expect(licenseIn(after, 1001).times_activated).toBe(4)
    expect(licenseIn(after, 1001).devices).toHaveLength(6)
  })
})
