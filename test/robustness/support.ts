// Generators of hostile and valid License API requests (deactivate_license, activate_license and
// check_license), and the oracle every answer must pass: a response the spec declares for the
// endpoint (signed 200s carry the LicenseSignature header, and it verifies), no 5xx unless Prefer
// asked for one, and the state unchanged unless the answer is a real success: a deactivation
// (exactly one device deactivated) or an activation (exactly one device activated). A check
// never changes anything.
import { verify } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { expect } from 'vitest'
import { MAX_BODY_BYTES } from '../../src/core/engine.ts'
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
export const ACTIVATE = '/api/v4/activate_license'
export const CHECK = '/api/v4/check_license'
/** The License API's endpoints: path → the one method the spec declares there. */
export const ENDPOINTS: Readonly<Record<string, 'POST' | 'GET'>> = { [DEACTIVATE]: 'POST', [ACTIVATE]: 'POST', [CHECK]: 'GET' }
export const DEMO_SEED_FILE = fileURLToPath(DEMO_SEED)
export const DEMO = { apiKey: 'demo-api-key', sharedKey: 'demo-shared-key' } as const

const demo = resolveSeed(DEMO_SEED_FILE)
const LICENSE_KEYS = demo.licenses.flatMap((license) => (license.license_key ? [license.license_key] : []))
/** Hardware ids no demo license has: activations of these add device rows. */
export const NEW_DEVICES = ['fuzz-device-1', 'fuzz-device-2'] as const
const HARDWARE_IDS = [...new Set(demo.licenses.flatMap((license) => license.devices.map((device) => device.hardware_id))), ...NEW_DEVICES]
const PRODUCTS = demo.products.map((product) => product.short_code)
const USERS = [...new Set(demo.licenses.flatMap((license) => license.users.map((user) => user.email)))]
const API_KEYS = demo.credentials.flatMap((credential) => (credential.api_key === undefined ? [] : [credential.api_key]))
const FIELDS = [
  'hardware_id',
  'product',
  'license_key',
  'username',
  'password',
  'id_token',
  'code',
  'customer_account_code',
  'license_id',
  'is_vm',
  'consumptions',
  'vm_info',
  'os_ver',
  // Activation-only fields (unknown to deactivation).
  'redirect_uri',
  'bundle_code',
  'variables',
  'hostname',
  'sdk_ver',
]
/** check_license's query parameters (others are ignored). */
const QUERY_FIELDS = ['hardware_id', 'product', 'license_key', 'username', 'license_id', 'include_expired_features', 'bundle_code', 'env', 'channel', 'sdk_ver', 'app_ver', 'os_ver', 'hostname', 'ip', 'mac_address']
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', '']

/** A request as the generators describe it; `authorization: SIGN` means "sign it correctly". */
export interface FuzzRequest {
  method: string
  /** The path as sent; what follows a `?` in it is the query string, as on the wire. */
  path: string
  /** The query string without its `?`, sent after the path when present. */
  query?: string
  /** Lower-case names. */
  headers: Record<string, string>
  body?: string | Uint8Array
  /** The request was built to pass authentication (a valid HMAC for the Date it carries). */
  signed: boolean
}

const SIGN = '\u0000sign'
/** A method generator's stand-in for "the method the path's endpoint takes" (POST elsewhere). */
const NATURAL = '\u0000natural'

