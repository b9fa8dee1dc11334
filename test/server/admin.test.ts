// The /__admin API over real sockets: every route, its invalid input (which changes nothing),
// tenants kept apart, and the clock moving licenses past their dates.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { admin, call, device, keyBody, startServer, stateOf, type Credentials } from './support.ts'

const server = await startServer()
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

afterEach(async () => {
  expect((await admin(server, 'POST', '/reset')).status).toBe(200)
})

/** A small key-based data set; `validity_period` and devices as given. */
const smallSeed = (apiKey: string, options: { validity?: string; devices?: string[] } = {}): SeedInput => ({
  credentials: [{ api_key: apiKey, shared_key: `${apiKey}-shared` }],
  products: [{ short_code: 'app' }],
  licenses: [
    {
      id: 1,
      product: 'app',
      license_key: 'SAME-KEY',
      license_type: options.validity ? 'time-limited' : 'perpetual',
      validity_period: options.validity ?? null,
      max_activations: 5,
      devices: (options.devices ?? ['d1', 'd2']).map((hardware_id) => ({ hardware_id })),
    },
  ],
})

async function createTenant(seed: SeedInput, id?: string): Promise<Credentials & { tenant: string }> {
  const created = await admin(server, 'POST', `/tenants${id ? `?id=${id}` : ''}`, seed)
  expect(created.status).toBe(201)
  return { tenant: created.body.tenant, apiKey: created.body.api_key, sharedKey: created.body.shared_key }
}

const expectAdminError = (answer: { status: number; body: any }, status: number, code: string, message?: RegExp) => {
  expect(answer.status).toBe(status)
  expect(answer.body).toMatchObject({ status, code })
  expect(typeof answer.body.message).toBe('string')
  if (message) expect(answer.body.message).toMatch(message)
}

describe('routing', () => {
  test('GET /__admin/health reports ok and the package version', async () => {
    const health = await admin(server, 'GET', '/health')
    expect(health.status).toBe(200)
    expect(health.headers.get('content-type')).toBe('application/json')
    expect(health.body).toEqual({ status: 'ok', version: VERSION })
  })

  test('an unknown admin route is a 404 listing the routes', async () => {
    const answer = await admin(server, 'GET', '/nope')
    expectAdminError(answer, 404, 'admin_not_found', /no admin route GET \/__admin\/nope; routes: GET \/__admin\/health/)
    expectAdminError(await admin(server, 'GET', ''), 404, 'admin_not_found')
  })

  test('a wrong method is a 405 with Allow', async () => {
    const answer = await admin(server, 'PATCH', '/clock', { advance: '1d' })
    expectAdminError(answer, 405, 'admin_method_not_allowed')
    expect(answer.headers.get('allow')).toBe('GET, PUT')
    const tenants = await admin(server, 'PUT', '/tenants/x')
    expect(tenants.status).toBe(405)
    expect(tenants.headers.get('allow')).toBe('DELETE')
  })

  test('a trailing slash is accepted', async () => {
    expect((await admin(server, 'GET', '/health/')).status).toBe(200)
  })

  test('an unknown query parameter is a 400', async () => {
    expectAdminError(await admin(server, 'GET', '/state?tenatn=default'), 400, 'admin_bad_request', /unknown query parameter "tenatn".*accepted: tenant/)
    expectAdminError(await admin(server, 'GET', '/health?x=1'), 400, 'admin_bad_request', /it takes none/)
  })

  test('malformed percent-encoding in the path is a 400', async () => {
    expectAdminError(await admin(server, 'DELETE', '/tenants/%E0%A4%A'), 400, 'admin_bad_request')
  })

  test('?tenant= naming no tenant is a 404 on every tenant route', async () => {
    for (const [method, path, body] of [
      ['GET', '/state'],
      ['PUT', '/state', {}],
      ['POST', '/reset'],
      ['GET', '/faults'],
      ['POST', '/faults', { error: 'license_expired' }],
      ['DELETE', '/faults'],
      ['DELETE', '/faults/fault-1'],
      ['GET', '/clock'],
      ['PUT', '/clock', { advance: '1d' }],
      ['GET', '/requests'],
    ] as const) {
      expectAdminError(await admin(server, method, `${path}?tenant=ghost`, body), 404, 'admin_not_found', /no tenant "ghost"/)
    }
  })
})

