// The one way an adapter's request becomes the engine's CoreRequest: the path split from the
// query (also for absolute-form targets, as proxies send them), header names in lower case, and
// the body checked against the size limit.
import type { CoreRequest } from './types.ts'

export const MAX_BODY_BYTES = 1024 * 1024
/**
 * What Node's HTTP parser takes of a request's head by default (`--max-http-header-size`): it
 * counts the bytes of the target, the header names and the header values, and refuses the
 * request once they come to this many. The standalone server leaves the check to Node (its
 * `clientError`, see adapters/http.ts); in-process adapters make it here, so a request answered
 * 431 by the server is answered 431 in-process too.
 */
export const MAX_HEADER_BYTES = 16 * 1024

export interface RawRequest {
  method: string
  /** The request target: `/path?query`, or an absolute URL. */
  url: string
  /** Header names in any case (lower-cased here), or a Fetch `Headers`. */
  headers: Headers | Readonly<Record<string, string | string[] | undefined>>
  /** The body text, when one was read. */
  body?: string
  /** The adapter stopped reading at the limit (it buffers no more than MAX_BODY_BYTES). */
  tooLarge?: boolean
  /** `https` when the adapter serves TLS (default `http`); with the Host header, the origin of a relative target. */
  scheme?: 'http' | 'https'
  /** The adapter's transport has already bounded the request's head (Node's parser): no MAX_HEADER_BYTES check here. */
  headBounded?: boolean
}

export function toCoreRequest(raw: RawRequest): CoreRequest {
  const { path, query, origin } = splitTarget(raw.url)
  const tooLarge = raw.tooLarge === true || (raw.body !== undefined && raw.body.length * 3 > MAX_BODY_BYTES && Buffer.byteLength(raw.body) > MAX_BODY_BYTES)
  const headers = lowerCased(raw.headers)
  const request: CoreRequest = { method: raw.method, path, query, headers, body: tooLarge ? undefined : raw.body, tooLarge }
  if (raw.headBounded !== true && headBytes(path, query, headers) >= MAX_HEADER_BYTES) request.headersTooLarge = true
  const reached = origin ?? (raw.scheme === 'https' && headers.host ? `https://${headers.host}` : undefined)
  if (reached) request.origin = reached
  return request
}

function splitTarget(url: string): { path: string; query: string; origin?: string } {
  if (url.charCodeAt(0) !== 47 /* / */) {
    try {
      const parsed = new URL(url)
      return { path: parsed.pathname, query: parsed.search.slice(1), origin: /^https?:$/.test(parsed.protocol) ? parsed.origin : undefined }
    } catch {
      // Not a URL either: the engine answers 404 for the path as given.
    }
  }
  const q = url.indexOf('?')
  return q === -1 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) }
}

/** A request's head as Node's parser counts it against its limit: the target, and every header's name and value. */
export function headBytes(path: string, query: string, headers: Readonly<Record<string, string | undefined>>): number {
  // Header names and values are byte strings (one character a byte); the target may not be.
  let bytes = Buffer.byteLength(path) + (query === '' ? 0 : Buffer.byteLength(query) + 1)
  for (const name in headers) bytes += name.length + (headers[name]?.length ?? 0)
  return bytes
}

/** node:http's header object is already lower case and is used as it is (no copy per request). */
function lowerCased(headers: RawRequest['headers']): CoreRequest['headers'] {
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    const out: Record<string, string> = {}
    ;(headers as Headers).forEach((value, name) => {
      out[name] = value
    })
    return out
  }
  const record = headers as Readonly<Record<string, string | string[] | undefined>>
  let lower = true
  for (const name in record) {
    if (name !== name.toLowerCase() || Array.isArray(record[name])) {
      lower = false
      break
    }
  }
  if (lower) return record as CoreRequest['headers']
  const out: Record<string, string> = {}
  for (const name in record) {
    const value = record[name]
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}
