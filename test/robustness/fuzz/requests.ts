// Request generators over the whole endpoint table. Plausible inputs per endpoint are built from
// its input schema and the demo seed's identities, encoded as the endpoint takes them (a JSON
// body, a query string, a form, an offline request file in base64); hostile requests mix them
// with random paths, methods, bodies, queries, Date, Authorization and Prefer headers.
import fc from 'fast-check'
import { MAX_BODY_BYTES } from '../../../src/core/request.ts'
import { signDate } from '../../../src/core/signature.ts'
import { offlineFile } from '../../../src/scenarios/offline-file.ts'
import { demo, DEMO, DEMO_BEARER, IDENTITIES, identities, NEW_DEVICES, SEED_VALUES, type Identity, type PickedIdentity, type Preferences } from './demo.ts'
import { endpointsAtPath, ENDPOINTS, inputFields, PATHS, type Endpoint, type InputField, type JsonSchema } from './endpoints.ts'
import { anyJson, anyString, authorizations, dates, headerNames, hmacAuthorization, NASTY_KEYS, objectText, oddValue, pairsText, pathSafe, prefers, querySafe, rfcDate, SIGN, wireSafe } from './values.ts'

export const DEACTIVATE = '/api/v4/deactivate_license'
export const ACTIVATE = '/api/v4/activate_license'
export const CHECK = '/api/v4/check_license'

/** A request as the generators describe it. */
export interface FuzzRequest {
  method: string
  /** The path as sent; what follows a `?` in it is the query string, as on the wire. */
  path: string
  /** The query string without its `?`, sent after the path when present. */
  query?: string
  /** Lower-case names. */
  headers: Record<string, string>
  body?: string | Uint8Array
  /** The request was built to pass authentication (a valid HMAC for the Date it carries). */
  signed: boolean
}

/** The request-target as sent: the path, then `?query` when there is one. */
export function targetOf(request: Pick<FuzzRequest, 'path' | 'query'>): string {
  return request.query === undefined ? request.path : `${request.path}?${request.query}`
}

/** The request-target split as the HTTP adapter does: the path up to the first `?`, the query after it. */
export function splitTarget(request: Pick<FuzzRequest, 'path' | 'query'>): { path: string; query: string } {
  const target = targetOf(request)
  const q = target.indexOf('?')
  return q === -1 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) }
}

export const bodyText = (body: string | Uint8Array | undefined) => (body === undefined ? undefined : typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))
/** The adapters answer 413 before reading a body over the limit. */
export const isTooLarge = (request: FuzzRequest) => request.body !== undefined && Buffer.byteLength(request.body) > MAX_BODY_BYTES

// ---------------------------------------------------------------------------------------------
// Field values: the seed's, else by the field's schema.

const isoIn = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
const NAMED: Record<string, fc.Arbitrary<unknown>> = {
  ...Object.fromEntries(Object.entries(SEED_VALUES).map(([name, values]) => [name, fc.constantFrom(...(values as readonly unknown[]))])),
  consumptions: fc.integer({ min: -3, max: 12 }),
  max_overages: fc.integer({ min: 0, max: 5 }),
  borrowed_until: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom(1, 12, 48, -1).map(isoIn) }, { weight: 1, arbitrary: fc.constantFrom('nope', '') }),
  variables: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 3 }),
  grant_type: fc.constantFrom('client_credentials', 'client_credentials', 'password', ''),
  new_password: fc.constantFrom('new-password', 'other-password', ''),
  redirect_uri: fc.constantFrom('https://example.com/callback', ''),
  email: fc.constantFrom(...SEED_VALUES.username, 'trial@example.com'),
  request: fc.constantFrom('activation', 'deactivation'),
  product_features: fc.constantFrom([], [{ code: 'demo-reports', consumptions: 1 }], { 'demo-reports': 1 }, [{ code: 'demo-export', consumptions: 1 }]),
  date: fc.constant(undefined).map(() => new Date().toUTCString()),
  sdk_ver: fc.constantFrom('1.4.17', ''),
}

