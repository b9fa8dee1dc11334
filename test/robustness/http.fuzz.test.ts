// Property-based, over real sockets: the standalone server under random requests to every
// endpoint of the table (node:http for anything HTTP can carry, raw TCP for bytes HTTP cannot),
// and the admin API under random calls.
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { startMockServer } from '../../src/server.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { checkAnswer, DEMO, ENDPOINTS, FUZZ_TIMEOUT_MS, mixedRequests, objectText, REQUIRED_OUTCOMES, RUNS, send as sendTo, sendRaw as sendRawTo, type FuzzRequest } from './support.ts'

const server = await startMockServer({ port: 0, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, log: (line) => logged.push(line) })
const logged: string[] = []
afterAll(() => server.close())
const state = () => server.engine.tenant()!.store.toSeed()
const { port } = server
const send = (request: FuzzRequest) => sendTo(port, request)
const sendRaw = (bytes: Buffer) => sendRawTo(port, bytes)

describe('the License API over HTTP under random requests', () => {
  test('every answer conforms to the spec of its endpoint; no 5xx; state changes only on a real success', async () => {
    let changes = 0
    const outcomes: Record<string, number> = {}
    await fc.assert(
      fc.asyncProperty(mixedRequests({ wire: true }), async (request) => {
        const before = state()
        const reply = await send(request)
        expect(reply.headers['access-control-allow-origin']).toBe('*')
        const bodyExpected = request.method !== 'HEAD' && reply.status !== 204
        if (request.method === 'OPTIONS') expect(reply.status).toBe(204)
        const verdict = checkAnswer(request, reply, before, state(), { bodyExpected, publicKey: server.engine.publicKey })
        outcomes[verdict.outcome] = (outcomes[verdict.outcome] ?? 0) + 1
        // Browser SDKs read the v2 signature only when it is exposed.
        if (reply.headers.licensesignature !== undefined) expect(reply.headers['access-control-expose-headers']).toBe('LicenseSignature')
        if (verdict.changed && ++changes % 4 === 0) await server.engine.reset()
      }),
      { numRuns: RUNS * 2 },
    )
    for (const outcome of REQUIRED_OUTCOMES) expect(outcomes[outcome] ?? 0, `${outcome} in ${JSON.stringify(outcomes)}`).toBeGreaterThan(0)
    // Every endpoint of the table was asked, and most answered a success.
    const asked = new Set(Object.keys(outcomes).map((outcome) => outcome.split(' ')[0]))
    expect(ENDPOINTS.map((endpoint) => endpoint.name).filter((name) => !asked.has(name))).toEqual([])
    expect(ENDPOINTS.filter((endpoint) => outcomes[`${endpoint.name} ${endpoint.success}`]).length).toBeGreaterThan(ENDPOINTS.length / 2)
    expect(logged).toEqual([])
    if (process.env.FUZZ_REPORT) console.log('http outcomes', JSON.stringify(Object.entries(outcomes).sort(([, a], [, b]) => b - a)))
  }, FUZZ_TIMEOUT_MS)

  test('bytes HTTP cannot carry: every answer is a 4xx or a closed connection, and the server keeps serving', async () => {
    const token = fc.stringMatching(/^[A-Z]{1,10}$/)
    const line = fc.oneof(
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('latin1')) },
      { weight: 3, arbitrary: fc.tuple(token, fc.string({ maxLength: 30 })).map(([name, value]) => `X-${name}: ${value.replace(/[\r\n]/g, '')}`) },
      { weight: 3, arbitrary: fc.constantFrom(
        'Content-Length: -1',
        'Content-Length: 99999999999999999999',
        'Content-Length: 5',
        'Content-Length: 1, 2',
        'Transfer-Encoding: chunked',
        'Transfer-Encoding: gzip, chunked',
        'Transfer-Encoding: identity',
        'Expect: 100-continue',
        'Expect: nonsense',
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Host:',
        'Date: \u0000',
        'Authorization: \u00ff\u00fe',
        ' folded: header',
        ': no-name',
        'no-colon',
        'X-A: b\rc',
        `X-Long: ${'a'.repeat(20_000)}`,
      ) },
    )
    const raw = fc
      .record({
        method: fc.oneof({ weight: 6, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom('GET', 'HEAD', 'CONNECT', 'PRI', 'OPTIONS') }, { weight: 1, arbitrary: token }),
        target: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...ENDPOINTS.map((endpoint) => endpoint.path)) },
          { weight: 2, arbitrary: fc.constantFrom('*', 'http://x/api/v4/deactivate_license', '/__admin/health', '', '/a b', '/api/v4/x?y#z') },
          { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
        ),
        version: fc.oneof({ weight: 6, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'http/1.1', '') }),
        host: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        signed: fc.boolean(),
        lines: fc.array(line, { maxLength: 3 }),
        body: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.constant('{"hardware_id":"demo-device-1","product":"demo","license_key":"DEMO-OK-0001"}'), fc.constant('0\r\n\r\n'), fc.constant('zz\r\nab\r\n0\r\n\r\n')),
        length: fc.constantFrom('right', 'right', 'none', 'short', 'long'),
        garbage: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 100 }) }),
      })
      .map(({ method, target, version, host, signed, lines, body, length, garbage }) => {
        if (garbage) return Buffer.from(garbage)
        const bytes = Buffer.byteLength(body, 'latin1')
        const size = { right: bytes, none: -1, short: Math.max(0, bytes - 3), long: bytes + 3 }[length]
        const auth = signed ? Object.entries(signedHeaders(DEMO)).map(([name, value]) => `${name}: ${value}`) : []
        const head = [`${method} ${target} ${version}`, ...(host ? ['Host: 127.0.0.1'] : []), ...auth, ...lines, ...(size >= 0 ? [`Content-Length: ${size}`] : [])]
        return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1')
      })
    let reachedApi = 0
    await server.engine.reset()
    await fc.assert(
      fc.asyncProperty(raw, async (bytes) => {
        const before = JSON.stringify(state())
        const answer = await sendRaw(bytes)
        expect(answer.closed).toBe(true)
        // Interim answers (100 Continue for Expect: 100-continue) come before the real one.
        const data = answer.data.replace(/^(?:HTTP\/1\.1 1\d\d [^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n)+/, '')
        const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(data)
        if (statusLine) {
          const status = Number(statusLine[1])
          if (/\r\naccess-control-allow-origin: \*\r\n/i.test(data)) reachedApi += 1
          expect(status, data.slice(0, 300)).toBeLessThan(500)
        }
        if (JSON.stringify(state()) !== before) {
          // Only a success changes the state (a pipelined second request may follow it).
          expect(data).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
          await server.engine.reset()
        }
      }),
      { numRuns: RUNS },
    )
    const health = await send({ method: 'GET', path: '/__admin/health', headers: {}, signed: false })
    expect(health.status).toBe(200)
    expect(logged).toEqual([])
  }, FUZZ_TIMEOUT_MS)
})

