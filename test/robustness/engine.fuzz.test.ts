// Property-based: any request at all through engine.handle, to any endpoint of the table (or
// none), gets an answer the spec declares for that endpoint, never a 5xx nobody asked for, never
// a throw, and changes the state only on a real success of an endpoint that may change it.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createAdmin } from '../../src/adapters/admin.ts'
import { createEngine, type Engine } from '../../src/core/engine.ts'
import type { CoreRequest } from '../../src/core/types.ts'
import { headBytes, MAX_HEADER_BYTES } from '../../src/core/request.ts'
import { resolveSeed } from '../../src/seed-file.ts'
import { checkAnswer, DEMO_SEED_FILE, ENDPOINTS, FUZZ_TIMEOUT_MS, isTooLarge, mixedRequests, plausibleRequestsTo, REQUIRED_OUTCOMES, routedTo, RUNS, splitTarget, type FuzzRequest } from './support.ts'

const JOURNAL_KEYS = ['time', 'tenant', 'method', 'path', 'body', 'status', 'code', 'fault']

/** As an in-process adapter hands it over: the target split at the first `?`, no body over the limit, the head measured. */
function toCore(request: FuzzRequest): CoreRequest {
  const text = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8')
  const tooLarge = isTooLarge(request)
  const target = splitTarget(request)
  return { method: request.method, ...target, headers: request.headers, body: tooLarge ? undefined : text, tooLarge, ...(headTooLarge(request) ? { headersTooLarge: true } : {}) }
}
const headTooLarge = (request: FuzzRequest) => {
  const { path, query } = splitTarget(request)
  return headBytes(path, query, request.headers) >= MAX_HEADER_BYTES
}

/** One request through the engine, judged by the oracle; the verdict. */
function judged(engine: Engine, request: FuzzRequest) {
  const tenant = engine.tenant()!
  const before = tenant.store.toSeed()
  const response = engine.handle(toCore(request))
  // Empty successes (the releases) are text/plain, as the real API answers them; everything else JSON.
  const empty = response.status === 200 && routedTo(splitTarget(request).path, request.method)?.empty === true && !response.body
  expect(response.headers['content-type']).toBe(empty ? 'text/plain' : 'application/json')
  const verdict = checkAnswer(request, { status: response.status, text: response.body, headers: response.headers }, before, tenant.store.toSeed(), { publicKey: engine.publicKey, headTooLarge: headTooLarge(request) })
  expect(response.code, verdict.outcome).toBe(verdict.outcome.slice(verdict.outcome.indexOf(' ') + 1))
  return verdict
}

describe('engine.handle under random input', () => {
  test('every answer conforms to the spec of its endpoint; state changes only on a real success, by one device', async () => {
    const engine = await createEngine({ seed: resolveSeed(DEMO_SEED_FILE), journalSize: 50 })
    let changes = 0
    const outcomes: Record<string, number> = {}
    await fc.assert(
      fc.asyncProperty(mixedRequests({ wire: false }), async (request) => {
        const verdict = judged(engine, request)
        outcomes[verdict.outcome] = (outcomes[verdict.outcome] ?? 0) + 1

        // The journal: one entry per request, no headers, listable (JSON.stringify does not choke).
        const [entry] = engine.journal.list({ limit: 1 })
        expect(Object.keys(entry).every((key) => JOURNAL_KEYS.includes(key))).toBe(true)
        const listed = JSON.stringify(engine.journal.list())
        if (request.signed) expect(listed).not.toContain(request.headers.authorization)
        // Back to the seed now and then, so successes keep coming.
        if (verdict.changed && ++changes % 4 === 0) await engine.reset()
      }),
      { numRuns: RUNS * 6 },
    )
    // The generators reach the success paths, the codes that follow them, and a spread of rules.
    for (const outcome of REQUIRED_OUTCOMES) expect(outcomes[outcome] ?? 0, `${outcome} in ${JSON.stringify(outcomes)}`).toBeGreaterThan(0)
    // Every endpoint of the table was asked.
    const asked = new Set(Object.keys(outcomes).map((outcome) => outcome.split(' ')[0]))
    expect(ENDPOINTS.map((endpoint) => endpoint.name).filter((name) => !asked.has(name))).toEqual([])
    expect(new Set(Object.keys(outcomes).map((outcome) => outcome.split(' ')[1])).size).toBeGreaterThan(30)
    if (process.env.FUZZ_REPORT) console.log('engine outcomes', JSON.stringify(Object.entries(outcomes).sort(([, a], [, b]) => b - a)))
  }, FUZZ_TIMEOUT_MS)

  test('plausible requests to each endpoint, from the seed: the oracle holds, and every endpoint answers its success', async () => {
    const engine = await createEngine({ seed: resolveSeed(DEMO_SEED_FILE), journalSize: 50 })
    const outcomes: Record<string, number> = {}
    for (const endpoint of ENDPOINTS) {
      await fc.assert(
        fc.asyncProperty(plausibleRequestsTo(endpoint), async (request) => {
          await engine.reset()
          const { outcome } = judged(engine, request)
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
        }),
        { numRuns: Math.max(60, Math.round(RUNS / 3)) },
      )
    }
    expect(ENDPOINTS.map((endpoint) => `${endpoint.name} ${endpoint.success}`).filter((outcome) => !outcomes[outcome])).toEqual([])
    if (process.env.FUZZ_REPORT) console.log('plausible outcomes', JSON.stringify(Object.entries(outcomes).sort(([, a], [, b]) => b - a)))
  }, FUZZ_TIMEOUT_MS)

  test('a body nested 500 000 deep is answered, and the journal can still be listed (found by fuzzing)', async () => {
    const engine = await createEngine({ seed: resolveSeed(DEMO_SEED_FILE) })
    const admin = createAdmin(engine, { version: 'x' })
    const depth = 500_000
    for (const body of ['['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)]) {
      const response = engine.handle({ method: 'POST', path: '/api/v4/deactivate_license', headers: {}, body })
      expect(response.status).toBe(400)
    }
    const big = JSON.stringify({ hardware_id: 'x'.repeat(100_000) })
    engine.handle({ method: 'POST', path: '/api/v4/deactivate_license', headers: {}, body: big })
    const listed = await admin.handle({ method: 'GET', path: '/__admin/requests', query: '', headers: {} })
    expect(listed.status).toBe(200)
    // Too deep or too large to keep parsed: kept as text, truncated.
    const entries = (JSON.parse(listed.body!) as { requests: { body: unknown }[] }).requests
    expect(entries.map((entry) => typeof entry.body)).toEqual(['string', 'string', 'string'])
    expect(entries.every((entry) => (entry.body as string).length <= 4097)).toBe(true)
  })

  test('prototype-pollution keys leave Object.prototype alone', async () => {
    const engine = await createEngine({ seed: resolveSeed(DEMO_SEED_FILE) })
    const bodies = [
      '{"__proto__":{"polluted":true},"hardware_id":"demo-device-1","product":"demo","license_key":"DEMO-OK-0001"}',
      '{"constructor":{"prototype":{"polluted":true}},"hardware_id":"demo-device-1","product":"demo"}',
      '{"hardware_id":"__proto__","product":"__proto__","license_key":"constructor"}',
      '{"hardware_id":"demo-device-1","product":"toString","license_key":"hasOwnProperty"}',
    ]
    for (const body of bodies) {
      const response = engine.handle({ method: 'POST', path: '/api/v4/deactivate_license', headers: {}, body })
      expect(response.status).toBe(400)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})
