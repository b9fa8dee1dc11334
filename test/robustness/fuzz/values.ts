// Hostile building blocks: strings no parser expects, keys that pollute prototypes, JSON of any
// shape, Date and Authorization headers right, wrong and malformed, Prefer headers; and the
// reductions to what node:http can put on the wire.
import fc from 'fast-check'
import { ERRORS, ERROR_CODES } from '../../../src/core/errors.ts'
import { signDate } from '../../../src/core/signature.ts'
import { DEMO, SEED_VALUES } from './demo.ts'

export const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', '']

/** An Authorization generator's stand-in for "a correct HMAC over the Date sent". */
export const SIGN = '\u0000sign'

export const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 4 }),
  fc.constantFrom(...NASTY_KEYS),
)
export const anyJson = fc.jsonValue({ maxDepth: 3 })
/** A value of the wrong kind for any field. */
export const oddValue = fc.oneof(anyString, anyJson, fc.constantFrom(0, -1, 1e308, true, null, [], {}))

/** Text that JSON.parse reads as an object with exactly these entries, `__proto__` included. */
export function objectText(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`
}

/** `name=value` pairs joined by `separator`: each part percent-encoded (any text survives) or raw. */
export const pairsText = (pairs: readonly (readonly [string, string])[], encoded: boolean, separator = '&') =>
  encoded ? new URLSearchParams(pairs.map(([name, value]): [string, string] => [name, value])).toString().replaceAll('&', separator) : pairs.map(([name, value]) => `${name}=${value}`).join(separator)

export const rfcDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString()
export const dates: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined).map(() => rfcDate(0)) },
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
    apikey: fc.option(fc.oneof(fc.constantFrom(...SEED_VALUES.api_key), anyString)),
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

export const authorizations: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(SIGN) },
  { weight: 4, arbitrary: hmacList },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', 'Bearer ', 'Bearer demo-bearer-token', 'Basic Zm9vOmJhcg==', '"', '=', ',', 'a=', '=b', 'a="b', 'a="b,c"') },
  { weight: 1, arbitrary: anyString.map((text) => `Bearer ${text}`) },
  { weight: 1, arbitrary: anyString },
)

/** A correct HMAC Authorization for the Date given. */
export const hmacAuthorization = (date: string, credentials: { apiKey: string; sharedKey: string } = DEMO, apiKeyName = 'apikey', spaces = false) =>
  ['algorithm="hmac-sha256"', 'headers="date"', `signature="${signDate(credentials.sharedKey, date)}"`, `${apiKeyName}="${credentials.apiKey}"`].join(spaces ? ', ' : ',')

export const prefers: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_CODES).map((code) => `code=${ERRORS[code].status}, example=${code}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.option(anyString)).map(([code, example]) => `code=${code}${example === null ? '' : `, example=${example}`}`) },
  { weight: 1, arbitrary: fc.constantFrom('code=400', 'code=401', 'code=500', 'example=license_deactivated', 'code=200', 'dynamic=true', 'code=abc', 'example=', ';;,,', 'code=400;example=blacklisted', 'code=400, example=license_device_exists') },
  { weight: 1, arbitrary: anyString },
)

/** Headers that change how HTTP itself is read; the raw-socket property sends those. */
export const SPECIAL_HEADERS = new Set(['content-length', 'transfer-encoding', 'host', 'connection', 'expect', 'upgrade', 'date', 'authorization', 'prefer', 'content-type', 'te', 'trailer', 'keep-alive', 'proxy-connection'])
export const headerNames = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((name) => !SPECIAL_HEADERS.has(name))

/** Printable latin1 without control characters: what node:http lets a client send in a header. */
export const wireSafe = (text: string) => text.replace(/[^\t\x20-\x7e\xa0-\xff]/g, '?')
export const pathSafe = (text: string) => (text.startsWith('/') ? '' : '/') + encodeURI(text.replace(/[\ud800-\udfff]/g, '?')).replace(/[^\x21-\x7e]/g, '_')
/** A query node:http can send: printable ASCII kept (`%`, `&`, `=`, `?` included), anything else percent-encoded. */
export const querySafe = (text: string) => text.replace(/[\ud800-\udfff]/g, '?').replace(/[^\x21-\x7e]|#/gu, (char) => encodeURIComponent(char))