/** Text that JSON.parse reads as an object with exactly these entries, `__proto__` included. */
export function objectText(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`
}

/** The request-target as sent: the path, then `?query` when there is one. */
export function targetOf(request: Pick<FuzzRequest, 'path' | 'query'>): string {
  return request.query === undefined ? request.path : `${request.path}?${request.query}`
}

/** The request-target split as the HTTP adapter does: the path up to the first `?`, the query after it. */
export function splitTarget(request: Pick<FuzzRequest, 'path' | 'query'>): { path: string; query: string } {
  const target = targetOf(request)
  const q = target.indexOf('?')
  return q === -1 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) }
}

/** The endpoint the engine routes the request to (one trailing slash ignored), if any. */
export function endpointOf(request: Pick<FuzzRequest, 'path' | 'query'>): string | undefined {
  const { path } = splitTarget(request)
  const normalized = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  return Object.hasOwn(ENDPOINTS, normalized) ? normalized : undefined
}

const bodyText = (body: string | Uint8Array | undefined) => (body === undefined ? undefined : typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))
/** The adapters answer 413 before reading a body over the limit. */
export const isTooLarge = (request: FuzzRequest) => request.body !== undefined && Buffer.byteLength(request.body) > MAX_BODY_BYTES

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
  license_id: fc.constantFrom(1001, 1007, 2001, 2003, 2004, 9999),
  is_vm: fc.boolean(),
  consumptions: fc.integer({ min: -3, max: 12 }),
  vm_info: fc.string({ maxLength: 10 }),
  os_ver: fc.string({ maxLength: 10 }),
  redirect_uri: fc.constantFrom('https://example.com/callback', ''),
  bundle_code: fc.string({ maxLength: 10 }),
  variables: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 3 }),
  hostname: fc.string({ maxLength: 10 }),
  sdk_ver: fc.constantFrom('1.4.17', ''),
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
      password: fc.constantFrom('demo-password', 'wrong'),
      is_vm: fc.boolean(),
      consumptions: fc.integer({ min: -3, max: 5 }),
      license_id: fc.constantFrom(1001, 1007, 2001, 2003, 2004),
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

/** `name=value` pairs joined by `&`: each part percent-encoded (any text survives) or raw. */
const pairsText = (pairs: readonly (readonly [string, string])[], encoded: boolean, separator: string) =>
  encoded ? new URLSearchParams(pairs.map(([name, value]): [string, string] => [name, value])).toString().replaceAll('&', separator) : pairs.map(([name, value]) => `${name}=${value}`).join(separator)

const queryValues: Record<string, fc.Arbitrary<string>> = {
  hardware_id: fc.constantFrom(...HARDWARE_IDS),
  product: fc.constantFrom(...PRODUCTS),
  license_key: fc.constantFrom(...LICENSE_KEYS),
  username: fc.constantFrom(...USERS),
  license_id: fc.constantFrom('1001', '1007', '2001', '9999', '-1', '1.5', '1e3', '0x10', '', 'null', '9007199254740993'),
  include_expired_features: fc.constantFrom('true', 'false', '1', '0', 'yes', ''),
}
const queryValue = (name: string) =>
  fc.oneof({ weight: 4, arbitrary: Object.hasOwn(queryValues, name) ? queryValues[name] : fc.string({ maxLength: 10 }) }, { weight: 1, arbitrary: anyString }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '+', '%', '%zz', '%00', '&', '=', '#', '?') })

/** A query a real client would send: hardware_id, product and the identity, maybe extras. */
const plausibleQuery = fc
  .record(
    {
      hardware_id: queryValues.hardware_id,
      product: fc.constantFrom('demo', 'demo', 'demo-user', 'demo-other'),
      license_key: queryValues.license_key,
      username: queryValues.username,
      license_id: queryValues.license_id,
      include_expired_features: queryValues.include_expired_features,
      env: fc.constantFrom('win', 'mac', ''),
    },
    { requiredKeys: ['hardware_id', 'product'] },
  )
  .map((query) => new URLSearchParams(query).toString())

/** Known and unknown names, repeated ones, good and hostile values, encoded or raw. */
const pairQuery = fc
  .tuple(
    fc.array(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_FIELDS) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS, 'hardware_id[]', 'HARDWARE_ID', 'product ') }, { weight: 1, arbitrary: anyString }).chain((name) =>
        queryValue(name).map((value) => [name, value] as const),
      ),
      { maxLength: 6 },
    ),
    fc.boolean(),
    fc.constantFrom('&', '&', '&&', ';', '&amp;'),
  )
  .map(([pairs, encoded, separator]) => pairsText(pairs, encoded, separator))

export const queries: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: plausibleQuery },
  { weight: 3, arbitrary: pairQuery },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '?', '&', '&&&', '=', '==', 'a', '%', '%zz', '%00', '%ff%fe', 'hardware_id', 'hardware_id=', 'hardware_id=&product=', '__proto__=x', 'constructor=x&prototype=y', 'hardware_id=a&hardware_id=b', '+=+', 'hardware_id=demo-device-1&product=demo&license_key=DEMO-OK-0001&license_id=1001.0'),
  },
  { weight: 1, arbitrary: anyString },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('x', '%C3%A9', '%F0%9F%98%80', '&a=b')).map(([size, unit]) => `hardware_id=${unit.repeat(Math.ceil(size / unit.length))}&product=demo&license_key=DEMO-OK-0001`) },
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
  { weight: 1, arbitrary: fc.constantFrom('example=license_deactivated', 'code=200', 'dynamic=true', 'code=abc', 'example=', ';;,,', 'code=400;example=blacklisted', 'code=400, example=license_device_exists') },
  { weight: 1, arbitrary: anyString },
)

/** Mostly the endpoint's own method, often the other endpoints' one, sometimes anything. */
const methods = fc.oneof(
  { weight: 6, arbitrary: fc.constant(NATURAL) },
  { weight: 2, arbitrary: fc.constantFrom('POST', 'GET') },
  { weight: 2, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
  { weight: 1, arbitrary: anyString },
)

const paths = fc.oneof(
  { weight: 5, arbitrary: fc.constant(DEACTIVATE) },
  { weight: 4, arbitrary: fc.constant(ACTIVATE) },
  { weight: 4, arbitrary: fc.constant(CHECK) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      `${DEACTIVATE}/`,
      `${DEACTIVATE}//`,
      '/api/v4/DEACTIVATE_LICENSE',
      '/api/v4/',
      '/',
      '',
      '/api/v4/deactivate_license/..',
      `${ACTIVATE}/`,
      `${CHECK}/`,
      `${CHECK}//`,
      '/api/v4/CHECK_LICENSE',
      '/api/v4/check_licence',
      '/api/v4/activate_license/..',
      '/api/v4/check_license/?',
      '/api/v4/check_license?',
      '/api/v4/activate_license?hardware_id=x',
    ),
  },
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
/** A query node:http can send: printable ASCII kept (`%`, `&`, `=`, `?` included), anything else percent-encoded. */
const querySafe = (text: string) => text.replace(/[\ud800-\udfff]/g, '?').replace(/[^\x21-\x7e]|#/gu, (char) => encodeURIComponent(char))

export function requests({ wire }: RequestShape): fc.Arbitrary<FuzzRequest> {
  const wireMethods = fc.oneof(
    { weight: 6, arbitrary: fc.constant(NATURAL) },
    { weight: 2, arbitrary: fc.constantFrom('POST', 'GET') },
    { weight: 3, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'PURGE', 'REPORT', 'SEARCH') },
  )
  return fc
    .record({
      method: wire ? wireMethods : methods,
      path: wire ? paths.map(pathSafe) : paths,
      // On the wire, node's own limit (16 KiB of request line and headers) would answer 431 first.
      query: wire ? queries.map((query) => (query === undefined ? undefined : querySafe(query).slice(0, 12_000))) : queries,
      date: dates,
      authorization: authorizations,
      prefer: prefers,
      contentType: fc.option(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x')),
      extra: fc.dictionary(headerNames, fc.string({ maxLength: 30 }), { maxKeys: 3 }),
      body: bodies,
      signWith: fc.constantFrom<{ apiKey: string; sharedKey: string }>(DEMO, DEMO, DEMO, { apiKey: 'demo-read-only-api-key', sharedKey: 'demo-shared-key' }, { apiKey: 'demo-restricted-api-key', sharedKey: 'demo-shared-key' }),
    })
    .map(({ method, path, query, date, authorization, prefer, contentType, extra, body, signWith }) => {
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
      const resolved = method === NATURAL ? (ENDPOINTS[endpointOf({ path, query }) ?? ''] ?? 'POST') : method
      return { method: resolved, path, ...(query === undefined ? {} : { query }), headers, body, signed }
    })
}

/** Prefer forced this 5xx (the only way a 5xx is allowed). */
export function preferForced5xx(prefer: string | undefined): boolean {
  const preference = parsePrefer(prefer)
  return preference.ok && preference.value?.kind === 'error' && ERRORS[preference.value.code].status >= 500
}

/** Prefer asked for the success example: a 200 that changes nothing on deactivation, a 422 elsewhere. */
export function preferForcedSuccess(prefer: string | undefined): boolean {
  const preference = parsePrefer(prefer)
  return preference.ok && preference.value?.kind === 'success'
}

type License = NonNullable<SeedInput['licenses']>[number]
type Device = NonNullable<License['devices']>[number]
type User = NonNullable<License['users']>[number]

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

/** What the client saw. `headers` (lower-case names) when the caller has them: then required headers are checked. */
export interface Answer {
  status: number
  text: string
  headers?: Readonly<Record<string, string | string[] | undefined>>
}

export interface OracleOptions {
  /** False for HEAD and 204 answers. */
  bodyExpected?: boolean
  /** The server's public key (SPKI PEM): signed answers must verify with it. */
  publicKey?: string
}

export interface Verdict {
  /** The state changed (a real deactivation or activation). */
  changed: boolean
  /** `<endpoint> <code>`: `activate_license license_activated`, `check_license device_not_found`, `other not_found`… */
  outcome: string
}

/** The code of an answer: the error code, or the success (license_deactivated, license_activated, license_checked). */
export function codeOfAnswer(status: number, text: string): string {
  if (text === '') return `http_${status}`
  const body = JSON.parse(text) as unknown
  if (status !== 200) return (body as { code: string }).code
  if (typeof body === 'string') return body
  return (body as { request?: unknown }).request === 'activation' ? 'license_activated' : 'license_checked'
}

const endpointName = (endpoint: string | undefined) => (endpoint === undefined ? 'other' : endpoint.slice(endpoint.lastIndexOf('/') + 1))

/**
 * The oracle. `answer` is what the client saw; `before`/`after` the default tenant's state.
 */
export function checkAnswer(request: FuzzRequest, answer: Answer, before: SeedInput, after: SeedInput, options: OracleOptions = {}): Verdict {
  const { status, text } = answer
  const bodyExpected = options.bodyExpected ?? true
  const context = `${request.method} ${targetOf(request).slice(0, 120)} → ${status} ${text.slice(0, 200)}`
  const endpoint = endpointOf(request)
  if (status >= 500) expect(preferForced5xx(request.headers.prefer), `a 5xx nobody asked for: ${context}`).toBe(true)
  // Paths the spec lacks answer as deactivation does (404); each endpoint has its own responses.
  const specPath = endpoint ?? DEACTIVATE
  if (bodyExpected) assertConformsToSpec(status, text, specPath, ENDPOINTS[specPath].toLowerCase(), answer.headers)
  const code = bodyExpected ? codeOfAnswer(status, text) : `http_${status}`
  const verdict = (changed: boolean): Verdict => ({ changed, outcome: `${endpointName(endpoint)} ${code}` })

  // Row 1 comes first: another method on an endpoint's path is refused whatever else is wrong
  // (OPTIONS is the HTTP adapter's CORS preflight).
  if (endpoint !== undefined && request.method !== ENDPOINTS[endpoint] && !(request.method === 'OPTIONS' && status === 204)) {
    expect(status, `another method than ${ENDPOINTS[endpoint]}: ${context}`).toBe(405)
    if (answer.headers) expect(answer.headers.allow, context).toBe(ENDPOINTS[endpoint])
  }
  // Prefer cannot force a signed License: the success example is refused on activate and check.
  const routed = endpoint !== undefined && request.method === ENDPOINTS[endpoint] && !isTooLarge(request)
  if (routed && endpoint !== DEACTIVATE && preferForcedSuccess(request.headers.prefer)) {
    expect({ status, code }, context).toEqual({ status: 422, code: 'invalid_prefer_header' })
  }

  const beforeText = JSON.stringify(before)
  const afterText = JSON.stringify(after)
  const unchanged = () => {
    expect(afterText === beforeText, `state changed by a request answered ${context}`).toBe(true)
    return verdict(false)
  }
  if (status !== 200 || !routed) return unchanged()

  if (endpoint === DEACTIVATE) {
    const real200 = JSON.parse(text) === 'license_deactivated' && !preferForcedSuccess(request.headers.prefer)
    if (!real200) return unchanged()
    const diff = stateDiff(before, after)
    expect(diff.othersChanged, context).toBe(false)
    expect(diff.changedLicenses, context).toHaveLength(1)
    expect(diff.deactivated, context).toHaveLength(1)
    const [{ before: old, after: now }] = diff.changedLicenses
    expect(now.times_activated, context).toBe(Math.max(0, (old.times_activated ?? 0) - 1))
    const body = JSON.parse(bodyText(request.body) ?? '') as { hardware_id: string }
    expect(diff.deactivated[0].device.hardware_id).toBe(body.hardware_id)
    return verdict(true)
  }

  // A signed License: the v2 header over the exact body, the v1 body field over the device, the id and the validity.
  const license = JSON.parse(text) as SignedLicense
  const sent = (endpoint === ACTIVATE ? JSON.parse(bodyText(request.body) ?? '') : firstValues(splitTarget(request).query)) as Sent
  if (answer.headers) expect(answer.headers.licensesignature, context).toEqual(expect.stringMatching(/^[A-Za-z0-9+/]+=*$/))
  if (options.publicKey) {
    if (answer.headers) expect(verifies(options.publicKey, text, answer.headers.licensesignature as string), `v2 signature: ${context}`).toBe(true)
    const id = typeof sent.username === 'string' ? sent.username.split('|')[0] : license.user && endpoint === ACTIVATE ? license.user.email.split('|')[0] : (sent.license_key ?? license.license_key ?? '')
    const v1Text = `${sent.hardware_id}#${id}#${license.validity_period ?? ''}`.toLowerCase()
    expect(verifies(options.publicKey, v1Text, license.license_signature), `v1 signature over "${v1Text}": ${context}`).toBe(true)
  }

  if (endpoint === CHECK) {
    // A check answers the live state and changes nothing.
    const current = after.licenses?.find((candidate) => candidate.id === license.id)
    expect(current, context).toBeDefined()
    expect(current!.devices?.some((device) => device.hardware_id === sent.hardware_id && device.active !== false), `checked a device that is not active: ${context}`).toBe(true)
    expect({ active: license.license_active, times_activated: license.times_activated, transfer_count: license.transfer_count }, context).toEqual({
      active: true,
      times_activated: current!.times_activated,
      transfer_count: current!.transfer_count,
    })
    expectFloatingCount(license, current!, context)
    return unchanged()
  }

  expectOneActivation(before, after, sent, license, context)
  return verdict(true)
}

interface SignedLicense {
  id: number
  license_key?: string
  hardware_id?: string
  license_active?: boolean
  times_activated: number
  transfer_count: number
  validity_period: string | null
  license_signature: string
  user?: { email: string }
  floating_in_use_devices?: number
}
/** The fields of the request (activation body or check query) the oracle reads. */
interface Sent {
  hardware_id: string
  username?: unknown
  license_key?: string
  is_vm?: boolean
}

/** A query string as the engine reads it: the first value of a repeated name wins. */
function firstValues(query: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of new URLSearchParams(query)) if (!Object.hasOwn(out, name)) out[name] = value
  return out
}

