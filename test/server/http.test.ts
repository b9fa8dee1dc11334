// The node:http adapter over real sockets: the License API as an SDK sees it, CORS, limits,
// network faults as a client observes them, internal errors and shutdown.
import { once } from 'node:events'
import { Agent, request as httpRequest } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { createAdmin } from '../../src/adapters/admin.ts'
import { createHttpAdapter } from '../../src/adapters/http.ts'
import { createEngine } from '../../src/core/engine.ts'
import type { CoreRequest } from '../../src/core/types.ts'
import { resolveSeed } from '../../src/seed-file.ts'
import { startMockServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { admin, call, DEACTIVATE, device, keyBody, rawRequest, signedRaw, startServer, stateOf } from './support.ts'

const server = await startServer()
afterEach(async () => {
  expect((await admin(server, 'POST', '/reset')).status).toBe(200)
})

describe('the License API over HTTP', () => {
  test('deactivates a device once; the second call answers device_not_found; state changes once', async () => {
    const first = await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))
    expect(first.status).toBe(200)
    expect(first.body).toBe('license_deactivated')
    expect(first.headers.get('content-type')).toBe('application/json')

    const second = await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))
    expect(second.status).toBe(400)
    expect(second.body).toMatchObject({ code: 'device_not_found', message: 'An active device matching the hardware_id not found' })

    const state = await stateOf(server)
    expect(device(state, 1001, 'demo-device-1')?.active).toBe(false)
    expect(state.licenses?.find((license) => license.id === 1001)?.times_activated).toBe(4)
  })

  test.each([
    { name: 'apikey, no spaces (Node, C++, .NET, Java SDKs)', apiKeyName: 'apikey' as const, spaces: false, hardware: 'demo-device-1' },
    { name: 'apiKey (Python SDK)', apiKeyName: 'apiKey' as const, spaces: false, hardware: 'demo-device-2' },
    { name: 'spaces after commas (the docs’ example)', apiKeyName: 'apikey' as const, spaces: true, hardware: 'demo-device-3' },
    { name: 'apiKey with spaces', apiKeyName: 'apiKey' as const, spaces: true, hardware: 'demo-device-4' },
  ])('a request signed like the SDKs succeeds: $name', async ({ apiKeyName, spaces, hardware }) => {
    const answer = await call(server, keyBody('DEMO-OK-0001', hardware), { apiKeyName, spaces })
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('license_deactivated')
  })

  test('a wrong shared key answers signature_mismatch and changes nothing', async () => {
    const answer = await call(server, keyBody('DEMO-OK-0001'), { credentials: { apiKey: 'demo-api-key', sharedKey: 'wrong' } })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ code: 'signature_mismatch' })
    expect(device(await stateOf(server), 1001, 'demo-device-1')?.active).not.toBe(false)
  })

  test('the query string is not part of the path', async () => {
    const answer = await call(server, keyBody('DEMO-OK-0001', 'demo-device-5'), { path: `${DEACTIVATE}?source=test` })
    expect(answer.status).toBe(200)
  })

  test('an unknown path answers 404 not_found; a GET on the endpoint 405 with Allow: POST', async () => {
    const missing = await fetch(`${server.url}/api/v4/deactivate_licence`, { method: 'POST', headers: signedRaw(), body: '{}' })
    const missingText = await missing.text()
    expect(missing.status).toBe(404)
    expect(JSON.parse(missingText)).toMatchObject({ code: 'not_found' })
    assertConformsToSpec(404, missingText)

    const wrongMethod = await call(server, undefined, { method: 'GET' })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
    expect(wrongMethod.body).toMatchObject({ code: 'method_not_allowed' })

    const lookalike = await fetch(`${server.url}/__administrator`)
    const lookalikeText = await lookalike.text()
    expect(lookalike.status).toBe(404)
    expect(JSON.parse(lookalikeText)).toMatchObject({ code: 'not_found' })
    assertConformsToSpec(404, lookalikeText)
  })

  test('Prefer: code=400, example=<code> answers that example, state untouched', async () => {
    const answer = await call(server, keyBody('DEMO-OK-0001'), { headers: { prefer: 'code=400, example=license_expired' } })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ code: 'license_expired', message: 'License validity period has expired.' })
    expect(device(await stateOf(server), 1001, 'demo-device-1')?.active).not.toBe(false)
  })
})

