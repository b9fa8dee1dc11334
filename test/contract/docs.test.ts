// The README's code table ("Get any code on purpose") names exactly the codes of the errors
// table, with their statuses, so the docs cannot drift from the engine.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { ERRORS, ERROR_CODES } from '../../src/core/errors.ts'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = readme.slice(readme.indexOf('## Get any code on purpose'), readme.indexOf('## Seed files'))
const rows = [...section.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => ({ code, status: Number(status) }))

test('every error code has a row with its status, and no row names an unknown code', () => {
  const documented = rows.filter((row) => row.code !== 'license_deactivated')
  expect(documented.map((row) => row.code).sort()).toEqual([...ERROR_CODES].sort())
  for (const row of documented) expect(row.status, row.code).toBe(ERRORS[row.code as keyof typeof ERRORS].status)
  expect(rows.find((row) => row.code === 'license_deactivated')?.status).toBe(200)
})

test('the rule table names every code a rule raises', () => {
  const rules = readme.slice(readme.indexOf('## The deactivation rules'), readme.indexOf('## Get any code on purpose'))
  for (const code of ERROR_CODES.filter((code) => 'rule' in ERRORS[code])) expect(rules, code).toContain(`\`${code}\``)
})
