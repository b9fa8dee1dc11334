// The contract seen by Stoplight Prism, the reference OpenAPI tool:
//   - `prism proxy` in front of the mock: every shipped scenario's requests go through it, and
//     it reports no response that breaks the spec (sl-violations with location "response");
//   - `prism mock` of the spec alone answers every error example asked for with Prefer, with
//     exactly the body the mock itself answers (exampleBody).
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { TOKEN_PATH } from '../../src/core/endpoints/oauth.ts'
import { ERRORS, ERROR_CODES, exampleBody, exampleWire, isOAuthCode } from '../../src/core/errors.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { loadScenarios, mockServerTarget, runScenarioList, type ResponseEvent, type Scenario } from '../../src/scenarios/index.ts'
import { startMockServer, type RunningServer } from '../../src/server.ts'
import { DEMO } from '../support/demo.ts'

const PRISM = 'node_modules/.bin/prism'
const SPEC = 'openapi/license-api.yaml'

interface Prism {
  url: string
  child: ChildProcess
  log: () => string
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Starts prism in its own process group (so afterAll can end it and its children) and waits until it answers. */
async function startPrism(args: string[]): Promise<Prism> {
  const port = await freePort()
  const child = spawn(PRISM, [...args, '-p', String(port), '-h', '127.0.0.1'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 45_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism ${args[0]} exited with ${child.exitCode}:\n${output}`)
    try {
      await fetch(`${url}/`)
      return { url, child, log: () => output }
    } catch {
      if (Date.now() > deadline) throw new Error(`prism ${args[0]} did not listen within 45 s:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

function stopPrism(prism: Prism | undefined): void {
  if (!prism?.child.pid || prism.child.exitCode !== null) return
  try {
    process.kill(-prism.child.pid, 'SIGTERM')
  } catch {
    // Already gone.
  }
}

interface Violation {
  location: string[]
  severity: string
  message: string
}

const violationsOf = (headers: Record<string, string>): Violation[] => (headers['sl-violations'] ? (JSON.parse(headers['sl-violations']) as Violation[]) : [])

/** Network faults break the connection: a proxy answers its own error for them instead. */
const crossesAProxy = (scenario: Scenario) => !scenario.steps.some((step) => step.fault?.network !== undefined || step.request?.timeout_ms !== undefined)
/**
 * Prism re-serializes JSON bodies and answers unparseable ones itself, and its own Node server
 * refuses an oversized head before proxying it: these scenarios see Prism, not the mock.
 */
const bodyReachesTheMock = (scenario: Scenario) =>
  !scenario.steps.some((step) => step.request?.raw_body !== undefined || step.request?.pad_body_to !== undefined || step.request?.pad_headers_to !== undefined)

describe('prism proxy in front of the mock', () => {
  let server: RunningServer
  let proxy: Prism
  beforeAll(async () => {
    server = await startMockServer({ port: 0 })
    proxy = await startPrism(['proxy', SPEC, server.url])
  }, 60_000)
  afterAll(async () => {
    stopPrism(proxy)
    await server?.close()
  })

  test('every shipped scenario runs through it with no response violation', async () => {
    const scenarios = loadScenarios(['scenarios/']).filter(crossesAProxy)
    const events: ResponseEvent[] = []
    const report = await runScenarioList(scenarios, {
      target: mockServerTarget({ adminUrl: server.url, requestUrl: proxy.url }),
      onResponse: (event) => events.push(event),
    })
    const responseViolations = events.flatMap((event) =>
      event.outcome.kind === 'response'
        ? violationsOf(event.outcome.headers)
            .filter((violation) => violation.location[0] === 'response')
            .map((violation) => `${event.scenario.name} steps[${event.step}]: ${violation.message}`)
        : [],
    )
    expect(responseViolations).toEqual([])
    const failed = report.results
      .filter((result) => result.status !== 'passed' && bodyReachesTheMock(result.scenario))
      .map((result) => `${result.scenario.name}: ${JSON.stringify(result.failure)}`)
    expect(failed).toEqual([])
    // Prism did see and validate the traffic: it flags the requests that break the spec on purpose.
    expect(events.some((event) => event.outcome.kind === 'response' && violationsOf(event.outcome.headers).some((violation) => violation.location[0] === 'request'))).toBe(true)
    expect(events.length).toBeGreaterThan(scenarios.length)
  }, 120_000)

  test('a response outside the spec is reported by the proxy (the check above can fail)', async () => {
    const tenant = await server.engine.createTenant({
      credentials: [{ api_key: 'prism-check-key', shared_key: 'prism-check-secret' }],
      products: [{ short_code: 'app' }],
      licenses: [{ product: 'app', license_key: 'K', devices: [{ hardware_id: 'd' }] }],
    })
    if (!tenant.ok) throw new Error(tenant.error.message)
    server.engine.tenant(tenant.value.tenant)!.faults.add({ error: 'license_expired', status: 418 })
    const response = await fetch(`${proxy.url}/api/v4/deactivate_license`, {
      method: 'POST',
      headers: { ...signedHeaders({ apiKey: 'prism-check-key', sharedKey: 'prism-check-secret' }), 'content-type': 'application/json' },
      body: JSON.stringify({ hardware_id: 'd', product: 'app', license_key: 'K' }),
    })
    expect(response.status).toBe(418)
    const violations = violationsOf(Object.fromEntries(response.headers))
    expect(violations.filter((violation) => violation.location[0] === 'response')).toHaveLength(1)
    server.engine.removeTenant(tenant.value.tenant)
  })
})

describe('prism mock of the spec alone', () => {
  let mock: Prism
  beforeAll(async () => {
    mock = await startPrism(['mock', SPEC])
  }, 60_000)
  afterAll(() => stopPrism(mock))

  // The License API's codes on deactivate_license; Keycloak's on the token endpoint, in its shape.
  test.each(ERROR_CODES.filter((code) => !isOAuthCode(code)))('Prefer: code=<status>, example=%s answers the example body', async (code) => {
    const status = ERRORS[code].status
    const response = await fetch(`${mock.url}/api/v4/deactivate_license`, {
      method: 'POST',
      headers: {
        ...signedHeaders(DEMO),
        'content-type': 'application/json',
        prefer: `code=${status}, example=${code}`,
      },
      body: JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' }),
    })
    const text = await response.text()
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) })
    expect(JSON.parse(text)).toEqual(exampleBody(code))
  })

  test.each(ERROR_CODES.filter((code) => isOAuthCode(code)))('Prefer: example=%s on the token endpoint answers its Keycloak body', async (code) => {
    const response = await fetch(`${mock.url}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', prefer: `code=${ERRORS[code].status}, example=${code}` },
      body: 'grant_type=client_credentials&client_id=demo-client-id&client_secret=demo-client-secret',
    })
    expect({ status: response.status, body: await response.json() }).toEqual({ status: ERRORS[code].status, body: exampleWire(code) })
  })

  test('Prefer: code=200 answers the success example', async () => {
    const response = await fetch(`${mock.url}/api/v4/deactivate_license`, {
      method: 'POST',
      headers: { ...signedHeaders(DEMO), 'content-type': 'application/json', prefer: 'code=200' },
      body: JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toBe('license_deactivated')
  })
})