function typed(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? ['string'])
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'integer':
          return fc.integer({ min: -2, max: 10_000 })
        case 'number':
          return fc.double({ min: -2, max: 10_000, noNaN: true })
        case 'boolean':
          return fc.boolean()
        case 'null':
          return fc.constant(null)
        case 'array':
          return fc.constant([])
        case 'object':
          return fc.constant({})
        default:
          return fc.string({ maxLength: 10 })
      }
    }),
  )
}

const valueOf = (field: InputField): fc.Arbitrary<unknown> => (Object.hasOwn(NAMED, field.name) ? NAMED[field.name] : typed(field.schema))

/** Fields a client names its license (or its OAuth client) with; taken together from one identity, never mixed. */
const IDENTITY_FIELDS = new Set(['license_key', 'username', 'password', 'id_token', 'code', 'customer_account_code', 'grant_type', 'client_id', 'client_secret'])
/** An offline file's own fields: offline-file.ts writes the signature, and a client id is OAuth's. */
const FILE_OWN = new Set(['signature', 'client_id'])

/**
 * Fields a client would send to the endpoint: the identity of one demo license (product, its key
 * or a user, a device of it, one of its features, its customer), every other required field, and
 * a few optional ones.
 */
export function plausibleFields(endpoint: Endpoint): fc.Arbitrary<Record<string, unknown>> {
  const fields = inputFields(endpoint).filter((field) => !(endpoint.input === 'text' && FILE_OWN.has(field.name)))
  const names = new Set(fields.map((field) => field.name))
  const fitting = IDENTITIES.filter((identity) => fits(endpoint, names, identity))
  const preferences = preferencesOf(endpoint)
  // Mostly licenses the endpoint can succeed on; any license now and then.
  const picks = fc.oneof({ weight: 3, arbitrary: identities(fitting.length > 0 ? fitting : IDENTITIES, names, preferences) }, { weight: 1, arbitrary: identities(IDENTITIES, names) })
  return picks.chain((picked) => {
    const base = identityFields(picked, names)
    const rest = fields.filter((field) => !Object.hasOwn(base, field.name) && !IDENTITY_FIELDS.has(field.name))
    const required = rest.filter((field) => field.required)
    const optional = rest.filter((field) => !field.required)
    const entry = (field: InputField) => valueOf(field).map((value) => [field.name, value] as const)
    return fc
      .tuple(
        fc.tuple(...required.map(entry)),
        fc.subarray(optional, { maxLength: Math.min(3, optional.length) }).chain((chosen) => fc.tuple(...chosen.map(entry))),
        // A required identity field the identity lacks (a key-based license asked by username) comes from the seed.
        fc.tuple(...fields.filter((field) => field.required && IDENTITY_FIELDS.has(field.name) && !Object.hasOwn(base, field.name)).map(entry)),
      )
      .map(([own, extra, identity]) => ({ ...base, ...Object.fromEntries([...own, ...extra, ...identity].filter(([, value]) => value !== undefined)) }))
  })
}

/**
 * An activation wants a new device, the others an active one: its rules refuse a device already
 * there, or (a bundle's, whose rows are each member's) its success is an activation.
 */
const activates = (endpoint: Endpoint) => endpoint.rules.some((row) => row.code === 'license_device_exists') || /(^|_)activated(_|$)/.test(endpoint.success)

/** The devices and features an endpoint would rather be sent, by its rules and its family in the table. */
function preferencesOf(endpoint: Endpoint): Preferences {
  const devices = activates(endpoint) ? 'new' : 'active'
  if (endpoint.family === 'floating') return { devices, feature: (feature) => feature.is_floating_cloud === true }
  if (endpoint.family === 'consumptions') return { devices, feature: (feature) => feature.feature_type === 'consumption' }
  return { devices }
}

/**
 * Whether a license is one the endpoint can succeed on, by what the endpoint takes and its family
 * in the table: no sticky fault; a required customer needs a license with one; a user but no
 * key, users; a feature, features; a bundle endpoint, a bundle; a consumption or floating one, a
 * license of that kind (or, with a feature, such a feature); an offline file, a license it can
 * name (a key or a user); an activation, a license with room for one more device.
 */