describe('POST /__admin/reset', () => {
  test('brings back the seed, drops tenants, clears journal and faults, makes the clock real', async () => {
    expect((await call(server, keyBody('DEMO-OK-0001'))).status).toBe(200)
    await createTenant(smallSeed('reset-key'))
    expect((await admin(server, 'POST', '/faults', { match: { license_key: 'X' }, error: 'license_expired' })).status).toBe(201)
    expect((await admin(server, 'PUT', '/clock', { now: '2040-01-01T00:00:00Z', frozen: true })).status).toBe(200)

    const reset = await admin(server, 'POST', '/reset')
    expect(reset.status).toBe(200)
    expect(reset.body).toEqual({ status: 'reset' })

    expect(device(await stateOf(server), 1001, 'demo-device-1')?.active).not.toBe(false)
    expect((await admin(server, 'GET', '/tenants')).body.tenants.map((tenant: { tenant: string }) => tenant.tenant)).toEqual(['default'])
    expect((await admin(server, 'GET', '/faults')).body).toEqual({ faults: [] })
    expect((await admin(server, 'GET', '/requests')).body).toEqual({ requests: [] })
    const clock = (await admin(server, 'GET', '/clock')).body
    expect(clock.frozen).toBe(false)
    expect(Math.abs(Date.parse(clock.now) - Date.now())).toBeLessThan(5_000)
    expect((await call(server, keyBody('DEMO-OK-0001'))).status).toBe(200)
  })

  test('?tenant=ID resets that tenant only', async () => {
    const team = await createTenant(smallSeed('team-reset-key'))
    expect((await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: team })).status).toBe(200)
    expect((await call(server, keyBody('DEMO-OK-0001'))).status).toBe(200)

    const reset = await admin(server, 'POST', `/reset?tenant=${team.tenant}`)
    expect(reset.status).toBe(200)
    expect(device(await stateOf(server, team.tenant), 1, 'd1')?.active).not.toBe(false)
    // The default tenant keeps its change; the journal is kept.
    expect(device(await stateOf(server), 1001, 'demo-device-1')?.active).toBe(false)
    expect((await admin(server, 'GET', '/requests')).body.requests).toHaveLength(2)
  })
})

