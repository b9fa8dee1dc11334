// The scenarios that ship under scenarios/: every one passes in-process and against a real
// server, every response conforms to the spec, and together they reach every error code and
// every row of the rule table.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ENDPOINTS } from '../../src/core/endpoints/index.ts'
import { ERRORS, ERROR_CODES } from '../../src/core/errors.ts'
import { inProcessTarget, loadScenarios, mockServerTarget, runScenarioList, runTestCommand, type ResponseEvent, type RunReport } from '../../src/scenarios/index.ts'
import { DEFAULT_METHOD, DEFAULT_PATH } from '../../src/scenarios/schema.ts'
import { startMockServer, type RunningServer } from '../../src/server.ts'
import { assertConformsToSpec, spec } from '../support/spec.ts'

const scenarios = loadScenarios(['scenarios/'])

/** Failures as readable lines, so a red test says which scenario and why. */
const failures = (report: RunReport) =>
  report.results.filter((result) => result.status !== 'passed').map((result) => `${result.scenario.file} "${result.scenario.name}": ${result.status} ${JSON.stringify(result.failure ?? result.reason)}`)

/** Every License API response a run received, checked with the spec file itself. */
function conformanceProblems(events: ResponseEvent[]): string[] {
  const problems: string[] = []
  for (const { scenario, step, request, outcome } of events) {
    if (outcome.kind !== 'response') continue
    // The endpoint's own responses; a path or method the spec lacks is answered like deactivation's.
    const path = request.path.split('?')[0].replace(/(.)\/$/, '$1')
    const method = request.method.toLowerCase()
    const known = spec.paths[path]?.[method] !== undefined
    try {
      assertConformsToSpec(outcome.status, outcome.body, known ? path : undefined, known ? method : undefined, outcome.headers)
    } catch (error) {
      problems.push(`${scenario.name} steps[${step}]: ${(error as Error).message}`)
    }
  }
  return problems
}

