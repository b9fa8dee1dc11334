// What the fuzz knows of the License API, read from the endpoint table (src/core/endpoints) and
// the spec's request schemas (src/generated/schemas.ts): which endpoints live at a path (and so
// which methods it allows), what each endpoint's input is made of, and which endpoints may change
// the state with a success although they do not mutate (a check of a floating license takes a slot).
import { ENDPOINTS, type Endpoint } from '../../../src/core/endpoints/index.ts'
import { operations, specDocument } from '../../../src/generated/schemas.ts'

export { ENDPOINTS, type Endpoint }

/** The endpoints at each path, in table order (one per method). */
export const BY_PATH: ReadonlyMap<string, readonly Endpoint[]> = (() => {
  const byPath = new Map<string, Endpoint[]>()
  for (const endpoint of ENDPOINTS) byPath.set(endpoint.path, [...(byPath.get(endpoint.path) ?? []), endpoint])
  return byPath
})()
export const PATHS: readonly string[] = [...BY_PATH.keys()]

/** The engine's routing: one trailing slash is ignored. */
const normalized = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path)

/** The endpoints living at the path of a request (empty: no endpoint there, 404). */
export const endpointsAtPath = (path: string): readonly Endpoint[] => BY_PATH.get(normalized(path)) ?? []

/** The endpoint a request is routed to: the one at its path that takes its method. */
export const routedTo = (path: string, method: string): Endpoint | undefined => endpointsAtPath(path).find((endpoint) => endpoint.method === method)

/** What a 405 on this path names in its Allow header: the methods of its endpoints. */
export const allowedAt = (path: string): string =>
  endpointsAtPath(path)
    .map((endpoint) => endpoint.method)
    .join(', ')

/**
 * Endpoints that do not mutate (a read-only API key may call them) but whose success may change
 * the state: a check of a floating license (or a bundle with one, or a floating feature) takes or
 * renews the device's slot. Nothing else may change with their successes: only the slot fields.
 */
export const SLOT_TAKING: ReadonlySet<string> = new Set(['check_license', 'check_bundle', 'check_license_feature'])
for (const name of SLOT_TAKING) {
  const endpoint = ENDPOINTS.find((candidate) => candidate.name === name)
  if (!endpoint || endpoint.mutates) throw new Error(`SLOT_TAKING names ${name}, which is ${endpoint ? 'a mutating endpoint' : 'no endpoint'} of the table`)
}

/** May a real (not forced) success of this endpoint change the state? */
export const mayChangeState = (endpoint: Endpoint): boolean => endpoint.mutates || SLOT_TAKING.has(endpoint.name)

interface JsonSchema {
  type?: string | readonly string[]
  enum?: readonly unknown[]
  format?: string
  $ref?: string
  properties?: Readonly<Record<string, JsonSchema>>
  required?: readonly string[]
  items?: JsonSchema
  minimum?: number
  maximum?: number
  maxLength?: number
}

const SCHEMAS = specDocument.components.schemas as unknown as Readonly<Record<string, JsonSchema>>
const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? SCHEMAS[schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1)] : schema)

/**
 * The file an offline endpoint reads from its text body (base64 of JSON): the spec declares the
 * body as text and the file's fields as these schemas, without linking them.
 */
const OFFLINE_FILES: Readonly<Record<string, string>> = { activateOffline: 'OfflineActivationRequest', deactivateOffline: 'OfflineDeactivationRequest' }
for (const endpoint of ENDPOINTS) {
  if (endpoint.input === 'text' && !Object.hasOwn(OFFLINE_FILES, endpoint.operationId)) throw new Error(`the fuzz knows no file schema for ${endpoint.name}'s text body`)
}

export interface InputField {
  name: string
  required: boolean
  schema: JsonSchema
}

/** The fields of an endpoint's input: its JSON body, query, form, or (offline) the request file. */
export function inputFields(endpoint: Endpoint): readonly InputField[] {
  const operation = operations[endpoint.operationId] as { schema?: JsonSchema }
  const declared = endpoint.input === 'text' ? SCHEMAS[OFFLINE_FILES[endpoint.operationId]] : operation.schema ? resolve(operation.schema) : {}
  const required = new Set(declared.required ?? [])
  return Object.entries(declared.properties ?? {}).map(([name, schema]) => ({ name, required: required.has(name), schema: resolve(schema) }))
}

export type { JsonSchema }
