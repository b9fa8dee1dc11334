// One JSON policy: a repeated key is an error, named with its path, in every JSON document the
// mock reads (admin bodies, seed, state and scenario files). License API request bodies stay
// lenient, as the real server's parser is (the last of two equal keys wins). And a state too
// large to answer as one document is refused by the request that would create it.
import fc from 'fast-check'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { main } from '../../src/cli.ts'
import { findDuplicate, parseJsonDocument } from '../../src/core/json-keys.ts'
import { loadScenarios, ScenarioConfigError } from '../../src/scenarios/index.ts'
import { startMockServer } from '../../src/server.ts'
import { StateFileError } from '../../src/state-file.ts'
import { tempFolder } from '../support/files.ts'
import { codeOf, deactivate, post } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

const folder = tempFolder('json-policy')
const DUPLICATE = /^Map keys must be unique: ".*" appears twice in one object$/

describe('findDuplicate names the path of the repeated key', () => {
  const wide = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`).join(', ')
  test.each([
    ['{"a": 1, "a": 2}', 'a'],
    ['{"licenses": [{"id": 1}], "licenses": []}', 'licenses'],
    ['{"licenses": [{"id": 1}, {"id": 2, "devices": [{"hardware_id": "x", "hardware_id": "y"}]}]}', 'licenses[1].devices[0].hardware_id'],
    ['[[{"x": 1}], [{"x": 1, "x": 2}]]', '[1][0].x'],
    [`{${wide}, "b": {"z": 1, "z": 2}}`, 'b.z'],
    [`{"outer": {${wide}, "inner": [1, {"q": 0, "q": 1}]}}`, 'outer.inner[1].q'],
    ['{"a\\u002eb": {"c": 1, "c": 2}}', 'a.b.c'],
  ])('%s → %s', (text, path) => {
    expect(findDuplicate(text)?.path).toBe(path)
  })

  test('on generated documents: the path leads to the object where the key repeats', () => {
    const json = fc.jsonValue({ maxDepth: 4 })
    fc.assert(
      fc.property(json, fc.nat(), (value, pick) => {
        // The paths of every non-empty object, as the finder spells them.
        const objects: { path: string; node: Record<string, unknown> }[] = []
        const walk = (node: unknown, path: string) => {
          if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`))
          else if (typeof node === 'object' && node !== null) {
            if (Object.keys(node).length > 0) objects.push({ path, node: node as Record<string, unknown> })
            for (const [key, item] of Object.entries(node)) walk(item, path ? `${path}.${key}` : key)
          }
        }
        walk(value, '')
        const target = objects[pick % Math.max(1, objects.length)]
        if (!target) return
        const key = Object.keys(target.node)[0]
        // The same document with that object's first key written once more, last.
        const write = (node: unknown): string => {
          if (Array.isArray(node)) return `[${node.map(write).join(',')}]`
          if (typeof node !== 'object' || node === null) return JSON.stringify(node)
          const members = Object.entries(node).map(([name, item]) => `${JSON.stringify(name)}:${write(item)}`)
          if (node === target.node) members.push(`${JSON.stringify(key)}:0`)
          return `{${members.join(',')}}`
        }
        const text = write(value)
        expect(findDuplicate(text)).toEqual({ key, path: target.path ? `${target.path}.${key}` : key })
        expect(parseJsonDocument(text)).toMatchObject({ ok: false, message: DUPLICATE })
      }),
      { numRuns: 400 },
    )
  })
})

