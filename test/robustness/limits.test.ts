// Limits a hostile or broken client runs into: body size, slow headers and bodies, many idle
// connections, and a journal that never grows past its size.
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signedHeaders } from '../../src/core/signature.ts'
import { startMockServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { codeOf, deactivate, post } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

const DEACTIVATE = '/api/v4/deactivate_license'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A connected socket that collects what the server sends and notes when it closes. */
async function open(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void>; isClosed: () => boolean }> {
  const socket = connect(port, '127.0.0.1')
  let data = ''
  let closedFlag = false
  socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')))
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) => socket.on('close', () => ((closedFlag = true), resolve())))
  await once(socket, 'connect')
  return { socket, received: () => data, closed, isClosed: () => closedFlag }
}

/** Resolves true when `promise` settles within `ms`, false otherwise (a bounded wait, not a timing assertion). */
const within = (promise: Promise<unknown>, ms: number) => Promise.race([promise.then(() => true), sleep(ms).then(() => false)])

describe('slow clients are cut', () => {
  // Short timeouts, so the test waits a second rather than the default 10 s / 30 s.
  const starting = startMockServer({ port: 0, headersTimeoutMs: 300, requestTimeoutMs: 800 })
  let server: Awaited<typeof starting>
  beforeAll(async () => {
    server = await starting
  })
  afterAll(() => server.close())

  test('headers sent byte by byte: the server answers 408 and closes before they are done', async () => {
    const signed = signedHeaders(DEMO)
    const head = `POST ${DEACTIVATE} HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: ${signed.Date}\r\nAuthorization: ${signed.Authorization}\r\nContent-Length: 2\r\n\r\n{}`
    const client = await open(server.port)
    let sent = 0
    // One byte every 20 ms: the whole head would take several seconds.
    while (sent < head.length && !client.isClosed()) {
      client.socket.write(head[sent++])
      await sleep(20)
    }
    expect(await within(client.closed, 10_000)).toBe(true)
    expect(sent).toBeLessThan(head.length)
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /)
  })

  test('a body sent byte by byte: cut by the request timeout', async () => {
    const signed = signedHeaders(DEMO)
    const body = JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001', pad: 'x'.repeat(400) })
    const client = await open(server.port)
    client.socket.write(`POST ${DEACTIVATE} HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: ${signed.Date}\r\nAuthorization: ${signed.Authorization}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
    let sent = 0
    while (sent < body.length && !client.isClosed()) {
      client.socket.write(body[sent++])
      await sleep(20)
    }
    expect(await within(client.closed, 10_000)).toBe(true)
    expect(sent).toBeLessThan(body.length)
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /)
    // Nothing was deactivated by the half-sent request.
    expect(server.engine.tenant()!.store.licenseByKey('demo', 'DEMO-OK-0001')!.times_activated).toBe(5)
  })

  test('after cutting them, the server still serves', async () => {
    const reply = await deactivate(server.url, DEMO, { hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' })
    expect(codeOf(reply)).toBe('license_deactivated')
  })
})

describe('many idle connections', () => {
  test('500 open, silent connections do not starve a new client', async () => {
    const server = await startMockServer({ port: 0 })
    const idle: Socket[] = []
    try {
      for (let i = 0; i < 500; i++) idle.push((await open(server.port)).socket)
      // Half of them also send a request head that never finishes.
      for (const socket of idle.slice(0, 250)) socket.write(`POST ${DEACTIVATE} HTTP/1.1\r\nHost: 127.0.0.1\r\n`)
      const reply = await deactivate(server.url, DEMO, { hardware_id: 'demo-device-2', product: 'demo', license_key: 'DEMO-OK-0001' })
      assertConformsToSpec(reply.status, reply.text)
      expect(codeOf(reply)).toBe('license_deactivated')
      const health = await post(server.url, '/__admin/health', {}, undefined, undefined, 'GET')
      expect(health.status).toBe(200)
    } finally {
      for (const socket of idle) socket.destroy()
      await server.close()
    }
  })
})

describe('body limit', () => {
  test('a chunked body over 1 MiB (no Content-Length) answers the 413 envelope', async () => {
    const server = await startMockServer({ port: 0 })
    try {
      const client = await open(server.port)
      const signed = signedHeaders(DEMO)
      client.socket.write(`POST ${DEACTIVATE} HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: ${signed.Date}\r\nAuthorization: ${signed.Authorization}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`)
      const chunk = 'x'.repeat(64 * 1024)
      for (let i = 0; i < 20; i++) client.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
      client.socket.end('0\r\n\r\n')
      expect(await within(client.closed, 10_000)).toBe(true)
      const [head, body] = client.received().split('\r\n\r\n')
      expect(head).toMatch(/^HTTP\/1\.1 413 /)
      assertConformsToSpec(413, body)
      expect(JSON.parse(body)).toMatchObject({ status: 413, code: 'payload_too_large' })
    } finally {
      await server.close()
    }
  })
})

describe('the journal stays bounded', () => {
  test('journal size N: never more than N entries, after 3N requests', async () => {
    const N = 40
    const server = await startMockServer({ port: 0, journalSize: N })
    try {
      for (let batch = 1; batch <= 3; batch++) {
        await Promise.all(
          Array.from({ length: N }, (_, i) =>
            i % 3 === 0
              ? post(server.url, `/api/v4/nothing-${batch}-${i}`, {}, '{}')
              : deactivate(server.url, DEMO, { hardware_id: `nope-${batch}-${i}`, product: 'demo', license_key: 'DEMO-OK-0001' }),
          ),
        )
        const listed = await post(server.url, '/__admin/requests', {}, undefined, undefined, 'GET')
        const entries = (listed.body as { requests: unknown[] }).requests
        expect(entries.length).toBeLessThanOrEqual(N)
        expect(server.engine.journal.size).toBeLessThanOrEqual(N)
      }
      const listed = await post(server.url, '/__admin/requests', {}, undefined, undefined, 'GET')
      const entries = (listed.body as { requests: { path: string; body: { hardware_id?: string } }[] }).requests
      expect(entries).toHaveLength(N)
      // The newest N: all from the last batch.
      for (const entry of entries) expect(`${entry.path} ${entry.body?.hardware_id ?? ''}`).toMatch(/-3-/)
    } finally {
      await server.close()
    }
  })
})
