// Offline (air-gapped) request files, as the SDKs write them: base64 of JSON text, in one of two
// forms. The flat legacy form carries its fields at the top with `signature` =
// HMAC-SHA256(key, "licenseSpring\ndate: <date>\n<license_key|username>\n<hardware_id>\n<api_key|client_id>").
// The wrapped form is `{"request": {...}, "signature": HMAC-SHA256(key, <the exact text of request>)}`:
// the HMAC covers the request's text as written (Python's json.dumps puts spaces after ":" and
// ",", JavaScript's JSON.stringify does not), so it is verified over that raw text, never over a
// re-serialization.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { fail } from './errors.ts'
import { ok, type Result } from './result.ts'

export interface OfflineRequest {
  /** The request's fields (the inner object of the wrapped form). */
  fields: Record<string, unknown>
  form: 'flat' | 'wrapped'
  /** What the signature covers: the legacy text, or the request's raw JSON text. */
  signed: string
  signature: string
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** The body (text/plain) as an offline request; missing_content when empty, authorization_missing_params when unreadable. */
export function decodeOffline(body: string | undefined): Result<OfflineRequest> {
  const text = (body ?? '').replace(/\s+/g, '')
  if (text === '') return fail('missing_content')
  if (!BASE64.test(text) || text.length % 4 === 1) return fail('authorization_missing_params', { params: 'request (the body is not base64)' })
  const json = Buffer.from(text, 'base64').toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return fail('authorization_missing_params', { params: 'request (the decoded body is not JSON)' })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('authorization_missing_params', { params: 'request (the decoded body is not a JSON object)' })
  const outer = value as Record<string, unknown>
  if (typeof outer.request === 'object' && outer.request !== null && !Array.isArray(outer.request)) {
    const raw = memberText(json, 'request')
    if (raw === undefined || typeof outer.signature !== 'string') return fail('authorization_missing_params', { params: 'signature' })
    return ok({ fields: outer.request as Record<string, unknown>, form: 'wrapped', signed: raw, signature: outer.signature })
  }
  if (typeof outer.signature !== 'string' || typeof outer.date !== 'string') return fail('authorization_missing_params', { params: 'signature, date' })
  const identity = outer.license_key ?? outer.username
  const client = outer.api_key ?? outer.client_id
  return ok({ fields: outer, form: 'flat', signed: `licenseSpring\ndate: ${outer.date}\n${String(identity)}\n${String(outer.hardware_id)}\n${String(client)}`, signature: outer.signature })
}

/** Whether the request's signature is the HMAC of what it signs with one of these keys. */
export function verifyOffline(request: OfflineRequest, keys: readonly string[]): boolean {
  const given = Buffer.from(request.signature)
  return keys.some((key) => {
    const expected = Buffer.from(hmac(key, request.signed))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
}

export const hmac = (key: string, text: string): string => createHmac('sha256', key).update(text).digest('base64')

/**
 * The `offline_signature` of an answer or refresh file: the legacy text over its own date, the
 * identity, the hardware_id and the api key (or client id), with the shared key (or client secret).
 */
export const offlineSignature = (key: string, fields: { date: string; identity: string; hardware_id: string; client: string }): string =>
  hmac(key, `licenseSpring\ndate: ${fields.date}\n${fields.identity}\n${fields.hardware_id}\n${fields.client}`)

/** The exact text of a member of the top-level object of a JSON text (valid JSON assumed). */
export function memberText(json: string, name: string): string | undefined {
  let depth = 0
  let i = 0
  const skipString = (at: number) => {
    let end = at + 1
    while (json.charCodeAt(end) !== 34) end += json.charCodeAt(end) === 92 ? 2 : 1
    return end + 1
  }
  while (i < json.length) {
    const ch = json.charCodeAt(i)
    if (ch === 34 /* " */) {
      const end = skipString(i)
      if (depth === 1 && JSON.parse(json.slice(i, end)) === name) {
        let start = end
        while (/[\s:]/.test(json[start])) start++
        return json.slice(start, valueEnd(json, start, skipString))
      }
      i = end
      // A member's value: skip it whole, so its strings are never read as keys.
      if (depth === 1) {
        let start = i
        while (/[\s:]/.test(json[start])) start++
        i = valueEnd(json, start, skipString)
      }
      continue
    }
    if (ch === 123 /* { */ || ch === 91 /* [ */) depth++
    else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--
    i++
  }
  return undefined
}

/** Where the JSON value starting at `start` ends. */
function valueEnd(json: string, start: number, skipString: (at: number) => number): number {
  const first = json.charCodeAt(start)
  if (first === 34) return skipString(start)
  if (first !== 123 && first !== 91) {
    let end = start
    while (end < json.length && !/[,}\]\s]/.test(json[end])) end++
    return end
  }
  let depth = 0
  let i = start
  while (i < json.length) {
    const ch = json.charCodeAt(i)
    if (ch === 34) {
      i = skipString(i)
      continue
    }
    if (ch === 123 || ch === 91) depth++
    else if (ch === 125 || ch === 93) {
      depth--
      if (depth === 0) return i + 1
    }
    i++
  }
  return json.length
}
