// The error part of the spec, written from the errors table (src/core/errors.ts): the ErrorCode
// enum, one example per code under the shared response of its status (components.responses), and
// a reference to each of those responses from every License API operation. The rest of the spec
// is hand-written and kept as it is. `npm run generate` writes it; the drift test fails when the
// spec file is not what this makes of it.
import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml'
import { ERRORS, ERROR_CODES, exampleBody, type ErrorCode, type ErrorSource, type ErrorSpec } from '../src/core/errors.ts'

/** The shared response of each status, and what it says. */
export const RESPONSES: Record<number, { name: string; description: string; inferred?: boolean }> = {
  400: { name: 'BadRequest', description: 'A documented error. The example name is the error code.' },
  401: { name: 'Unauthorized', description: 'The credentials are not (or no longer) valid.' },
  403: { name: 'Forbidden', description: 'The request is not allowed.', inferred: true },
  404: { name: 'NotFound', description: 'No such path under the License API.' },
  405: { name: 'MethodNotAllowed', description: 'The path exists but takes another method.', inferred: true },
  409: { name: 'Conflict', description: 'The request conflicts with the state.' },
  413: { name: 'PayloadTooLarge', description: "The request body is larger than the mock's limit (1 MiB).", inferred: true },
  421: { name: 'HostNotAllowed', description: 'Mock only. The `Host` header names neither a loopback host nor one allowed with `--allow-host` (DNS rebinding protection).', inferred: true },
  431: { name: 'HeadersTooLarge', description: "Mock only. The request line and headers are larger than Node's HTTP parser takes (16 KiB by default); the connection is closed after the answer.", inferred: true },
  422: { name: 'PreferNotHonoured', description: 'Mock only. The `Prefer` header names no documented response.', inferred: true },
  500: { name: 'ServerError', description: 'A server failure; the mock answers it only when a fault or `Prefer` asks for it.' },
  503: { name: 'StateNotSaved', description: 'Mock only, with `--state-file`. The change was applied in memory but could not be written to the state file; the mock keeps retrying the save.', inferred: true },
}

const SUMMARY: Record<ErrorSource, { summary: string; inferred: boolean }> = {
  seed: { summary: 'From the seed document', inferred: false },
  docs: { summary: 'From the License API docs', inferred: false },
  sdk: { summary: 'Code documented; wording from the SDK error tables', inferred: true },
  inferred: { summary: 'Undocumented: inferred', inferred: true },
  mock: { summary: 'Answered by the mock itself', inferred: true },
}

/** The License API's codes (the envelope), and the token endpoint's (Keycloak's shape). */
const shapeOf = (code: ErrorCode) => (ERRORS[code] as ErrorSpec).shape
const API_CODES = ERROR_CODES.filter((code) => shapeOf(code) !== 'oauth')
const OAUTH_CODES = ERROR_CODES.filter((code) => shapeOf(code) === 'oauth')
export const TOKEN_PATH = '/realms/user-portal/protocol/openid-connect/token'
/** method_not_allowed, payload_too_large, invalid_prefer_header, headers_too_large, internal_error (errors.ts answeredBy). */
const TOKEN_ENVELOPE_STATUSES = [405, 413, 422, 431, 500]

/** Statuses the License API's codes use, ascending. */
const statuses = () => [...new Set(API_CODES.map((code) => ERRORS[code].status))].sort((a, b) => a - b)

/** The spec text with its error part written from the errors table. */
export function withErrors(specText: string): string {
  const doc = parseDocument(specText)
  doc.setIn(['components', 'schemas', 'ErrorCode', 'enum'], doc.createNode([...API_CODES]))
  doc.setIn(['components', 'schemas', 'OAuthError', 'properties', 'error', 'enum'], flow(doc, [...OAUTH_CODES]))
  for (const status of [...new Set(OAUTH_CODES.map((code) => ERRORS[code].status))].sort()) {
    const name = `OAuth${RESPONSES[status].name}`
    const codes = OAUTH_CODES.filter((code) => ERRORS[code].status === status)
    doc.setIn(['components', 'responses', name], doc.createNode({ description: "Keycloak's error body.", 'x-inferred': true }))
    doc.setIn(['components', 'responses', name, 'content', 'application/json', 'schema'], flow(doc, { $ref: '#/components/schemas/OAuthError' }))
    doc.setIn(['components', 'responses', name, 'content', 'application/json', 'examples'], doc.createNode(Object.fromEntries(codes.map((code) => [code, oauthExample(doc, code)]))))
    doc.setIn(['paths', TOKEN_PATH, 'post', 'responses', String(status)], flow(doc, { $ref: `#/components/responses/${name}` }))
  }
  // The token endpoint also answers the transport's and the mock's own codes, in the envelope.
  for (const status of TOKEN_ENVELOPE_STATUSES) doc.setIn(['paths', TOKEN_PATH, 'post', 'responses', String(status)], flow(doc, { $ref: `#/components/responses/${RESPONSES[status].name}` }))
  for (const status of statuses()) {
    const response = RESPONSES[status]
    if (!response) throw new Error(`the errors table uses status ${status}, which scripts/spec-errors.ts has no shared response for`)
    const codes = API_CODES.filter((code) => ERRORS[code].status === status)
    const path = ['components', 'responses', response.name]
    if (!doc.hasIn(path)) doc.setIn(path, doc.createNode({ description: response.description, ...(response.inferred ? { 'x-inferred': true } : {}) }))
    if (status === 405) doc.setIn([...path, 'headers'], doc.createNode({ Allow: { schema: { type: 'string', enum: ['POST', 'GET'] } } }))
    doc.setIn([...path, 'content', 'application/json', 'schema'], flow(doc, { $ref: '#/components/schemas/Error' }))
    doc.setIn([...path, 'content', 'application/json', 'examples'], doc.createNode(Object.fromEntries(codes.map((code) => [code, example(doc, code)]))))
  }
  for (const operation of licenseApiOperations(doc)) {
    const responses = operation.get('responses') as YAMLMap
    for (const status of statuses()) responses.set(String(status), flow(doc, { $ref: `#/components/responses/${RESPONSES[status].name}` }))
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true })
}

function example(doc: Document, code: ErrorCode) {
  const { summary, inferred } = SUMMARY[ERRORS[code].source]
  return { summary, ...(inferred ? { 'x-inferred': true } : {}), value: flow(doc, exampleBody(code)) }
}

function oauthExample(doc: Document, code: ErrorCode) {
  const { message } = exampleBody(code)
  return { summary: SUMMARY[ERRORS[code].source].summary, 'x-inferred': true, value: flow(doc, { error: code, error_description: message }) }
}

function flow(doc: Document, value: object) {
  const node = doc.createNode(value)
  node.flow = true
  return node
}

/**
 * Every operation of the License API, as YAML maps: those under /api/v4, and the host root (its
 * online check), which the engine routes like them: 405 for another method, Prefer and faults.
 */
function licenseApiOperations(doc: Document): YAMLMap[] {
  const paths = doc.get('paths')
  if (!isMap(paths)) return []
  const out: YAMLMap[] = []
  for (const pair of paths.items) {
    const path = String((pair.key as { value?: unknown }).value ?? pair.key)
    if (!(path.startsWith('/api/v4/') || path === '/') || !isMap(pair.value)) continue
    for (const method of pair.value.items) if (isMap(method.value) && method.value.has('responses')) out.push(method.value)
  }
  return out
}
