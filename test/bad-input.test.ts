// Bad request bodies (rows 10–12): the documented envelope with a message a person can act on,
// never a 500, never a changed state.
import { describe, expect, test } from 'vitest'
import { headBytes, MAX_HEADER_BYTES, toCoreRequest } from '../src/core/request.ts'
import { signedHeaders } from '../src/core/signature.ts'
import { DEMO, expectRejected, keyBody, send, useLicenseMock } from './support/msw.ts'

const { mock } = useLicenseMock()

describe('not JSON (row 10)', () => {
  for (const raw of ['{"hardware_id": "demo-device-1",', 'hardware_id=demo-device-1&product=demo', "{'hardware_id': 'demo-device-1'}", '{"a": 1,}']) {
    test(`${JSON.stringify(raw)} → invalid_json with the parser's reason`, async () => {
      await expectRejected(mock, undefined, 'invalid_json', /^Request body is not valid JSON: \S.*/, { raw })
    })
  }
})

describe('JSON, but not an object', () => {
  test('an array → validation_error', async () => {
    await expectRejected(mock, undefined, 'validation_error', 'Invalid parameter body: must be a JSON object, got an array', { raw: JSON.stringify([keyBody('DEMO-OK-0001')]) })
  })

  test('a string → validation_error', async () => {
    await expectRejected(mock, undefined, 'validation_error', 'Invalid parameter body: must be a JSON object, got string', { raw: '"license_deactivated"' })
  })

  test('null → validation_error', async () => {
    await expectRejected(mock, undefined, 'validation_error', 'Invalid parameter body: must be a JSON object, got null', { raw: 'null' })
  })

  test('a number → validation_error', async () => {
    await expectRejected(mock, undefined, 'validation_error', 'Invalid parameter body: must be a JSON object, got number', { raw: '42' })
  })
})

describe('missing fields (row 11)', () => {
  test('an empty body → missing_parameters naming hardware_id and product', async () => {
    await expectRejected(mock, undefined, 'missing_parameters', 'Missing parameters: hardware_id, product', { raw: '' })
  })

  test('{} → missing_parameters naming hardware_id and product', async () => {
    await expectRejected(mock, {}, 'missing_parameters', 'Missing parameters: hardware_id, product')
  })

  test('empty strings count as missing', async () => {
    await expectRejected(mock, { hardware_id: '', product: 'demo', license_key: '' }, 'missing_parameters', 'Missing parameters: hardware_id, license_key')
  })
})

describe('wrong types and unknown fields (row 12)', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['hardware_id: 5', { hardware_id: 5 }, 'Invalid parameter hardware_id: must be string'],
    ['hardware_id: null', { hardware_id: null }, 'Invalid parameter hardware_id: must be string'],
    ['license_id: "x"', { license_id: 'x' }, 'Invalid parameter license_id: must be integer'],
    ['license_id: 1001.5', { license_id: 1001.5 }, 'Invalid parameter license_id: must be integer'],
    ['is_vm: "yes"', { is_vm: 'yes' }, 'Invalid parameter is_vm: must be boolean'],
    ['consumptions: 1.5', { consumptions: 1.5 }, 'Invalid parameter consumptions: must be integer'],
    ['consumptions: "1"', { consumptions: '1' }, 'Invalid parameter consumptions: must be integer'],
    ['variables with an object value', { variables: { os: { name: 'linux' } } }, 'Invalid parameter variables.os: must be string,number,boolean'],
    ['a hardware_id over 1024 characters', { hardware_id: 'x'.repeat(1025) }, 'Invalid parameter hardware_id: must NOT have more than 1024 characters'],
    ['an unknown field', { licence_key: 'DEMO-OK-0001' }, 'Invalid parameter licence_key: unknown field'],
    ['a __proto__ key', JSON.parse('{"__proto__": {"admin": true}}') as Record<string, unknown>, 'Invalid parameter __proto__: unknown field'],
  ]
  for (const [name, fields, message] of cases) {
    test(`${name} → validation_error naming the field`, async () => {
      await expectRejected(mock, undefined, 'validation_error', message, { raw: JSON.stringify({ ...keyBody('DEMO-OK-0001'), ...fields }) })
    })
  }
})

describe('size', () => {
  test('a body over 1 MiB → 413 payload_too_large', async () => {
    await expectRejected(mock, keyBody('DEMO-OK-0001', 'demo-device-1', { os_ver: 'x'.repeat(1024 * 1024) }), 'payload_too_large', 'Request body is larger than 1048576 bytes')
  })
})

describe('the head (request line and headers)', () => {
  // In-process the engine makes the check Node's parser makes on the standalone server: the
  // target, header names and values together, 16384 bytes the first size refused.
  test('16 KiB of target and headers → 431 headers_too_large, whatever the body', async () => {
    const answer = await expectRejected(mock, keyBody('DEMO-OK-0001'), 'headers_too_large', 'Request line and headers are larger than 16384 bytes', { headers: { 'x-padding': 'a'.repeat(16_384) } })
    expect(answer.status).toBe(431)
  })

  test('one byte under the limit is read as usual', async () => {
    const headers: Record<string, string> = { ...signedHeaders(DEMO), 'content-type': 'application/json', 'x-padding': '' }
    const url = 'https://api.licensespring.com/api/v4/deactivate_license?a=b'
    headers['x-padding'] = 'a'.repeat(MAX_HEADER_BYTES - 1 - headBytes('/api/v4/deactivate_license', 'a=b', headers))
    expect(toCoreRequest({ method: 'POST', url, headers }).headersTooLarge).toBeUndefined()
    headers['x-padding'] += 'a'
    expect(toCoreRequest({ method: 'POST', url, headers }).headersTooLarge).toBe(true)
    // The standalone server leaves the check to Node's parser.
    expect(toCoreRequest({ method: 'POST', url, headers, headBounded: true }).headersTooLarge).toBeUndefined()
    const answer = await send(keyBody('DEMO-OK-0001', 'demo-device-2'), { headers: { 'x-padding': 'a'.repeat(15_000) } })
    expect(answer.status).toBe(200)
  })
})
