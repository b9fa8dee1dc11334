// The README's code table ("Get any code on purpose") names exactly the codes of the errors
// table, with their statuses; its activation table is the engine's; every endpoint of the spec
// and every flag of `serve` is documented — so the docs cannot drift from the engine.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { ACTIVATION_CHECKS } from '../../src/core/rules/activation.ts'
import { ERRORS, ERROR_CODES } from '../../src/core/errors.ts'
import { main } from '../../src/cli.ts'
import { spec } from '../support/spec.ts'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = readme.slice(readme.indexOf('## Get any code on purpose'), readme.indexOf('## Seed files'))
const rows = [...section.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => ({ code, status: Number(status) }))

test('every error code has a row with its status, and no row names an unknown code', () => {
  const successes = ['license_deactivated', 'license_activated', 'license_checked']
  const documented = rows.filter((row) => !successes.includes(row.code))
  expect(documented.map((row) => row.code).sort()).toEqual([...ERROR_CODES].sort())
  for (const row of documented) expect(row.status, row.code).toBe(ERRORS[row.code as keyof typeof ERRORS].status)
  expect(rows.filter((row) => successes.includes(row.code)).map((row) => `${row.code} ${row.status}`)).toEqual(successes.map((code) => `${code} 200`))
})

test('the rule table names every code a rule raises', () => {
  const rules = readme.slice(readme.indexOf('## The deactivation rules'), readme.indexOf('## Get any code on purpose'))
  for (const code of ERROR_CODES.filter((code) => 'rule' in ERRORS[code])) expect(rules, code).toContain(`\`${code}\``)
})

test('the activation table lists rows A1–A4 with the codes of the engine, in its order', () => {
  const activation = readme.slice(readme.indexOf('## Activation, check and signed answers'), readme.indexOf('## Contract testing in CI'))
  const documented = [...activation.matchAll(/^\| (A\d) \| .* \| `([a-z_]+)` \|$/gm)].map(([, row, code]) => `${row} ${code}`)
  const engine = ACTIVATION_CHECKS.filter((row) => String(row.row).startsWith('A')).map((row) => `${row.row} ${row.code}`)
  expect(documented).toEqual(engine)
})

test('every endpoint of the spec is documented', () => {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of Object.keys(item)) expect(readme, `${method.toUpperCase()} ${path}`).toContain(`${method.toUpperCase()} ${path}`)
  }
})

test('every flag of `serve --help` is in the README', async () => {
  const out: string[] = []
  await main(['serve', '--help'], { out: (line) => out.push(line), err: () => undefined })
  const flags = [...out.join('\n').matchAll(/^ {2}(--[a-z-]+)/gm)].map(([, flag]) => flag).filter((flag) => flag !== '--help')
  expect(flags).toEqual(expect.arrayContaining(['--port', '--seed', '--state-file', '--signing-key']))
  for (const flag of flags) expect(readme, flag).toContain(`\`${flag}`)
})
