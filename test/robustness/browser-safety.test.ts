// A web page cannot drive the admin API, and DNS rebinding cannot reach the server: CORS for
// /__admin only for loopback origins (and --admin-origin ones), a state change from any other
// Origin is a 403 whatever its content type, and on loopback a foreign Host is a 421.
import fc from 'fast-check'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { afterAll, describe, expect, test } from 'vitest'
import { hostName, hostPolicy, isLoopback } from '../../src/adapters/hosts.ts'
import { main } from '../../src/cli.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { startMockServer, type RunningServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { DEMO } from '../support/demo.ts'

const EVIL = 'https://evil.example'

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** A raw request: any Host and Origin header, as a page (or a rebound name) would send them. */
function send(server: RunningServer, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers }, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}
const json = (answer: Answer) => JSON.parse(answer.text) as Record<string, unknown>
const deactivation = (hardware_id = 'demo-device-1') => JSON.stringify({ hardware_id, product: 'demo', license_key: 'DEMO-OK-0001' })
const signed = () => {
  const headers = signedHeaders(DEMO)
  return { date: headers.Date, authorization: headers.Authorization, 'content-type': 'application/json' }
}

describe('the admin API and browser pages', () => {
  const serverPromise = startMockServer({ port: 0, adminOrigins: ['https://app.example.com'] })
  afterAll(async () => (await serverPromise).close())
  const snapshot = async () => JSON.stringify((await serverPromise).engine.tenant()!.store.toSeed())

  test.each([
    ['POST', '/__admin/faults', 'text/plain', '{"network":"reset"}'],
    ['POST', '/__admin/faults', 'application/json', '{"network":"reset"}'],
    ['POST', '/__admin/reset', 'text/plain', ''],
    ['PUT', '/__admin/state', 'text/plain', '{}'],
    ['PUT', '/__admin/clock', 'application/x-www-form-urlencoded', 'advance=30d'],
    ['DELETE', '/__admin/requests', 'text/plain', ''],
    ['POST', '/__admin/tenants', 'multipart/form-data; boundary=x', '--x--'],
  ])('%s %s (%s) from another origin → 403 admin_forbidden_origin, nothing changes', async (method, path, type, body) => {
    const server = await serverPromise
    const before = await snapshot()
    const clock = server.engine.tenant()!.clock.state()
    const journal = server.engine.journal.size
    for (const origin of [EVIL, 'null', 'http://localhost.evil.example', 'https://localhost:3000', 'http://127.0.0.1.nip.io']) {
      const answer = await send(server, method, path, { origin, 'content-type': type }, body)
      expect(answer.status, origin).toBe(403)
      expect(json(answer)).toEqual({ status: 403, code: 'admin_forbidden_origin', message: expect.stringContaining('does not accept requests from the page at') })
      expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    }
    expect(server.engine.tenant()!.faults.list()).toEqual([])
    expect(await snapshot()).toBe(before)
    expect(server.engine.tenant()!.clock.state().frozen).toBe(clock.frozen)
    expect(server.engine.journal.size).toBe(journal)
    // The License API still answers (no network fault was added): by the rules, not a reset connection.
    const reply = await send(server, 'POST', '/api/v4/deactivate_license', signed(), deactivation('demo-device-5'))
    expect(['"license_deactivated"', JSON.stringify({ status: 400, code: 'device_not_found', message: 'An active device matching the hardware_id not found' })]).toContain(reply.text)
  })

  test('a read from another origin is answered without CORS headers, so the page cannot read it', async () => {
    const server = await serverPromise
    const answer = await send(server, 'GET', '/__admin/state', { origin: EVIL })
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(answer.headers.vary).toBe('Origin')
  })

  test.each(['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'http://localhost', 'https://app.example.com'])('the page at %s may use it (CORS names it)', async (origin) => {
    const server = await serverPromise
    const added = await send(server, 'POST', '/__admin/faults', { origin, 'content-type': 'application/json' }, '{"error":"license_expired","times":1}')
    expect(added.status).toBe(201)
    expect(added.headers['access-control-allow-origin']).toBe(origin)
    expect((await send(server, 'DELETE', '/__admin/faults', { origin })).status).toBe(204)
    const preflight = await send(server, 'OPTIONS', '/__admin/state', { origin, 'access-control-request-method': 'PUT' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe(origin)
  })

  test('a preflight from another origin is refused, and so is its Private Network Access request', async () => {
    const server = await serverPromise
    const refused = await send(server, 'OPTIONS', '/__admin/state', { origin: EVIL, 'access-control-request-method': 'PUT', 'access-control-request-private-network': 'true' })
    expect(refused.status).toBe(403)
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
    expect(refused.headers['access-control-allow-private-network']).toBeUndefined()
  })

  test('the License API keeps open CORS; Private Network Access only for the allowed origins', async () => {
    const server = await serverPromise
    const answer = await send(server, 'POST', '/api/v4/deactivate_license', { origin: EVIL, 'content-type': 'text/plain' }, '{}')
    expect(answer.headers['access-control-allow-origin']).toBe('*')
    const pna = { 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' }
    const fromEvil = await send(server, 'OPTIONS', '/api/v4/deactivate_license', { origin: EVIL, ...pna })
    expect(fromEvil.status).toBe(204)
    expect(fromEvil.headers['access-control-allow-origin']).toBe('*')
    expect(fromEvil.headers['access-control-allow-private-network']).toBeUndefined()
    const fromApp = await send(server, 'OPTIONS', '/api/v4/deactivate_license', { origin: 'https://app.example.com', ...pna })
    expect(fromApp.headers['access-control-allow-private-network']).toBe('true')
  })

  test('a request without Origin (curl, an SDK) is not a browser page: it may change state', async () => {
    const server = await serverPromise
    expect((await send(server, 'POST', '/__admin/faults', { 'content-type': 'application/json' }, '{"delay_ms":1,"times":1}')).status).toBe(201)
    expect((await send(server, 'DELETE', '/__admin/faults')).status).toBe(204)
  })
})

describe('the Host check (DNS rebinding)', () => {
  const serverPromise = startMockServer({ port: 0, allowHosts: ['mock.internal', '.corp.example'] })
  afterAll(async () => (await serverPromise).close())

  test.each(['evil.example', 'evil.example:4010', '127.0.0.1.evil.example', 'localhost.evil.example', '10.0.0.5', 'internal', 'corp.example.evil'])(
    'Host %s → 421 host_not_allowed on the admin API and the License API, nothing changes',
    async (host) => {
      const server = await serverPromise
      const before = JSON.stringify(server.engine.tenant()!.store.toSeed())
      for (const [method, path, body] of [
        ['GET', '/__admin/state', undefined],
        ['POST', '/__admin/reset', ''],
        ['POST', '/api/v4/deactivate_license', deactivation()],
        ['OPTIONS', '/__admin/state', undefined],
      ] as const) {
        const answer = await send(server, method, path, { ...signed(), host }, body)
        expect(answer.status, `${method} ${path}`).toBe(421)
        assertConformsToSpec(421, answer.text)
        expect(json(answer)).toMatchObject({ status: 421, code: 'host_not_allowed', message: expect.stringContaining(`"${host}"`) })
      }
      expect(JSON.stringify(server.engine.tenant()!.store.toSeed())).toBe(before)
    },
  )

  test.each(['127.0.0.1', 'localhost', 'LOCALHOST:4010', '[::1]:4010', '127.1', '127.0.0.2:80', 'app.localhost', 'mock.internal', 'MOCK.INTERNAL:4010', 'ci.corp.example', 'corp.example'])('Host %s is answered', async (host) => {
    const server = await serverPromise
    expect((await send(server, 'GET', '/__admin/health', { host })).status).toBe(200)
  })

  test('on another address the check follows --allow-host: every Host without it; with it, IP addresses, loopback and the named hosts', async () => {
    const open = await startMockServer({ port: 0, host: '0.0.0.0', log: () => {} })
    const named = await startMockServer({ port: 0, host: '0.0.0.0', allowHosts: ['mock'], log: () => {} })
    try {
      expect((await send(open, 'GET', '/__admin/health', { host: 'whatever.example' })).status).toBe(200)
      for (const host of ['mock:4010', '10.1.2.3:4010', '[fd00::1]:4010', 'localhost']) expect((await send(named, 'GET', '/__admin/health', { host })).status, host).toBe(200)
      expect((await send(named, 'GET', '/__admin/health', { host: 'evil.example' })).status).toBe(421)
    } finally {
      await open.close()
      await named.close()
    }
  })

  test('bad --allow-host and --admin-origin values are usage errors', async () => {
    for (const args of [
      ['--allow-host', 'http://mock'],
      ['--allow-host', 'mock:4010'],
      ['--admin-origin', 'app.example.com'],
      ['--admin-origin', 'https://app.example.com/path'],
    ]) {
      const err: string[] = []
      expect(await main(['serve', '--port', '0', ...args], { out: () => {}, err: (line) => err.push(line) }, {})).toBe(2)
      expect(err).toHaveLength(1)
      expect(err[0]).toMatch(new RegExp(`^licensespring-mock serve: ${args[0]}: `))
    }
  })
})

describe('loopback in every spelling', () => {
  const octet = fc.integer({ min: 0, max: 255 })
  test('127.0.0.0/8 as dotted quad, shortened, hex, octal and one number; never another network', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        const value = ((a * 256 + b) * 256 + c) * 256 + d
        const forms = [`${a}.${b}.${c}.${d}`, `${a}.${b}.${c * 256 + d}`, `${a}.${(b * 256 + c) * 256 + d}`, String(value), `0x${a.toString(16)}.${b}.${c}.${d}`, `0${a.toString(8)}.${b}.${c}.${d}`]
        for (const form of forms) expect(isLoopback(form), form).toBe(a === 127)
      }),
      { numRuns: 500 },
    )
  })

  test.each(['::1', '0:0:0:0:0:0:0:1', '[::1]', '::ffff:127.0.0.1', 'localhost', 'localhost.', 'LocalHost', 'a.localhost'])('%s is loopback', (host) => {
    expect(isLoopback(host)).toBe(true)
  })
  test.each(['::2', '128.0.0.1', '0.0.0.0', '', 'localhost.example', 'mylocalhost', '127.0.0.1.example', '1.2.3.4.5', '0x80.0.0.1'])('%s is not', (host) => {
    expect(isLoopback(host)).toBe(false)
  })

  test('a Host header names a host with or without a port; on loopback only loopback hosts pass', () => {
    expect(hostName('[::1]:4010')).toBe('[::1]')
    expect(hostName('Example.COM.:80')).toBe('example.com')
    const check = hostPolicy('127.1')
    fc.assert(
      fc.property(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 })), (domain, port) => {
        const header = port === null ? domain : `${domain}:${port}`
        expect(check(header)).toBe(isLoopback(domain))
      }),
    )
  })

  test('serve --host 127.1 (and other loopback spellings) prints no exposure warning', async () => {
    for (const host of ['127.1', '127.0.0.1', 'localhost', '::1']) {
      const lines: string[] = []
      const server = await startMockServer({ port: 0, host, log: (line) => lines.push(line) })
      await server.close()
      expect(lines, host).toEqual([])
    }
  })
})
