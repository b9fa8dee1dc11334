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
  const spec = parse(text) as Spec
  const schemas =
    BANNER +
    '/** components.schemas of the spec, for ajv (refs stay `#/components/schemas/...`). */\n' +
    `export const specDocument = ${JSON.stringify({ components: { schemas: spec.components.schemas } }, null, 2)} as const\n\n` +
    '/** The query parameters of each operation that has some, as one object schema per operationId. */\n' +
    `export const querySchemas = ${JSON.stringify(querySchemas(spec), null, 2)} as const\n`
  return { types, schemas }
}

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: unknown
}
interface Spec {
  paths: Record<string, Record<string, { operationId?: string; parameters?: (Parameter | { $ref: string })[] }>>
  components: { schemas: Record<string, unknown> }
}

/** Query parameters are listed one by one in the spec (as OpenAPI tools show them); validation wants one object. */
function querySchemas(spec: Spec): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      const query = (operation.parameters ?? []).filter((parameter): parameter is Parameter => 'in' in parameter && parameter.in === 'query')
      if (query.length === 0 || !operation.operationId) continue
      out[operation.operationId] = {
        type: 'object',
        properties: Object.fromEntries(query.map((parameter) => [parameter.name, parameter.schema ?? {}])),
        required: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      }
    }
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await generate()
  writeFileSync(OUTPUTS.types, out.types)
  writeFileSync(OUTPUTS.schemas, out.schemas)
  console.log('generated src/generated/license-api.ts and src/generated/schemas.ts')
}
