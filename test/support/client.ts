// The one signed test client: a License API request signed as LicenseSpring's SDKs sign it, sent
// with fetch (to msw's origin in-process, or a server's URL), its answer checked against the spec.
import { signedHeaders } from '../../src/core/signature.ts'
import { DEMO } from './demo.ts'
import { assertConformsToSpec, spec } from './spec.ts'

export interface Credentials {
  apiKey: string
  sharedKey: string
}

export interface SignedRequest {
  /** Where to send it: `https://api.licensespring.com` (msw) or a server's URL. */
  origin: string
  path: string
  method?: string
  query?: string | Record<string, string>
  /** Sent as JSON, with `content-type: application/json` (GET and HEAD send neither). */
  body?: unknown
  /** The body text as sent, instead of `JSON.stringify(body)`. */
  raw?: string
  credentials?: Credentials
  date?: Date | string
  /** `apiKey` is the Python SDK's spelling. */
  apiKeyName?: 'apikey' | 'apiKey'
  spaces?: boolean
  /** Headers over the signed ones; `undefined` removes one. */
  headers?: Record<string, string | undefined>
  /** The operation the answer must conform to: by default the one at `path` and `method`, else the deactivation's (unknown paths). */
  spec?: { path: string; method: string }
  signal?: AbortSignal
}

/** What a client sees of a response. */
export interface Answer {
  status: number
  headers: Headers
  text: string
  body: unknown
}

const DEACTIVATION = { path: '/api/v4/deactivate_license', method: 'post' }

/** The operation whose spec an answer must meet: the one requested, or the deactivation's for a path or method the spec lacks. */
function operationOf(path: string, method: string): { path: string; method: string } {
  const at = path.replace(/\/$/, '') || '/'
  return spec.paths[at]?.[method] ? { path: at, method } : DEACTIVATION
}

export async function signedRequest(request: SignedRequest): Promise<Answer> {
  const method = request.method ?? 'POST'
  const withBody = method !== 'GET' && method !== 'HEAD'
  const signed = signedHeaders(request.credentials ?? DEMO, { date: request.date, apiKeyName: request.apiKeyName, spaces: request.spaces })
  const merged: Record<string, string | undefined> = { ...(withBody ? { 'content-type': 'application/json' } : {}), date: signed.Date, authorization: signed.Authorization }
  for (const [name, value] of Object.entries(request.headers ?? {})) merged[name.toLowerCase()] = value
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) headers[name] = value
  const query = request.query === undefined ? '' : `?${typeof request.query === 'string' ? request.query : new URLSearchParams(request.query).toString()}`
  const payload = withBody ? (request.raw ?? JSON.stringify(request.body)) : undefined
  const response = await fetch(`${request.origin}${request.path}${query}`, { method, headers, body: payload, signal: request.signal })
  const text = await response.text()
  const operation = request.spec ?? operationOf(request.path, method.toLowerCase())
  assertConformsToSpec(response.status, text, operation.path, operation.method, Object.fromEntries(response.headers))
  // Release calls answer an empty body.
  return { status: response.status, headers: response.headers, text, body: text === '' ? '' : (JSON.parse(text) as unknown) }
}