const verifies = (publicKey: string, data: string, signature: string) => verify('RSA-SHA256', Buffer.from(data, 'utf8'), publicKey, Buffer.from(signature, 'base64'))

/**
 * A transfer is an activation on another hardware_id than the device the license was last
 * activated on, while that device is inactive. Which device that was is the rules' business
 * (test/robustness/findings.test.ts pins a case); here only what any reading allows: with no
 * inactive row of another hardware_id there is no transfer.
 */
function mayTransfer(license: License, hardwareId: string): boolean {
  return (license.devices ?? []).some((device) => device.active === false && device.hardware_id !== hardwareId)
}

/** A floating license's answer counts the slots its active rows hold. */
function expectFloatingCount(answered: SignedLicense, license: License, context: string): void {
  if (!license.is_floating && !license.is_floating_cloud) return
  const inUse = (license.devices ?? []).filter((device) => device.active !== false && device.floating_in_use === true).length
  expect(answered.floating_in_use_devices, `floating_in_use_devices: ${context}`).toBe(inUse)
}

const without = <T extends object>(value: T, keys: readonly string[]) => JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))))

/**
 * A real activation: exactly one license changed, times_activated + 1, a row with the request's
 * hardware_id active (its latest inactive row brought back, or a new row appended), transfer_count
 * + 1 on a transfer, the acting user's total_activations + 1; nothing else.
 */
