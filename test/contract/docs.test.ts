// The docs cannot drift from the engine: the code table (docs/codes.md) names exactly the codes
// of the errors table with their statuses; the rule tables name every code a rule raises, the
// activation rows are the engine's; the tables written from the endpoint table are current; every
// endpoint of the spec and every flag of `serve` is documented; README stays a front page.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { TABLES, withTable } from '../../scripts/docs-tables.ts'
import { ENDPOINTS } from '../../src/core/endpoints/index.ts'
import { ACTIVATION_CHECKS } from '../../src/core/rules/activation.ts'
import { ERRORS, ERROR_CODES } from '../../src/core/errors.ts'
import { main } from '../../src/cli.ts'
import { spec } from '../support/spec.ts'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const readme = read('README.md')
const codes = read('docs/codes.md')
const rules = read('docs/rules.md')
const endpoints = read('docs/endpoints.md')
const rows = [...codes.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => ({ code, status: Number(status) }))

test('every error code has a row in docs/codes.md with its status, and no row names an unknown code', () => {
  const successes = ['license_deactivated', 'license_activated', 'license_checked']
  const documented = rows.filter((row) => !successes.includes(row.code))
  expect(documented.map((row) => row.code).sort()).toEqual([...ERROR_CODES].sort())
  for (const row of documented) expect(row.status, row.code).toBe(ERRORS[row.code as keyof typeof ERRORS].status)
  expect(rows.filter((row) => successes.includes(row.code)).map((row) => `${row.code} ${row.status}`)).toEqual(successes.map((code) => `${code} 200`))
})

test('the rule tables name every code a rule raises', () => {
  for (const code of ERROR_CODES.filter((code) => 'rule' in ERRORS[code])) expect(rules, code).toContain(`\`${code}\``)
  for (const endpoint of ENDPOINTS) for (const { code } of endpoint.rules) if (code) expect(rules, `${endpoint.name} ${code}`).toContain(`\`${code}\``)
})

test('the activation table lists rows A1–A4 with the codes of the engine, in its order', () => {
  const activation = rules.slice(rules.indexOf('## Activation and check'), rules.indexOf('## Consumptions, features, floating'))
  const documented = [...activation.matchAll(/^\| (A\d) \| .* \| `([a-z_]+)` \|$/gm)].map(([, row, code]) => `${row} ${code}`)
  const engine = ACTIVATION_CHECKS.filter((row) => /^A[1-4]$/.test(String(row.row))).map((row) => `${row.row} ${row.code}`)
  expect(documented).toEqual(engine)
})

test('the tables written from the endpoint table are current (npx tsx scripts/docs-tables.ts)', () => {
  for (const { file, name, render } of TABLES) {
    const text = readFileSync(file, 'utf8')
    expect(withTable(text, name, render()), name).toBe(text)
  }
})

test('every endpoint of the spec is documented, in README and in docs/endpoints.md', () => {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of Object.keys(item)) {
      expect(endpoints, `${method.toUpperCase()} ${path}`).toContain(`${method.toUpperCase()} ${path}`)
      expect(readme, `${method.toUpperCase()} ${path}`).toContain(`${method.toUpperCase()} ${path}`)
    }
  }
})

test('every flag of `serve --help` is in docs/server.md', async () => {
  const out: string[] = []
  await main(['serve', '--help'], { out: (line) => out.push(line), err: () => undefined })
  const flags = [...out.join('\n').matchAll(/^ {2}(--[a-z-]+)/gm)].map(([, flag]) => flag).filter((flag) => flag !== '--help')
  expect(flags).toEqual(expect.arrayContaining(['--port', '--seed', '--state-file', '--signing-key']))
  const server = read('docs/server.md')
  for (const flag of flags) expect(server, flag).toContain(`\`${flag}`)
})

test('README is a front page: at most 300 lines, and every docs/ page it links exists', () => {
  expect(readme.split('\n').length).toBeLessThanOrEqual(300)
  for (const [, page] of readme.matchAll(/\]\((docs\/[\w-]+\.md)(?:#[\w-]+)?\)/g)) expect(() => read(page), page).not.toThrow()
})

test("README's Python configuration is the one examples/python/configure.py gives the tests", () => {
  const [, block] = /```python\n([\s\S]*?)```/.exec(readme) ?? []
  expect(block, 'a python block in README').toBeDefined()
  expect(read('examples/python/configure.py')).toContain(block!.trimEnd())
})
