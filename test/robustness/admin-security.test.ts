// Admin safety: the optional admin token, the warning for an exposed admin API, and what logs
// and the journal never contain.
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { createAdmin } from '../../src/adapters/admin.ts'
import { main } from '../../src/cli.ts'
import { createEngine } from '../../src/core/engine.ts'
import { signDate, signedHeaders } from '../../src/core/signature.ts'
import { resolveSeed } from '../../src/seed-file.ts'
import { exposureWarning, isLoopback, startMockServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { spawnCli, spawnNode, urlOf, ROOT } from '../support/processes.ts'
import { codeOf, deactivate, post } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

const TOKEN = 'admin-token-7f3a9c'
const ROUTES: [string, string][] = [
  ['GET', '/health'],
  ['POST', '/reset'],
  ['GET', '/state'],
  ['PUT', '/state'],
  ['GET', '/tenants'],
  ['POST', '/tenants'],
  ['DELETE', '/tenants/default'],
  ['GET', '/requests'],
  ['DELETE', '/requests'],
  ['POST', '/faults'],
  ['GET', '/faults'],
  ['DELETE', '/faults'],
  ['DELETE', '/faults/fault-1'],
  ['GET', '/clock'],
  ['PUT', '/clock'],
  ['GET', '/no-such-route'],
  ['PATCH', '/state'],
]

const adminCall = (url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  post(url, `/__admin${path}`, body === undefined ? headers : { 'content-type': 'application/json', ...headers }, body, undefined, method)

describe('--admin-token / adminToken', () => {
  const serverPromise = startMockServer({ port: 0, adminToken: TOKEN })
  afterAll(async () => (await serverPromise).close())

  test.each(ROUTES)('%s /__admin%s without the token, or with a wrong one → 401 admin_unauthorized', async (method, path) => {
    const server = await serverPromise
    const before = JSON.stringify(server.engine.tenant()!.store.toSeed())
    const body = method === 'PUT' || method === 'POST' ? '{}' : undefined
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }, { authorization: 'Bearer' }]
    for (const headers of attempts) {
      const reply = await adminCall(server.url, method, path, headers, body)
      expect(reply.status).toBe(401)
      expect(reply.body).toEqual({ status: 401, code: 'admin_unauthorized', message: expect.any(String) })
      expect(reply.headers['www-authenticate']).toBe('Bearer realm="licensespring-mock admin"')
      expect(reply.text).not.toContain(TOKEN)
    }
    expect(JSON.stringify(server.engine.tenant()!.store.toSeed())).toBe(before)
  })

  test('with Authorization: Bearer <token> every route works as usual', async () => {
    const server = await serverPromise
    const auth = { authorization: `Bearer ${TOKEN}` }
    expect((await adminCall(server.url, 'GET', '/health', auth)).status).toBe(200)
    expect((await adminCall(server.url, 'GET', '/state', auth)).status).toBe(200)
    expect((await adminCall(server.url, 'PUT', '/clock', { authorization: `bearer  ${TOKEN}` }, '{"advance":"1d"}')).status).toBe(200)
    expect((await adminCall(server.url, 'POST', '/reset', auth)).status).toBe(200)
    expect((await adminCall(server.url, 'GET', '/no-such-route', auth)).status).toBe(404)
  })

  test('a large body without the token is refused without being read', async () => {
    const server = await serverPromise
    const reply = await adminCall(server.url, 'PUT', '/state', {}, JSON.stringify({ licenses: [], pad: 'x'.repeat(3 * 1024 * 1024) }))
    expect(reply.status).toBe(401)
  })

  test('the License API is unaffected, and the admin token is no License API credential', async () => {
    const server = await serverPromise
    const ok = await deactivate(server.url, DEMO, { hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' })
    expect(codeOf(ok)).toBe('license_deactivated')
    const signed = signedHeaders(DEMO)
    const bearer = await post(server.url, '/api/v4/deactivate_license', { date: signed.Date, authorization: `Bearer ${TOKEN}` }, '{}')
    assertConformsToSpec(bearer.status, bearer.text)
    // Neither a seed bearer_token nor a token the token endpoint issued.
    expect(codeOf(bearer)).toBe('oauth_token_malformed')
    expect((await adminCall(server.url, 'POST', '/reset', { authorization: `Bearer ${TOKEN}` })).status).toBe(200)
  })

  test('the admin API in-process (createAdmin) checks the token too', async () => {
    const engine = await createEngine({ seed: resolveSeed({}) })
    const admin = createAdmin(engine, { version: 'x', token: TOKEN })
    expect((await admin.handle({ method: 'GET', path: '/__admin/health', query: '', headers: {} })).status).toBe(401)
    expect((await admin.handle({ method: 'GET', path: '/__admin/health', query: '', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200)
    expect(() => createAdmin(engine, { version: 'x', token: '' })).toThrow(TypeError)
    expect(() => createAdmin(engine, { version: 'x', token: 'has space' })).toThrow(TypeError)
  })
})

describe('the token from the command line and the environment', () => {
  test.each([
    ['--admin-token', ['--admin-token', TOKEN], {}],
    ['LICENSESPRING_MOCK_ADMIN_TOKEN', [], { LICENSESPRING_MOCK_ADMIN_TOKEN: TOKEN }],
    ['the flag over the environment', ['--admin-token', TOKEN], { LICENSESPRING_MOCK_ADMIN_TOKEN: 'other-token' }],
  ] as const)('%s', async (_name, args, env) => {
    const served = spawnCli(['serve', '--port', '0', ...args], env)
    const url = await urlOf(served)
    expect((await adminCall(url, 'GET', '/health')).status).toBe(401)
    expect((await adminCall(url, 'GET', '/health', { authorization: 'Bearer other-token' })).status).toBe(401)
    expect((await adminCall(url, 'GET', '/health', { authorization: `Bearer ${TOKEN}` })).status).toBe(200)
    served.child.kill('SIGTERM')
    expect((await served.exit).code).toBe(0)
    expect(served.stderr()).toBe('')
  })

  test('serve --help lists --admin-token and its environment variable', async () => {
    const out: string[] = []
    expect(await main(['serve', '--help'], { out: (line) => out.push(line), err: () => {} }, {})).toBe(0)
    expect(out.join('\n')).toMatch(/--admin-token T[\s\S]*LICENSESPRING_MOCK_ADMIN_TOKEN[\s\S]*--state-file FILE/)
  })

  test('an unusable token is a usage error (exit 2, one line)', async () => {
    const lines: string[] = []
    const io = { out: () => {}, err: (line: string) => lines.push(line) }
    expect(await main(['serve', '--port', '0', '--admin-token', 'two words'], io, {})).toBe(2)
    expect(await main(['serve', '--port', '0'], io, { LICENSESPRING_MOCK_ADMIN_TOKEN: 'tab\there' })).toBe(2)
    expect(lines).toEqual([
      'licensespring-mock serve: --admin-token must be printable ASCII characters without spaces (run "licensespring-mock serve --help" for usage)',
      'licensespring-mock serve: LICENSESPRING_MOCK_ADMIN_TOKEN must be printable ASCII characters without spaces (run "licensespring-mock serve --help" for usage)',
    ])
  })
})

describe('serving beyond loopback', () => {
  test.each(['127.0.0.1', '127.12.0.1', 'localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('%s is loopback: no warning', (host) => {
    expect(isLoopback(host)).toBe(true)
    expect(exposureWarning(host, undefined)).toBeUndefined()
  })

  test.each(['0.0.0.0', '::', '', '10.1.2.3', '192.168.0.10', 'mock.internal', '128.0.0.1', 'fe80::1', '::ffff:10.0.0.1'])('%j is not: one warning line without a token, none with one', (host) => {
    expect(isLoopback(host)).toBe(false)
    const warning = exposureWarning(host, undefined)!
    expect(warning).toMatch(/^licensespring-mock: warning: serving on .+, which is not a loopback address, with no admin token: .*--admin-token/)
    expect(warning).not.toContain('\n')
    expect(exposureWarning(host, TOKEN)).toBeUndefined()
  })

  test('a loopback server logs nothing at start', async () => {
    const lines: string[] = []
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      const server = await startMockServer({ port: 0, host, log: (line) => lines.push(line) })
      await server.close()
    }
    expect(lines).toEqual([])
  })
})

describe('logs and the journal never hold credentials', () => {
  test('the stderr of a served process after bad requests and admin calls', async () => {
    const served = spawnCli(['serve', '--port', '0', '--admin-token', TOKEN])
    const url = await urlOf(served)
    const auth = { authorization: `Bearer ${TOKEN}` }
    const secrets = [TOKEN, 'demo-shared-key', 'demo-bearer-token']
    const date = new Date().toUTCString()
    for (const sharedKey of ['demo-shared-key', 'wrong-key']) {
      for (const apiKey of ['demo-api-key', 'demo-read-only-api-key', 'nope']) {
        const signature = signDate(sharedKey, date)
        secrets.push(signature)
        await post(url, '/api/v4/deactivate_license', { date, authorization: `algorithm="hmac-sha256",headers="date",signature="${signature}",apikey="${apiKey}"` }, '{"hardware_id":')
      }
    }
    await post(url, '/api/v4/deactivate_license', { date, authorization: 'Bearer demo-bearer-token' }, '{}')
    await post(url, '/api/v4/deactivate_license', { date: 'garbage', authorization: `signature="demo-shared-key"` }, '{}')
    await adminCall(url, 'GET', '/state', { authorization: 'Bearer demo-shared-key' })
    const created = await adminCall(url, 'POST', '/tenants', auth, '{}')
    secrets.push((created.body as { shared_key: string }).shared_key)
    await adminCall(url, 'PUT', '/state', auth, JSON.stringify({ credentials: [{ api_key: 'k', shared_key: 'new-secret-key' }], licenses: [{ product: 'nope' }] }))
    await adminCall(url, 'PUT', '/state', auth, JSON.stringify({ credentials: [{ api_key: 'k2', shared_key: 'new-secret-key-2' }] }))
    secrets.push('new-secret-key', 'new-secret-key-2')
    await adminCall(url, 'GET', '/state', auth)
    await adminCall(url, 'POST', '/faults', auth, '{"error":"nope"}')
    served.child.kill('SIGTERM')
    expect((await served.exit).code).toBe(0)
    for (const secret of secrets) expect(served.stderr()).not.toContain(secret)
  })

  test('the stderr of a served process after internal errors names the failure, never a key or signature', async () => {
    const served = spawnNode(['--import', 'tsx', join(ROOT, 'test/robustness/fixtures/serve-with-bugs.ts')])
    const url = await urlOf(served)
    const signed = signedHeaders(DEMO)
    const signature = /signature="([^"]+)"/.exec(signed.Authorization)![1]
    const exploded = await post(url, '/api/v4/deactivate_license', { date: signed.Date, authorization: signed.Authorization, 'x-explode': '1' }, '{}')
    expect(exploded.status).toBe(500)
    assertConformsToSpec(500, exploded.text)
    const bearer = await post(url, '/api/v4/deactivate_license', { date: signed.Date, authorization: 'Bearer demo-bearer-token', 'x-explode': '1' }, '{}')
    expect(bearer.status).toBe(500)
    const reset = await adminCall(url, 'POST', '/reset')
    expect(reset.status).toBe(500)
    served.child.kill('SIGTERM')
    await served.exit
    const lines = served.stderr().split('\n').filter(Boolean)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^licensespring-mock: internal error on POST \/api\/v4\/deactivate_license: Error: planted bug/)
    expect(lines[2]).toMatch(/^licensespring-mock: internal error on POST \/__admin\/reset: Error: planted bug/)
    for (const secret of [signature, signed.Authorization, 'demo-shared-key', 'demo-bearer-token']) expect(served.stderr()).not.toContain(secret)
  })

  test('the journal never stores headers', async () => {
    const server = await startMockServer({ port: 0 })
    try {
      const signed = signedHeaders(DEMO)
      const signature = /signature="([^"]+)"/.exec(signed.Authorization)![1]
      await post(server.url, '/api/v4/deactivate_license', { date: signed.Date, authorization: signed.Authorization, 'x-custom': 'custom-header-value' }, JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' }))
      await post(server.url, '/api/v4/deactivate_license', { date: signed.Date, authorization: 'Bearer demo-bearer-token' }, 'not json')
      await post(server.url, '/api/v4/other', { date: signed.Date, authorization: signed.Authorization }, '{}')
      const listed = await adminCall(server.url, 'GET', '/requests')
      const entries = (listed.body as { requests: Record<string, unknown>[] }).requests
      expect(entries).toHaveLength(3)
      for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(expect.arrayContaining(['body', 'code', 'method', 'path', 'status', 'time']))
      for (const entry of entries) expect(Object.keys(entry).filter((key) => !['time', 'tenant', 'method', 'path', 'body', 'status', 'code', 'fault'].includes(key))).toEqual([])
      for (const secret of [signature, 'demo-bearer-token', 'custom-header-value', signed.Date]) expect(listed.text).not.toContain(secret)
    } finally {
      await server.close()
    }
  })
})