describe('the shipped scenarios', () => {
  test('load without errors, and there are plenty', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(100)
  })

  test('all pass in-process, and every response conforms to the spec', async () => {
    const events: ResponseEvent[] = []
    const report = await runScenarioList(scenarios, { target: inProcessTarget(), onResponse: (event) => events.push(event) })
    expect(failures(report)).toEqual([])
    expect(report.summary).toEqual({ passed: scenarios.length, failed: 0, skipped: 0, total: scenarios.length })
    expect(events.length).toBeGreaterThan(scenarios.length)
    expect(conformanceProblems(events)).toEqual([])
  })

  describe('against startMockServer', () => {
    let server: RunningServer
    beforeAll(async () => {
      server = await startMockServer({ port: 0 })
    })
    afterAll(async () => {
      await server.close()
    })

    test('all pass, one tenant each, and the tenants are gone afterwards', async () => {
      const events: ResponseEvent[] = []
      const report = await runScenarioList(scenarios, { target: mockServerTarget({ adminUrl: server.url }), onResponse: (event) => events.push(event) })
      expect(failures(report)).toEqual([])
      expect(report.summary.passed).toBe(scenarios.length)
      expect(conformanceProblems(events)).toEqual([])
      expect(server.engine.tenants().map((tenant) => tenant.id)).toEqual(['default'])
    })

    test('the default tenant (the demo seed) is untouched by the scenarios', async () => {
      const demo = server.engine.tenant()!.store.toSeed()
      expect(demo.licenses!.find((license) => license.id === 1001)!.times_activated).toBe(5)
    })
  })

  test('`licensespring-mock test scenarios/ --junit FILE` exits 0, one testcase per scenario', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'licensespring-mock-shipped-'))
    try {
      const junit = path.join(dir, 'junit.xml')
      const out: string[] = []
      const err: string[] = []
      const code = await runTestCommand(['scenarios/', '--junit', junit], { out: (line) => out.push(line), err: (line) => err.push(line) })
      expect(err).toEqual([])
      expect(code).toBe(0)
      expect(out.filter((line) => line.startsWith('✓ '))).toHaveLength(scenarios.length)
      expect(out.at(-1)).toMatch(new RegExp(`^${scenarios.length} passed, 0 failed, 0 skipped`))
      const xml = readFileSync(junit, 'utf8')
      expect(xml.match(/<testcase /g)).toHaveLength(scenarios.length)
      expect(xml.match(/<testsuite /g)).toHaveLength(new Set(scenarios.map((scenario) => scenario.file)).size)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('coverage of the shipped scenarios', () => {
  const expectedCodes = new Set(scenarios.flatMap((scenario) => scenario.steps.map((step) => expectedCode(step.expect))))

  test.each(ERROR_CODES)('some scenario expects %s', (code) => {
    expect(expectedCodes.has(code), `no scenario under scenarios/ expects code ${code}: add one`).toBe(true)
  })

  test('every row of the rule table (1–25) has a scenario named after it', () => {
    const rows = new Set(scenarios.map((scenario) => /^row (\d+):/.exec(scenario.name)?.[1]).filter(Boolean).map(Number))
    const missing = Array.from({ length: 25 }, (_, i) => i + 1).filter((row) => !rows.has(row))
    expect(missing).toEqual([])
  })

  test('every code with a rule row is reached by state, not by a fault or Prefer', () => {
    const byState = new Set<string>()
    for (const scenario of scenarios) {
      const forced = scenario.steps.some((step) => step.fault !== undefined)
      for (const step of scenario.steps) {
        const code = expectedCode(step.expect)
        const prefer = Object.keys(step.request?.headers ?? {}).some((name) => name.toLowerCase() === 'prefer')
        if (code && !forced && !prefer && !hasStickyFault(scenario.seed)) byState.add(code)
      }
    }
    const ruled = ERROR_CODES.filter((code) => 'rule' in ERRORS[code])
    expect(ruled.filter((code) => !byState.has(code))).toEqual([])
  })

  /** Codes some scenario reaches by state (no fault step, no Prefer, no sticky fault) on this endpoint. */
  const reachedByState = (method: string, path: string) => {
    const codes = new Set<string>()
    for (const scenario of scenarios) {
      if (scenario.steps.some((step) => step.fault !== undefined) || hasStickyFault(scenario.seed)) continue
      for (const step of scenario.steps) {
        if (!step.request) continue
        // The step's defaults, and its path without a query written into it.
        const sentTo = (step.request.path ?? DEFAULT_PATH).split('?')[0]
        if ((step.request.method ?? DEFAULT_METHOD).toUpperCase() !== method || sentTo !== path) continue
        const prefer = Object.keys(step.request.headers ?? {}).some((name) => name.toLowerCase() === 'prefer')
        const code = expectedCode(step.expect)
        if (code && !prefer) codes.add(code)
      }
    }
    return codes
  }

  // Rows without a code (sticky faults, a bundle's "each license" rows) name none to reach.
  test.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))('every row of %s that names a code is reached by state on its endpoint', (_name, endpoint) => {
    const reached = reachedByState(endpoint.method, endpoint.path)
    const missing = endpoint.rules.filter((row) => row.code !== undefined && !reached.has(row.code)).map((row) => `${row.row} ${row.code}`)
    expect(missing).toEqual([])
  })

  test('the rows above name codes to reach: the check has something to check', () => {
    const rowsWithCodes = ENDPOINTS.flatMap((endpoint) => endpoint.rules.filter((row) => row.code !== undefined))
    expect(rowsWithCodes.length).toBeGreaterThan(100)
    expect(new Set(ENDPOINTS.filter((endpoint) => endpoint.rules.some((row) => row.code !== undefined)).map((endpoint) => endpoint.name)).size).toBeGreaterThan(20)
  })

  test('activation and check successes are verified as signed somewhere', () => {
    const signed = (path: string) => scenarios.some((scenario) => scenario.steps.some((step) => step.request?.path === path && step.expect?.signed === true))
    expect([signed('/api/v4/activate_license'), signed('/api/v4/check_license')]).toEqual([true, true])
  })

  test('the folders say what they hold', () => {
    const folders = new Set(scenarios.map((scenario) => scenario.file.split('/')[1]))
    expect([...folders].sort()).toEqual(['auth', 'enterprise', 'faults', 'flows', 'lifecycle', 'limits', 'rules'])
  })
})

function expectedCode(expect: { code?: string; body?: unknown } | undefined): string | undefined {
  if (!expect) return undefined
  if (expect.code) return expect.code
  // Keycloak's bodies (the token endpoint) name it `error`.
  const body = expect.body as { code?: unknown; error?: unknown } | undefined
  const code = typeof body === 'object' && body !== null ? (body.code ?? body.error) : undefined
  return typeof code === 'string' ? code : undefined
}

function hasStickyFault(seed: { licenses?: { fault?: string; devices?: { fault?: string }[] }[] } | undefined): boolean {
  return (seed?.licenses ?? []).some((license) => license.fault !== undefined || (license.devices ?? []).some((device) => device.fault !== undefined))
}
