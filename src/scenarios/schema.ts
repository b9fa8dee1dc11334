// The scenario file format: one scenario, or a list under `scenarios:` with shared defaults.
// Unknown keys are errors. scripts/scenario-schema.ts publishes this schema as JSON Schema
// (scenarios/scenario.schema.json) for editors.
import { z } from 'zod'
import { legacyClockUpdateSchema, parseInstant } from '../core/clock.ts'
import { ERROR_CODES } from '../core/errors.ts'
import { faultSpecSchema } from '../core/faults.ts'
import { seedSchema } from '../core/seed.ts'

const instant = z
  .string()
  .refine((value) => parseInstant(value) !== undefined, 'must be an ISO 8601 date or date-time, e.g. 2030-01-01T00:00:00Z')
/** Exact text, or a regular expression written `/pattern/flags`. */
const matcher = z
  .string()
  .refine((text) => {
    const match = /^\/(.*)\/([dgimsuvy]*)$/s.exec(text)
    if (!match) return true
    try {
      new RegExp(match[1], match[2])
      return true
    } catch {
      return false
    }
  }, 'not a valid /regular expression/')
  .describe('Exact text, or a regular expression written /pattern/flags')
const codeName = z
  .union([z.enum(['license_deactivated', ...ERROR_CODES]), z.string().min(1)])
  .describe('An error code, or license_deactivated for the success body')

export const DEFAULT_METHOD = 'POST'
export const DEFAULT_PATH = '/api/v4/deactivate_license'

