// `licensespring-mock test` as a user drives it: exit codes, console lines, reports, options.
import { mkdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runTestCommand } from '../../src/scenarios/cli.ts'
import { startMockServer, type RunningServer } from '../../src/server.ts'
import { tempFolder } from '../support/files.ts'

const { dir, write } = tempFolder('scenarios')

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runTestCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const shipped = readFileSync('scenarios/flows/deactivate-twice.yaml', 'utf8')

const SEEDLESS = `
scenarios:
  - name: missing headers
    steps:
      - request: { sign: false, body: { hardware_id: laptop, product: app } }
        expect: { status: 400, code: missing_headers }
  - name: signed, unknown product
    steps:
      - request: { body: { hardware_id: laptop, product: app, license_key: K } }
        expect: { status: 400 }
`

describe('exit codes', () => {
  test('a scenario expecting the wrong code exits 1 and names the step, the expected and the actual', async () => {
    const file = write('wrong/deactivate-twice.yaml', shipped.replace('code: device_not_found', 'code: license_expired'))
    const { code, out } = await run([file])
    expect(code).toBe(1)
    expect(out).toContain('✗ deactivating the same device twice fails the second time')
    expect(out).toContain('steps[1] "second deactivation"')
    expect(out).toContain('code: expected license_expired, got "device_not_found"')
    expect(out).toMatch(/actual: +\{"status":400,"body":\{"status":400,"code":"device_not_found"/)
    expect(out).toMatch(/0 passed, 1 failed, 0 skipped/)
  })

  test('a failing state assertion names the license and the field', async () => {
    const file = write('wrong-state.yaml', shipped.replace('{ license_key: KEY-1, times_activated: 1, device_count: 2 }', '{ license_key: KEY-1, times_activated: 0 }'))
    const { code, out } = await run([file])
    expect(code).toBe(1)
    expect(out).toContain('at ')
    expect(out).toContain(', then')
    expect(out).toContain('license KEY-1: times_activated: expected 0, got 1')
  })

  test('a malformed file exits 2, naming the file, the scenario and the path inside it', async () => {
    const file = write('malformed.yaml', shipped.replace('expect: { status: 400, code: device_not_found', 'expect: { status: "400", code: device_not_found'))
    const { code, out, err } = await run([file])
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain('malformed.yaml: scenario "deactivating the same device twice fails the second time": steps[1].expect.status: expected number, received string')
  })

  test('an error inside a list names the scenario by name and index', async () => {
    const file = write('list.yaml', SEEDLESS.replace('expect: { status: 400 }', 'expect: { status: 400, colour: red }'))
    const { code, err } = await run([file])
    expect(code).toBe(2)
    expect(err).toContain('list.yaml: scenario "signed, unknown product" (#1): steps[0].expect: Unrecognized key: "colour"')
  })

  test('YAML syntax errors give the line and column', async () => {
    const file = write('syntax.yaml', 'name: x\nsteps:\n  - request: { body: [1, 2 }\n')
    const { code, err } = await run([file])
    expect(code).toBe(2)
    expect(err).toMatch(/syntax\.yaml: line 3, column \d+: /)
  })

  test('every problem of every file is listed before anything runs', async () => {
    const a = write('many/a.yaml', 'name: a\nsteps: []\n')
    const b = write('many/b.yaml', 'name: b\nsteps:\n  - clock: { advance: soon }\n')
    const { code, err } = await run([path.dirname(a)])
    expect(code).toBe(2)
    expect(err).toContain(`${path.basename(a)}: scenario "a": steps: Too small`)
    expect(err).toContain(`${path.basename(b)}: scenario "b": steps[0].clock.advance: must be a duration`)
  })

  test('a missing path, no scenarios, and tags that match nothing exit 2', async () => {
    expect((await run([path.join(dir, 'nope')])).code).toBe(2)
    expect((await run([path.join(dir, 'nope')])).err).toContain('no such file or directory')
    const empty = path.join(dir, 'empty-dir')
    mkdirSync(empty, { recursive: true })
    expect((await run([empty])).code).toBe(2)
    const file = write('tagged.yaml', SEEDLESS)
    const tagged = await run([file, '--tags', 'nothing-has-this'])
    expect(tagged.code).toBe(2)
    expect(tagged.err).toContain('No scenario has the tags nothing-has-this')
  })

  test('usage errors exit 2 with a hint; --help exits 0', async () => {
    const unknown = await run(['--frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toBe('licensespring-mock test: unknown option "--frobnicate" (run "licensespring-mock test --help" for usage)')
    expect((await run(['--api-key', 'k', '--target', 'http://127.0.0.1:1'])).err).toContain('--api-key and --shared-key go together')
    expect((await run(['--var', 'NOVALUE'])).code).toBe(2)
    expect((await run(['--concurrency', '0'])).code).toBe(2)
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('Usage: licensespring-mock test')
    expect(help.out).toContain('--junit FILE')
  })

  test('a server that refuses the connection exits 2 with a clear line', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const { code, err } = await run([write('refused.yaml', SEEDLESS), '--target', `http://127.0.0.1:${port}`])
    expect(code).toBe(2)
    expect(err).toBe(`Error: cannot connect to http://127.0.0.1:${port}: connection refused. Is the server running?`)
  })
})

describe('reports', () => {
  test('--junit writes one testcase per scenario, a testsuite per file, failures and skips', async () => {
    const good = write('junit/good.yaml', shipped)
    const bad = write('junit/bad & <odd>.yaml', SEEDLESS.replace('code: missing_headers', 'code: "<not & this>"'))
    const report = path.join(dir, 'out', 'nested', 'junit.xml')
    const { code } = await run([good, bad, '--junit', report])
    expect(code).toBe(1)
    const xml = readFileSync(report, 'utf8')
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true)
    expect(xml.match(/<testsuite /g)).toHaveLength(2)
    expect(xml.match(/<testcase /g)).toHaveLength(3)
    expect(xml).toContain('<testsuites name="licensespring-mock scenarios" tests="3" failures="1" skipped="0"')
    expect(xml).toContain('classname="')
    expect(xml).toContain('bad &amp; &lt;odd&gt;.yaml')
    expect(xml).toMatch(/<failure message="steps\[0\]: code: expected &lt;not &amp; this&gt;, got &quot;missing_headers&quot;" type="expect">/)
    expectWellFormed(xml)
  })

  test('--json writes the summary and every scenario', async () => {
    const file = write('json/list.yaml', SEEDLESS)
    const out = path.join(dir, 'out', 'report.json')
    expect((await run([file, '--json', out])).code).toBe(0)
    const report = JSON.parse(readFileSync(out, 'utf8')) as { target: string; summary: unknown; scenarios: { name: string; status: string }[] }
    expect(report.target).toBe('in-process')
    expect(report.summary).toEqual({ passed: 2, failed: 0, skipped: 0, total: 2 })
    expect(report.scenarios.map((scenario) => [scenario.name, scenario.status])).toEqual([
      ['missing headers', 'passed'],
      ['signed, unknown product', 'passed'],
    ])
  })
})

describe('options', () => {
  test('--tags keeps scenarios with one of the tags (file tags count)', async () => {
    const file = write(
      'tags.yaml',
      `tags: [all]
scenarios:
  - { name: one, tags: [fast], steps: [{ request: { sign: false }, expect: { code: missing_headers } }] }
  - { name: two, tags: [slow], steps: [{ request: { sign: false }, expect: { code: missing_headers } }] }
  - { name: three, steps: [{ request: { sign: false }, expect: { code: missing_headers } }] }
`,
    )
    const fast = await run([file, '--tags', 'fast,other'])
    expect(fast.out.split('\n').filter((line) => line.startsWith('✓'))).toEqual(['✓ one'])
    const all = await run([file, '--tags', 'all'])
    expect(all.out).toMatch(/^3 passed/m)
  })

  test('--var fills ${NAME}; the environment fills the rest; an undefined one is a config error', async () => {
    const file = write(
      'vars.yaml',
      `name: vars
given:
  products: [{ short_code: "\${PRODUCT}" }]
  licenses: [{ product: "\${PRODUCT}", license_key: "\${LS_MOCK_TEST_KEY}", devices: [{ hardware_id: laptop }] }]
steps:
  - request: { body: { hardware_id: laptop, product: "\${PRODUCT}", license_key: "\${LS_MOCK_TEST_KEY}" } }
    expect: { status: 200, body: license_deactivated, headers: { content-type: "/^application\\\\/json$$\${NOT_A_VAR}|json/" } }
`,
    )
    process.env.LS_MOCK_TEST_KEY = 'FROM-ENV'
    try {
      const ok = await run([file, '--var', 'PRODUCT=app'])
      expect(ok.err).toBe('')
      expect(ok.code).toBe(0)
      const missing = await run([file])
      expect(missing.code).toBe(2)
      expect(missing.err).toContain('vars.yaml: scenario "vars": given.products[0].short_code: undefined variable ${PRODUCT}: pass --var PRODUCT=VALUE or set it in the environment')
    } finally {
      delete process.env.LS_MOCK_TEST_KEY
    }
  })

  test('--no-validate turns the contract check off', async () => {
    const file = write('contract.yaml', 'name: c\nsteps:\n  - request: { sign: false }\n    expect: { code: missing_headers }\n')
    expect((await run([file, '--no-validate'])).code).toBe(0)
  })
})

describe('--target', () => {
  let mock: RunningServer
  let foreign: Server
  let foreignUrl: string
  const seen: { path: string; authorization?: string }[] = []
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 })
    // A server that is not licensespring-mock: no admin API, answers missing_headers to anything unsigned.
    foreign = createServer((req, res) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization })
      if (req.url?.startsWith('/__admin')) {
        res.writeHead(404).end()
        return
      }
      const signed = req.headers.authorization !== undefined
      const body = signed ? { status: 400, code: 'unknown_product', message: 'Provided product was not found' } : { status: 400, code: 'missing_headers', message: 'Some headers are missing' }
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    })
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await mock.close()
    await new Promise<void>((resolve) => foreign.close(() => resolve()))
  })

  test('a licensespring-mock server runs every kind of scenario', async () => {
    const { code, out } = await run(['scenarios/flows/', '--target', mock.url])
    expect(code).toBe(0)
    expect(out).toContain(mock.url)
    expect(out).not.toContain('skipped:')
  })

  test('any other server gets the requests only; the rest is skipped with the reason', async () => {
    const file = write('foreign.yaml', `${SEEDLESS}
  - name: seeded
    given: { products: [{ short_code: app }] }
    steps: [{ request: { sign: false }, expect: { code: missing_headers } }]
  - name: clock
    steps: [{ clock: { advance: 1d } }, { request: { sign: false }, expect: { code: missing_headers } }]
`)
    const withoutKeys = await run([file, '--target', foreignUrl])
    expect(withoutKeys.code).toBe(0)
    expect(withoutKeys.out).toContain('✓ missing headers')
    expect(withoutKeys.out).toContain('- signed, unknown product (skipped: signs requests: pass --api-key and --shared-key)')
    expect(withoutKeys.out).toContain('- seeded (skipped: needs seeding (seed/given): only a licensespring-mock server can be seeded)')
    expect(withoutKeys.out).toContain('- clock (skipped: needs clock control: only a licensespring-mock server has it)')
    expect(withoutKeys.out).toMatch(/^1 passed, 0 failed, 3 skipped/m)

    seen.length = 0
    const withKeys = await run([file, '--target', foreignUrl, '--api-key', 'real-key', '--shared-key', 'real-secret'])
    expect(withKeys.out).toMatch(/^2 passed, 0 failed, 2 skipped/m)
    expect(seen.some((request) => request.authorization?.includes('apikey="real-key"'))).toBe(true)
  })

  test('a skipped scenario is <skipped/> in JUnit', async () => {
    const report = path.join(dir, 'out', 'skipped.xml')
    await run([write('foreign-junit.yaml', SEEDLESS), '--target', foreignUrl, '--junit', report])
    const xml = readFileSync(report, 'utf8')
    expect(xml).toContain('<skipped message="signs requests: pass --api-key and --shared-key"/>')
    expect(xml).toContain('skipped="1"')
    expectWellFormed(xml)
  })
})

/** A small XML well-formedness check: tags nest and close, attributes are quoted, entities are known. */
function expectWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const stack: string[] = []
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy
  let last = 0
  for (let match = token.exec(body); match; match = token.exec(body)) {
    last = token.lastIndex
    const [, closing, name, , selfClosing, text] = match
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[&<]/)
      continue
    }
    if (closing) expect(stack.pop()).toBe(name)
    else if (!selfClosing) stack.push(name)
  }
  expect(last).toBe(body.length)
  expect(stack).toEqual([])
}