function expectOneActivation(before: SeedInput, after: SeedInput, sent: Sent, answered: SignedLicense, context: string): void {
  const diff = stateDiff(before, after)
  expect(diff.othersChanged, context).toBe(false)
  expect(diff.changedLicenses, context).toHaveLength(1)
  expect(diff.deactivated, context).toEqual([])
  const [{ before: old, after: now }] = diff.changedLicenses
  const hardwareId = sent.hardware_id
  expect(answered.id, context).toBe(now.id)
  expect(answered.hardware_id, context).toBe(hardwareId)
  expectFloatingCount(answered, now, context)

  // Counters.
  expect(now.times_activated, context).toBe((old.times_activated ?? 0) + 1)
  const transfers = (now.transfer_count ?? 0) - (old.transfer_count ?? 0)
  expect(mayTransfer(old, hardwareId) ? [0, 1] : [0], `transfer_count + ${transfers}: ${context}`).toContain(transfers)
  expect({ times_activated: answered.times_activated, transfer_count: answered.transfer_count }, context).toEqual({ times_activated: now.times_activated, transfer_count: now.transfer_count })
  const acting = answered.user?.email.toLowerCase()
  const users = (license: License, bump: boolean) =>
    (license.users ?? []).map((user: User) => ({ ...user, total_activations: (user.total_activations ?? 0) + (bump && user.email.toLowerCase() === acting ? 1 : 0) }))
  expect(users(now, false), context).toEqual(users(old, true))
  if (acting !== undefined) expect((old.users ?? []).some((user) => user.email.toLowerCase() === acting), context).toBe(true)
  expect(without(now, ['times_activated', 'transfer_count', 'users', 'devices']), context).toBe(without(old, ['times_activated', 'transfer_count', 'users', 'devices']))

  // Devices: no row of this hardware_id was active; its latest row is brought back, or one is appended.
  const oldDevices = old.devices ?? []
  const newDevices = now.devices ?? []
  const rows = oldDevices.flatMap((device, i) => (device.hardware_id === hardwareId ? [i] : []))
  expect(rows.some((i) => oldDevices[i].active !== false), `activated a device already active: ${context}`).toBe(false)
  const reused = rows.length > 0 ? rows.at(-1)! : oldDevices.length
  expect(newDevices.length, context).toBe(rows.length > 0 ? oldDevices.length : oldDevices.length + 1)
  newDevices.forEach((device, i) => {
    if (i !== reused) expect(device, `device row ${i} changed: ${context}`).toEqual(oldDevices[i])
  })
  const row = newDevices[reused]
  expect({ hardware_id: row.hardware_id, active: row.active, is_vm: row.is_vm }, context).toEqual({ hardware_id: hardwareId, active: true, is_vm: sent.is_vm ?? false })
  expect(row.time_activated, context).toEqual(expect.any(String))
  expect(row.time_deactivated, context).toBeUndefined()
  if (acting !== undefined) expect(row.user?.toLowerCase(), context).toBe(acting)
  if (now.is_floating || now.is_floating_cloud) expect(row.floating_in_use, `a floating activation takes a slot: ${context}`).toBe(true)
  if (rows.length > 0) {
    const changedFields = ['active', 'is_vm', 'user', 'time_activated', 'time_deactivated', 'floating_in_use']
    expect(without(row, changedFields), context).toBe(without(oldDevices[reused], changedFields))
  }
}

