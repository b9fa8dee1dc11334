// Validates responses against openapi/license-api.yaml with ajv compiled from the spec file itself
// (not the generated copy), so a test fails when a response breaks the contract.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { parse } from 'yaml'

type Ref = { $ref: string }
interface Header {
  required?: boolean
}
interface Response {
  headers?: Record<string, Header | Ref>
  content?: Record<string, { schema: unknown }>
}
interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, Response | Ref> }>>
  components: { schemas: Record<string, unknown>; responses: Record<string, Response>; headers: Record<string, Header> }
}

/** `#/components/<kind>/<name>` → that entry; anything else is returned as it is. */
function resolve<T>(value: T | Ref): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value
  const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? []
  const target = (spec.components as unknown as Record<string, Record<string, T>>)[kind]?.[name]
  if (target === undefined) throw new Error(`spec: unresolved $ref ${value.$ref}`)
  return target
}

export const spec = parse(readFileSync(new URL('../../openapi/license-api.yaml', import.meta.url), 'utf8')) as Spec
const ajv = new Ajv({ allErrors: true, strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } })
ajv.addSchema({ $id: 'spec', components: spec.components })

/**
 * Throws with the reason when (status, body) is not a response the spec declares for the
 * operation; `body` is the raw response text. With `headers` (names in lower case), the
 * response's required headers must be there too.
 */
export function assertConformsToSpec(
  status: number,
  body: string,
  path = '/api/v4/deactivate_license',
  method = 'post',
  headers?: Readonly<Record<string, string | string[] | undefined>>,
): void {
  const operation = spec.paths[path]?.[method]
  if (!operation) throw new Error(`spec has no ${method.toUpperCase()} ${path}`)
  const declared = operation.responses[String(status)]
  if (!declared) throw new Error(`spec declares no ${status} response for ${method.toUpperCase()} ${path} (body ${body.slice(0, 200)})`)
  const response = resolve(declared)
  if (headers) {
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (resolve(header).required && !headers[name.toLowerCase()]) throw new Error(`${status} response of ${method.toUpperCase()} ${path} lacks the required ${name} header`)
    }
  }
  const text = response.content?.['text/plain']?.schema
  const schema = response.content?.['application/json']?.schema ?? text
  if (!schema) throw new Error(`spec declares no JSON body for ${status}`)
  let value: unknown = body
  if (!text) {
    try {
      value = JSON.parse(body)
    } catch {
      throw new Error(`${status} response body is not JSON: ${body.slice(0, 200)}`)
    }
  }
  const id = `response-${method}-${path}-${status}`
  const validate = ajv.getSchema(id) ?? ajv.compile({ $id: id, ...(schema as object), components: spec.components })
  if (!validate(value)) throw new Error(`${status} response does not conform: ${ajv.errorsText(validate.errors)}; body ${body.slice(0, 200)}`)
  const envelope = value as { status?: unknown; error?: unknown }
  // Keycloak's error bodies (the token endpoint) carry no status.
  if (status >= 400 && envelope.error === undefined && envelope.status !== status) throw new Error(`envelope status ${String(envelope.status)} differs from HTTP ${status}`)
}

/** The names of the examples the spec lists under an operation's response of this status, in order (empty when none). */
export function responseExamples(path: string, method: string, status: number): string[] {
  const declared = spec.paths[path]?.[method]?.responses[String(status)]
  if (!declared) return []
  const media = resolve(declared).content?.['application/json'] as { examples?: Record<string, unknown> } | undefined
  return Object.keys(media?.examples ?? {})
}
