// Clients for the standalone server over real sockets: signed License API calls (validated
// against the spec), admin calls, and raw node:http requests for socket-level behaviour.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { afterAll } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { startMockServer, type MockServerOptions, type RunningServer } from '../../src/server.ts'
import { signedRequest, type Answer, type Credentials } from '../support/client.ts'
import { DEMO } from '../support/demo.ts'
export { DEMO }

export const DEACTIVATE = '/api/v4/deactivate_license'

export type { Answer, Credentials } from '../support/client.ts'

/** Starts a server on a free port, closed after the file's tests. */
export async function startServer(options: MockServerOptions = {}): Promise<RunningServer> {
  const server = await startMockServer({ port: 0, ...options })
  afterAll(() => server.close())
  return server
}

export interface CallOptions {
  credentials?: Credentials
  apiKeyName?: 'apikey' | 'apiKey'
  spaces?: boolean
  /** Headers over the signed ones; `undefined` removes one. */
  headers?: Record<string, string | undefined>
  /** The body text as sent, instead of `JSON.stringify(body)`. */
  raw?: string
  method?: string
  path?: string
  signal?: AbortSignal
}

/** One License API call, signed as LicenseSpring's SDKs sign; the response is checked against the spec. */
export function call(server: { url: string }, body: unknown, options: CallOptions = {}): Promise<Answer> {
  return signedRequest({ ...options, origin: server.url, path: options.path ?? DEACTIVATE, body })
}

export const keyBody = (license_key: string, hardware_id = 'demo-device-1', product = 'demo') => ({ hardware_id, product, license_key })

export interface AdminAnswer {
  status: number
  headers: Headers
  text: string
  /** Parsed JSON; undefined for an empty body. */
  body: any
}

/** One admin call; a non-string body is sent as JSON. */
export async function admin(server: { url: string }, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<AdminAnswer> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  const response = await fetch(`${server.url}/__admin${path}`, {
    method,
    headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: payload,
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined }
}

/** The state of a tenant, in seed format. */
export async function stateOf(server: { url: string }, tenant?: string): Promise<SeedInput> {
  const answer = await admin(server, 'GET', `/state${tenant ? `?tenant=${tenant}` : ''}`)
  if (answer.status !== 200) throw new Error(`GET state: ${answer.status} ${answer.text}`)
  return answer.body as SeedInput
}

export function device(state: SeedInput, licenseId: number, hardwareId: string) {
  const license = state.licenses?.find((candidate) => candidate.id === licenseId)
  const found = license?.devices?.find((candidate) => candidate.hardware_id === hardwareId && candidate.active !== false)
  return found ?? license?.devices?.find((candidate) => candidate.hardware_id === hardwareId)
}

export interface RawAnswer {
  status?: number
  headers?: IncomingHttpHeaders
  body: string
  /** The error the client saw, if any (code such as ECONNRESET, or message). */
  error?: NodeJS.ErrnoException
}

/** A node:http request that reports socket-level failures instead of throwing. */
export function rawRequest(
  server: { url: string },
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const url = new URL(options.path ?? DEACTIVATE, server.url)
    let status: number | undefined
    let headers: IncomingHttpHeaders | undefined
    const chunks: Buffer[] = []
    const finish = (error?: NodeJS.ErrnoException) => resolve({ status, headers, body: Buffer.concat(chunks).toString('utf8'), error })
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers, agent: false }, (res) => {
      status = res.statusCode
      headers = res.headers
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => finish())
      res.on('error', (error) => finish(error))
      res.on('aborted', () => finish(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })))
    })
    if (options.timeoutMs) {
      req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })))
    }
    req.on('error', (error) => finish(error))
    req.end(options.body)
  })
}

export function signedRaw(credentials: Credentials = DEMO): Record<string, string> {
  const signed = signedHeaders(credentials)
  return { 'content-type': 'application/json', date: signed.Date, authorization: signed.Authorization }
}