function fits(endpoint: Endpoint, names: ReadonlySet<string>, { license, names: ways }: Identity): boolean {
  const product = demo.products.find((candidate) => candidate.short_code === license.product)
  const features = (license.features ?? []).map((feature) => (typeof feature === 'string' ? feature : feature.code))
  const required = new Set(inputFields(endpoint).filter((field) => field.required).map((field) => field.name))
  // A sticky fault answers its code whatever the request.
  if (license.fault || (license.devices ?? []).some((device) => device.fault)) return false
  if (required.has('customer') && !license.customer) return false
  if (names.has('username') && !names.has('license_key') && (license.users ?? []).length === 0) return false
  if (names.has('feature') && features.length === 0) return false
  if (endpoint.family === 'bundles' && !product?.bundle_products?.length) return false
  if (endpoint.family === 'consumptions') {
    const consumable = features.some((code) => product?.features.find((feature) => feature.code === code)?.feature_type === 'consumption')
    if (names.has('feature') ? !consumable : license.license_type !== 'consumption') return false
  }
  if (endpoint.family === 'floating') {
    const floatingFeature = features.some((code) => product?.features.find((feature) => feature.code === code)?.is_floating_cloud)
    if (names.has('feature') ? !floatingFeature : !license.is_floating_cloud) return false
  }
  if (endpoint.input === 'text' && !ways.some((way) => Object.keys(way).every((field) => names.has(field)))) return false
  if (activates(endpoint) && !license.allow_unlimited_activations && (license.devices ?? []).filter((device) => device.active !== false).length >= (license.max_activations ?? 1)) return false
  return true
}

function identityFields(picked: PickedIdentity, names: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const set = (name: string, value: unknown) => {
    if (names.has(name) && value !== undefined) out[name] = value
  }
  set('product', picked.identity.product)
  set('hardware_id', picked.hardware_id)
  for (const [name, value] of Object.entries(picked.name)) set(name, value)
  for (const [name, value] of Object.entries(picked.client)) set(name, value)
  if (picked.withId) set('license_id', picked.identity.license.id)
  set('feature', picked.feature)
  set('customer', picked.customer)
  return out
}

/** Query and form values are text. */
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')

export interface EncodedInput {
  query?: string
  body?: string
  contentType?: string
}

/** Fields as the endpoint's input kind carries them; an offline file signed right (or not). */
export function encode(endpoint: Endpoint, fields: Record<string, unknown>, file: FileShape = GOOD_FILE): EncodedInput {
  switch (endpoint.input) {
    case 'query':
      return { query: new URLSearchParams(Object.entries(fields).map(([name, value]): [string, string] => [name, asText(value)])).toString() }
    case 'form':
      return { body: new URLSearchParams(Object.entries(fields).map(([name, value]): [string, string] => [name, asText(value)])).toString(), contentType: 'application/x-www-form-urlencoded' }
    case 'text':
      // The flat form signs its date: it has one.
      return { body: offlineFile({ request: { api_key: DEMO.apiKey, ...(file.form === 'flat' ? { date: new Date().toUTCString() } : {}), ...fields }, ...file }), contentType: 'text/plain' }
    default:
      return { body: JSON.stringify(fields), contentType: 'application/json' }
  }
}

interface FileShape {
  form: 'wrapped' | 'flat'
  spacing: 'compact' | 'python'
  key: string
}
const GOOD_FILE: FileShape = { form: 'wrapped', spacing: 'compact', key: DEMO.sharedKey }
const fileShapes = fc.record({ form: fc.constantFrom<FileShape['form']>('wrapped', 'flat'), spacing: fc.constantFrom<FileShape['spacing']>('compact', 'python'), key: fc.constantFrom(DEMO.sharedKey, DEMO.sharedKey, DEMO.sharedKey, 'wrong-key') })

