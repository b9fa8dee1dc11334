// Writes the tables of the docs that the endpoint table (src/core/endpoints/) says: the endpoint
// list of docs/endpoints.md and the rows of each endpoint in docs/rules.md, between
// `<!-- NAME:start -->` and `<!-- NAME:end -->`. `npx tsx scripts/docs-tables.ts` writes them;
// test/contract/docs.test.ts fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { ENDPOINTS, type Endpoint } from '../src/core/endpoints/index.ts'

const SIGNING: Record<Endpoint['signing'], string> = {
  none: 'not signed',
  v2: '`LicenseSignature` header',
  'v1+v2': '`license_signature` in each License, and the header',
  offline: 'in the body: v1, `license_signature_v2`, `offline_signature`',
}

const spec = parse(readFileSync(new URL('../openapi/license-api.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, { summary?: string }>> }
const summaryOf = (endpoint: Endpoint): string => spec.paths[endpoint.path]?.[endpoint.method.toLowerCase()]?.summary ?? ''

/** docs/endpoints.md: one row per endpoint, in the table's order. */
export function endpointList(): string {
  const rows = ENDPOINTS.map((endpoint) => {
    const auth = endpoint.auth === 'license' ? 'HMAC or Bearer' : 'none'
    const answer = endpoint.empty ? 'empty text' : endpoint.example !== undefined ? `JSON (\`Prefer: code=200\` answers an example)` : 'JSON, from the state only'
    return `| \`${endpoint.method} ${endpoint.path}\` | ${endpoint.family} | ${summaryOf(endpoint)} | ${auth} | ${endpoint.mutates ? 'yes' : 'no'} | ${answer}; ${SIGNING[endpoint.signing]} | \`${endpoint.success}\` |`
  })
  return ['| endpoint | family | what | auth | changes state | answer | journal code |', '|---|---|---|---|---|---|---|', ...rows].join('\n')
}

/** docs/rules.md: the rows each endpoint runs after the license (or product) is found, in order. */
export function endpointRows(): string {
  const rows = ENDPOINTS.map((endpoint) => {
    const list = endpoint.rules.map(({ row, code }) => (code ? `${row} \`${code}\`` : String(row))).join(' → ')
    return `| \`${endpoint.method} ${endpoint.path}\` | ${list || '(none: rows 1–15 only)'} |`
  })
  return ['| endpoint | its rows after the lookup, in order |', '|---|---|', ...rows].join('\n')
}

export const TABLES = [
  { file: new URL('../docs/endpoints.md', import.meta.url), name: 'endpoints', render: endpointList },
  { file: new URL('../docs/rules.md', import.meta.url), name: 'endpoint-rows', render: endpointRows },
]

/** The text with the table between its markers replaced; throws when the markers are missing. */
export function withTable(text: string, name: string, table: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`no ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { file, name, render } of TABLES) {
    writeFileSync(file, withTable(readFileSync(file, 'utf8'), name, render()))
    console.log(`wrote the ${name} table of ${fileURLToPath(file).split('/').slice(-2).join('/')}`)
  }
}
