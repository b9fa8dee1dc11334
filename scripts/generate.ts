// `npm run generate`: first the error part of openapi/license-api.yaml from the errors table
// (scripts/spec-errors.ts), then src/generated/ from the spec: the TypeScript types
// (openapi-typescript) and the spec's schemas and operations as data, so that core can compile
// validators without reading files. test/contract/generated.test.ts fails on drift.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'
import { withErrors } from './spec-errors.ts'

const root = new URL('../', import.meta.url)
export const SPEC_URL = new URL('openapi/license-api.yaml', root)
export const OUTPUTS = {
  spec: SPEC_URL,
  types: new URL('src/generated/license-api.ts', root),
  schemas: new URL('src/generated/schemas.ts', root),
}

const BANNER = '// Generated from openapi/license-api.yaml by `npm run generate`. Do not edit.\n'

export async function generate(): Promise<{ spec: string; types: string; schemas: string }> {
  const text = withErrors(readFileSync(SPEC_URL, 'utf8'))
  const types = BANNER + astToString(await openapiTS(text))
  const spec = parse(text) as Spec
  const schemas =
    BANNER +
    '/** components.schemas of the spec, for ajv (refs stay `#/components/schemas/...`). */\n' +
    `export const specDocument = ${JSON.stringify({ components: { schemas: spec.components.schemas } }, null, 2)} as const\n\n` +
    '/** Every operation: its method, path, how its request arrives and the schema that validates it. */\n' +
    `export const operations = ${JSON.stringify(operations(spec), null, 2)} as const\n`
  return { spec: text, types, schemas }
}

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: unknown
}
interface Spec {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string
        parameters?: (Parameter | { $ref: string })[]
        requestBody?: { content?: Record<string, { schema?: { $ref: string } | object }> }
        responses?: Record<string, { content?: Record<string, { schema?: { $ref: string } | object }> }>
      }
    >
  >
  components: { schemas: Record<string, unknown>; parameters?: Record<string, Parameter> }
}

/** `#/components/…` references as ajv finds them once specDocument is added as `spec`. */
function specRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(specRefs)
  if (typeof schema !== 'object' || schema === null) return schema
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `spec${value}` : specRefs(value)]))
}

const INPUTS: Record<string, string> = { 'application/json': 'json', 'text/plain': 'text', 'application/x-www-form-urlencoded': 'form' }

/**
 * Per operationId. A body's schema is a reference into specDocument; query parameters, which the
 * spec lists one by one (as OpenAPI tools show them), become one object schema.
 */
function operations(spec: Spec): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation.operationId) continue
      const parameters = (operation.parameters ?? []).map((parameter) => ('$ref' in parameter ? spec.components.parameters?.[parameter.$ref.split('/').pop()!] : parameter))
      const query = parameters.filter((parameter): parameter is Parameter => parameter !== undefined && parameter.in === 'query')
      const content = operation.requestBody?.content ?? {}
      const [mediaType] = Object.keys(content)
      const entry: Record<string, unknown> = { method: method.toUpperCase(), path }
      const ok = operation.responses?.['200']?.content ?? {}
      const [okType] = Object.keys(ok)
      if (okType !== undefined) {
        const okSchema = ok[okType].schema
        entry.success = { type: okType, schema: specRefs(okSchema ?? {}) }
      }
      if (mediaType !== undefined) {
        entry.input = INPUTS[mediaType] ?? mediaType
        const schema = content[mediaType].schema
        entry.schema = specRefs(schema ?? {})
      } else {
        entry.input = 'query'
        entry.schema = {
          type: 'object',
          properties: Object.fromEntries(query.map((parameter) => [parameter.name, parameter.schema ?? {}])),
          required: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
        }
      }
      out[operation.operationId] = entry
    }
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await generate()
  writeFileSync(OUTPUTS.spec, out.spec)
  writeFileSync(OUTPUTS.types, out.types)
  writeFileSync(OUTPUTS.schemas, out.schemas)
  console.log('generated the error part of openapi/license-api.yaml, src/generated/license-api.ts and src/generated/schemas.ts')
}