describe('state', () => {
  const replacement: SeedInput = smallSeed('replacement-key')

  test('GET returns the current state in seed format; it round-trips through PUT', async () => {
    expect((await call(server, keyBody('DEMO-OK-0001', 'demo-device-2'))).status).toBe(200)
    const state = await stateOf(server)
    expect(state.credentials?.[0]).toMatchObject({ api_key: 'demo-api-key' })
    expect(device(state, 1001, 'demo-device-2')).toMatchObject({ active: false })

    const put = await admin(server, 'PUT', '/state', state)
    expect(put.status).toBe(200)
    expect(put.body).toEqual({ status: 'ok' })
    expect(await stateOf(server)).toEqual(state)
  })

  test('PUT replaces the state (JSON): new credentials and licenses answer, old ones do not', async () => {
    const put = await admin(server, 'PUT', '/state', replacement)
    expect(put.status).toBe(200)
    const credentials = { apiKey: 'replacement-key', sharedKey: 'replacement-key-shared' }
    expect((await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials })).status).toBe(200)
    const old = await call(server, keyBody('DEMO-OK-0001'))
    expect(old.status).toBe(400)
    expect(old.body).toMatchObject({ code: 'invalid_api_key' })
  })

  test('PUT accepts YAML with Content-Type: application/yaml', async () => {
    const yaml = [
      'credentials: [{ api_key: yaml-key, shared_key: yaml-shared }]',
      'products: [{ short_code: app }]',
      'licenses:',
      '  - { id: 7, product: app, license_key: YAML-1, devices: [{ hardware_id: y1 }] }',
    ].join('\n')
    const put = await admin(server, 'PUT', '/state', yaml, { 'content-type': 'application/yaml' })
    expect(put.status).toBe(200)
    expect((await call(server, keyBody('YAML-1', 'y1', 'app'), { credentials: { apiKey: 'yaml-key', sharedKey: 'yaml-shared' } })).status).toBe(200)
  })

  test('an invalid seed is a 400 with issues, and the state is unchanged', async () => {
    const before = await stateOf(server)
    const invalid = { ...replacement, licenses: [{ product: 'nope', license_key: 'K' }], extra: true }
    const put = await admin(server, 'PUT', '/state', invalid)
    expectAdminError(put, 400, 'admin_bad_request', /invalid seed/)
    expect(put.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: '', message: expect.stringContaining('extra') })]))

    const semantic = await admin(server, 'PUT', '/state', { ...replacement, licenses: [{ product: 'nope', license_key: 'K' }] })
    expectAdminError(semantic, 400, 'admin_bad_request')
    expect(semantic.body.issues).toEqual([{ path: 'licenses[0].product', message: 'unknown product "nope" (declare it under products)' }])

    const yaml = await admin(server, 'PUT', '/state', 'licenses: [', { 'content-type': 'text/yaml' })
    expectAdminError(yaml, 400, 'admin_bad_request', /invalid seed/)
    expect(yaml.body.issues.length).toBeGreaterThan(0)

    expect(await stateOf(server)).toEqual(before)
    expect((await call(server, keyBody('DEMO-OK-0001'))).status).toBe(200)
  })

  test('malformed JSON and an empty body are 400s naming the problem', async () => {
    const before = await stateOf(server)
    expectAdminError(await admin(server, 'PUT', '/state', '{"credentials": ['), 400, 'admin_bad_request', /not valid JSON: .+/)
    expectAdminError(await admin(server, 'PUT', '/state', ''), 400, 'admin_bad_request', /body is required/)
    expect(await stateOf(server)).toEqual(before)
  })

  test('an api key used by another tenant is a 409', async () => {
    await createTenant(smallSeed('taken-key'))
    const before = await stateOf(server)
    expectAdminError(await admin(server, 'PUT', '/state', smallSeed('taken-key')), 409, 'admin_conflict', /taken-key/)
    expect(await stateOf(server)).toEqual(before)
  })

  test('a seed over 1 MiB is accepted by PUT state (up to 64 MiB)', async () => {
    const licenses = Array.from({ length: 12_000 }, (_, i) => ({ id: i + 1, product: 'app', license_key: `BULK-${String(i).padStart(6, '0')}`, devices: [{ hardware_id: 'h1' }] }))
    const seed = { ...replacement, licenses }
    expect(Buffer.byteLength(JSON.stringify(seed))).toBeGreaterThan(1024 * 1024)
    const put = await admin(server, 'PUT', '/state', seed)
    expect(put.status).toBe(200)
    const credentials = { apiKey: 'replacement-key', sharedKey: 'replacement-key-shared' }
    expect((await call(server, keyBody('BULK-011999', 'h1', 'app'), { credentials })).status).toBe(200)
  })
})