export const plausibleInput = (endpoint: Endpoint): fc.Arbitrary<EncodedInput> => fc.tuple(plausibleFields(endpoint), fileShapes).map(([fields, file]) => encode(endpoint, fields, file))

/** Plausible fields, then some dropped, some of the wrong kind, and keys nobody expects. */
const mutatedInput = (endpoint: Endpoint): fc.Arbitrary<EncodedInput> =>
  plausibleFields(endpoint).chain((fields) =>
    fc
      .record({
        drop: fc.subarray(Object.keys(fields), { maxLength: Math.min(2, Object.keys(fields).length) }),
        odd: fc.subarray(Object.keys(fields), { maxLength: Math.min(2, Object.keys(fields).length) }).chain((keys) => fc.tuple(...keys.map((key) => oddValue.map((value) => [key, value] as const)))),
        extra: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...NASTY_KEYS), anyString), anyJson), { maxLength: 2 }),
        file: fileShapes,
      })
      .map(({ drop, odd, extra, file }) => {
        const entries: [string, unknown][] = [...Object.entries(fields).filter(([key]) => !drop.includes(key)).map(([key, value]): [string, unknown] => [key, odd.find(([name]) => name === key)?.[1] ?? value]), ...extra]
        // JSON keeps `__proto__` as a key only when written as text.
        if (endpoint.input === 'json') return { body: objectText(entries), contentType: 'application/json' }
        return encode(endpoint, Object.fromEntries(entries), file)
      }),
  )

// ---------------------------------------------------------------------------------------------
// Valid requests: signed, to the endpoint's own path and method, with a plausible input.

const signedHeaders = (apiKeyName: string, spaces: boolean) => {
  const date = rfcDate(0)
  return { date, authorization: hmacAuthorization(date, DEMO, apiKeyName, spaces) }
}
const signing = { apiKeyName: fc.constantFrom('apikey', 'apiKey'), spaces: fc.boolean() }
/** An HMAC as the SDKs write it, or the demo seed's fixed bearer token. */
const authHeaders = fc.oneof(
  { weight: 5, arbitrary: fc.record(signing).map(({ apiKeyName, spaces }) => signedHeaders(apiKeyName, spaces)) },
  { weight: 1, arbitrary: fc.constant(undefined).map(() => ({ date: rfcDate(0), authorization: `Bearer ${DEMO_BEARER}` })) },
)

/** Correctly authorized requests to this endpoint, with a plausible input. */
export const plausibleRequestsTo = (endpoint: Endpoint): fc.Arbitrary<FuzzRequest> =>
  fc.record({ input: plausibleInput(endpoint), auth: authHeaders }).map(({ input, auth }): FuzzRequest => {
    const headers: Record<string, string> = endpoint.auth === 'license' ? { ...auth } : {}
    if (input.contentType) headers['content-type'] = input.contentType
    return { method: endpoint.method, path: endpoint.path, ...(input.query === undefined ? {} : { query: input.query }), headers, ...(input.body === undefined ? {} : { body: input.body }), signed: true }
  })

/** A correctly authorized request with a plausible input, to each endpoint of the table. */
export const plausibleRequests: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...ENDPOINTS).chain(plausibleRequestsTo)

const json = (body: object) => ({ 'content-type': 'application/json', body: JSON.stringify(body) })
const isVm = fc.option(fc.boolean(), { nil: undefined })

/** Correctly signed deactivations of devices that exist: the success path, then device_not_found. */
export const validDeactivations: fc.Arbitrary<FuzzRequest> = fc
  .record({
    body: fc.oneof(
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', 'demo-device-4', 'demo-device-5'), product: fc.constant('demo'), license_key: fc.constant('DEMO-OK-0001') }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2'), product: fc.constant('demo-user'), username: fc.constant('user@example.com') }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3'), product: fc.constant('demo'), license_key: fc.constant('DEMO-CONSUMPTION'), consumptions: fc.integer({ min: -2, max: 3 }) }),
      fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2'), product: fc.constant('demo-user'), id_token: fc.constant('demo-id-token'), customer_account_code: fc.constant('demo-account') }),
      // Devices that activations added.
      fc.record({ hardware_id: fc.constantFrom(...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constantFrom('DEMO-NEVER-ACTIVATED', 'DEMO-OK-0001') }),
    ),
    ...signing,
  })
  .map(({ body, apiKeyName, spaces }) => {
    const { 'content-type': contentType, body: text } = json(body)
    return { method: 'POST', path: DEACTIVATE, headers: { ...signedHeaders(apiKeyName, spaces), 'content-type': contentType }, body: text, signed: true }
  })