describe('CORS', () => {
  test.each([DEACTIVATE, '/__admin/state', '/anything/else'])('OPTIONS %s is a 204 preflight', async (path) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, prefer' },
    })
    expect(response.status).toBe(204)
    // The admin API names the (loopback) page it allows; the License API allows any.
    expect(response.headers.get('access-control-allow-origin')).toBe(path.startsWith('/__admin') ? 'http://localhost:3000' : '*')
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, GET, PUT, DELETE')
    expect(response.headers.get('access-control-allow-headers')).toBe('date, authorization, content-type, prefer')
    expect(await response.text()).toBe('')
  })

  test('every License API response carries Access-Control-Allow-Origin: *; admin answers name a loopback page, or carry none', async () => {
    const success = await call(server, keyBody('DEMO-OK-0001'))
    const failure = await call(server, keyBody('NO-SUCH-KEY'))
    const health = await admin(server, 'GET', '/health')
    const adminMissing = await admin(server, 'GET', '/nope')
    expect([success.status, failure.status, health.status, adminMissing.status]).toEqual([200, 400, 200, 404])
    for (const answer of [success, failure]) expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    for (const answer of [health, adminMissing]) expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    const fromPage = await fetch(`${server.url}/__admin/health`, { headers: { origin: 'http://127.0.0.1:5173' } })
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(fromPage.headers.get('vary')).toBe('Origin')
  })
})

describe('body limit', () => {
  test('a 2 MiB body answers 413 payload_too_large and the server keeps serving', async () => {
    const big = JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001', padding: 'x'.repeat(2 * 1024 * 1024) })
    const response = await fetch(`${server.url}${DEACTIVATE}`, { method: 'POST', headers: signedRaw(), body: big })
    const text = await response.text()
    expect(response.status).toBe(413)
    expect(JSON.parse(text)).toMatchObject({ status: 413, code: 'payload_too_large' })
    assertConformsToSpec(413, text)

    const raw = await rawRequest(server, { headers: signedRaw(), body: big })
    expect(raw.error).toBeUndefined()
    expect(raw.status).toBe(413)
    assertConformsToSpec(413, raw.body)

    const after = await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))
    expect(after.status).toBe(200)
    expect(device(await stateOf(server), 1001, 'demo-device-1')?.active).toBe(false)
  })

  test('a body of exactly 1 MiB is read (and answered by the rules, not 413)', async () => {
    const prefix = '{"hardware_id":"demo-device-1","product":"demo","license_key":"DEMO-OK-0001","x":"'
    const body = `${prefix}${'x'.repeat(1024 * 1024 - prefix.length - 2)}"}`
    expect(Buffer.byteLength(body)).toBe(1024 * 1024)
    const answer = await call(server, undefined, { raw: body })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ code: 'validation_error' })
  })
})

