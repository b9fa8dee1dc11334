// Sending fuzzed requests over real sockets: node:http for anything HTTP can carry (a fresh
// connection each), raw TCP for bytes HTTP cannot.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { targetOf, type FuzzRequest } from './requests.ts'

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** One request on its own connection; rejects when no answer comes within 10 s. */
export function send(port: number, request: FuzzRequest): Promise<Reply> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body)
  // node's client frames a GET/DELETE/OPTIONS body only when told its length.
  const headers = body === undefined ? request.headers : { ...request.headers, 'content-length': String(body.length) }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: request.method, path: targetOf(request), headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')))
    req.on('error', reject)
    req.end(body)
  })
}

/** Writes bytes on a fresh connection, half-closes, and collects what comes back until the server closes. */
export function sendRaw(port: number, bytes: Buffer): Promise<{ data: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ data: Buffer.concat(chunks).toString('latin1'), closed: false })
    }, 10_000)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ data: Buffer.concat(chunks).toString('latin1'), closed: true })
    })
    socket.end(bytes)
  })
}
