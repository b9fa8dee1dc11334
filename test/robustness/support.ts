// Generators of hostile and valid License API requests, and the oracle every answer must pass:
// a response the spec declares, no 5xx unless Prefer asked for one, and the state unchanged
// unless the answer is a real 200 (then exactly one device was deactivated).
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { expect } from 'vitest'
import { ERRORS, ERROR_CODES } from '../../src/core/errors.ts'
import { parsePrefer } from '../../src/core/prefer.ts'
import type { SeedInput } from '../../src/core/seed.ts'
import { signDate } from '../../src/core/signature.ts'
import { DEMO_SEED, resolveSeed } from '../../src/seed-file.ts'
import { assertConformsToSpec } from '../support/spec.ts'

/** Runs per property: a few hundred in `npm test`, `FUZZ_RUNS` for `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
/** A property's time budget grows with its runs (about a millisecond each; ten allowed). */
export const FUZZ_TIMEOUT_MS = Math.max(30_000, RUNS * 10)
export const DEACTIVATE = '/api/v4/deactivate_license'
export const DEMO_SEED_FILE = fileURLToPath(DEMO_SEED)
export const DEMO = { apiKey: 'demo-api-key', sharedKey: 'demo-shared-key' } as const

const demo = resolveSeed(DEMO_SEED_FILE)
const LICENSE_KEYS = demo.licenses.flatMap((license) => (license.license_key ? [license.license_key] : []))
const HARDWARE_IDS = [...new Set(demo.licenses.flatMap((license) => license.devices.map((device) => device.hardware_id)))]
const PRODUCTS = demo.products.map((product) => product.short_code)
const USERS = [...new Set(demo.licenses.flatMap((license) => license.users.map((user) => user.email)))]
const API_KEYS = demo.credentials.map((credential) => credential.api_key)
const FIELDS = ['hardware_id', 'product', 'license_key', 'username', 'password', 'id_token', 'code', 'customer_account_code', 'license_id', 'is_vm', 'consumptions', 'vm_info', 'os_ver']
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', '']

/** A request as the generators describe it; `authorization: SIGN` means "sign it correctly". */
export interface FuzzRequest {
  method: string
  path: string
  /** Lower-case names. */
  headers: Record<string, string>
  body?: string | Uint8Array
  /** The request was built to pass authentication (a valid HMAC for the Date it carries). */
  signed: boolean
}

const SIGN = '\u0000sign'