describe('network faults as a client sees them', () => {
  const addFault = async (spec: object) => {
    const added = await admin(server, 'POST', '/faults', spec)
    expect(added.status).toBe(201)
    return added.body.id as string
  }

  test('reset: the connection is reset (ECONNRESET), the device is not deactivated', async () => {
    await addFault({ match: { license_key: 'DEMO-OK-0001' }, network: 'reset' })
    const error = await fetch(`${server.url}${DEACTIVATE}`, { method: 'POST', headers: signedRaw(), body: JSON.stringify(keyBody('DEMO-OK-0001')) }).then(
      () => undefined,
      (failure: Error & { cause?: NodeJS.ErrnoException }) => failure,
    )
    expect(error?.cause?.code).toBe('ECONNRESET')
    const raw = await rawRequest(server, { headers: signedRaw(), body: JSON.stringify(keyBody('DEMO-OK-0001')) })
    expect(raw.status).toBeUndefined()
    expect(raw.error?.code).toBe('ECONNRESET')
    expect(device(await stateOf(server), 1001, 'demo-device-1')?.active).not.toBe(false)
    const journal = await admin(server, 'GET', '/requests?limit=2')
    expect(journal.body.requests.map((entry: { code: string; status: number }) => [entry.code, entry.status])).toEqual([
      ['network:reset', 0],
      ['network:reset', 0],
    ])
  })

  test('timeout: no answer until the client gives up', async () => {
    await addFault({ match: { hardware_id: 'demo-device-2' }, network: 'timeout' })
    const started = Date.now()
    const outcome = await fetch(`${server.url}${DEACTIVATE}`, {
      method: 'POST',
      headers: signedRaw(),
      body: JSON.stringify(keyBody('DEMO-OK-0001', 'demo-device-2')),
      signal: AbortSignal.timeout(400),
    }).then(
      (response) => `answered ${response.status}`,
      (error: Error) => error.name,
    )
    expect(outcome).toBe('TimeoutError')
    expect(Date.now() - started).toBeGreaterThanOrEqual(350)
    // The server still serves others meanwhile.
    expect((await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))).status).toBe(200)
  })

  test('empty: status and headers, then the connection closes with no body', async () => {
    await addFault({ match: { license_key: 'DEMO-OK-0001' }, network: 'empty' })
    const fetched = await fetch(`${server.url}${DEACTIVATE}`, { method: 'POST', headers: signedRaw(), body: JSON.stringify(keyBody('DEMO-OK-0001')) })
      .then((response) => response.text())
      .then(
        (text) => `body ${JSON.stringify(text)}`,
        (error: Error) => `error ${error.name}`,
      )
    expect(fetched).toBe('error TypeError')

    const raw = await rawRequest(server, { headers: signedRaw(), body: JSON.stringify(keyBody('DEMO-OK-0001')) })
    expect(raw.status).toBe(200)
    expect(raw.body).toBe('')
    expect(raw.error).toBeDefined()
    expect(device(await stateOf(server), 1001, 'demo-device-1')?.active).not.toBe(false)
  })

  test('delay_ms: the answer comes after the delay, unchanged', async () => {
    await addFault({ match: { hardware_id: 'demo-device-3' }, delay_ms: 300 })
    const started = Date.now()
    const answer = await call(server, keyBody('DEMO-OK-0001', 'demo-device-3'))
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('license_deactivated')
  })

  test('a fault with times: 1 fires once, then the real rules answer', async () => {
    await addFault({ match: { license_key: 'DEMO-OK-0001', hardware_id: 'demo-device-4' }, error: 'license_not_enabled', times: 1 })
    const first = await call(server, keyBody('DEMO-OK-0001', 'demo-device-4'))
    expect(first.status).toBe(400)
    expect(first.body).toMatchObject({ code: 'license_not_enabled', message: 'The license is not enabled' })
    expect(device(await stateOf(server), 1001, 'demo-device-4')?.active).not.toBe(false)

    const second = await call(server, keyBody('DEMO-OK-0001', 'demo-device-4'))
    expect(second.status).toBe(200)
    expect((await admin(server, 'GET', '/faults')).body).toEqual({ faults: [] })
  })

  test('an error fault with a status override', async () => {
    await addFault({ match: { product: 'demo' }, error: 'internal_error' })
    const answer = await call(server, keyBody('DEMO-OK-0001'))
    expect(answer.status).toBe(500)
    expect(answer.body).toEqual({ status: 500, code: 'internal_error', message: 'Internal server error' })
  })
})