describe('tenants', () => {
  test('POST creates an isolated tenant; GET lists tenants with api keys but never shared keys', async () => {
    const team = await createTenant(smallSeed('team-key'), 'team-a')
    expect(team).toEqual({ tenant: 'team-a', apiKey: 'team-key', sharedKey: 'team-key-shared' })
    const list = await admin(server, 'GET', '/tenants')
    expect(list.status).toBe(200)
    expect(list.body.tenants).toEqual([
      { tenant: 'default', api_keys: ['demo-api-key', 'demo-revoked-api-key', 'demo-read-only-api-key', 'demo-restricted-api-key', 'demo-oauth-client'], client_ids: ['demo-client-id', 'demo-revoked-client'] },
      { tenant: 'team-a', api_keys: ['team-key'], client_ids: [] },
    ])
    expect(list.text).not.toContain('shared')
  })

  test('POST with no body creates an empty tenant with fresh credentials that authenticate', async () => {
    const created = await admin(server, 'POST', '/tenants')
    expect(created.status).toBe(201)
    expect(created.body.tenant).toMatch(/^tenant-/)
    expect(created.body.api_key).toEqual(expect.any(String))
    const answer = await call(server, keyBody('ANY'), { credentials: { apiKey: created.body.api_key, sharedKey: created.body.shared_key } })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ code: 'unknown_product' })
  })

  test('POST accepts YAML', async () => {
    const yaml = 'credentials: [{ api_key: yaml-tenant-key, shared_key: s }]\nproducts: [{ short_code: app }]\n'
    const created = await admin(server, 'POST', '/tenants?id=yaml-team', yaml, { 'content-type': 'application/yaml' })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ tenant: 'yaml-team', api_key: 'yaml-tenant-key', shared_key: 's' })
  })

  test('invalid input is a 400/409 and creates nothing', async () => {
    await createTenant(smallSeed('first-key'), 'first')
    expectAdminError(await admin(server, 'POST', '/tenants?id=first', smallSeed('other-key')), 409, 'admin_conflict', /"first" already exists/)
    expectAdminError(await admin(server, 'POST', '/tenants?id=default', smallSeed('other-key')), 409, 'admin_conflict')
    expectAdminError(await admin(server, 'POST', '/tenants', smallSeed('demo-api-key')), 409, 'admin_conflict', /demo-api-key/)
    expectAdminError(await admin(server, 'POST', '/tenants?id=a%2Fb', smallSeed('other-key')), 400, 'admin_bad_request', /not a tenant id/)
    expectAdminError(await admin(server, 'POST', '/tenants?id=', smallSeed('other-key')), 400, 'admin_bad_request')
    const invalid = await admin(server, 'POST', '/tenants', { credentials: [{ api_key: '' }] })
    expectAdminError(invalid, 400, 'admin_bad_request')
    expect(invalid.body.issues.map((issue: { path: string }) => issue.path)).toEqual(['credentials[0].api_key', 'credentials[0].shared_key'])
    expectAdminError(await admin(server, 'POST', '/tenants', '[1,'), 400, 'admin_bad_request', /not valid JSON/)
    const list = await admin(server, 'GET', '/tenants')
    expect(list.body.tenants.map((tenant: { tenant: string }) => tenant.tenant)).toEqual(['default', 'first'])
  })

  test('DELETE removes a tenant (its key stops working); unknown → 404; default → 400', async () => {
    const team = await createTenant(smallSeed('gone-key'), 'gone')
    expect((await admin(server, 'DELETE', '/tenants/gone')).status).toBe(204)
    const answer = await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: team })
    expect(answer.body).toMatchObject({ code: 'invalid_api_key' })
    expectAdminError(await admin(server, 'DELETE', '/tenants/gone'), 404, 'admin_not_found')
    expectAdminError(await admin(server, 'DELETE', '/tenants/default'), 400, 'admin_bad_request', /default tenant cannot be removed/)
    expect((await stateOf(server)).licenses?.length).toBeGreaterThan(10)
  })

  test('two tenants deactivate the same license key independently', async () => {
    const a = await createTenant(smallSeed('tenant-a-key'), 'a')
    const b = await createTenant(smallSeed('tenant-b-key'), 'b')
    expect((await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: a })).status).toBe(200)
    expect(device(await stateOf(server, 'a'), 1, 'd1')?.active).toBe(false)
    expect(device(await stateOf(server, 'b'), 1, 'd1')?.active).not.toBe(false)

    expect((await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: b })).status).toBe(200)
    const again = await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: a })
    expect(again.body).toMatchObject({ code: 'device_not_found' })
    // Each tenant's state and journal entries are its own.
    expect((await stateOf(server, 'a')).licenses?.[0].times_activated).toBe(1)
    expect((await stateOf(server, 'b')).licenses?.[0].times_activated).toBe(1)
    const journalA = await admin(server, 'GET', '/requests?tenant=a')
    expect(journalA.body.requests.map((entry: { code: string }) => entry.code)).toEqual(['device_not_found', 'license_deactivated'])
    // The default tenant has no such product.
    const onDefault = await call(server, keyBody('SAME-KEY', 'd1', 'app'))
    expect(onDefault.body).toMatchObject({ code: 'unknown_product' })
  })
})

describe('requests (the journal)', () => {
  test('GET filters by code, license_key, hardware_id and tenant, newest first, with limit; DELETE clears', async () => {
    await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))
    await call(server, keyBody('DEMO-OK-0001', 'demo-device-2'))
    await call(server, keyBody('DEMO-OK-0001', 'demo-device-1'))
    await call(server, keyBody('DEMO-DISABLED', 'demo-device-1'))
    const team = await createTenant(smallSeed('journal-key'), 'journal-team')
    await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: team })

    const codes = async (query: string) => {
      const answer = await admin(server, 'GET', `/requests${query}`)
      expect(answer.status).toBe(200)
      return answer.body.requests.map((entry: { code: string; body: { hardware_id: string } }) => `${entry.code} ${entry.body.hardware_id}`)
    }
    expect(await codes('')).toEqual(['license_deactivated d1', 'license_not_enabled demo-device-1', 'device_not_found demo-device-1', 'license_deactivated demo-device-2', 'license_deactivated demo-device-1'])
    expect(await codes('?code=license_deactivated')).toEqual(['license_deactivated d1', 'license_deactivated demo-device-2', 'license_deactivated demo-device-1'])
    expect(await codes('?license_key=DEMO-OK-0001&hardware_id=demo-device-1')).toEqual(['device_not_found demo-device-1', 'license_deactivated demo-device-1'])
    expect(await codes('?tenant=default&limit=2')).toEqual(['license_not_enabled demo-device-1', 'device_not_found demo-device-1'])
    expect(await codes('?tenant=journal-team')).toEqual(['license_deactivated d1'])

    expect((await admin(server, 'DELETE', '/requests')).status).toBe(204)
    expect(await codes('')).toEqual([])
  })

  test('an invalid limit is a 400', async () => {
    await call(server, keyBody('DEMO-OK-0001'))
    for (const limit of ['0', '-1', 'abc', '1.5', '', '10000000000']) {
      expectAdminError(await admin(server, 'GET', `/requests?limit=${limit}`), 400, 'admin_bad_request', /limit: must be a positive integer/)
    }
    expect((await admin(server, 'GET', '/requests')).body.requests).toHaveLength(1)
  })
})

