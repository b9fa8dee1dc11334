// node:http over the engine: translation only, no rules. The hot path hands node's own header
// object and the body text to the synchronous engine and writes what it returns; no Fetch
// `Request`/`Response` objects. /__admin goes to the admin API; OPTIONS is a CORS preflight.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Engine } from '../core/engine.ts'
import { MAX_BODY_BYTES, toCoreRequest } from '../core/request.ts'
import { exampleBody } from '../core/errors.ts'
import type { CoreResponse } from '../core/types.ts'
import { ADMIN_PREFIX, type Admin, type AdminResponse } from './admin.ts'

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
}

export interface HttpAdapter {
  readonly server: Server
  /** Stops accepting, ends idle keep-alive sockets, cuts hung and delayed ones; resolves when all are gone. */
  close(): Promise<void>
}

const CORS_ORIGIN = 'access-control-allow-origin'
const PREFLIGHT_HEADERS = {
  [CORS_ORIGIN]: '*',
  'access-control-allow-methods': 'POST, GET, PUT, DELETE',
  'access-control-allow-headers': 'date, authorization, content-type, prefer',
  'access-control-max-age': '86400',
}
const INTERNAL_ERROR_BODY = JSON.stringify(exampleBody('internal_error'))
const JSON_TYPE = 'application/json'

export function createHttpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const { engine, admin } = options
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`))
  /** Responses waiting for their `delay_ms`. */
  const delayed = new Map<ServerResponse, NodeJS.Timeout>()
  /** Sockets of `network: timeout` faults: never answered, cut on close. */
  const hung = new Set<Socket>()
  let closing: Promise<void> | undefined

  const server = createServer({ connectionsCheckingInterval: 1_000 }, onRequest)
  server.headersTimeout = options.headersTimeoutMs ?? 10_000
  server.requestTimeout = options.requestTimeoutMs ?? 30_000

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET'
    // The body is added once read (readBody): it buffers at most the limit.
    const request = toCoreRequest({ method, url: req.url ?? '/', headers: req.headers })
    const { path, query = '' } = request
    if (method === 'OPTIONS') {
      res.writeHead(204, closing ? { ...PREFLIGHT_HEADERS, connection: 'close' } : PREFLIGHT_HEADERS)
      res.end()
      return
    }
    const toAdmin = admin !== undefined && (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`))
    let limit = MAX_BODY_BYTES
    try {
      if (toAdmin) {
        // Before reading a byte of the body: no buffering for a client without the token.
        const denied = admin.authorize(req.headers)
        if (denied) {
          writeAdmin(res, denied)
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
            (response) => writeAdmin(res, response),
            (error: unknown) => internalError(res, error, req, path),
          )
        } else {
          // node's header names are already lower case, as the engine expects.
          request.body = body
          request.tooLarge = tooLarge
          writeCore(res, engine.handle(request))
        }
      } catch (error) {
        internalError(res, error, req, path)
      }
    })
  }

  function writeCore(res: ServerResponse, response: CoreResponse): void {
    if (!response.delayMs) {
      deliver(res, response)
      return
    }
    const timer = setTimeout(() => {
      delayed.delete(res)
      deliver(res, response)
    }, response.delayMs)
    delayed.set(res, timer)
    res.once('close', () => {
      clearTimeout(timer)
      delayed.delete(res)
    })
  }

  function deliver(res: ServerResponse, response: CoreResponse): void {
    const socket = res.socket
    if (res.writableEnded || !socket || socket.destroyed) return
    switch (response.network) {
      case 'reset':
        // A TCP RST: the client sees ECONNRESET.
        socket.resetAndDestroy()
        return
      case 'timeout':
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
        send(res, response.status, response.headers, response.body)
    }
  }

  function writeAdmin(res: ServerResponse, response: AdminResponse): void {
    if (res.writableEnded || res.destroyed) return
    send(res, response.status, response.headers, response.body)
  }

  function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | undefined): void {
    // A flat [name, value, …] list: node writes it as it is, with no object to copy or walk.
    const out: string[] = []
    for (const name in headers) out.push(name, headers[name])
    out.push(CORS_ORIGIN, '*')
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
      send(res, 500, { 'content-type': JSON_TYPE }, INTERNAL_ERROR_BODY)
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