/**
 * Correctly signed activations: on DEMO-NEVER-ACTIVATED (room for one) the first new device
 * succeeds, the same one again is license_device_exists, another license_activated_max_times; on
 * full licenses an active device is license_device_exists, and a deactivated one comes back.
 */
export const validActivations: fc.Arbitrary<FuzzRequest> = fc
  .record({
    body: fc.oneof(
      { weight: 3, arbitrary: fc.record({ hardware_id: fc.constantFrom(...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-NEVER-ACTIVATED'), is_vm: isVm }) },
      {
        weight: 3,
        arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', 'demo-device-4', 'demo-device-5', 'demo-device-old', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-OK-0001') }),
      },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-CONSUMPTION') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-FLOATING') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo-user'), username: fc.constant('user@example.com'), password: fc.constant('demo-password') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo-user'), id_token: fc.constant('demo-id-token'), customer_account_code: fc.constant('demo-account') }) },
    ),
    ...signing,
  })
  .map(({ body, apiKeyName, spaces }) => ({ method: 'POST', path: ACTIVATE, headers: { ...signedHeaders(apiKeyName, spaces), 'content-type': 'application/json' }, body: JSON.stringify(body), signed: true }))

/** Correctly signed checks: a signed License while the device is active, device_not_found once it is not. */
export const validChecks: fc.Arbitrary<FuzzRequest> = fc
  .record({
    query: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', 'demo-device-3', 'demo-device-4', 'demo-device-5', 'demo-device-old', ...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-OK-0001') }),
      },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom(...NEW_DEVICES), product: fc.constant('demo'), license_key: fc.constant('DEMO-NEVER-ACTIVATED') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2', ...NEW_DEVICES), product: fc.constant('demo-user'), username: fc.constant('user@example.com') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-3'), product: fc.constant('demo'), license_key: fc.constant('DEMO-CONSUMPTION'), license_id: fc.constant('1010') }) },
      { weight: 1, arbitrary: fc.record({ hardware_id: fc.constantFrom('demo-device-1', 'demo-device-2'), product: fc.constant('demo'), license_key: fc.constant('DEMO-FLOATING-POOL') }) },
    ),
    extras: fc.subarray<[string, string]>([
      ['include_expired_features', 'false'],
      ['sdk_ver', 'node-1.4.17'],
      ['env', 'linux'],
    ]),
    ...signing,
  })
  .map(({ query, extras, apiKeyName, spaces }) => ({
    method: 'GET',
    path: CHECK,
    query: new URLSearchParams([...Object.entries(query), ...extras]).toString(),
    headers: signedHeaders(apiKeyName, spaces),
    signed: true,
  }))

/** Correctly signed requests: every endpoint's plausible input, and the lifecycle of one device. */
export const validRequests: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 8, arbitrary: plausibleRequests },
  { weight: 2, arbitrary: validDeactivations },
  { weight: 3, arbitrary: validActivations },
  { weight: 2, arbitrary: validChecks },
)

// ---------------------------------------------------------------------------------------------
// Hostile requests.

/** A method generator's stand-in for "the method the path's endpoint takes" (POST elsewhere). */
const NATURAL = '\u0000natural'

const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.boolean(), fc.boolean())
  .map(([depth, open, balanced, wrapped]) => {
    const close = open === '[' ? ']' : '}'
    const nested = `${open.repeat(depth)}${open === '[' ? '' : '1'}${balanced ? close.repeat(depth) : ''}`
    return wrapped ? `{"hardware_id":"demo-device-1","product":"demo","license_key":${nested}}` : nested
  })

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 300_000 }), fc.constantFrom('x', 'é', '😀', '\\u0000', '"'))
  .map(([size, unit]) => `{"hardware_id":"${unit.repeat(Math.ceil(size / unit.length))}","product":"demo","license_key":"DEMO-OK-0001"}`)

