// The runner's own behaviour, with hand-made targets: contract checks, concurrency, clean-up,
// and how a request step becomes the request on the wire.
import { describe, expect, test } from 'vitest'
import { signDate } from '../../src/core/signature.ts'
import type { Scenario } from '../../src/scenarios/load.ts'
import { buildRequest, runScenario, runScenarioList, type Outcome, type Session, type Target } from '../../src/scenarios/index.ts'
import type { Step } from '../../src/scenarios/schema.ts'

const scenario = (name: string, steps: Step[]): Scenario => ({ file: 'scenarios/x.yaml', index: 0, name, tags: [], steps })
const request = (expect: Step['expect']): Step => ({ request: {}, expect })

/** A target whose sessions answer `answer` to every request. */
function fakeTarget(answer: () => Outcome | Promise<Outcome>, hooks: { opened?: () => void; closed?: () => void } = {}): Target {
  return {
    kind: 'mock-server',
    description: 'fake',
    cannotRun: () => undefined,
    async open() {
      hooks.opened?.()
      const session: Session = {
        credentials: { api_key: 'k', shared_key: 's' },
        renamed: new Map(),
        send: async () => answer(),
        clock: async () => undefined,
        fault: async () => undefined,
        reset: async () => undefined,
        state: async () => ({ licenses: [{ id: 1, product: 'app', license_key: 'K', times_activated: 2, devices: [] }] }),
        publicKey: async () => undefined,
        close: async () => hooks.closed?.(),
      }
      return session
    },
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Outcome => ({
  kind: 'response',
  status,
  headers,
  body: JSON.stringify(body),
})

describe('response validation', () => {
  test('a response the spec does not declare fails its step as a contract failure, even when expect matches', async () => {
    const target = fakeTarget(() => json(400, { status: 400, code: 'device_not_found', message: 'x', detail: 'extra' }))
    const result = await runScenario(scenario('extra field', [request({ status: 400, code: 'device_not_found' })]), target)
    expect(result.status).toBe('failed')
    expect(result.failure?.kind).toBe('contract')
    expect(result.failure?.mismatches).toEqual(["contract: body does not match Error: body must NOT have additional properties"])
  })

  test.each([
    ['an undeclared status', json(418, { status: 418, code: 'internal_error', message: 'x' }), 'contract: status 418 is not declared'],
    ['an envelope status that differs', json(400, { status: 500, code: 'internal_error', message: 'x' }), 'contract: envelope status 500 differs from HTTP status 400'],
    ['a body that is not JSON', { kind: 'response', status: 200, headers: { 'content-type': 'application/json' }, body: 'ok' } as Outcome, 'contract: body is not JSON'],
    ['a wrong content-type', json(200, 'license_deactivated', { 'content-type': 'text/plain' }), 'contract: content-type is "text/plain"'],
    ['another success body', json(200, 'ok'), 'contract: body does not match DeactivateLicenseResponse'],
  ])('%s is reported', async (_label, outcome, message) => {
    const result = await runScenario(scenario('c', [request({ status: outcome.kind === 'response' ? outcome.status : 0 })]), fakeTarget(() => outcome))
    expect(result.failure?.mismatches.join('\n')).toContain(message)
  })

  test('validateResponses: false turns it off', async () => {
    const result = await runScenario(scenario('off', [request({ status: 418 })]), fakeTarget(() => json(418, 'teapot')), { validateResponses: false })
    expect(result.status).toBe('passed')
  })
})

describe('expectations', () => {
  test('all mismatches of a step are listed, and the scenario stops there', async () => {
    let sent = 0
    const target = fakeTarget(() => {
      sent++
      return json(200, 'license_deactivated', { 'content-type': 'application/json', allow: 'GET' })
    })
    const result = await runScenario(
      scenario('many', [request({ status: 400, code: 'device_not_found', message: '/not found$/', headers: { Allow: 'POST' } }), request({ status: 200 })]),
      target,
    )
    expect(sent).toBe(1)
    expect(result.failure).toMatchObject({
      step: 0,
      kind: 'expect',
      mismatches: [
        'status: expected 400, got 200',
        'code: expected device_not_found, got "license_deactivated"',
        'message: expected "/not found$/", got (none)',
        'header Allow: expected "POST", got "GET"',
      ],
      actual: { status: 200, headers: { 'content-type': 'application/json', allow: 'GET' }, body: 'license_deactivated' },
    })
  })

  test('a broken connection is a failure unless the step expects it', async () => {
    const broken = fakeTarget(() => ({ kind: 'network', network: 'reset', detail: 'read ECONNRESET' }))
    expect((await runScenario(scenario('n', [request({ status: 200 })]), broken)).failure?.mismatches).toEqual([
      'expected a response, the connection failed: reset (read ECONNRESET)',
    ])
    expect((await runScenario(scenario('n', [request({ network: 'timeout' })]), broken)).failure?.mismatches).toEqual([
      'network: expected timeout, got reset (read ECONNRESET)',
    ])
    expect((await runScenario(scenario('n', [request({ network: 'reset' })]), broken)).status).toBe('passed')
  })

  test('state assertions list each differing field', async () => {
    const result = await runScenario(
      { ...scenario('state', [{ reset: true }]), then: { licenses: [{ license_key: 'K', times_activated: 1, enabled: false }, { id: 9 }] } },
      fakeTarget(() => json(200, 'license_deactivated')),
    )
    expect(result.failure).toMatchObject({
      step: -1,
      kind: 'state',
      mismatches: ['license K: enabled: expected false, got (none)', 'license K: times_activated: expected 1, got 2', 'license 9: not found'],
    })
  })
})

describe('running many', () => {
  test('at most `concurrency` scenarios at once; results keep the given order; every session is closed', async () => {
    let open = 0
    let peak = 0
    let closed = 0
    const target = fakeTarget(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        return json(200, 'license_deactivated')
      },
      {
        opened: () => {
          open++
          peak = Math.max(peak, open)
        },
        closed: () => {
          open--
          closed++
        },
      },
    )
    const list = Array.from({ length: 20 }, (_, i) => scenario(`s${i}`, [request({ status: i === 3 ? 500 : 200 })]))
    const order: string[] = []
    const report = await runScenarioList(list, { target, concurrency: 3, onResult: (result) => order.push(result.scenario.name) })
    expect(peak).toBe(3)
    expect(closed).toBe(20)
    expect(report.results.map((result) => result.scenario.name)).toEqual(list.map((item) => item.name))
    expect(order).toHaveLength(20)
    expect(report.summary).toEqual({ passed: 19, failed: 1, skipped: 0, total: 20 })
  })

  test('a target that cannot run a scenario skips it with the reason', async () => {
    const target: Target = { ...fakeTarget(() => json(200, 'license_deactivated')), cannotRun: () => 'not here' }
    expect(await runScenario(scenario('s', [request({ status: 200 })]), target)).toMatchObject({ status: 'skipped', reason: 'not here' })
  })
})

describe('buildRequest', () => {
  const session = { credentials: { api_key: 'key.abc', shared_key: 'secret' }, renamed: new Map([['key', 'key.abc'], ['token', 'token.abc']]) }

  test('defaults: a signed POST of the JSON body to the deactivation path', () => {
    const built = buildRequest({ body: { hardware_id: 'a' } }, session)
    expect(built).toMatchObject({ method: 'POST', path: '/api/v4/deactivate_license', body: '{"hardware_id":"a"}' })
    expect(built.headers['content-type']).toBe('application/json')
    expect(built.headers.authorization).toBe(`algorithm="hmac-sha256",headers="date",signature="${signDate('secret', built.headers.date)}",apikey="key.abc"`)
    expect(Math.abs(Date.parse(built.headers.date) - Date.now())).toBeLessThan(2000)
  })

  test('date offsets, credentials overrides (seed key names translated), apiKey spelling and spaces', () => {
    const built = buildRequest({ date: '-20m', credentials: { api_key: 'key', shared_key: 'other' }, api_key_param: 'apiKey', auth_spaces: true }, session)
    expect(Date.now() - Date.parse(built.headers.date)).toBeGreaterThan(19 * 60_000)
    expect(built.headers.authorization).toBe(`algorithm="hmac-sha256", headers="date", signature="${signDate('other', built.headers.date)}", apiKey="key.abc"`)
    expect(built.body).toBeUndefined()
    expect(built.headers['content-type']).toBeUndefined()
  })

  test('sign: false sends only the given headers (and Date when `date` is set); seed keys in them are translated', () => {
    const raw = buildRequest({ sign: false, date: 'Tue, 07 Jun 2011 20:51:35 GMT', headers: { Authorization: 'algorithm="x",apikey="key",signature="s"' } }, session)
    expect(raw.headers).toEqual({ date: 'Tue, 07 Jun 2011 20:51:35 GMT', authorization: 'algorithm="x",apikey="key.abc",signature="s"' })
    expect(buildRequest({ sign: false, headers: { Authorization: 'Bearer token' } }, session).headers).toEqual({ authorization: 'Bearer token.abc' })
    expect(buildRequest({ sign: false, headers: { Authorization: 'apikey="keyring"' } }, session).headers.authorization).toBe('apikey="keyring"')
  })

  test('headers replace the signed ones by name, case-insensitively; raw_body and pad_body_to', () => {
    const built = buildRequest({ headers: { DATE: 'yesterday' }, raw_body: '{"a":', pad_body_to: 100 }, session)
    expect(built.headers.date).toBe('yesterday')
    expect(built.body).toHaveLength(100)
    expect(built.body!.startsWith('{"a":')).toBe(true)
    const unicode = buildRequest({ body: { name: 'Zoë' }, pad_body_to: 40 }, session)
    expect(Buffer.byteLength(unicode.body!)).toBe(40)
  })

  test('without credentials, a signed step cannot be built', () => {
    expect(() => buildRequest({}, { renamed: new Map() })).toThrow('no credentials to sign with')
  })
})
