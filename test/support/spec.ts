// Validates responses against openapi/license-api.yaml with ajv compiled from the spec file itself
// (not the generated copy), so a test fails when a response breaks the contract.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { parse } from 'yaml'

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>
  components: { schemas: Record<string, unknown> }
}

export const spec = parse(readFileSync(new URL('../../openapi/license-api.yaml', import.meta.url), 'utf8')) as Spec
const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addSchema({ $id: 'spec', components: spec.components })

/**
 * Throws with the reason when (status, body) is not a response the spec declares for the
 * operation; `body` is the raw response text.
 */
export function assertConformsToSpec(status: number, body: string, path = '/api/v4/deactivate_license', method = 'post'): void {
  const operation = spec.paths[path]?.[method]
  if (!operation) throw new Error(`spec has no ${method.toUpperCase()} ${path}`)
  const response = operation.responses[String(status)]
  if (!response) throw new Error(`spec declares no ${status} response for ${method.toUpperCase()} ${path} (body ${body.slice(0, 200)})`)
  const schema = response.content?.['application/json']?.schema
  if (!schema) throw new Error(`spec declares no JSON body for ${status}`)
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    throw new Error(`${status} response body is not JSON: ${body.slice(0, 200)}`)
  }
  const id = `response-${method}-${path}-${status}`
  const validate = ajv.getSchema(id) ?? ajv.compile({ $id: id, ...(schema as object), components: spec.components })
  if (!validate(value)) throw new Error(`${status} response does not conform: ${ajv.errorsText(validate.errors)}; body ${body.slice(0, 200)}`)
  const envelope = value as { status?: unknown }
  if (typeof value === 'object' && envelope.status !== status) throw new Error(`envelope status ${String(envelope.status)} differs from HTTP ${status}`)
}