describe('every JSON document the mock reads', () => {
  const serverPromise = startMockServer({ port: 0 })
  afterAll(async () => (await serverPromise).close())
  const admin = async (method: string, path: string, text: string) => post((await serverPromise).url, `/__admin${path}`, { 'content-type': 'application/json' }, text, undefined, method)

  test.each([
    ['PUT', '/state', '{"products": [{"short_code": "p"}], "licenses": [{"product": "p", "license_key": "A"}], "licenses": []}', 'licenses'],
    ['POST', '/tenants', '{"products": [{"short_code": "p"}], "licenses": [{"product": "p", "license_key": "A", "license_key": "B"}]}', 'licenses[0].license_key'],
    ['POST', '/faults', '{"error": "license_expired", "error": "blacklisted"}', 'error'],
    ['PUT', '/clock', '{"advance": "1d", "advance": "-1d"}', 'advance'],
  ])('admin %s %s: 400 naming %s, nothing changes', async (method, path, text, at) => {
    const server = await serverPromise
    const before = JSON.stringify(server.engine.tenant()!.store.toSeed())
    const clock = server.engine.tenant()!.clock.state().frozen
    const answer = await admin(method, path, text)
    expect(answer.status).toBe(400)
    const message = (answer.body as { message: string }).message
    expect(message.startsWith(`request body: ${at}: Map keys must be unique: `)).toBe(true)
    expect(answer.body).toMatchObject({ code: 'admin_bad_request', issues: [{ path: at, message: expect.stringMatching(DUPLICATE) }] })
    expect(JSON.stringify(server.engine.tenant()!.store.toSeed())).toBe(before)
    expect(server.engine.tenants().map((tenant) => tenant.id)).toEqual(['default'])
    expect(server.engine.tenant()!.faults.list()).toEqual([])
    expect(server.engine.tenant()!.clock.state().frozen).toBe(clock)
  })

  test('a seed file: `validate` names the path', async () => {
    const file = folder.write('dupe-seed.json', '{"products": [{"short_code": "p", "short_code": "q"}]}')
    const out: string[] = []
    expect(await main(['validate', file], { out: (line) => out.push(line), err: () => {} })).toBe(1)
    expect(out).toEqual([`${file}: products[0].short_code: Map keys must be unique: "short_code" appears twice in one object`])
  })

  test('a state file: the start is refused, naming the path', async () => {
    const file = folder.write('dupe-state.json', '{"credentials": [], "licenses": [], "credentials": []}')
    const error = await startMockServer({ port: 0, stateFile: file }).then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect(error).toBeInstanceOf(StateFileError)
    expect((error as Error).message).toMatch(/is not a valid state: credentials: Map keys must be unique: "credentials" appears twice in one object/)
  })

  test('a scenario file (JSON is YAML) and the seed it names: refused, with the place', () => {
    const seed = folder.write('scenario-seed.json', '{"licenses": [], "licenses": []}')
    const scenario = folder.write('dupe-scenario.yaml', '{"name": "a", "name": "b", "steps": [{"request": {}, "expect": {"status": 200}}]}')
    const usesSeed = folder.write('uses-seed.yaml', `name: c\nseed: ${seed}\nsteps: [{ request: {}, expect: { status: 200 } }]\n`)
    for (const [file, where] of [
      [scenario, /dupe-scenario\.yaml: name: Map keys must be unique: "name" appears twice in one object/],
      [usesSeed, /scenario-seed\.json: licenses: Map keys must be unique/],
    ] as const) {
      let error: unknown
      try {
        loadScenarios([file])
      } catch (failure) {
        error = failure
      }
      expect(error).toBeInstanceOf(ScenarioConfigError)
      expect(String((error as Error).message)).toMatch(where)
    }
  })

  test('License API bodies stay lenient: the last of two equal keys wins, as on the real server', async () => {
    const server = await serverPromise
    const body = '{"hardware_id": "no-such-device", "hardware_id": "demo-device-4", "product": "demo", "license_key": "DEMO-OK-0001"}'
    const signed = await import('../../src/core/signature.ts').then((module) => module.signedHeaders(DEMO))
    const reply = await post(server.url, '/api/v4/deactivate_license', { 'content-type': 'application/json', date: signed.Date, authorization: signed.Authorization }, body)
    expect(codeOf(reply)).toBe('license_deactivated')
    expect(codeOf(await deactivate(server.url, DEMO, { hardware_id: 'demo-device-4', product: 'demo', license_key: 'DEMO-OK-0001' }))).toBe('device_not_found')
  })
})

describe('a state too large to answer as one document', () => {
  test('PUT /__admin/state and POST /__admin/tenants with 1 000 000 licenses: 413 with the reason, nothing changes, nothing on stderr', async () => {
    const lines: string[] = []
    const file = join(folder.dir, 'big-state.json')
    const server = await startMockServer({ port: 0, stateFile: file, log: (line) => lines.push(line) })
    try {
      const before = JSON.stringify(server.engine.tenant()!.store.toSeed())
      const licenses = Array.from({ length: 1_000_000 }, (_, i) => `{"product":"p","license_key":"K${i}"}`).join(',')
      const text = `{"products":[{"short_code":"p"}],"licenses":[${licenses}]}`
      expect(text.length).toBeLessThan(64 * 1024 * 1024)
      for (const [method, path] of [
        ['PUT', '/__admin/state'],
        ['POST', '/__admin/tenants'],
      ]) {
        const answer = await post(server.url, path, { 'content-type': 'application/json' }, text, undefined, method)
        expect(answer.status).toBe(413)
        expect(answer.body).toEqual({ status: 413, code: 'admin_payload_too_large', message: expect.stringMatching(/^the state would take up to \d+ MiB as JSON .* more than the 256 MiB a state may take/) })
      }
      expect(JSON.stringify(server.engine.tenant()!.store.toSeed())).toBe(before)
      expect(server.engine.tenants()).toHaveLength(1)
      expect(codeOf(await deactivate(server.url, DEMO, { hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' }))).toBe('license_deactivated')
    } finally {
      await server.close()
    }
    expect(lines).toEqual([])
  }, 60_000)
})