describe('faults', () => {
  test('POST adds (201 with id), GET lists, DELETE /faults/ID removes one, DELETE /faults clears', async () => {
    const first = await admin(server, 'POST', '/faults', { match: { license_key: 'DEMO-OK-0001' }, error: 'license_expired' })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ id: expect.stringMatching(/^fault-\d+$/) })
    const second = await admin(server, 'POST', '/faults', { match: { hardware_id: 'demo-device-5', product: 'demo' }, delay_ms: 10, times: 3 })
    expect(second.status).toBe(201)

    const list = await admin(server, 'GET', '/faults')
    expect(list.body.faults).toEqual([
      { id: first.body.id, match: { license_key: 'DEMO-OK-0001' }, error: 'license_expired', hits: 0 },
      { id: second.body.id, match: { hardware_id: 'demo-device-5', product: 'demo' }, delay_ms: 10, times: 3, hits: 0 },
    ])
    const forced = await call(server, keyBody('DEMO-OK-0001'))
    expect(forced.body).toMatchObject({ code: 'license_expired' })

    expect((await admin(server, 'DELETE', `/faults/${first.body.id}`)).status).toBe(204)
    expectAdminError(await admin(server, 'DELETE', `/faults/${first.body.id}`), 404, 'admin_not_found')
    expect((await call(server, keyBody('DEMO-OK-0001'))).status).toBe(200)
    expect((await admin(server, 'GET', '/faults')).body.faults.map((fault: { id: string }) => fault.id)).toEqual([second.body.id])

    expect((await admin(server, 'DELETE', '/faults')).status).toBe(204)
    expect((await admin(server, 'GET', '/faults')).body).toEqual({ faults: [] })
  })

  test('invalid faults are 400s and add nothing', async () => {
    for (const spec of [
      {},
      { error: 'no_such_code' },
      { error: 'license_expired', network: 'reset' },
      { status: 500 },
      { network: 'explode' },
      { error: 'license_expired', match: { licence_key: 'X' } },
      { error: 'license_expired', times: 0 },
      { delay_ms: -5 },
      [],
    ]) {
      expectAdminError(await admin(server, 'POST', '/faults', spec), 400, 'admin_bad_request')
    }
    expectAdminError(await admin(server, 'POST', '/faults', '{"error":'), 400, 'admin_bad_request', /not valid JSON/)
    expectAdminError(await admin(server, 'POST', '/faults'), 400, 'admin_bad_request', /body is required/)
    expect((await admin(server, 'GET', '/faults')).body).toEqual({ faults: [] })
    expect((await call(server, keyBody('DEMO-OK-0001'))).status).toBe(200)
  })

  test('a body over 1 MiB is a 413 and adds nothing', async () => {
    const answer = await admin(server, 'POST', '/faults', { error: 'license_expired', match: { license_key: 'x'.repeat(1024 * 1024) } })
    expectAdminError(answer, 413, 'admin_payload_too_large', /1048576 bytes/)
    expect((await admin(server, 'GET', '/faults')).body).toEqual({ faults: [] })
    expect((await admin(server, 'GET', '/health')).status).toBe(200)
  })

  test('faults belong to a tenant', async () => {
    const team = await createTenant(smallSeed('faulty-key'), 'faulty')
    expect((await admin(server, 'POST', '/faults?tenant=faulty', { error: 'blacklisted' })).status).toBe(201)
    expect((await admin(server, 'GET', '/faults')).body.faults).toEqual([])
    expect((await admin(server, 'GET', '/faults?tenant=faulty')).body.faults).toHaveLength(1)
    expect((await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: team })).body).toMatchObject({ code: 'blacklisted' })
    expect((await call(server, keyBody('DEMO-OK-0001'))).status).toBe(200)
  })
})

