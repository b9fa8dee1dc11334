// The OpenAPI spec is valid and agrees with the errors table: one set of codes (table, ErrorCode
// enum, example names) and one wording (each example is the table's example body under its status).
// The checks are scripts/lint-spec.ts's, so `npm run lint:spec` and this suite cannot disagree.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { compareSpecWithErrors, readSpecCodes, SPEC_FILE, validateSpecFile } from '../../scripts/lint-spec.ts'
import { createEngine } from '../../src/core/engine.ts'
import { ENDPOINTS } from '../../src/core/endpoints/index.ts'
import { answeredBy, ERROR_CODES, ERRORS, exampleBody, exampleWire } from '../../src/core/errors.ts'
import { resolveSeed } from '../../src/seed-file.ts'
import { assertConformsToSpec } from '../support/spec.ts'

const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as unknown
const sorted = (values: Iterable<string>) => [...values].sort()

describe('openapi/license-api.yaml', () => {
  test('is valid OpenAPI (swagger-parser)', async () => {
    expect(await validateSpecFile()).toEqual([])
  })

  test('its ErrorCode enum is the errors table', () => {
    expect(sorted(readSpecCodes(spec).enumCodes)).toEqual(sorted(ERROR_CODES))
  })

  test('its error examples are named after exactly the codes of the errors table', () => {
    expect(sorted(readSpecCodes(spec).examples.map((example) => example.name))).toEqual(sorted(ERROR_CODES))
  })

  test('each example is the table’s example body, under the response of its status', () => {
    expect(compareSpecWithErrors(spec)).toEqual([])
  })

  test('the 200 example is "license_deactivated"', () => {
    const doc = spec as { paths: Record<string, { post: { responses: Record<string, { content: Record<string, { examples: Record<string, { value: unknown }> }> }> } }> }
    expect(doc.paths['/api/v4/deactivate_license'].post.responses['200'].content['application/json'].examples).toEqual({
      license_deactivated: { value: 'license_deactivated' },
    })
  })
})

describe('the host root (GET /, the online check) declares what the engine answers there', () => {
  // Found by fuzzing every endpoint: the spec declared only its 200.
  test.each([
    { name: 'another method', request: { method: 'POST', path: '/', headers: {} }, status: 405 },
    { name: 'a body over the limit', request: { method: 'GET', path: '/', headers: {}, tooLarge: true }, status: 413 },
    { name: 'a Prefer it cannot honour', request: { method: 'GET', path: '/', headers: { prefer: 'code=200' } }, status: 422 },
    { name: 'a Prefer-forced error', request: { method: 'GET', path: '/', headers: { prefer: 'code=500' } }, status: 500 },
    { name: 'a head over the limit', request: { method: 'GET', path: '/', headers: {}, headersTooLarge: true }, status: 431 },
  ])('$name: $status', async ({ request, status }) => {
    const engine = await createEngine({ seed: resolveSeed({}) })
    const response = engine.handle(request)
    expect(response.status).toBe(status)
    assertConformsToSpec(response.status, response.body, '/', 'get', response.headers)
  })
})

