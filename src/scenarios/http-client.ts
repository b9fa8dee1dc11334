// A small HTTP client over node:http: exact headers and bodies, a timeout, and connection
// failures told apart (refused, reset, closed without an answer, timed out).
import http from 'node:http'
import https from 'node:https'

export type NetworkOutcome = 'reset' | 'timeout' | 'empty'

export type Outcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'network'; network: NetworkOutcome; detail: string }

export interface WireRequest {
  method: string
  /** Path (and query) appended to the base URL's path. */
  path: string
  headers: Record<string, string>
  body?: string
}

/** The server could not be reached at all: a configuration problem (exit 2), not a failed scenario. */
export class ConnectionError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`cannot connect to ${url}: ${reason}`)
    this.name = 'ConnectionError'
  }
}


export function joinUrl(base: string, requestPath: string): URL {
  const url = new URL(base)
  const [pathname, query] = requestPath.split('?', 2)
  url.pathname = url.pathname.replace(/\/+$/, '') + pathname
  url.search = query === undefined ? '' : `?${query}`
  return url
}

export function sendHttp(base: string, request: WireRequest, timeoutMs: number): Promise<Outcome> {
  const url = joinUrl(base, request.path)
  const client = url.protocol === 'https:' ? https : http
  const headers: Record<string, string | number> = { ...request.headers }
  if (request.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    headers['content-length'] = Buffer.byteLength(request.body)
  }
  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (outcome: Outcome | Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    const req = client.request(
      url,
      // A connection per request: a reset then always means the server reset it, never a stale keep-alive socket.
      { method: request.method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const responseHeaders: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value
          }
          settle({ kind: 'response', status: res.statusCode ?? 0, headers: responseHeaders, body: Buffer.concat(chunks).toString('utf8') })
        })
        // The status line came, then the connection ended before the body: an incomplete reply.
        res.on('error', (error) => settle({ kind: 'network', network: 'empty', detail: `the response ended early (${error.message})` }))
      },
    )
    const timer = setTimeout(() => {
      settle({ kind: 'network', network: 'timeout', detail: `no answer within ${timeoutMs} ms` })
      req.destroy()
    }, timeoutMs)
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' || error.code === 'EHOSTUNREACH') {
        settle(new ConnectionError(url.origin, error.code === 'ECONNREFUSED' ? 'connection refused' : error.message))
      } else settle(networkOutcome(error))
    })
    if (request.body !== undefined) req.end(request.body)
    else req.end()
  })
}

/** `read ECONNRESET` is a reset by the peer; "socket hang up" is a socket closed with no answer. */
function networkOutcome(error: NodeJS.ErrnoException): Outcome {
  const reset = error.code === 'ECONNRESET' && error.message !== 'socket hang up'
  return { kind: 'network', network: reset || error.code === 'EPIPE' ? 'reset' : 'empty', detail: error.message }
}

/** JSON request for admin APIs: parsed body, or an Error with the status and text. */
export async function adminJson<T>(base: string, method: string, requestPath: string, body?: unknown, timeoutMs = 30_000): Promise<{ status: number; value: T }> {
  const outcome = await sendHttp(
    base,
    {
      method,
      path: requestPath,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    timeoutMs,
  )
  if (outcome.kind === 'network') throw new Error(`${method} ${requestPath}: connection failed (${outcome.detail})`)
  let value: unknown
  try {
    value = outcome.body ? JSON.parse(outcome.body) : undefined
  } catch {
    value = outcome.body
  }
  return { status: outcome.status, value: value as T }
}
