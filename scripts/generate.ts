// Writes src/generated/ from openapi/license-api.yaml: the TypeScript types (openapi-typescript)
// and the spec's component schemas as data, so that core can compile validators without
// reading files. `npm run generate` writes them; test/contract/generated.test.ts fails on drift.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
export const SPEC_URL = new URL('openapi/license-api.yaml', root)
export const OUTPUTS = {
  types: new URL('src/generated/license-api.ts', root),
  schemas: new URL('src/generated/schemas.ts', root),
}

const BANNER = '// Generated from openapi/license-api.yaml by `npm run generate`. Do not edit.\n'

export async function generate(): Promise<{ types: string; schemas: string }> {
  const text = readFileSync(SPEC_URL, 'utf8')
  const types = BANNER + astToString(await openapiTS(text))
  const spec = parse(text) as { components: { schemas: Record<string, unknown> } }
  const schemas =
    BANNER +
    '/** components.schemas of the spec, for ajv (refs stay `#/components/schemas/...`). */\n' +
    `export const specDocument = ${JSON.stringify({ components: { schemas: spec.components.schemas } }, null, 2)} as const\n`
  return { types, schemas }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await generate()
  writeFileSync(OUTPUTS.types, out.types)
  writeFileSync(OUTPUTS.schemas, out.schemas)
  console.log('generated src/generated/license-api.ts and src/generated/schemas.ts')
}
