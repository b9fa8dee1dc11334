// Prism's `Prefer: code=…, example=…` per request: any documented response on demand, state untouched.
import { describe, expect, test } from 'vitest'
import { deactivateLicense } from '../src/core/endpoints/license.ts'
import { TOKEN_PATH } from '../src/core/endpoints/oauth.ts'
import { answeredBy, ERROR_CODES, ERRORS, exampleBody, exampleWire, isOAuthCode } from '../src/core/errors.ts'
import { parsePrefer } from '../src/core/prefer.ts'
import { API_ORIGIN, deviceIn, expectRejected, expectSuccess, keyBody, send, useLicenseMock } from './support/msw.ts'
import { assertConformsToSpec } from './support/spec.ts'

const { mock } = useLicenseMock()
const body = keyBody('DEMO-OK-0001')
const prefer = (value: string) => ({ headers: { Prefer: value } })
const invalid = (reason: string) => `Prefer header cannot be honoured: ${reason}`

describe('code=400, example=<code> answers that example', () => {
  // The License API's codes; the token endpoint's own are below.
  const codes400 = ERROR_CODES.filter((code) => ERRORS[code].status === 400 && answeredBy(code, deactivateLicense))

  test('the errors table has the 400 codes the rule table and the seed codes need', () => {
    expect(codes400).toContain('license_expired')
    expect(codes400).toContain('offline_floating_cloud_not_supported')
    expect(codes400.length).toBeGreaterThanOrEqual(29)
  })

  for (const code of codes400) {
    test(`${code}`, async () => {
      await expectRejected(mock, body, code, exampleBody(code).message, prefer(`code=400, example=${code}`))
    })
  }
})

describe('other documented responses', () => {
  for (const code of ERROR_CODES.filter((candidate) => ERRORS[candidate].status !== 400 && answeredBy(candidate, deactivateLicense))) {
    test(`example=${code} answers ${ERRORS[code].status}`, async () => {
      // not_found names the path that was requested, not the example's.
      const message = code === 'not_found' ? 'Not found: POST /api/v4/deactivate_license' : exampleBody(code).message
      await expectRejected(mock, body, code, message, prefer(`code=${ERRORS[code].status}, example=${code}`))
    })
  }

  test('code=404 names the requested path on every endpoint', async () => {
    const answer = await fetch('https://api.licensespring.com/api/v4/check_license?product=demo', { headers: { prefer: 'code=404' } })
    expect({ status: answer.status, body: await answer.json() }).toEqual({ status: 404, body: { status: 404, code: 'not_found', message: 'Not found: GET /api/v4/check_license' } })
  })

  test('method_not_allowed comes with Allow: POST', async () => {
    const answer = await expectRejected(mock, body, 'method_not_allowed', exampleBody('method_not_allowed').message, prefer('example=method_not_allowed'))
    expect(answer.headers.get('allow')).toBe('POST')
  })

  test('example alone picks the example', async () => {
    await expectRejected(mock, body, 'license_expired', 'License validity period has expired.', prefer('example=license_expired'))
  })

  test('a quoted example is read as the name', async () => {
    await expectRejected(mock, body, 'blacklisted', 'This device is blacklisted', prefer('code=400, example="blacklisted"'))
  })

  test('code=400 alone answers the first 400 example', async () => {
    await expectRejected(mock, body, 'missing_headers', 'Some headers are missing', prefer('code=400'))
  })

  test('a Prefer answer wins over what the request would have got', async () => {
    await expectRejected(mock, keyBody('DEMO-DISABLED'), 'blacklisted', 'This device is blacklisted', prefer('code=400, example=blacklisted'))
  })
})

describe('success on demand', () => {
  test('code=200 answers "license_deactivated" without deactivating anything', async () => {
    const before = await mock.state.get()
    expectSuccess(await send(body, prefer('code=200')))
    expect(await mock.state.get()).toEqual(before)
  })

  test('example=license_deactivated answers success without deactivating anything', async () => {
    const before = await mock.state.get()
    expectSuccess(await send(keyBody('DEMO-EXPIRED'), prefer('code=200, example=license_deactivated')))
    expect(await mock.state.get()).toEqual(before)
  })

  test('a Prefer without code or example (dynamic=true) is ignored: the request is served normally', async () => {
    expectSuccess(await send(body, prefer('dynamic=true')))
    expect(deviceIn(await mock.state.get(), 1001, 'demo-device-1').active).toBe(false)
  })
})