/** Text that JSON.parse reads as an object with exactly these entries, `__proto__` included. */
export function objectText(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`
}

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 4 }),
  fc.constantFrom(...NASTY_KEYS),
)
const anyJson = fc.jsonValue({ maxDepth: 3 })
const fieldValue = (good: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyString }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e308, true, null, [], {}) })

const goodValues: Record<string, fc.Arbitrary<unknown>> = {
  hardware_id: fc.constantFrom(...HARDWARE_IDS),
  product: fc.constantFrom(...PRODUCTS),
  license_key: fc.constantFrom(...LICENSE_KEYS),
  username: fc.constantFrom(...USERS),
  password: fc.constantFrom('demo-password', 'wrong'),
  id_token: fc.constantFrom('demo-id-token', 'nope'),
  code: fc.constantFrom('demo-code', 'nope'),
  customer_account_code: fc.constantFrom('demo-account', 'other'),
  license_id: fc.constantFrom(1001, 2001, 2003, 2004, 9999),
  is_vm: fc.boolean(),
  consumptions: fc.integer({ min: -3, max: 12 }),
  vm_info: fc.string({ maxLength: 10 }),
  os_ver: fc.string({ maxLength: 10 }),
}

/** A body object built from the known fields (good or bad values), random and nasty keys. */
const bodyObject = fc
  .tuple(
    fc.subarray(FIELDS, { minLength: 0 }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...NASTY_KEYS), anyString), anyJson), { maxLength: 3 }),
  )
  .chain(([fields, extra]) =>
    fc.tuple(...fields.map((field) => fieldValue(goodValues[field]).map((value) => [field, value] as const))).map((known) => [...known, ...extra] as [string, unknown][]),
  )
  .chain((entries) => fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }))
  .map(objectText)

/** A body a real client would send: product, hardware_id and the identity, maybe a few extras. */
const plausibleBody = fc
  .record(
    {
      hardware_id: fc.constantFrom(...HARDWARE_IDS),
      product: fc.constantFrom('demo', 'demo', 'demo-user', 'demo-other'),
      license_key: fc.constantFrom(...LICENSE_KEYS),
      username: fc.constantFrom(...USERS),
      is_vm: fc.boolean(),
      consumptions: fc.integer({ min: -3, max: 5 }),
      license_id: fc.constantFrom(1001, 2001, 2003, 2004),
    },
    { requiredKeys: ['hardware_id', 'product'] },
  )
  .map((body) => JSON.stringify(body))

const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.boolean(), fc.boolean())
  .map(([depth, open, balanced, wrapped]) => {
    const close = open === '[' ? ']' : '}'
    const nested = `${open.repeat(depth)}${open === '[' ? '' : '1'}${balanced ? close.repeat(depth) : ''}`
    return wrapped ? `{"hardware_id":"demo-device-1","product":"demo","license_key":${nested}}` : nested
  })

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 300_000 }), fc.constantFrom('x', 'é', '😀', '\\u0000', '"'))
  .map(([size, unit]) => `{"hardware_id":"${unit.repeat(Math.ceil(size / unit.length))}","product":"demo","license_key":"DEMO-OK-0001"}`)

export const bodies: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', 'null', '[]', '{}', '0', '"x"', '{"a":1}{', '\ufeff{}') },
  { weight: 6, arbitrary: bodyObject },
  { weight: 6, arbitrary: plausibleBody },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 2, arbitrary: anyString },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: hugeString },
)

const rfcDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString()
const dates: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(rfcDate(0)) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: -3_600_000, max: 3_600_000 }).map(rfcDate) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'yesterday', '0', 'Mon, 32 Foo 2024 99:99:99 GMT', '2024-01-01T00:00:00Z', 'Sat, 01 Jan 10000 00:00:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT') },
  { weight: 1, arbitrary: anyString },
)

const quoteMaybe = (value: string, quoted: boolean) => (quoted ? `"${value}"` : value)
/** `key="value"` lists with random, missing, duplicated and misspelt parts. */
const hmacList = fc
  .record({
    algorithm: fc.option(fc.oneof(fc.constantFrom('hmac-sha256', 'HMAC-SHA256', 'hmac-sha1', ''), anyString)),
    headers: fc.option(fc.oneof(fc.constantFrom('date', 'Date', 'date host', ''), anyString)),
    signature: fc.option(fc.oneof(fc.constant(SIGN), fc.base64String({ maxLength: 44 }), anyString)),
    apikey: fc.option(fc.oneof(fc.constantFrom(...API_KEYS), anyString)),
    apiKeyName: fc.constantFrom('apikey', 'apiKey', 'APIKEY', 'api_key'),
    extra: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 2 }),
    quoted: fc.boolean(),
    separator: fc.constantFrom(',', ', ', ' ,', ',,', ';'),
  })
  .chain((parts) => {
    const list: string[] = []
    if (parts.algorithm !== null) list.push(`algorithm=${quoteMaybe(parts.algorithm, parts.quoted)}`)
    if (parts.headers !== null) list.push(`headers=${quoteMaybe(parts.headers, parts.quoted)}`)
    if (parts.signature !== null) list.push(`signature=${quoteMaybe(parts.signature, true)}`)
    if (parts.apikey !== null) list.push(`${parts.apiKeyName}=${quoteMaybe(parts.apikey, parts.quoted)}`)
    for (const [key, value] of parts.extra) list.push(`${key}=${quoteMaybe(value, parts.quoted)}`)
    return fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }).map((shuffled) => shuffled.join(parts.separator))
  })

const authorizations: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(SIGN) },
  { weight: 4, arbitrary: hmacList },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', 'Bearer ', 'Bearer demo-bearer-token', 'Basic Zm9vOmJhcg==', '"', '=', ',', 'a=', '=b', 'a="b', 'a="b,c"') },
  { weight: 1, arbitrary: anyString.map((text) => `Bearer ${text}`) },
  { weight: 1, arbitrary: anyString },
)

const prefers: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_CODES).map((code) => `code=${ERRORS[code].status}, example=${code}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.option(anyString)).map(([code, example]) => `code=${code}${example === null ? '' : `, example=${example}`}`) },
  { weight: 1, arbitrary: fc.constantFrom('example=license_deactivated', 'code=200', 'dynamic=true', 'code=abc', 'example=', ';;,,', 'code=400;example=blacklisted') },
  { weight: 1, arbitrary: anyString },
)