export const requestSchema = z
  .strictObject({
    method: z.string().min(1).optional().describe('HTTP method (default POST)'),
    // A regex, not .startsWith(): zod writes startsWith into JSON Schema as `format: "starts_with"`,
    // which is no JSON Schema format (ajv warns about it); the pattern alone says the same.
    path: z.string().regex(/^\//, 'Invalid string: must start with "/"').optional().describe('Request path (default /api/v4/deactivate_license)'),
    query: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Query parameters, URL-encoded onto the path (e.g. for GET /api/v4/check_license)'),
    headers: z
      .record(z.string(), z.string())
      .optional()
      .describe('Extra headers; they replace the signed Date/Authorization when named the same (case-insensitive)'),
    body: z.unknown().optional().describe('JSON body, serialized as is'),
    raw_body: z.string().optional().describe('Body text sent verbatim (e.g. to send invalid JSON)'),
    form: z
      .record(z.string(), z.string())
      .optional()
      .describe('Form fields, sent application/x-www-form-urlencoded (the OAuth token endpoint); a seed client_id is the tenant\'s'),
    offline: z
      .strictObject({
        request: z.record(z.string(), z.unknown()).describe("The file's fields; api_key (or client_id with oauth) defaults to the scenario's"),
        form: z.enum(['wrapped', 'flat']).optional().describe('wrapped (default): {request, signature} as the v2 SDKs write it; flat: the legacy form'),
        spacing: z.enum(['compact', 'python']).optional().describe("How the wrapped request's JSON is written: compact (JavaScript) or python (json.dumps, spaces after , and :)"),
        key: z.string().min(1).optional().describe("The HMAC key (default: the scenario's shared key, or the oauth client secret)"),
        signature: z.string().optional().describe('Send this signature instead of the right one (e.g. to forge the file)'),
      })
      .optional()
      .describe('An offline request file built and signed as the SDKs write it, sent text/plain as base64'),
    oauth: z
      .strictObject({ client_id: z.string().min(1), client_secret: z.string().min(1) })
      .optional()
      .describe("Authorize with a Bearer token the target's token endpoint issues for these client credentials, instead of HMAC"),
    pad_body_to: z
      .number()
      .int()
      .min(1)
      .max(16 * 1024 * 1024)
      .optional()
      .describe('Append spaces to the body until it is this many bytes (e.g. 1048577 to exceed a 1 MiB limit)'),
    pad_headers_to: z
      .number()
      .int()
      .min(1)
      .max(1024 * 1024)
      .optional()
      .describe("Add an X-Padding header until the target, header names and values come to this many bytes, as Node's parser counts them (16384 is the first size it refuses)"),
    sign: z.boolean().optional().describe('false: add no Date/Authorization; send only `headers` (default true)'),
    credentials: z
      .strictObject({
        api_key: z.string().min(1).optional(),
        shared_key: z.string().min(1).optional(),
      })
      .optional()
      .describe("Sign with these instead of the scenario's credentials (either field alone overrides only that field)"),
    date: z
      .string()
      .min(1)
      .optional()
      .describe('The Date header (signed unless sign is false): now, a duration from now (e.g. -20m, 1h), or a literal header value'),
    api_key_param: z.enum(['apikey', 'apiKey']).optional().describe('Spelling of the apikey parameter (the Python SDK sends apiKey)'),
    auth_spaces: z.boolean().optional().describe('Put a space after each comma of Authorization, as some SDKs do'),
    timeout_ms: z.number().int().min(1).max(600_000).optional().describe('Give up waiting after this long (default 10000)'),
  })
  .refine((request) => [request.body, request.raw_body, request.form, request.offline].filter((value) => value !== undefined).length <= 1, {
    message: 'choose one of body, raw_body, form and offline',
    path: ['raw_body'],
  })
  .refine((request) => !(request.oauth && request.sign === false), { message: 'oauth signs with a token: drop sign: false', path: ['oauth'] })

export const expectSchema = z
  .strictObject({
    status: z.number().int().min(100).max(599).optional(),
    code: codeName.optional(),
    message: matcher.optional(),
    body: z.unknown().optional().describe('Deep-equal to the JSON body'),
    fields: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('These fields of the JSON body: objects compared field by field (others ignored), text exact or /regex/, the rest deep-equal'),
    signed: z
      .boolean()
      .optional()
      .describe("true: license_signature (v1) and the LicenseSignature header (v2) verify with the target's public key"),
    headers: z.record(z.string(), matcher).optional().describe('Each named header (case-insensitive) equals the value or matches /regex/'),
    network: z
      .enum(['reset', 'timeout', 'empty'])
      .optional()
      .describe('The connection fails this way instead of answering (a network fault)'),
  })
  .refine((expect) => Object.keys(expect).length > 0, { message: 'expect needs at least one of status, code, message, body, fields, signed, headers, network' })
  .refine((expect) => expect.network === undefined || Object.keys(expect).length === 1, {
    message: 'network cannot be combined with other expectations',
    path: ['network'],
  })

const presence = z
  .union([z.boolean(), matcher])
  .describe('true: present, false: absent, text: equal (or /regex/)')

export const deviceAssertionSchema = z.strictObject({
  hardware_id: z.string().min(1).describe('The active row with this hardware_id, or else the last one'),
  active: z.boolean().optional(),
  blacklisted: z.boolean().optional(),
  time_activated: presence.optional(),
  time_deactivated: presence.optional(),
  floating_in_use: z.boolean().optional(),
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().describe('The device variables, exactly'),
})

export const userAssertionSchema = z.strictObject({
  email: z.string().min(1),
  total_activations: z.number().int().optional(),
})

export const licenseAssertionSchema = z
  .strictObject({
    id: z.number().int().optional(),
    license_key: z.string().min(1).optional(),
    product: z.string().min(1).optional().describe('Narrows license_key to one product'),
    enabled: z.boolean().optional(),
    times_activated: z.number().int().optional(),
    total_consumptions: z.number().int().optional(),
    transfer_count: z.number().int().optional(),
    devices: z.array(deviceAssertionSchema).optional(),
    device_count: z.number().int().min(0).optional().describe('Number of device rows, active or not'),
    users: z.array(userAssertionSchema).optional(),
  })
  .refine((license) => license.id !== undefined || license.license_key !== undefined, { message: 'name the license by id or license_key' })

export const stateAssertionSchema = z
  .strictObject({
    licenses: z.array(licenseAssertionSchema).min(1),
  })
  .describe('State assertions (targets that expose state: in-process and licensespring-mock servers)')

/** The clock grammar of PUT /__admin/clock (core/clock.ts), with the deprecated `freeze` and numeric `advance`. */
export const clockStepSchema = legacyClockUpdateSchema

const STEP_KINDS = ['request', 'clock', 'fault', 'reset'] as const

export const stepSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    request: requestSchema.optional().describe('Send a request (defaults: signed POST /api/v4/deactivate_license)'),
    expect: expectSchema.optional().describe('What the response of `request` must be'),
    clock: clockStepSchema.optional().describe('Move the license clock'),
    fault: faultSpecSchema.optional().describe('Add a fault (see the admin API): match, error, status, delay_ms, network, times'),
    reset: z.literal(true).optional().describe("State, faults and clock back to the scenario's start"),
    then: stateAssertionSchema.optional(),
  })
  .superRefine((step, context) => {
    const kinds = STEP_KINDS.filter((kind) => step[kind] !== undefined)
    if (kinds.length !== 1) {
      context.addIssue({
        code: 'custom',
        message: kinds.length === 0 ? 'a step needs one of request, clock, fault or reset' : `a step does one thing: found ${kinds.join(' and ')}`,
      })
    }
    if (step.request !== undefined && step.expect === undefined) context.addIssue({ code: 'custom', message: 'a request step needs expect', path: ['expect'] })
    if (step.request === undefined && step.expect !== undefined) context.addIssue({ code: 'custom', message: 'expect belongs to a request step', path: ['expect'] })
  })