describe("the token endpoint: Keycloak's codes on demand, in Keycloak's shape", () => {
  const token = (value: string) =>
    fetch(`${API_ORIGIN}${TOKEN_PATH}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', prefer: value }, body: 'grant_type=client_credentials&client_id=demo-client-id&client_secret=demo-client-secret' })
  for (const code of ERROR_CODES.filter((candidate) => isOAuthCode(candidate))) {
    test(`example=${code} answers ${ERRORS[code].status} {error, error_description}`, async () => {
      const response = await token(`code=${ERRORS[code].status}, example=${code}`)
      const text = await response.text()
      assertConformsToSpec(response.status, text, TOKEN_PATH, 'post')
      expect({ status: response.status, body: JSON.parse(text) as unknown }).toEqual({ status: ERRORS[code].status, body: exampleWire(code) })
    })
  }

  // Found by fuzzing: code=400 alone answered 422, the first 400 code of the table (missing_headers) being the License API's.
  test.each([
    ['code=400', 'invalid_request'],
    ['code=401', 'invalid_client'],
  ] as const)('%s alone answers the first example of the token endpoint\'s own response, as Prism does: %s', async (value, code) => {
    const response = await token(value)
    const text = await response.text()
    assertConformsToSpec(response.status, text, TOKEN_PATH, 'post')
    expect({ status: response.status, body: JSON.parse(text) as unknown }).toEqual({ status: ERRORS[code].status, body: exampleWire(code) })
  })

  test('a status the token endpoint has no response for is 422, whatever other endpoints answer', async () => {
    const response = await token('code=404')
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 422, body: { status: 422, code: 'invalid_prefer_header', message: invalid('the spec has no 404 response') } })
  })

  test('a License API code is not the token endpoint\'s, nor a Keycloak code the License API\'s: 422', async () => {
    const response = await token('example=license_not_found')
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 422, body: { status: 422, code: 'invalid_prefer_header', message: invalid('oauth_token does not answer license_not_found') } })
    await expectRejected(mock, body, 'invalid_prefer_header', invalid('deactivate_license does not answer invalid_client'), prefer('example=invalid_client'))
  })
})

describe('a Prefer that cannot be honoured → 422 invalid_prefer_header', () => {
  const cases: [string, string][] = [
    ['code=400, example=licence_expired', 'no error example named "licence_expired"'],
    ['code=abc', 'code must be a 3-digit status, got "abc"'],
    ['code=404, example=license_expired', 'example "license_expired" is a 400 response, not 404'],
    ['code=418', 'the spec has no 418 response'],
    ['code=400, example=license_deactivated', 'example "license_deactivated" is a 200 response, not 400'],
  ]
  for (const [value, reason] of cases) {
    test(`Prefer: ${value}`, async () => {
      await expectRejected(mock, body, 'invalid_prefer_header', invalid(reason), prefer(value))
    })
  }
})

describe('parsePrefer', () => {
  test('reads Prism’s grammar with commas or semicolons, any spacing', () => {
    expect(parsePrefer('code=400;example=blacklisted')).toEqual({ ok: true, value: { kind: 'error', code: 'blacklisted' } })
    expect(parsePrefer('  Code = 400 ,  Example = blacklisted ')).toEqual({ ok: true, value: { kind: 'error', code: 'blacklisted' } })
    expect(parsePrefer(undefined)).toEqual({ ok: true, value: undefined })
    expect(parsePrefer('')).toEqual({ ok: true, value: undefined })
  })

  test('code= alone is the first code with that status among those the endpoint answers', () => {
    expect(parsePrefer('code=400')).toEqual({ ok: true, value: { kind: 'error', code: 'missing_headers' } })
    expect(parsePrefer('code=400', (code) => code.startsWith('invalid_'))).toEqual({ ok: true, value: { kind: 'error', code: 'invalid_api_key' } })
    expect(parsePrefer('code=400', () => false).ok).toBe(false)
  })
})