describe('the admin API under random calls', () => {
  test('never a 5xx; every error is the admin envelope; state changes only when a call succeeds', async () => {
    const segment = fc.oneof(
      fc.constantFrom('health', 'reset', 'state', 'tenants', 'requests', 'faults', 'clock', 'default', 'fault-1', '__proto__', 'constructor', '%', '%zz', '%00', '..', ''),
      fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text)),
    )
    const jsonBody = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.constantFrom(
        '{"advance":"30d"}',
        '{"now":"2030-01-01T00:00:00Z","frozen":true}',
        '{"real":true}',
        '{"real":true,"advance":"1d"}',
        '{"error":"blacklisted","times":1}',
        '{"network":"reset","error":"blacklisted"}',
        '{"delay_ms":-1}',
        '{"licenses":[{"product":"nope"}]}',
        '{"credentials":[{"api_key":"demo-api-key","shared_key":"x"}]}',
        '{"__proto__":{"polluted":true}}',
        '[[[[[[[[[[',
        `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      ),
      fc.array(fc.tuple(fc.constantFrom('now', 'advance', 'frozen', 'real', 'match', 'error', 'status', 'delay_ms', 'network', 'times', 'credentials', 'licenses', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }).map(objectText),
    )
    const yamlBody = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('a: &a [*a]', 'x: !!js/function "() => 1"', '- - - - - - -', '{'.repeat(5_000), 'a:\n  - b\n - c', 'licenses: [{ product: nope }]', 'credentials: 5', '? [a, b]\n: c', '&a x: *a'),
    )
    const call = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      segments: fc.array(segment, { minLength: 0, maxLength: 3 }),
      query: fc.option(fc.oneof(fc.constantFrom('tenant=default', 'tenant=nope', 'limit=0', 'limit=5', 'limit=-1', 'limit=99999999999', 'code=x', 'id=a', 'id=..', 'tenant=%zz', 'x=1', '&&&'), fc.string({ maxLength: 20 }).map(encodeURIComponent))),
      yaml: fc.boolean(),
      body: fc.option(fc.oneof(jsonBody, yamlBody)),
    })
    await server.engine.reset()
    await fc.assert(
      fc.asyncProperty(call, async ({ method, segments, query, yaml, body }) => {
        const before = JSON.stringify(state())
        const path = `/__admin${segments.map((part) => `/${part}`).join('')}${query === null ? '' : `?${query}`}`
        const headers: Record<string, string> = { 'content-type': yaml ? 'application/yaml' : 'application/json' }
        const reply = await send({ method, path, headers, body: body ?? undefined, signed: false })
        expect(reply.status, `${method} ${path}`).toBeLessThan(500)
        if (reply.status === 204) expect(reply.text).toBe('')
        else {
          const parsed = JSON.parse(reply.text) as { status?: unknown; code?: unknown; message?: unknown }
          if (reply.status >= 400) {
            expect(parsed).toMatchObject({ status: reply.status, code: expect.stringMatching(/^admin_/), message: expect.any(String) })
          }
        }
        const ok = reply.status < 300
        if (!ok || method === 'GET') expect(JSON.stringify(state()) === before, `state changed by ${method} ${path} → ${reply.status}`).toBe(true)
        // Whatever a successful call changed (state, faults, clock, tenants) goes back.
        if (ok && method !== 'GET') await server.engine.reset()
      }),
      { numRuns: RUNS * 2 },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(logged).toEqual([])
  }, FUZZ_TIMEOUT_MS)
})