describe('clock', () => {
  test('GET reads it; PUT sets now, advances, freezes and goes back to real time', async () => {
    const initial = await admin(server, 'GET', '/clock')
    expect(initial.status).toBe(200)
    expect(initial.body.frozen).toBe(false)

    const set = await admin(server, 'PUT', '/clock', { now: '2030-01-01T00:00:00Z', frozen: true })
    expect(set.body).toEqual({ now: '2030-01-01T00:00:00.000Z', frozen: true })
    const advanced = await admin(server, 'PUT', '/clock', { advance: '1d2h' })
    expect(advanced.body).toEqual({ now: '2030-01-02T02:00:00.000Z', frozen: true })
    // Order: now, then advance, then frozen.
    const combined = await admin(server, 'PUT', '/clock', { frozen: false, advance: '90s', now: '2031-05-05T00:00:00Z' })
    expect(combined.body.frozen).toBe(false)
    expect(Date.parse(combined.body.now) - Date.parse('2031-05-05T00:01:30Z')).toBeLessThan(5_000)
    expect((await admin(server, 'GET', '/clock')).body.now.startsWith('2031-05-05')).toBe(true)

    const real = await admin(server, 'PUT', '/clock', { real: true })
    expect(real.body.frozen).toBe(false)
    expect(Math.abs(Date.parse(real.body.now) - Date.now())).toBeLessThan(5_000)
  })

  test('invalid input is a 400 with issues, and the clock is unchanged', async () => {
    expect((await admin(server, 'PUT', '/clock', { now: '2030-06-01T00:00:00Z', frozen: true })).status).toBe(200)
    for (const [body, path] of [
      [{ now: 'yesterday' }, 'now'],
      [{ now: 20300101 }, 'now'],
      [{ advance: 'soon' }, 'advance'],
      [{ advance: 3600 }, 'advance'],
      [{ frozen: 'yes' }, 'frozen'],
      [{ real: false }, 'real'],
      [{ real: true, advance: '1d' }, 'real'],
      [{ advance: '1d', tick: true }, 'tick'],
      [{}, ''],
      [[], ''],
    ] as const) {
      const answer = await admin(server, 'PUT', '/clock', body)
      expectAdminError(answer, 400, 'admin_bad_request')
      expect(answer.body.issues.map((issue: { path: string }) => issue.path)).toContain(path)
    }
    // A valid field next to an invalid one is not applied either.
    expectAdminError(await admin(server, 'PUT', '/clock', { advance: '1d', now: 'nope' }), 400, 'admin_bad_request')
    expectAdminError(await admin(server, 'PUT', '/clock', '{"now":'), 400, 'admin_bad_request', /not valid JSON/)
    expect((await admin(server, 'GET', '/clock')).body).toEqual({ now: '2030-06-01T00:00:00.000Z', frozen: true })
  })

  test('moving the clock past validity_period turns success into license_expired', async () => {
    const team = await createTenant(smallSeed('clock-key', { validity: '2030-01-31' }), 'clocked')
    expect((await admin(server, 'PUT', '/clock?tenant=clocked', { now: '2030-01-15T12:00:00Z', frozen: true })).status).toBe(200)
    const before = await call(server, keyBody('SAME-KEY', 'd1', 'app'), { credentials: team })
    expect(before.status).toBe(200)
    expect(device(await stateOf(server, 'clocked'), 1, 'd1')?.time_deactivated).toBe('2030-01-15T12:00:00.000Z')

    expect((await admin(server, 'PUT', '/clock?tenant=clocked', { advance: '30d' })).body.now).toBe('2030-02-14T12:00:00.000Z')
    const after = await call(server, keyBody('SAME-KEY', 'd2', 'app'), { credentials: team })
    expect(after.status).toBe(400)
    expect(after.body).toEqual({ status: 400, code: 'license_expired', message: 'License validity period has expired.' })
    expect(device(await stateOf(server, 'clocked'), 1, 'd2')?.active).not.toBe(false)
    // The default tenant's clock did not move.
    expect((await admin(server, 'GET', '/clock')).body.frozen).toBe(false)
  })
})