describe('the checker', () => {
  /** A spec that agrees with the table, built from it. */
  const agreeing = () => {
    const responses: Record<string, { description: string; content: Record<string, unknown> }> = {}
    for (const code of ERROR_CODES) {
      const status = String(ERRORS[code].status)
      responses[status] ??= { description: status, content: { 'application/json': { schema: {}, examples: {} } } }
      const media = responses[status].content['application/json'] as { examples: Record<string, unknown> }
      media.examples[code] = { value: exampleWire(code) }
    }
    return {
      paths: { '/api/v4/deactivate_license': { post: { responses } } },
      components: { schemas: { ErrorCode: { type: 'string', enum: [...ERROR_CODES] as string[] } } },
    }
  }
  type Agreeing = ReturnType<typeof agreeing>
  const examplesOf = (doc: Agreeing, status: number) =>
    (doc.paths['/api/v4/deactivate_license'].post.responses[String(status)].content['application/json'] as { examples: Record<string, { value: unknown }> }).examples

  test('finds nothing in a spec built from the table', () => {
    expect(compareSpecWithErrors(agreeing())).toEqual([])
  })

  test('reports a code missing from the enum, and an enum code missing from the table', () => {
    const doc = agreeing()
    doc.components.schemas.ErrorCode.enum = [...ERROR_CODES.filter((code) => code !== 'blacklisted'), 'licence_expired']
    expect(compareSpecWithErrors(doc)).toEqual([
      '"blacklisted" is in the errors table but not in the ErrorCode enum',
      '"licence_expired" is in the ErrorCode enum but not in the errors table',
    ])
  })

  test('reports a code without an example and an example without a code', () => {
    const doc = agreeing()
    const examples = examplesOf(doc, 400)
    delete examples.vm_not_allowed
    examples.vm_forbidden = { value: { status: 400, code: 'vm_forbidden', message: 'x' } }
    expect(compareSpecWithErrors(doc)).toEqual([
      '"vm_not_allowed" has no example in the spec (expected under the 400 response)',
      'example "vm_forbidden" (POST /api/v4/deactivate_license 400) is not in the errors table',
    ])
  })

  test('reports an example whose message differs by one character (the leading space)', () => {
    const doc = agreeing()
    examplesOf(doc, 400).offline_floating_cloud_not_supported = {
      value: { status: 400, code: 'offline_floating_cloud_not_supported', message: 'Floating cloud licenses cannot be activated offline.' },
    }
    const [problem, ...rest] = compareSpecWithErrors(doc)
    expect(rest).toEqual([])
    expect(problem).toMatch(/^example "offline_floating_cloud_not_supported" \(POST \/api\/v4\/deactivate_license 400\) is /)
  })

  test('reports an example under the wrong status', () => {
    const doc = agreeing()
    const moved = examplesOf(doc, 400).license_expired
    delete examplesOf(doc, 400).license_expired
    examplesOf(doc, 404).license_expired = moved
    expect(compareSpecWithErrors(doc)).toEqual(['example "license_expired" sits under 404 but the errors table says 400'])
  })

  test('reports an example given twice', () => {
    const doc = agreeing()
    examplesOf(doc, 404).blacklisted = examplesOf(doc, 400).blacklisted
    expect(compareSpecWithErrors(doc)).toContain(
      'example "blacklisted" appears 2 times: POST /api/v4/deactivate_license 400; POST /api/v4/deactivate_license 404',
    )
  })

  test('reports examples that slipped out of `examples` into `content`', () => {
    const doc = agreeing()
    const response = doc.paths['/api/v4/deactivate_license'].post.responses['422']
    response.content = { 'application/json': { schema: {}, examples: null }, invalid_prefer_header: { value: exampleBody('invalid_prefer_header') } }
    expect(compareSpecWithErrors(doc)).toEqual([
      'POST /api/v4/deactivate_license 422: content has "invalid_prefer_header" beside application/json (an example indented one level too little?)',
      'POST /api/v4/deactivate_license 422: application/json examples is empty',
      '"invalid_prefer_header" has no example in the spec (expected under the 422 response)',
    ])
  })
})

describe('the spec and the endpoint table', () => {
  const doc = spec as { paths: Record<string, Record<string, { operationId?: string }>> }
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operationId: operation.operationId })))

  test('every operation of the spec is an entry of the endpoint table, and every entry an operation', () => {
    const inSpec = operations.map((operation) => `${operation.method} ${operation.path} ${operation.operationId}`).sort()
    const inTable = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path} ${endpoint.operationId}`).sort()
    expect(inTable).toEqual(inSpec)
  })

  test('names and operation ids are unique', () => {
    expect(new Set(ENDPOINTS.map((endpoint) => endpoint.name)).size).toBe(ENDPOINTS.length)
    expect(new Set(ENDPOINTS.map((endpoint) => endpoint.operationId)).size).toBe(ENDPOINTS.length)
  })

  test('every code an entry lists is in the errors table and answered by that endpoint', () => {
    for (const endpoint of ENDPOINTS) {
      for (const { row, code } of endpoint.rules) {
        if (code === undefined) continue
        expect(ERROR_CODES, `${endpoint.name} row ${row}`).toContain(code)
        expect(answeredBy(code, endpoint), `${endpoint.name} row ${row}: ${code}`).toBe(true)
      }
    }
  })
})