const methods = fc.oneof(
  { weight: 8, arbitrary: fc.constant('POST') },
  { weight: 2, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
  { weight: 1, arbitrary: anyString },
)

const paths = fc.oneof(
  { weight: 10, arbitrary: fc.constant(DEACTIVATE) },
  { weight: 1, arbitrary: fc.constantFrom(`${DEACTIVATE}/`, `${DEACTIVATE}//`, '/api/v4/DEACTIVATE_LICENSE', '/api/v4/', '/', '', '/api/v4/deactivate_license/..', '/api/v4/activate_license') },
  { weight: 1, arbitrary: anyString.map((text) => `/api/v4/${text}`) },
  { weight: 1, arbitrary: anyString },
)

const headerNames = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((name) => !SPECIAL_HEADERS.has(name))
/** Headers that change how HTTP itself is read; the raw-socket property sends those. */
export const SPECIAL_HEADERS = new Set(['content-length', 'transfer-encoding', 'host', 'connection', 'expect', 'upgrade', 'date', 'authorization', 'prefer', 'content-type', 'te', 'trailer', 'keep-alive', 'proxy-connection'])

export interface RequestShape {
  /** Only what node:http can put on the wire (latin1 header values, token methods, no spaces in paths). */
  wire: boolean
}

/** Printable latin1 without control characters: what node:http lets a client send in a header. */
const wireSafe = (text: string) => text.replace(/[^\t\x20-\x7e\xa0-\xff]/g, '?')
const pathSafe = (text: string) => (text.startsWith('/') ? '' : '/') + encodeURI(text.replace(/[\ud800-\udfff]/g, '?')).replace(/[^\x21-\x7e]/g, '_')

export function requests({ wire }: RequestShape): fc.Arbitrary<FuzzRequest> {
  const wireMethods = fc.oneof(
    { weight: 8, arbitrary: fc.constant('POST') },
    { weight: 3, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'PURGE', 'REPORT', 'SEARCH') },
  )
  return fc
    .record({
      method: wire ? wireMethods : methods,
      path: wire ? paths.map(pathSafe) : paths,
      date: dates,
      authorization: authorizations,
      prefer: prefers,
      contentType: fc.option(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x')),
      extra: fc.dictionary(headerNames, fc.string({ maxLength: 30 }), { maxKeys: 3 }),
      body: bodies,
      signWith: fc.constantFrom<{ apiKey: string; sharedKey: string }>(DEMO, DEMO, DEMO, { apiKey: 'demo-read-only-api-key', sharedKey: 'demo-shared-key' }, { apiKey: 'demo-restricted-api-key', sharedKey: 'demo-shared-key' }),
    })
    .map(({ method, path, date, authorization, prefer, contentType, extra, body, signWith }) => {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(extra)) headers[name] = value
      let signed = false
      if (date !== undefined) headers.date = date
      if (authorization === SIGN) {
        const signDateText = date ?? rfcDate(0)
        headers.authorization = `algorithm="hmac-sha256",headers="date",signature="${signDate(signWith.sharedKey, signDateText)}",apikey="${signWith.apiKey}"`
        signed = date !== undefined
      } else if (authorization !== undefined) {
        headers.authorization = authorization.includes(SIGN) ? authorization.replaceAll(SIGN, signDate(DEMO.sharedKey, date ?? '')) : authorization
      }
      if (prefer !== undefined) headers.prefer = prefer
      if (contentType !== null) headers['content-type'] = contentType
      if (wire) for (const [name, value] of Object.entries(headers)) headers[name] = wireSafe(value).trim()
      return { method, path, headers, body, signed }
    })
}

/** Prefer forced this 5xx (the only way a 5xx is allowed). */
export function preferForced5xx(prefer: string | undefined): boolean {
  const preference = parsePrefer(prefer)
  return preference !== undefined && !('ok' in preference) && preference.kind === 'error' && ERRORS[preference.code].status >= 500
}

/** Prefer asked for the success example: a 200 that changes nothing. */
export function preferForcedSuccess(prefer: string | undefined): boolean {
  const preference = parsePrefer(prefer)
  return preference !== undefined && !('ok' in preference) && preference.kind === 'success'
}