const signedHeaders = (apiKeyName: string, spaces: boolean) => {
  const date = new Date().toUTCString()
  const authorization = ['algorithm="hmac-sha256"', 'headers="date"', `signature="${signDate(DEMO.sharedKey, date)}"`, `${apiKeyName}="${DEMO.apiKey}"`].join(spaces ? ', ' : ',')
  return { date, authorization }
}
const signing = { apiKeyName: fc.constantFrom('apikey', 'apiKey'), spaces: fc.boolean() }

/** Correctly signed deactivations of devices that exist: the success path, then device_not_found. */
export const validDeactivations: fc.Arbitrary<FuzzRequest> = fc
  .record({
    body: fc.oneof(
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', 'demo-device-4', 'demo-device-5'), product: fc.constant('demo'), license_key: fc.constant('DEMO-OK-0001') }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2'), product: fc.constant('demo-user'), username: fc.constant('user@example.com') }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3'), product: fc.constant('demo'), license_key: fc.constant('DEMO-CONSUMPTION'), consumptions: fc.integer({ min: -2, max: 3 }) }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2'), product: fc.constant('demo-user'), id_token: fc.constant('demo-id-token'), customer_account_code: fc.constant('demo-account') }),
      // Devices that activations added.
      fc.record({ hardware_id: fc.constantFrom(...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constantFrom('DEMO-NEVER-ACTIVATED', 'DEMO-OK-0001') }),
    ),
    ...signing,
  })
  .map(({ body, apiKeyName, spaces }) => ({ method: 'POST', path: DEACTIVATE, headers: { ...signedHeaders(apiKeyName, spaces), 'content-type': 'application/json' }, body: JSON.stringify(body), signed: true }))