/** Bodies for a request to `endpoint`'s path (undefined: a path no endpoint lives at). */
function bodiesFor(endpoint: Endpoint | undefined): fc.Arbitrary<string | Uint8Array | undefined> {
  const other = fc.constantFrom(...ENDPOINTS)
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', 'null', '[]', '{}', '0', '"x"', '{"a":1}{', '\ufeff{}', 'e30=', '%%%', 'grant_type=client_credentials') },
    { weight: 6, arbitrary: endpoint ? plausibleInput(endpoint).map((input) => input.body) : fc.constant(undefined) },
    { weight: 6, arbitrary: endpoint ? mutatedInput(endpoint).map((input) => input.body) : fc.constant(undefined) },
    // Another endpoint's input, in its own encoding.
    { weight: 2, arbitrary: other.chain((each) => plausibleInput(each)).map((input) => input.body ?? input.query) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 2, arbitrary: anyString },
    { weight: 1, arbitrary: anyJson.map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64')) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: hugeString },
  )
}

const queryNames = (endpoint: Endpoint | undefined) => [...(endpoint ? inputFields(endpoint).map((field) => field.name) : []), 'hardware_id', 'product', 'license_key']

/** Queries for a request to `endpoint`'s path: its own fields (good or hostile), repeated ones, odd ones. */
function queriesFor(endpoint: Endpoint | undefined): fc.Arbitrary<string | undefined> {
  const names = queryNames(endpoint)
  const oddValues = fc.constantFrom('', ' ', '+', '%', '%zz', '%00', '&', '=', '#', '?', '1.5', '1e3', '0x10', 'null', '9007199254740993', 'yes')
  const pairs = fc
    .tuple(
      fc.array(
        fc
          .oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS, 'hardware_id[]', 'HARDWARE_ID', 'product ') }, { weight: 1, arbitrary: anyString })
          .chain((name) => fc.oneof({ weight: 4, arbitrary: (Object.hasOwn(NAMED, name) ? NAMED[name] : fc.string({ maxLength: 10 })).map(asText) }, { weight: 1, arbitrary: anyString }, { weight: 1, arbitrary: oddValues }).map((value) => [name, value] as const)),
        { maxLength: 6 },
      ),
      fc.boolean(),
      fc.constantFrom('&', '&', '&&', ';', '&amp;'),
    )
    .map(([list, encoded, separator]) => pairsText(list, encoded, separator))
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: endpoint?.input === 'query' ? plausibleInput(endpoint).map((input) => input.query) : fc.constant(undefined) },
    { weight: 2, arbitrary: endpoint?.input === 'query' ? mutatedInput(endpoint).map((input) => input.query) : fc.constant(undefined) },
    { weight: 3, arbitrary: pairs },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '?', '&', '&&&', '=', '==', 'a', '%', '%zz', '%00', '%ff%fe', 'hardware_id', 'hardware_id=', 'hardware_id=&product=', '__proto__=x', 'constructor=x&prototype=y', 'hardware_id=a&hardware_id=b', '+=+'),
    },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('x', '%C3%A9', '%F0%9F%98%80', '&a=b')).map(([size, unit]) => `hardware_id=${unit.repeat(Math.ceil(size / unit.length))}&product=demo&license_key=DEMO-OK-0001`) },
  )
}