type License = NonNullable<SeedInput['licenses']>[number]
type Device = NonNullable<License['devices']>[number]

/** What differs between two states: licenses changed, and devices that went from active to inactive. */
export function stateDiff(before: SeedInput, after: SeedInput) {
  const changedLicenses: { before: License; after: License }[] = []
  const deactivated: { license: number; device: Device }[] = []
  const beforeById = new Map((before.licenses ?? []).map((license) => [license.id, license]))
  for (const license of after.licenses ?? []) {
    const old = beforeById.get(license.id)
    if (!old || JSON.stringify(old) !== JSON.stringify(license)) changedLicenses.push({ before: old!, after: license })
    if (!old) continue
    license.devices?.forEach((device, i) => {
      const previous = old.devices?.[i]
      if (previous && previous.active !== false && device.active === false) deactivated.push({ license: license.id!, device })
    })
  }
  const others = (state: SeedInput) => JSON.stringify({ credentials: state.credentials, products: state.products, sso: state.sso, count: state.licenses?.length })
  return { changedLicenses, deactivated, othersChanged: others(before) !== others(after) }
}

/**
 * The oracle. `status`/`text` is what the client saw; `before`/`after` the default tenant's state.
 * `bodyExpected` is false for HEAD and 204 answers.
 */
export function checkAnswer(request: FuzzRequest, status: number, text: string, before: SeedInput, after: SeedInput, bodyExpected = true): 'changed' | 'unchanged' {
  const context = `${request.method} ${request.path.slice(0, 80)} → ${status} ${text.slice(0, 200)}`
  if (status >= 500) expect(preferForced5xx(request.headers.prefer), `a 5xx nobody asked for: ${context}`).toBe(true)
  if (bodyExpected) assertConformsToSpec(status, text)
  const real200 = status === 200 && JSON.parse(text) === 'license_deactivated' && !preferForcedSuccess(request.headers.prefer)
  const beforeText = JSON.stringify(before)
  const afterText = JSON.stringify(after)
  if (!real200 || request.method !== 'POST') {
    expect(afterText === beforeText, `state changed by a request answered ${context}`).toBe(true)
    return 'unchanged'
  }
  const diff = stateDiff(before, after)
  expect(diff.othersChanged, context).toBe(false)
  expect(diff.changedLicenses, context).toHaveLength(1)
  expect(diff.deactivated, context).toHaveLength(1)
  const [{ before: old, after: now }] = diff.changedLicenses
  expect(now.times_activated, context).toBe(Math.max(0, (old.times_activated ?? 0) - 1))
  const body = JSON.parse(typeof request.body === 'string' ? request.body : Buffer.from(request.body ?? []).toString('utf8')) as { hardware_id: string }
  expect(diff.deactivated[0].device.hardware_id).toBe(body.hardware_id)
  return 'changed'
}

/** Correctly signed deactivations of devices that exist: the success path, then device_not_found. */
export const validRequests: fc.Arbitrary<FuzzRequest> = fc
  .record({
    body: fc.oneof(
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', 'demo-device-4', 'demo-device-5'), product: fc.constant('demo'), license_key: fc.constant('DEMO-OK-0001') }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2'), product: fc.constant('demo-user'), username: fc.constant('user@example.com') }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3'), product: fc.constant('demo'), license_key: fc.constant('DEMO-CONSUMPTION'), consumptions: fc.integer({ min: -2, max: 3 }) }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2'), product: fc.constant('demo-user'), id_token: fc.constant('demo-id-token'), customer_account_code: fc.constant('demo-account') }),
    ),
    apiKeyName: fc.constantFrom('apikey', 'apiKey'),
    spaces: fc.boolean(),
  })
  .map(({ body, apiKeyName, spaces }) => {
    const date = new Date().toUTCString()
    const authorization = ['algorithm="hmac-sha256"', 'headers="date"', `signature="${signDate(DEMO.sharedKey, date)}"`, `${apiKeyName}="${DEMO.apiKey}"`].join(spaces ? ', ' : ',')
    return { method: 'POST', path: DEACTIVATE, headers: { date, authorization, 'content-type': 'application/json' }, body: JSON.stringify(body), signed: true }
  })

/** Mostly hostile, sometimes valid: both paths in one stream. */
export function mixedRequests(shape: RequestShape): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 1, arbitrary: validRequests }, { weight: 3, arbitrary: requests(shape) })
}
