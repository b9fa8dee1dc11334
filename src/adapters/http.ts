// node:http over the engine: translation only, no rules. The hot path hands node's own header
// object and the body text to the synchronous engine and writes what it returns; no Fetch
// `Request`/`Response` objects. /__admin goes to the admin API; OPTIONS is a CORS preflight.
// Before either: the Host check (hosts.ts). The License API has open CORS; the admin API only
// for the origins hosts.ts allows, and refuses state changes from any other page.
import { createServer, maxHeaderSize, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { unsaved } from '../core/commit.ts'
import type { Engine } from '../core/engine.ts'
import { exampleBody, fail } from '../core/errors.ts'
import { MAX_BODY_BYTES, toCoreRequest } from '../core/request.ts'
import type { CoreResponse } from '../core/types.ts'
import { ADMIN_PREFIX, adminError, type Admin, type AdminResponse } from './admin.ts'
import { originPolicy } from './hosts.ts'

export interface HttpAdapterOptions {
  engine: Pick<Engine, 'handle'>
  /** The /__admin API; without it those paths go to the engine like any other. */
  admin?: Admin
  /** One line per unexpected error (default: stderr). */
  log?: (line: string) => void
  /** Whole request headers must arrive within this (default 10 s). */
  headersTimeoutMs?: number
  /** The whole request must arrive within this (default 30 s). */
  requestTimeoutMs?: number
  /** After `close()`, connections still busy are cut after this (default 2 s). */
  closeGraceMs?: number
  /** Whether a `Host` header value is answered (hosts.ts `hostPolicy`); others get 421. Default: every one. */
  allowHost?: (host: string | undefined) => boolean
  /** Whether a browser origin may use the admin API (hosts.ts `originPolicy`). Default: loopback origins only. */
  adminOrigin?: (origin: string) => boolean
}

export interface HttpAdapter {
  readonly server: Server
  /** Stops accepting, ends idle keep-alive sockets, cuts hung and delayed ones; resolves when all are gone. */
  close(): Promise<void>
}

const CORS_ORIGIN = 'access-control-allow-origin'
const PREFLIGHT = ['access-control-allow-methods', 'POST, GET, PUT, DELETE', 'access-control-allow-headers', 'date, authorization, content-type, prefer', 'access-control-max-age', '86400']
const PRIVATE_NETWORK = ['access-control-allow-private-network', 'true']
const INTERNAL_ERROR_BODY = JSON.stringify(exampleBody('internal_error'))
const JSON_TYPE = 'application/json'
/** The 431 of a request line and headers over node's limit: the envelope, and the connection closed. */
const HEADERS_TOO_LARGE = (() => {
  const body = JSON.stringify(fail('headers_too_large', { limit: String(maxHeaderSize) }).error)
  const head = [`HTTP/1.1 431 ${STATUS_CODES[431]}`, `content-type: ${JSON_TYPE}`, `content-length: ${Buffer.byteLength(body)}`, `${CORS_ORIGIN}: *`, 'connection: close']
  return `${head.join('\r\n')}\r\n\r\n${body}`
})()
/** Node's own answers to the other parse errors (its server's defaults), by error code. */
const CLIENT_ERROR_STATUS: Record<string, number> = { HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 }
/** How long a connection answered 431 is still read (its bytes dropped) at most, before it is cut. */
const CLIENT_ERROR_LINGER_MS = 5_000
const bareAnswer = (status: number) => `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`
/** Methods a page may send cross-origin without changing anything. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/**
 * Requests one connection may have waiting for their answers (pipelined behind a slow one, held
 * by a `delay_ms` or `timeout` fault). Node stops reading a socket whose answers are not being
 * read; this bounds the answers the mock itself holds back: past it the connection is cut.
 */
const MAX_UNANSWERED = 1024

export function createHttpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const { engine, admin } = options
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`))
  const allowHost = options.allowHost ?? (() => true)
  const adminOrigin = options.adminOrigin ?? originPolicy()
  /** Responses waiting for their `delay_ms`. */
  const delayed = new Map<ServerResponse, NodeJS.Timeout>()
  /** Sockets of `network: timeout` faults: never answered, cut on close. */
  const hung = new Set<Socket>()
  /** Per connection: requests received and not answered yet. */
  const unanswered = new WeakMap<Socket, number>()
  /** Connections already answered for a parse error (node may report more than one). */
  const answeredClientError = new WeakSet<Socket>()
  let closing: Promise<void> | undefined

  const server = createServer({ connectionsCheckingInterval: 1_000 }, onRequest)
  server.headersTimeout = options.headersTimeoutMs ?? 10_000
  server.requestTimeout = options.requestTimeoutMs ?? 30_000
  server.on('clientError', onClientError)

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET'
    // The body is added once read (readBody): it buffers at most the limit.
    const request = toCoreRequest({ method, url: req.url ?? '/', headers: req.headers, headBounded: true })
    const { path, query = '' } = request
    // DNS rebinding: a page whose own name now points here sends that name as Host.
    if (!allowHost(req.headers.host)) {
      const { error } = fail('host_not_allowed', { host: (req.headers.host ?? '').slice(0, 100) })
      send(res, error.status, { 'content-type': JSON_TYPE }, JSON.stringify(error), undefined)
      return
    }
    const toAdmin = admin !== undefined && (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`))
    const origin = req.headers.origin
    if (method === 'OPTIONS') {
      preflight(req, res, toAdmin, origin)
      return
    }
    // The admin API answers a browser only on the origins it allows (CORS), and no other page may change anything.
    const adminCors = toAdmin && origin !== undefined && adminOrigin(origin) ? origin : undefined
    let limit = MAX_BODY_BYTES
    try {
      if (toAdmin) {
        if (origin !== undefined && adminCors === undefined && !SAFE_METHODS.has(method)) {
          writeAdmin(res, forbiddenOrigin(origin), undefined)
          return
        }
        // Before reading a byte of the body: no buffering for a client without the token.
        const denied = admin.authorize(req.headers)
        if (denied) {
          writeAdmin(res, denied, adminCors)
          return
        }
        limit = admin.bodyLimit(method, path)
      }
    } catch (error) {
      internalError(res, error, req, path)
      return
    }
    readBody(req, limit, (body, tooLarge) => {
      try {
        if (toAdmin) {
          admin.handle({ method, path, query, headers: req.headers, body, tooLarge }).then(
            (response) => writeAdmin(res, response, adminCors),
            (error: unknown) => internalError(res, error, req, path),
          )
        } else {
          // node's header names are already lower case, as the engine expects.
          request.body = body
          request.tooLarge = tooLarge
          const response = engine.handle(request)
          // A change is on disk before its answer goes out.
          if (response.commit) {
            if (!held(req, res)) return
            response.commit.then(
              () => writeCore(req, res, response),
              (error: unknown) => writeCore(req, res, unsaved(error)),
            )
          } else {
            writeCore(req, res, response)
          }
        }
      } catch (error) {
        internalError(res, error, req, path)
      }
    })
  }

  /**
   * What node's parser refuses before there is a request: a request line and headers over its
   * limit get the error envelope (431 headers_too_large); anything else node's own bare answer.
   * As node does, nothing is written once an answer on this connection has begun, and the
   * connection is closed either way.
   */
  function onClientError(error: Error & { code?: string }, socket: Socket): void {
    if (answeredClientError.has(socket)) return
    answeredClientError.add(socket)
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage
    const answerable = socket.writable && !inFlight?.headersSent
    if (!answerable || error.code !== 'HPE_HEADER_OVERFLOW') {
      if (answerable) socket.write(bareAnswer(CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400))
      socket.destroy()
      return
    }
    // Ended rather than destroyed: the rest of what the client sends is read and dropped until it
    // ends too (or for a while at most), so its kernel gets no reset that discards the answer unread.
    socket.end(HEADERS_TOO_LARGE)
    socket.on('data', () => {})
    socket.once('end', () => socket.destroy())
    setTimeout(() => socket.destroy(), CLIENT_ERROR_LINGER_MS).unref()
  }

  /**
   * An answer that waits (for its commit, a delay, a hung fault) is counted against its
   * connection until it is sent; false (the connection cut) past MAX_UNANSWERED. Answers sent at
   * once need no count: node stops reading a connection whose answers are not read.
   */
  function held(req: IncomingMessage, res: ServerResponse): boolean {
    const socket = req.socket
    const count = (unanswered.get(socket) ?? 0) + 1
    if (count > MAX_UNANSWERED) {
      socket.destroy()
      return false
    }
    unanswered.set(socket, count)
    res.once('close', () => unanswered.set(socket, (unanswered.get(socket) ?? 1) - 1))
    return true
  }

  function preflight(req: IncomingMessage, res: ServerResponse, toAdmin: boolean, origin: string | undefined): void {
    const allowed = origin !== undefined && adminOrigin(origin)
    if (toAdmin && origin !== undefined && !allowed) {
      writeAdmin(res, forbiddenOrigin(origin), undefined)
      return
    }
    const out = [...PREFLIGHT, 'vary', 'Origin']
    // The admin API names the page it allows (none for a client that sent no Origin); the License API allows any.
    const cors = toAdmin ? origin : '*'
    if (cors !== undefined) out.push(CORS_ORIGIN, cors)
    // Chrome's Private Network Access: a public page reaching this (private) server needs consent.
    if (allowed && req.headers['access-control-request-private-network'] === 'true') out.push(...PRIVATE_NETWORK)
    if (closing) out.push('connection', 'close')
    res.writeHead(204, out)
    res.end()
  }

  function writeCore(req: IncomingMessage, res: ServerResponse, response: CoreResponse): void {
    if (!response.delayMs) {
      deliver(req, res, response)
      return
    }
    if (!held(req, res)) return
    const timer = setTimeout(() => {
      delayed.delete(res)
      deliver(req, res, response)
    }, response.delayMs)
    delayed.set(res, timer)
    res.once('close', () => {
      clearTimeout(timer)
      delayed.delete(res)
    })
  }

  function deliver(req: IncomingMessage, res: ServerResponse, response: CoreResponse): void {
    // The connection, not `res.socket`: a pipelined answer has no socket until the ones before it are sent.
    const socket = req.socket
    if (res.writableEnded || res.destroyed || socket.destroyed) return
    switch (response.network) {
      case 'reset':
        // A TCP RST: the client sees ECONNRESET.
        socket.resetAndDestroy()
        return
      case 'timeout':
        if (!held(req, res)) return
        hung.add(socket)
        socket.once('close', () => hung.delete(socket))
        if (closing) socket.destroy()
        return
      case 'empty':
        // Status and headers promising a body, then the connection ends: an incomplete reply.
        res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': '100', [CORS_ORIGIN]: '*' })
        res.flushHeaders()
        socket.end(() => socket.destroy())
        return
      default:
        send(res, response.status, response.headers, response.body, '*')
    }
  }

  function writeAdmin(res: ServerResponse, response: AdminResponse, cors: string | undefined): void {
    if (res.writableEnded || res.destroyed) return
    send(res, response.status, { ...response.headers, vary: 'Origin' }, response.body, cors)
  }

  function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | undefined, cors: string | undefined): void {
    // A flat [name, value, …] list: node writes it as it is, with no object to copy or walk.
    const out: string[] = []
    for (const name in headers) out.push(name, headers[name])
    if (cors !== undefined) out.push(CORS_ORIGIN, cors)
    // Browser SDKs can read the v2 signature only when it is exposed.
    if (headers.licensesignature !== undefined) out.push('access-control-expose-headers', 'LicenseSignature')
    if (body !== undefined) out.push('content-length', String(Buffer.byteLength(body)))
    if (closing) out.push('connection', 'close')
    res.writeHead(status, out)
    res.end(body)
  }

  function internalError(res: ServerResponse, error: unknown, req: IncomingMessage, path: string): void {
    const reason = redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error), req)
    log(`licensespring-mock: internal error on ${(req.method ?? 'GET').slice(0, 20)} ${path.slice(0, 200)}: ${reason.replace(/\s+/g, ' ').slice(0, 500)}`)
    if (res.headersSent) {
      res.destroy()
      return
    }
    try {
      send(res, 500, { 'content-type': JSON_TYPE }, INTERNAL_ERROR_BODY, '*')
    } catch {
      res.destroy()
    }
  }

  return {
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 2_000)
        force.unref()
        server.close(() => {
          clearTimeout(force)
          resolve()
        })
        server.closeIdleConnections()
        for (const [res, timer] of delayed) {
          clearTimeout(timer)
          res.destroy()
        }
        delayed.clear()
        for (const socket of hung) socket.destroy()
        hung.clear()
      })
      return closing
    },
  }
}