const seedFields = {
  seed: z.string().min(1).optional().describe('Seed file (YAML or JSON), relative to this file'),
  given: seedSchema
    .optional()
    .describe('Seed fields merged over `seed`: arrays are concatenated; an entry with the identity of an earlier one replaces it'),
  clock: instant.optional().describe('Start the license clock here, frozen'),
}

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  tags: z.array(z.string().min(1)).optional(),
  ...seedFields,
  steps: z.array(stepSchema).min(1),
  then: stateAssertionSchema.optional().describe('State assertions after the last step'),
})

export const scenarioListSchema = z.strictObject({
  description: z.string().optional(),
  tags: z.array(z.string().min(1)).optional().describe('Added to every scenario of the file'),
  ...seedFields,
  scenarios: z.array(scenarioSchema).min(1),
})

export const scenarioFileSchema = z.union([scenarioSchema, scenarioListSchema])

export type RequestSpec = z.output<typeof requestSchema>
export type Expectation = z.output<typeof expectSchema>
export type ClockStep = z.output<typeof clockStepSchema>
export type StateAssertion = z.output<typeof stateAssertionSchema>
export type LicenseAssertion = z.output<typeof licenseAssertionSchema>
export type Step = z.output<typeof stepSchema>
export type ScenarioDocument = z.output<typeof scenarioSchema>
export type ScenarioListDocument = z.output<typeof scenarioListSchema>

/** The published JSON Schema (draft-07: what YAML editors understand best). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = standardFormatsOnly(z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-07', unrepresentable: 'any', reused: 'ref' })) as Record<string, unknown>
  return {
    $schema: schema.$schema,
    title: 'licensespring-mock scenario file',
    description: 'One scenario, or a list of scenarios under `scenarios:`. See the README, "Writing scenarios".',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  }
}

/** The formats JSON Schema defines (draft 7 and 2019-09); editors and validators know no others. */
const STANDARD_FORMATS = new Set([
  'date-time', 'date', 'time', 'duration', 'email', 'idn-email', 'hostname', 'idn-hostname', 'ipv4', 'ipv6',
  'uri', 'uri-reference', 'iri', 'iri-reference', 'uri-template', 'uuid', 'json-pointer', 'relative-json-pointer', 'regex',
])

/**
 * The schema without `format` values of our own (a format the mock's validators read, say): in
 * the published file an editor or ajv would only warn about them, and the pattern or type beside
 * them still says what is allowed.
 */
export function standardFormatsOnly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(standardFormatsOnly)
  if (typeof schema !== 'object' || schema === null) return schema
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => key !== 'format' || typeof value !== 'string' || STANDARD_FORMATS.has(value))
      .map(([key, value]) => [key, standardFormatsOnly(value)]),
  )
}