/** The endpoints' paths, as they are and as clients get them wrong. */
const paths = fc.oneof(
  { weight: 14, arbitrary: fc.constantFrom(...PATHS) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom('/', '//', '/..', '/.', '?', '/?', 'x', '%2F', '%00')).map(([path, suffix]) => `${path}${suffix}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...PATHS).map((path) => path.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom('/api/v4/', '/api/v4', '', '/api/v4/check_licence', '/api/v4/deactivate_licence', '/api/v3/check_license', '/realms/user-portal/protocol/openid-connect', '/api/v4/__admin') },
  { weight: 1, arbitrary: anyString.map((text) => `/api/v4/${text}`) },
  { weight: 1, arbitrary: anyString },
)

/** Mostly the endpoint's own method, often another endpoint's, sometimes anything. */
const methods = fc.oneof(
  { weight: 6, arbitrary: fc.constant(NATURAL) },
  { weight: 2, arbitrary: fc.constantFrom('POST', 'GET') },
  { weight: 2, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
  { weight: 1, arbitrary: anyString },
)
const wireMethods = fc.oneof(
  { weight: 6, arbitrary: fc.constant(NATURAL) },
  { weight: 2, arbitrary: fc.constantFrom('POST', 'GET') },
  { weight: 3, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'PURGE', 'REPORT', 'SEARCH') },
)

export interface RequestShape {
  /** Only what node:http can put on the wire (latin1 header values, token methods, no spaces in paths). */
  wire: boolean
}

const contentTypes = fc.option(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x'))
const signers = fc.constantFrom<{ apiKey: string; sharedKey: string }>(DEMO, DEMO, DEMO, { apiKey: 'demo-read-only-api-key', sharedKey: DEMO.sharedKey }, { apiKey: 'demo-restricted-api-key', sharedKey: DEMO.sharedKey })

/** Any request at all to any path, mostly the endpoints', with inputs made for the path's endpoint. */
export function requests({ wire }: RequestShape): fc.Arbitrary<FuzzRequest> {
  return paths.chain((rawPath) => {
    const endpoint = endpointsAtPath(splitTarget({ path: rawPath }).path)[0]
    return fc
      .record({
        method: wire ? wireMethods : methods,
        // On the wire, node's own limit (16 KiB of target and headers) would answer 431 first.
        query: wire ? queriesFor(endpoint).map((query) => (query === undefined ? undefined : querySafe(query).slice(0, 12_000))) : queriesFor(endpoint),
        date: dates,
        authorization: authorizations,
        prefer: prefers,
        contentType: fc.oneof({ weight: 3, arbitrary: fc.constant(endpoint ? kindContentType(endpoint) : null) }, { weight: 2, arbitrary: contentTypes }),
        extra: fc.dictionary(headerNames, fc.string({ maxLength: 30 }), { maxKeys: 3 }),
        body: bodiesFor(endpoint),
        signWith: signers,
      })
      .map(({ method, query, date, authorization, prefer, contentType, extra, body, signWith }) => {
        const path = wire ? pathSafe(rawPath) : rawPath
        const headers: Record<string, string> = { ...extra }
        let signed = false
        if (date !== undefined) headers.date = date
        if (authorization === SIGN) {
          headers.authorization = hmacAuthorization(date ?? rfcDate(0), signWith)
          signed = date !== undefined
        } else if (authorization !== undefined) {
          headers.authorization = authorization.includes(SIGN) ? authorization.replaceAll(SIGN, signDate(DEMO.sharedKey, date ?? '')) : authorization
        }
        if (prefer !== undefined) headers.prefer = prefer
        if (contentType !== null) headers['content-type'] = contentType
        if (wire) for (const [name, value] of Object.entries(headers)) headers[name] = wireSafe(value).trim()
        const resolved = method === NATURAL ? (endpointsAtPath(splitTarget({ path, query }).path)[0]?.method ?? 'POST') : method
        return { method: resolved, path, ...(query === undefined ? {} : { query }), headers, ...(body === undefined ? {} : { body }), signed }
      })
  })
}

const kindContentType = (endpoint: Endpoint) => ({ json: 'application/json', form: 'application/x-www-form-urlencoded', text: 'text/plain', query: null })[endpoint.input]

/** Mostly hostile, sometimes valid: both paths in one stream. */
export function mixedRequests(shape: RequestShape): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 2, arbitrary: validRequests }, { weight: 5, arbitrary: requests(shape) })
}