const isVm = fc.option(fc.boolean(), { nil: undefined })
/**
 * Correctly signed activations: on DEMO-NEVER-ACTIVATED (room for one) the first new device
 * succeeds, the same one again is license_device_exists, another license_activated_max_times; on
 * full licenses an active device is license_device_exists, and a deactivated one comes back.
 */
export const validActivations: fc.Arbitrary<FuzzRequest> = fc
  .record({
    body: fc.oneof(
      { weight: 3, arbitrary: fc.record({ hardware_id: fc.constantFrom(...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-NEVER-ACTIVATED'), is_vm: isVm }) },
      {
        weight: 3,
        arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', 'demo-device-4', 'demo-device-5', 'demo-device-old', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-OK-0001') }),
      },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-CONSUMPTION') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-FLOATING') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo-user'), username: fc.constant('user@example.com'), password: fc.constant('demo-password') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo-user'), id_token: fc.constant('demo-id-token'), customer_account_code: fc.constant('demo-account') }) },
    ),
    ...signing,
  })
  .map(({ body, apiKeyName, spaces }) => ({ method: 'POST', path: ACTIVATE, headers: { ...signedHeaders(apiKeyName, spaces), 'content-type': 'application/json' }, body: JSON.stringify(body), signed: true }))

/** Correctly signed checks: a signed License while the device is active, device_not_found once it is not. */
export const validChecks: fc.Arbitrary<FuzzRequest> = fc
  .record({
    query: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', 'demo-device-4', 'demo-device-5', 'demo-device-old', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-OK-0001') }),
      },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom(...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-NEVER-ACTIVATED') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo-user'), username: fc.constant('user@example.com') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-3'), product: fc.constant('demo'), license_key: fc.constant('DEMO-CONSUMPTION'), license_id: fc.constant('1010') }) },
    ),
    extras: fc.subarray<[string, string]>([
      ['include_expired_features', 'false'],
      ['sdk_ver', 'node-1.4.17'],
      ['env', 'linux'],
    ]),
    ...signing,
  })
  .map(({ query, extras, apiKeyName, spaces }) => ({
    method: 'GET',
    path: CHECK,
    query: new URLSearchParams([...Object.entries(query), ...extras]).toString(),
    headers: signedHeaders(apiKeyName, spaces),
    signed: true,
  }))

/** Correctly signed requests of the three endpoints: the success paths and what follows them. */
export const validRequests: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 2, arbitrary: validDeactivations },
  { weight: 3, arbitrary: validActivations },
  { weight: 2, arbitrary: validChecks },
)

/** Mostly hostile, sometimes valid: both paths in one stream. */
export function mixedRequests(shape: RequestShape): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 2, arbitrary: validRequests }, { weight: 5, arbitrary: requests(shape) })
}

/** The outcomes every fuzz property must reach at least once. */
export const REQUIRED_OUTCOMES = [
  'deactivate_license license_deactivated',
  'activate_license license_activated',
  'activate_license license_device_exists',
  'check_license license_checked',
  'check_license device_not_found',
] as const
