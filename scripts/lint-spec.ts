// `npm run lint:spec`: the OpenAPI spec is valid, and its error codes agree with the errors table
// (src/core/errors.ts): the ErrorCode enum, the example names of the error responses and the
// table name the same codes, and each example is the table's example body under its status.
// test/contract/spec.test.ts runs the same checks through `lintSpec`.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import SwaggerParser from '@apidevtools/swagger-parser'
import { parse } from 'yaml'
import { ERRORS, exampleWire, isErrorCode, type ErrorCode } from '../src/core/errors.ts'
import { TOKEN_PATH } from './spec-errors.ts'

export const SPEC_FILE = fileURLToPath(new URL('../openapi/license-api.yaml', import.meta.url))
const MEDIA_TYPE = 'application/json'

/** An example of an error response, where the spec puts it. */
export interface SpecExample {
  name: string
  /** The response status it sits under. */
  status: number
  /** e.g. `POST /api/v4/deactivate_license 400`. */
  where: string
  value: unknown
}

export interface SpecCodes {
  /** components.schemas.ErrorCode.enum */
  enumCodes: string[]
  /** Examples of responses with status >= 400. */
  examples: SpecExample[]
  /** Shape problems found while reading (stray media types, examples that are not a map). */
  problems: string[]
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads the error codes out of a parsed spec document, without judging them. */
export function readSpecCodes(spec: unknown): SpecCodes {
  const problems: string[] = []
  const examples: SpecExample[] = []
  const root = isObject(spec) ? spec : {}
  const schemas = isObject(root.components) && isObject(root.components.schemas) ? root.components.schemas : {}
  const errorCode = isObject(schemas.ErrorCode) ? schemas.ErrorCode : {}
  // The token endpoint's codes are Keycloak's: the enum of OAuthError's `error`.
  const oauthError = isObject(schemas.OAuthError) && isObject(schemas.OAuthError.properties) && isObject(schemas.OAuthError.properties.error) ? schemas.OAuthError.properties.error : {}
  const enumCodes = [...(Array.isArray(errorCode.enum) ? errorCode.enum.map(String) : []), ...(Array.isArray(oauthError.enum) ? oauthError.enum.map(String) : [])]
  if (!Array.isArray(errorCode.enum)) problems.push('components.schemas.ErrorCode has no enum')

  // Operations share their error responses through components.responses: each one is read once
  // per status it is used under (so one used under two statuses shows up twice).
  const shared = isObject(root.components) && isObject(root.components.responses) ? root.components.responses : {}
  const seen = new Set<string>()
  // The License API's operations and the token endpoint (Keycloak's errors).
  for (const [path, item] of Object.entries(isObject(root.paths) ? root.paths : {})) {
    if (!path.startsWith('/api/v4/') && path !== TOKEN_PATH) continue
    for (const [method, operation] of Object.entries(isObject(item) ? item : {})) {
      if (!isObject(operation) || !isObject(operation.responses)) continue
      for (const [statusText, raw] of Object.entries(operation.responses)) {
        const status = Number(statusText)
        let where = `${method.toUpperCase()} ${path} ${statusText}`
        let response = raw
        if (isObject(raw) && typeof raw.$ref === 'string') {
          const name = /^#\/components\/responses\/([^/]+)$/.exec(raw.$ref)?.[1]
          if (name === undefined || !isObject(shared[name])) {
            problems.push(`${where}: $ref ${raw.$ref} names no components.responses entry`)
            continue
          }
          if (seen.has(`${name} ${statusText}`)) continue
          seen.add(`${name} ${statusText}`)
          response = shared[name]
          where = `components.responses.${name} (as ${statusText})`
        }
        if (!isObject(response) || !isObject(response.content)) continue
        if (status < 400) continue
        for (const mediaType of Object.keys(response.content)) {
          if (mediaType !== MEDIA_TYPE) problems.push(`${where}: content has "${mediaType}" beside ${MEDIA_TYPE} (an example indented one level too little?)`)
        }
        const media = response.content[MEDIA_TYPE]
        if (!isObject(media)) continue
        if (!isObject(media.examples)) {
          problems.push(`${where}: ${MEDIA_TYPE} examples is ${media.examples === null ? 'empty' : 'missing'}`)
          continue
        }
        for (const [name, example] of Object.entries(media.examples)) {
          examples.push({ name, status, where, value: isObject(example) ? example.value : undefined })
        }
      }
    }
  }
  return { enumCodes, examples, problems }
}

/** Every disagreement between the spec's codes and the errors table; empty when they agree. */
export function compareSpecWithErrors(spec: unknown): string[] {
  const { enumCodes, examples, problems } = readSpecCodes(spec)
  const out = [...problems]
  const tableCodes: string[] = Object.keys(ERRORS)
  const statusOf = (code: string) => ERRORS[code as ErrorCode].status
  const inTable = new Set(tableCodes)
  const inEnum = new Set(enumCodes)

  for (const code of new Set(enumCodes.filter((code, i) => enumCodes.indexOf(code) !== i))) out.push(`ErrorCode enum lists "${code}" twice`)
  for (const code of tableCodes) if (!inEnum.has(code)) out.push(`"${code}" is in the errors table but not in the ErrorCode enum`)
  for (const code of inEnum) if (!inTable.has(code)) out.push(`"${code}" is in the ErrorCode enum but not in the errors table`)

  const byName = new Map<string, SpecExample[]>()
  for (const example of examples) byName.set(example.name, [...(byName.get(example.name) ?? []), example])
  for (const code of tableCodes) if (!byName.has(code)) out.push(`"${code}" has no example in the spec (expected under the ${statusOf(code)} response)`)

  for (const [name, found] of byName) {
    if (found.length > 1) out.push(`example "${name}" appears ${found.length} times: ${found.map((example) => example.where).join('; ')}`)
    for (const example of found) {
      if (!isErrorCode(name)) {
        out.push(`example "${name}" (${example.where}) is not in the errors table`)
        continue
      }
      if (example.status !== statusOf(name)) out.push(`example "${name}" sits under ${example.status} but the errors table says ${statusOf(name)}`)
      const expected = exampleWire(name)
      if (!isDeepStrictEqual(example.value, expected)) {
        out.push(`example "${name}" (${example.where}) is ${JSON.stringify(example.value)}, the errors table renders ${JSON.stringify(expected)}`)
      }
    }
  }
  return out
}

/** swagger-parser's verdict on the spec file: empty when it is valid OpenAPI. */
export async function validateSpecFile(file = SPEC_FILE): Promise<string[]> {
  try {
    await SwaggerParser.validate(file)
    return []
  } catch (error) {
    // One line per distinct complaint: the parser repeats some.
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim())
    return [`swagger-parser: ${[...new Set(lines.filter(Boolean))].join('\n    ')}`]
  }
}

/** Both checks over the spec file. */
export async function lintSpec(file = SPEC_FILE): Promise<{ problems: string[]; codes: number }> {
  const structural = await validateSpecFile(file)
  let spec: unknown
  try {
    spec = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return { problems: [...structural, `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`], codes: 0 }
  }
  return { problems: [...structural, ...compareSpecWithErrors(spec)], codes: readSpecCodes(spec).enumCodes.length }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { problems, codes } = await lintSpec()
  if (problems.length === 0) {
    console.log(`spec ok: ${codes} error codes`)
  } else {
    for (const problem of problems) console.error(`- ${problem}`)
    console.error(`spec has ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
    process.exitCode = 1
  }
}