function forbiddenOrigin(origin: string): AdminResponse {
  return adminError(
    403,
    'admin_forbidden_origin',
    `the admin API does not accept requests from the page at ${origin.slice(0, 200)}: only loopback origins (http://localhost, http://127.0.0.1, http://[::1], any port) and those given with --admin-origin`,
  )
}

/**
 * A log line never carries credentials, even when an error message quotes the request: the
 * Authorization header's value, any `signature="…"` and any bearer token are masked.
 */
function redact(text: string, req: IncomingMessage): string {
  let out = text
  const authorization = req.headers.authorization
  if (authorization && authorization.length >= 4) out = out.split(authorization).join('[redacted]')
  return out.replace(/(signature\s*=\s*)("[^"]*"?|[^\s,]+)/gi, '$1[redacted]').replace(/(bearer\s+)\S+/gi, '$1[redacted]')
}

/**
 * Buffers the body up to `limit` bytes. Past it, the rest is read and dropped, so the client
 * gets its 413 on a connection in a clean state (the server's request timeout bounds the wait).
 */
function readBody(req: IncomingMessage, limit: number, done: (body: string | undefined, tooLarge: boolean) => void): void {
  let chunks: Buffer[] | undefined
  let size = 0
  let tooLarge = false
  req.on('data', (chunk: Buffer) => {
    if (tooLarge) return
    size += chunk.length
    if (size > limit) {
      tooLarge = true
      chunks = undefined
      return
    }
    ;(chunks ??= []).push(chunk)
  })
  req.on('end', () => {
    if (tooLarge || !chunks) done(undefined, tooLarge)
    else done(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, size).toString('utf8'), false)
  })
  // A client gone mid-body: nothing to answer.
  req.on('error', () => {})
}
