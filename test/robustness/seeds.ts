// Generated data sets and plain socket clients for the robustness tests.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { DEMO } from '../support/demo.ts'

export interface Credentials {
  apiKey: string
  sharedKey: string
}

/** `licenses` key-based licenses `${prefix}-<i>`, each with `devices` active devices `d-<j>`. */
export function generatedSeed(options: { prefix: string; licenses: number; devices: number; credentials?: Credentials; product?: string }): SeedInput {
  const credentials = options.credentials ?? DEMO
  const product = options.product ?? 'app'
  return {
    credentials: [{ api_key: credentials.apiKey, shared_key: credentials.sharedKey }],
    products: [{ short_code: product, authorization_method: 'license-key' }],
    licenses: Array.from({ length: options.licenses }, (_, i) => ({
      id: i + 1,
      product,
      license_key: `${options.prefix}-${i}`,
      max_activations: options.devices,
      devices: Array.from({ length: options.devices }, (_, j) => ({ hardware_id: `d-${j}` })),
    })),
  }
}

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  body: unknown
}

/** One signed deactivation over a socket of `agent` (a fresh connection when absent). */
export function deactivate(url: string, credentials: Credentials, body: object, agent?: Agent): Promise<Reply> {
  const signed = signedHeaders(credentials)
  return post(url, '/api/v4/deactivate_license', { 'content-type': 'application/json', date: signed.Date, authorization: signed.Authorization }, JSON.stringify(body), agent)
}

export function post(url: string, path: string, headers: Record<string, string>, body: string | undefined, agent?: Agent, method = 'POST'): Promise<Reply> {
  const target = new URL(path, url)
  const payload = body === undefined ? undefined : Buffer.from(body)
  const withLength = payload === undefined ? headers : { ...headers, 'content-length': String(payload.length) }
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method, headers: withLength, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode!, headers: res.headers, text, body: text ? (JSON.parse(text) as unknown) : undefined })
      })
      res.on('error', reject)
    })
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${method} ${path} within 30 s`)))
    req.on('error', reject)
    req.end(payload)
  })
}

export const codeOf = (reply: Reply) => (reply.status === 200 ? (reply.body as string) : (reply.body as { code: string }).code)

/** Runs `task` for each item with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
