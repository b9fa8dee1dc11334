// The License API Authorization header (rows 2–9 and 14): the docs' HMAC test vector, every auth
// error through msw and fetch, and the spellings real SDKs send.
import { describe, expect, test } from 'vitest'
import { createHandlers } from '../src/adapters/msw.ts'
import { checkDate } from '../src/core/auth.ts'
import { createEngine } from '../src/core/engine.ts'
import { validateSeed } from '../src/core/seed.ts'
import { signDate, signedHeaders } from '../src/core/signature.ts'
import { DEMO, deviceIn, expectError, expectRejected, expectSuccess, keyBody, send, useLicenseMock } from './support/msw.ts'

const harness = useLicenseMock()
const { mock } = harness
const minutesFromNow = (n: number) => new Date(Date.now() + n * 60_000)
const body = keyBody('DEMO-OK-0001')
const dateDiffMessage = (date: string) => `Date header is invalid or differs from server time by more than 15 minutes: ${date}`

/** The demo credentials' Authorization header with these parameters, in this order. */
const authorization = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([name, value]) => `${name}="${value}"`)
    .join(',')

describe('the signature', () => {
  test('matches the docs’ test vector', () => {
    expect(signDate('kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja', 'Tue, 07 Jun 2011 20:51:35 GMT')).toBe('UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=')
  })

  test('signedHeaders builds the header the Node SDK sends', () => {
    const date = 'Tue, 07 Jun 2011 20:51:35 GMT'
    expect(signedHeaders({ apiKey: 'k', sharedKey: 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja' }, { date })).toEqual({
      Date: date,
      Authorization: 'algorithm="hmac-sha256",headers="date",signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=",apikey="k"',
    })
    expect(signedHeaders({ apiKey: 'k', sharedKey: 's' }, { date, apiKeyName: 'apiKey', spaces: true }).Authorization).toMatch(
      /^algorithm="hmac-sha256", headers="date", signature="[^"]+", apiKey="k"$/,
    )
  })

  test('a request signed as in the docs is accepted when the server’s real time is the docs’ Date', async () => {
    const parsed = validateSeed({
      credentials: [{ api_key: 'docs-api-key', shared_key: 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja' }],
      products: [{ short_code: 'demo' }],
      licenses: [{ id: 1, product: 'demo', license_key: 'K', devices: [{ hardware_id: 'hw' }] }],
    })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    const date = 'Tue, 07 Jun 2011 20:51:35 GMT'
    const engine = createEngine({ seed: parsed.seed, realNow: () => Date.parse(date) + 60_000 })
    harness.server.use(...createHandlers(engine))
    const headers = {
      Date: date,
      Authorization: 'algorithm="hmac-sha256", headers="date", signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=", apikey="docs-api-key"',
    }
    expectSuccess(await send({ hardware_id: 'hw', product: 'demo', license_key: 'K' }, { headers }))
  })
})

describe('headers present (row 2)', () => {
  test('no Date → missing_headers', async () => {
    await expectRejected(mock, body, 'missing_headers', 'Some headers are missing', { headers: { Date: undefined } })
  })

  test('no Authorization → missing_headers', async () => {
    await expectRejected(mock, body, 'missing_headers', 'Some headers are missing', { headers: { Authorization: undefined } })
  })

  test('an empty Date → missing_headers', async () => {
    await expectRejected(mock, body, 'missing_headers', 'Some headers are missing', { headers: { Date: '' } })
  })

  test('neither → missing_headers', async () => {
    await expectRejected(mock, body, 'missing_headers', 'Some headers are missing', { headers: { Date: undefined, Authorization: undefined } })
  })
})

describe('Authorization shape (rows 3–5)', () => {
  test('garbage → authorization_invalid_headers quoting what could not be read', async () => {
    await expectRejected(mock, body, 'authorization_invalid_headers', 'Provided Authorization header is malformed: cannot read "garbage"; expected key="value"', {
      headers: { Authorization: 'garbage' },
    })
  })

  test('Basic credentials → authorization_invalid_headers', async () => {
    await expectRejected(mock, body, 'authorization_invalid_headers', /^Provided Authorization header is malformed: cannot read "Basic /, {
      headers: { Authorization: 'Basic ZGVtbzpkZW1v' },
    })
  })

  test('headers other than "date" → authorization_invalid_headers', async () => {
    const signed = signedHeaders(DEMO)
    await expectRejected(mock, body, 'authorization_invalid_headers', 'Provided Authorization header is malformed: headers must be "date"', {
      headers: { Authorization: signed.Authorization.replace('headers="date"', 'headers="date host"') },
    })
  })

  for (const missing of ['algorithm', 'headers', 'signature', 'apikey']) {
    test(`no ${missing} → authorization_missing_params naming it`, async () => {
      const signed = signedHeaders(DEMO)
      const params: Record<string, string> = { algorithm: 'hmac-sha256', headers: 'date', signature: signDate(DEMO.sharedKey, signed.Date), apikey: DEMO.apiKey }
      delete params[missing]
      await expectRejected(mock, body, 'authorization_missing_params', `Some parameters are missing in authorization: ${missing}`, {
        headers: { Date: signed.Date, Authorization: authorization(params) },
      })
    })
  }

  test('an empty value counts as missing, and every missing parameter is named', async () => {
    await expectRejected(mock, body, 'authorization_missing_params', 'Some parameters are missing in authorization: signature, apikey', {
      headers: { Authorization: 'algorithm="hmac-sha256",headers="date",signature=""' },
    })
  })

  test('algorithm="hmac-sha1" → hmac_required', async () => {
    const signed = signedHeaders(DEMO)
    await expectRejected(mock, body, 'hmac_required', 'HMAC is required algorithm: use algorithm="hmac-sha256"', {
      headers: { Authorization: signed.Authorization.replace('hmac-sha256', 'hmac-sha1') },
    })
  })
})

describe('API key (rows 6, 9 and 14)', () => {
  test('unknown key → invalid_api_key', async () => {
    await expectRejected(mock, body, 'invalid_api_key', 'Provided api key is not valid', { credentials: { apiKey: 'who-knows', sharedKey: DEMO.sharedKey } })
  })

  test('revoked key → revoked_api_key', async () => {
    await expectRejected(mock, body, 'revoked_api_key', 'Provided api key is revoked', {
      credentials: { apiKey: 'demo-revoked-api-key', sharedKey: DEMO.sharedKey },
    })
  })

  test('read-only key → read_only_api_key', async () => {
    await expectRejected(mock, body, 'read_only_api_key', 'Provided api key is read only', {
      credentials: { apiKey: 'demo-read-only-api-key', sharedKey: DEMO.sharedKey },
    })
  })

  test('key restricted to other products → api_key_product_not_allowed', async () => {
    await expectRejected(mock, body, 'api_key_product_not_allowed', 'Provided api key does not allow access to this product', {
      credentials: { apiKey: 'demo-restricted-api-key', sharedKey: DEMO.sharedKey },
    })
  })
})

describe('Date window (row 7): real time, ±15 minutes', () => {
  test('16 minutes old → date_header_diff', async () => {
    const date = minutesFromNow(-16).toUTCString()
    await expectRejected(mock, body, 'date_header_diff', dateDiffMessage(date), { date })
  })

  test('16 minutes in the future → date_header_diff', async () => {
    const date = minutesFromNow(16).toUTCString()
    await expectRejected(mock, body, 'date_header_diff', dateDiffMessage(date), { date })
  })

  test('unparseable → date_header_diff', async () => {
    await expectRejected(mock, body, 'date_header_diff', dateDiffMessage('yesterday at noon'), { date: 'yesterday at noon' })
  })

  test('an ISO 8601 date instead of the HTTP date format → date_header_diff', async () => {
    const date = new Date().toISOString()
    await expectRejected(mock, body, 'date_header_diff', dateDiffMessage(date), { date })
  })

  test('14 minutes old is accepted', async () => {
    expectSuccess(await send(body, { date: minutesFromNow(-14) }))
  })

  test('14 minutes in the future is accepted', async () => {
    expectSuccess(await send(body, { date: minutesFromNow(14) }))
  })

  test('the mock clock does not move the window: the client signs with its own clock', async () => {
    mock.clock.set(new Date('2090-01-01T00:00:00Z'))
    expectSuccess(await send(body))
  })

  test('the boundary: exactly 15 minutes is inside, a second more is not', () => {
    const date = 'Tue, 07 Jun 2011 20:51:35 GMT'
    const at = Date.parse(date)
    expect(checkDate(date, at + 15 * 60_000)).toBeUndefined()
    expect(checkDate(date, at - 15 * 60_000)).toBeUndefined()
    expect(checkDate(date, at + 15 * 60_000 + 1000)?.error.code).toBe('date_header_diff')
  })
})

describe('signature (row 8)', () => {
  test('signed with the wrong shared key → signature_mismatch', async () => {
    await expectRejected(mock, body, 'signature_mismatch', 'Signature mismatch', { credentials: { apiKey: DEMO.apiKey, sharedKey: 'guess' } })
  })

  test('a signature of another Date → signature_mismatch', async () => {
    const signed = signedHeaders(DEMO, { date: minutesFromNow(-1) })
    await expectRejected(mock, body, 'signature_mismatch', 'Signature mismatch', { headers: { Authorization: signed.Authorization } })
  })
})

describe('what real clients send is accepted', () => {
  test('apiKey (the Python SDK’s spelling)', async () => {
    expectSuccess(await send(body, { apiKeyName: 'apiKey' }))
    expect(deviceIn(await mock.state.get(), 1001, 'demo-device-1').active).toBe(false)
  })

  test('spaces after commas (the docs’ example)', async () => {
    expectSuccess(await send(body, { spaces: true }))
  })

  test('apiKey with spaces', async () => {
    expectSuccess(await send(body, { apiKeyName: 'apiKey', spaces: true }))
  })

  test('Authorization: Bearer demo-bearer-token', async () => {
    expectSuccess(await send(body, { headers: { Authorization: 'Bearer demo-bearer-token' } }))
    expect(deviceIn(await mock.state.get(), 1001, 'demo-device-1').active).toBe(false)
  })

  test('a bearer token neither in the seed nor issued here → oauth_token_malformed', async () => {
    await expectRejected(mock, body, 'oauth_token_malformed', 'The access token is malformed or was not issued here', { headers: { Authorization: 'Bearer stolen-token' } })
  })

  test('a bearer token still needs a current Date', async () => {
    const date = minutesFromNow(-30).toUTCString()
    const answer = await send(body, { date, headers: { Authorization: 'Bearer demo-bearer-token' } })
    expectError(answer, 'date_header_diff', dateDiffMessage(date))
  })
})
