// The scenario features for activation and check: `request.query`, `expect.fields`,
// `expect.signed` (against each kind of target) and `test --public-key`.
import { createPublicKey } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateSigningKey } from '../../src/core/signing.ts'
import { buildRequest } from '../../src/scenarios/run.ts'
import { checkResponse } from '../../src/scenarios/expect.ts'
import { checkSignatures } from '../../src/scenarios/signatures.ts'
import { httpTarget, inProcessTarget, loadScenarios, mockServerTarget, runScenarioList, runTestCommand } from '../../src/scenarios/index.ts'
import { startMockServer, type RunningServer } from '../../src/server.ts'

const dir = mkdtempSync(path.join(os.tmpdir(), 'licensespring-mock-signed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const FILE = path.join(dir, 'signed.yaml')
writeFileSync(
  FILE,
  `given:
  credentials: [{ api_key: signed-key, shared_key: signed-shared }]
  products: [{ short_code: app }]
  licenses: [{ id: 1, product: app, license_key: K, max_activations: 2 }]
scenarios:
  - name: activate, then check, both signed
    steps:
      - request: { path: /api/v4/activate_license, body: { hardware_id: "pc|1", product: app, license_key: K } }
        expect: { status: 200, signed: true, fields: { license_key: K, hardware_id: "pc|1", product_details: { short_code: app } } }
      - request: { method: GET, path: /api/v4/check_license, query: { hardware_id: "pc|1", product: app, license_key: K, license_id: 1 } }
        expect: { status: 200, signed: true, fields: { license_active: true, id: 1 } }
`,
)
const scenarios = loadScenarios([FILE])

describe('request.query', () => {
  test('is URL-encoded onto the path, after a query the path already has', () => {
    const session = { credentials: { api_key: 'k', shared_key: 's' }, renamed: new Map<string, string>() }
    expect(buildRequest({ method: 'GET', path: '/api/v4/check_license', query: { hardware_id: 'a b&c', license_id: 7, include_expired_features: false } }, session).path).toBe(
      '/api/v4/check_license?hardware_id=a+b%26c&license_id=7&include_expired_features=false',
    )
    expect(buildRequest({ path: '/x?a=1', query: { b: '2' } }, session).path).toBe('/x?a=1&b=2')
  })
})

describe('expect.fields', () => {
  const outcome = (body: unknown) => ({ kind: 'response' as const, status: 200, headers: {}, body: JSON.stringify(body) })

  test('objects are compared field by field, text exactly or as /regex/', () => {
    const body = { id: 1, user: { email: 'a@b.c', total_activations: 2 }, tags: ['x'] }
    expect(checkResponse({ fields: { id: 1, user: { email: '/@b\\.c$/' }, tags: ['x'] } }, outcome(body))).toEqual([])
    expect(checkResponse({ fields: { user: { total_activations: 3 } } }, outcome(body))).toEqual([
      'field user: expected {"total_activations":3}, got {"email":"a@b.c","total_activations":2}',
    ])
    expect(checkResponse({ fields: { tags: ['x', 'y'] } }, outcome(body))).toEqual(['field tags: expected ["x","y"], got ["x"]'])
    expect(checkResponse({ fields: { missing: null } }, outcome(body))).toEqual(['field missing: expected null, got (none)'])
  })
})

describe('expect.signed', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startMockServer({ port: 0 })
  })
  afterAll(() => server.close())

  test('passes in-process and against a licensespring-mock server (its /__admin/public-key)', async () => {
    for (const target of [inProcessTarget(), mockServerTarget({ adminUrl: server.url })]) {
      const report = await runScenarioList(scenarios, { target })
      expect(report.results.map((result) => [result.status, result.failure?.mismatches])).toEqual([['passed', undefined]])
    }
  })

  test('another server: skipped without --public-key, verified with it, failed with a wrong one', async () => {
    // The scenario seeds, so run it against the tenant of a mock server seen as a plain server.
    const tenant = (await (
      await fetch(`${server.url}/__admin/tenants`, { method: 'POST', body: JSON.stringify({ credentials: [{ api_key: 'plain-key', shared_key: 'plain-shared' }], products: [{ short_code: 'app' }], licenses: [{ id: 1, product: 'app', license_key: 'K', max_activations: 2 }] }) })
    ).json()) as { tenant: string }
    const plain = [{ ...scenarios[0], seed: undefined }]
    const credentials = { api_key: 'plain-key', shared_key: 'plain-shared' }

    const skipped = await runScenarioList(plain, { target: httpTarget({ url: server.url, credentials }) })
    expect(skipped.results[0]).toMatchObject({ status: 'skipped', reason: "verifies signatures (expect.signed): pass the server's --public-key FILE" })

    const wrongPublic = createPublicKey(await generateSigningKey()).export({ type: 'spki', format: 'pem' }).toString()
    const failed = await runScenarioList(plain, { target: httpTarget({ url: server.url, credentials, publicKey: wrongPublic }) })
    expect(failed.results[0].status).toBe('failed')
    expect(failed.results[0].failure?.mismatches).toEqual([
      'signed: the LicenseSignature header does not verify over the body',
      'signed: license_signature does not verify over "pc|1#k#"',
    ])

    await fetch(`${server.url}/__admin/reset?tenant=${tenant.tenant}`, { method: 'POST' })
    const passed = await runScenarioList(plain, { target: httpTarget({ url: server.url, credentials, publicKey: server.engine.publicKey }) })
    expect(passed.results[0].status).toBe('passed')
    await fetch(`${server.url}/__admin/tenants/${tenant.tenant}`, { method: 'DELETE' })
  })

  test('a tampered body or a missing header is reported', () => {
    const request = { method: 'GET', path: '/api/v4/check_license?hardware_id=h&license_key=K', headers: {} }
    expect(checkSignatures(request, { kind: 'response', status: 200, headers: {}, body: '{"license_signature":"AAAA"}' }, server.engine.publicKey)).toEqual([
      'signed: no LicenseSignature header',
      'signed: license_signature does not verify over "h#k#"',
    ])
    expect(checkSignatures(request, { kind: 'response', status: 200, headers: { licensesignature: 'AAAA' }, body: '"license_deactivated"' }, server.engine.publicKey)).toEqual([
      'signed: the LicenseSignature header does not verify over the body',
      'signed: no license_signature in the body',
    ])
  })

  test('`licensespring-mock test --target URL --public-key FILE`: a usage error without --target, exit 2 for a bad key file', async () => {
    const out: string[] = []
    const err: string[] = []
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }
    expect(await runTestCommand([FILE, '--public-key', FILE], io)).toBe(2)
    expect(err.join('\n')).toContain('--public-key needs --target')
    err.length = 0
    expect(await runTestCommand([FILE, '--target', server.url, '--public-key', FILE], io)).toBe(2)
    expect(err).toEqual([`Error: --public-key ${FILE}: not a PEM public key`])
    err.length = 0
    const keyFile = path.join(dir, 'mock.pem')
    writeFileSync(keyFile, server.engine.publicKey)
    // A licensespring-mock server serves its own key; the flag is for other servers but harmless here.
    expect(await runTestCommand([FILE, '--target', server.url, '--public-key', keyFile], io)).toBe(0)
    expect(out.at(-1)).toMatch(/^1 passed, 0 failed, 0 skipped/)
  })
})