test('the journal records each outcome’s code, newest first', async () => {
  await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))
  await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))
  await call(server, keyBody('DEMO-OK-0001'), { credentials: { apiKey: 'no-such-key', sharedKey: 'x' } })
  await call(server, keyBody('DEMO-EXPIRED'))
  await call(server, undefined, { raw: '{"hardware_id":' })
  await call(server, keyBody('DEMO-OK-0001'), { headers: { authorization: undefined } })
  const journal = await admin(server, 'GET', '/requests')
  expect(journal.status).toBe(200)
  expect(journal.body.requests.map((entry: { code: string }) => entry.code)).toEqual([
    'missing_headers',
    'invalid_json',
    'license_expired',
    'invalid_api_key',
    'device_not_found',
    'license_deactivated',
  ])
  expect(journal.body.requests[5]).toMatchObject({ tenant: 'default', method: 'POST', path: DEACTIVATE, status: 200, body: keyBody('DEMO-OK-0001', 'demo-device-1') })
  expect(JSON.stringify(journal.body)).not.toContain('demo-shared-key')
})

describe('the adapter alone', () => {
  const listen = async (adapter: ReturnType<typeof createHttpAdapter>) => {
    adapter.server.listen(0, '127.0.0.1')
    await once(adapter.server, 'listening')
    return `http://127.0.0.1:${(adapter.server.address() as AddressInfo).port}`
  }

  test('an unexpected throw answers the 500 envelope, logs one line, and the server keeps serving', async () => {
    const lines: string[] = []
    let calls = 0
    const adapter = createHttpAdapter({
      engine: {
        handle(request: CoreRequest) {
          calls += 1
          if (calls === 1) throw new Error(`boom\n    at somewhere (file.ts:1:1) ${request.path}`)
          return { status: 200, headers: { 'content-type': 'application/json' }, body: '"license_deactivated"', code: 'license_deactivated' }
        },
      },
      log: (line) => lines.push(line),
    })
    const url = await listen(adapter)
    try {
      const failed = await fetch(`${url}${DEACTIVATE}`, { method: 'POST', body: '{}' })
      const text = await failed.text()
      expect(failed.status).toBe(500)
      expect(JSON.parse(text)).toEqual({ status: 500, code: 'internal_error', message: 'Internal server error' })
      expect(text).not.toContain('boom')
      assertConformsToSpec(500, text)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^licensespring-mock: internal error on POST \/api\/v4\/deactivate_license: Error: boom/)
      expect(lines[0]).not.toContain('\n')

      const next = await fetch(`${url}${DEACTIVATE}`, { method: 'POST', body: '{}' })
      expect(next.status).toBe(200)
      assertConformsToSpec(200, await next.text())
    } finally {
      await adapter.close()
    }
  })

  test('an admin handler that rejects answers the 500 envelope too', async () => {
    const lines: string[] = []
    const engine = await createEngine({ seed: resolveSeed({}) })
    const broken = { ...engine, reset: () => Promise.reject(new Error('disk on fire')) }
    const adapter = createHttpAdapter({ engine, admin: createAdmin(broken, { version: 'x' }), log: (line) => lines.push(line) })
    const url = await listen(adapter)
    try {
      const response = await fetch(`${url}/__admin/reset`, { method: 'POST' })
      expect(response.status).toBe(500)
      expect(await response.json()).toEqual({ status: 500, code: 'internal_error', message: 'Internal server error' })
      expect(lines).toEqual(['licensespring-mock: internal error on POST /__admin/reset: Error: disk on fire'])
    } finally {
      await adapter.close()
    }
  })

  test('a client that never finishes its headers is cut off (408)', async () => {
    const adapter = createHttpAdapter({ engine: { handle: () => ({ status: 200, headers: {}, body: '""', code: 'license_deactivated' }) }, headersTimeoutMs: 200, requestTimeoutMs: 400 })
    const url = new URL(await listen(adapter))
    try {
      const socket = connect(Number(url.port), url.hostname)
      let received = ''
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()))
      socket.write('POST /api/v4/deactivate_license HTTP/1.1\r\nHost: x\r\n')
      const started = Date.now()
      await once(socket, 'close')
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(received).toMatch(/^HTTP\/1\.1 408/)
    } finally {
      await adapter.close()
    }
  })

  test.each([
    { name: 'a header', path: DEACTIVATE, headers: { ...signedRaw(), 'x-padding': 'a'.repeat(17_000) } },
    { name: 'a query string', path: `/api/v4/check_license?hardware_id=${'h'.repeat(20_000)}&product=demo`, headers: signedRaw() },
    { name: 'an admin path', path: `/__admin/state?${'x'.repeat(16_384)}`, headers: {} },
  ])('a request line and headers over 16 KiB ($name) answer 431 headers_too_large in the envelope, and the server keeps serving', async ({ path, headers }) => {
    const before = JSON.stringify(await stateOf(server))
    const answer = await rawRequest(server, { method: path.includes('check_license') || path.startsWith('/__admin') ? 'GET' : 'POST', path, headers })
    expect(answer.error).toBeUndefined()
    expect(answer.status).toBe(431)
    expect(answer.headers?.connection).toBe('close')
    expect(JSON.parse(answer.body)).toEqual({ status: 431, code: 'headers_too_large', message: 'Request line and headers are larger than 16384 bytes' })
    assertConformsToSpec(431, answer.body, DEACTIVATE, 'post', answer.headers)
    expect(JSON.stringify(await stateOf(server))).toBe(before)
    expect((await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))).status).toBe(200)
  })

  test('an oversized head still being sent is read to its end: the client gets the 431, not a reset', async () => {
    const url = new URL(server.url)
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const socket = connect(Number(url.port), url.hostname)
        let received = ''
        socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
        let failure: string | undefined
        socket.on('error', (error: NodeJS.ErrnoException) => (failure = error.code))
        // 4 MB of header, then the end of the head and a body: still on its way when the parser gives up.
        socket.end(`POST ${DEACTIVATE} HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(4_000_000)}\r\nContent-Length: 2\r\n\r\n{}`)
        await once(socket, 'close')
        return { head: received.slice(0, received.indexOf('\r\n')), failure }
      }),
    )
    expect(answers).toEqual(Array.from({ length: 10 }, () => ({ head: 'HTTP/1.1 431 Request Header Fields Too Large', failure: undefined })))
  })

  test("bytes that are not HTTP still get node's bare 400, and the connection closes", async () => {
    const url = new URL(server.url)
    const socket = connect(Number(url.port), url.hostname)
    let received = ''
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
    socket.end('NOT HTTP AT ALL\r\n\r\n')
    await once(socket, 'close')
    expect(received).toBe('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
  })

  test('close() ends idle keep-alive sockets and cuts hung ones, promptly', async () => {
    const running = await startMockServer({ port: 0 })
    let closed = false
    try {
      const fault = await admin(running, 'POST', '/faults', { network: 'timeout' })
      expect(fault.status).toBe(201)
      // An idle keep-alive connection...
      const agent = new Agent({ keepAlive: true })
      const idle = await new Promise<number | undefined>((resolve, reject) => {
        httpRequest(`${running.url}/__admin/health`, { agent }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode))
        })
          .on('error', reject)
          .end()
      })
      expect(idle).toBe(200)
      // ...and a request the server never answers.
      const hung = rawRequest(running, { headers: signedRaw(), body: JSON.stringify(keyBody('DEMO-OK-0001')) })
      await new Promise((resolve) => setTimeout(resolve, 100))

      const started = Date.now()
      await running.close()
      closed = true
      expect(Date.now() - started).toBeLessThan(1500)
      const outcome = await hung
      expect(outcome.status).toBeUndefined()
      expect(outcome.error).toBeDefined()
      agent.destroy()
      const refused = await fetch(`${running.url}/__admin/health`).then(
        () => 'answered',
        (error: Error & { cause?: NodeJS.ErrnoException }) => error.cause?.code,
      )
      expect(refused).toBe('ECONNREFUSED')
    } finally {
      if (!closed) await running.close()
    }
  })
})
