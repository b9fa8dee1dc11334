// The seed format (YAML or JSON): what a data set looks like, and its validation. An invalid
// seed becomes a list of issues naming the path inside the document and the reason.
import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'
import { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from './errors.ts'
import { parseInstant } from './clock.ts'
import { duplicateKeyMessage, findDuplicate } from './json-keys.ts'

const text = (max = 1024) => z.string().min(1).max(max)
const count = z.number().int().min(0)
const instant = z
  .string()
  .refine((value) => parseInstant(value) !== undefined, 'must be an ISO 8601 date or date-time, e.g. 2030-01-01 or 2030-01-01T12:00:00Z')
const faultCode = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]])

export const credentialSchema = z.strictObject({
  api_key: text(256),
  shared_key: text(256),
  revoked: z.boolean().default(false),
  read_only: z.boolean().default(false),
  products: z.array(text(256)).optional(),
  bearer_token: text(4096).optional(),
})

export const productSchema = z.strictObject({
  short_code: text(256),
  name: z.string().max(256).optional(),
  authorization_method: z.enum(['license-key', 'user']).default('license-key'),
})

export const userSchema = z.strictObject({
  email: text(),
  password: z.string().max(1024).optional(),
  max_activations: count.optional(),
  allow_unlimited_activations: z.boolean().default(false),
  /** Follows from the active devices of this user unless given. */
  total_activations: count.optional(),
})

export const deviceSchema = z.strictObject({
  hardware_id: text(),
  active: z.boolean().default(true),
  blacklisted: z.boolean().default(false),
  is_vm: z.boolean().default(false),
  /** The license user (email) who activated it, for user-based licenses. */
  user: text().optional(),
  /** Holds a floating slot; defaults to active && the license is floating. */
  floating_in_use: z.boolean().optional(),
  time_activated: instant.optional(),
  time_deactivated: instant.optional(),
  /** Sticky fault: every deactivation of this device answers this error. */
  fault: faultCode.optional(),
})

export const licenseSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  product: text(256),
  license_key: text().optional(),
  license_type: z.enum(['perpetual', 'time-limited', 'subscription', 'consumption']).default('perpetual'),
  enabled: z.boolean().default(true),
  start_date: instant.nullable().default(null),
  validity_period: instant.nullable().default(null),
  max_activations: count.default(1),
  allow_unlimited_activations: z.boolean().default(false),
  /** Follows from the active devices unless given. */
  times_activated: count.optional(),
  prevent_vm: z.boolean().default(false),
  max_transfers: count.default(0),
  transfer_count: count.default(0),
  prevent_transfers: z.boolean().default(false),
  is_floating: z.boolean().default(false),
  is_floating_cloud: z.boolean().default(false),
  floating_users: count.default(0),
  max_consumptions: count.default(0),
  total_consumptions: z.number().int().default(0),
  allow_unlimited_consumptions: z.boolean().default(false),
  allow_negative_consumptions: z.boolean().default(false),
  allow_overages: z.boolean().default(false),
  max_overages: count.default(0),
  users: z.array(userSchema).default([]),
  devices: z.array(deviceSchema).default([]),
  /** Sticky fault: every deactivation on this license answers this error. */
  fault: faultCode.optional(),
})

export const ssoSchema = z
  .strictObject({
    customer_account_code: text(),
    id_token: text(8192).optional(),
    code: text(8192).optional(),
    /** The license user (email) this identity signs in as. */
    user: text(),
  })
  .refine((sso) => sso.id_token !== undefined || sso.code !== undefined, 'needs id_token or code')

export const seedSchema = z.strictObject({
  credentials: z.array(credentialSchema).default([]),
  products: z.array(productSchema).default([]),
  licenses: z.array(licenseSchema).default([]),
  sso: z.array(ssoSchema).default([]),
})

/** A seed as written (defaults optional). */
export type SeedInput = z.input<typeof seedSchema>
/** A validated seed with every default filled and every license id assigned. */
export type Seed = Omit<z.output<typeof seedSchema>, 'licenses'> & { licenses: (LicenseSeed & { id: number })[] }
export type LicenseSeed = z.output<typeof licenseSchema>
export type DeviceSeed = z.output<typeof deviceSchema>
export type UserSeed = z.output<typeof userSchema>

export interface SeedIssue {
  /** Path inside the document, e.g. `licenses[2].devices[0].hardware_id`; empty for the root. */
  path: string
  message: string
}

export type SeedResult = { ok: true; seed: Seed } | { ok: false; issues: SeedIssue[] }

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '')
}

/**
 * The YAML parser, loaded on first use: a server started with a JSON seed never needs it (it is
 * about 8 MB of resident memory). `yaml` is CommonJS under node, so require() loads the very
 * module `import` would.
 */
let yamlModule: typeof Yaml | undefined
const yaml = () => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml)

/** Parses YAML or JSON text (JSON is YAML) into a validated seed. */
export function parseSeedText(source: string): SeedResult {
  // JSON is YAML, but JSON.parse is an order of magnitude faster on large generated seeds;
  // on a JSON error the YAML parser below reports it with a line and column.
  if (/^\s*\{/.test(source)) {
    let data: unknown
    try {
      data = JSON.parse(source)
    } catch {
      data = undefined
    }
    if (data !== undefined) {
      const duplicate = findDuplicate(source)
      return duplicate === undefined ? validateSeed(data) : { ok: false, issues: [{ path: duplicate.path, message: duplicateKeyMessage(duplicate.key) }] }
    }
  }
  const doc = yaml().parseDocument(source, { uniqueKeys: true })
  if (doc.errors.length > 0) {
    return { ok: false, issues: doc.errors.map((error) => ({ path: '', message: error.message.split('\n')[0] })) }
  }
  let data: unknown
  try {
    // maxAliasCount stops alias bombs ("billion laughs") before they expand.
    data = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: error instanceof Error ? error.message : String(error) }] }
  }
  return validateSeed(data ?? {})
}

export function validateSeed(input: unknown): SeedResult {
  let data = fastParse(input)
  if (data === undefined) {
    const parsed = seedSchema.safeParse(input)
    if (!parsed.success) {
      return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) }
    }
    data = parsed.data
  }
  const seed = assignIds(data)
  const issues = crossCheck(seed)
  return issues.length > 0 ? { ok: false, issues } : { ok: true, seed }
}

/**
 * Gives every license without an id the next one after the largest given (at least 1001). The
 * objects are the validator's own fresh output, so the id is set on them rather than on a copy
 * of each license; like a spread copy, an id that was absent becomes the last key.
 */
function assignIds(data: z.output<typeof seedSchema>): Seed {
  let next = 1000
  for (const license of data.licenses) if (license.id !== undefined && license.id > next) next = license.id
  next++
  for (const license of data.licenses) if (license.id === undefined) license.id = next++
  return data as Seed
}

/** Whether a device before `j` is active with the same hardware_id as device `j`. */
function activeBefore(devices: readonly DeviceSeed[], j: number): boolean {
  const hardwareId = devices[j].hardware_id
  for (let k = 0; k < j; k++) if (devices[k].active && devices[k].hardware_id === hardwareId) return true
  return false
}

/** What the schema cannot say: references and uniqueness. */
function crossCheck(seed: Seed): SeedIssue[] {
  const issues: SeedIssue[] = []
  const add = (path: string, message: string) => issues.push({ path, message })
  const products = new Map<string, string>()
  seed.products.forEach((product, i) => {
    if (products.has(product.short_code)) add(`products[${i}].short_code`, `duplicate short_code "${product.short_code}"`)
    products.set(product.short_code, product.authorization_method)
  })
  const apiKeys = new Set<string>()
  seed.credentials.forEach((credential, i) => {
    if (apiKeys.has(credential.api_key)) add(`credentials[${i}].api_key`, `duplicate api_key "${credential.api_key}"`)
    apiKeys.add(credential.api_key)
    credential.products?.forEach((code, j) => {
      if (!products.has(code)) add(`credentials[${i}].products[${j}]`, `unknown product "${code}"`)
    })
  })
  const ids = new Set<number>()
  /** product → license keys seen */
  const keys = new Map<string, Set<string>>()
  const users = new Set<string>()
  const noEmails: ReadonlySet<string> = new Set()
  // Plain loops and no per-license Set unless needed: this runs once per license of the seed.
  for (let i = 0; i < seed.licenses.length; i++) {
    const license = seed.licenses[i]
    const at = () => `licenses[${i}]`
    if (ids.has(license.id)) add(`${at()}.id`, `duplicate license id ${license.id}`)
    ids.add(license.id)
    const method = products.get(license.product)
    if (!method) add(`${at()}.product`, `unknown product "${license.product}" (declare it under products)`)
    if (method === 'license-key' && !license.license_key) add(`${at()}.license_key`, `required: product "${license.product}" is key-based`)
    if (method === 'user' && license.users.length === 0) add(`${at()}.users`, `required: product "${license.product}" is user-based`)
    if (license.license_key) {
      let seen = keys.get(license.product)
      if (!seen) keys.set(license.product, (seen = new Set()))
      if (seen.has(license.license_key)) add(`${at()}.license_key`, `duplicate license_key "${license.license_key}" for product "${license.product}"`)
      seen.add(license.license_key)
    }
    let emails = noEmails
    if (license.users.length > 0) {
      const own = new Set<string>()
      license.users.forEach((user, j) => {
        const email = user.email.toLowerCase()
        if (own.has(email)) add(`${at()}.users[${j}].email`, `duplicate user "${user.email}" on this license`)
        own.add(email)
        users.add(email)
      })
      emails = own
    }
    const devices = license.devices
    // A few devices are compared in place; many go through a Set.
    const active = devices.length > 16 ? new Set<string>() : undefined
    for (let j = 0; j < devices.length; j++) {
      const device = devices[j]
      if (device.active && (active ? active.has(device.hardware_id) : activeBefore(devices, j))) {
        add(`${at()}.devices[${j}].hardware_id`, `two active devices with hardware_id "${device.hardware_id}"`)
      }
      if (device.active) active?.add(device.hardware_id)
      if (device.user && !emails.has(device.user.toLowerCase())) add(`${at()}.devices[${j}].user`, `"${device.user}" is not a user of this license`)
    }
  }
  seed.sso.forEach((sso, i) => {
    if (!users.has(sso.user.toLowerCase())) add(`sso[${i}].user`, `"${sso.user}" is not a user of any license`)
  })
  return issues
}

// ---------------------------------------------------------------------------------------------
// The fast path of validateSeed. zod takes about 1.5 s for a generated seed of 100 000 licenses.
// This hand-written check accepts only what the schemas above accept and builds exactly zod's
// output: fresh objects (the input is never changed or shared), the keys in schema order,
// defaults filled, absent optional keys absent. Whenever it meets anything else — an invalid
// value, an unknown key, an explicit `undefined`, an object that is not a plain one — it returns
// undefined and zod decides, so issues are always zod's. Objects are built with one named
// property store per key, which keeps V8's compact object layout (a loop of `out[key] = …`
// would turn each license into a hash table). test/seed-fast-path.test.ts checks that both
// agree.

type Plain = Record<string, unknown>
type Output<T> = { -readonly [K in keyof T]: T[K] }

const keysOf = (schema: { shape: object }) => new Set(Object.keys(schema.shape))
const CREDENTIAL_KEYS = keysOf(credentialSchema)
const PRODUCT_KEYS = keysOf(productSchema)
const USER_KEYS = keysOf(userSchema)
const DEVICE_KEYS = keysOf(deviceSchema)
const LICENSE_KEYS = keysOf(licenseSchema)
const SSO_KEYS = keysOf(ssoSchema)
const SEED_KEYS = keysOf(seedSchema)
const FAULT_CODES = new Set<string>(ERROR_CODES)
const LICENSE_TYPES = new Set(['perpetual', 'time-limited', 'subscription', 'consumption'])

/** A plain object whose every key belongs to the schema and whose values are all defined. */
function strict(value: unknown, keys: ReadonlySet<string>): value is Plain {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false
  for (const key in value) if (!keys.has(key) || (value as Plain)[key] === undefined) return false
  return true
}
const isText = (value: unknown, max = 1024): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max
const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max
const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value)
const isCount = (value: unknown): value is number => isInt(value) && value >= 0
const isBool = (value: unknown): value is boolean => typeof value === 'boolean'
const isList = (value: unknown): value is unknown[] => Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype

/** Valid instants seen in this seed, each kept once (generated seeds repeat their dates a lot). */
class Instants {
  private readonly seen = new Map<string, string>()
  /** The instant (one shared string per value), or undefined when not one. */
  get(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined
    const known = this.seen.get(value)
    if (known !== undefined) return known
    if (parseInstant(value) === undefined) return undefined
    this.seen.set(value, value)
    return value
  }
}

/** The default when the key is absent (null is a value, and zod rejects it where it is not allowed). */
const or = (value: unknown, fallback: unknown): unknown => (value === undefined ? fallback : value)

/** Every element through `parse`, into a fresh array; undefined when one fails. */
function list<T>(value: unknown, parse: (item: unknown) => T | undefined): T[] | undefined {
  if (!isList(value)) return undefined
  const out: T[] = new Array(value.length)
  for (let i = 0; i < value.length; i++) {
    const item = parse(value[i])
    if (item === undefined) return undefined
    out[i] = item
  }
  return out
}

function fastParse(input: unknown): z.output<typeof seedSchema> | undefined {
  if (!strict(input, SEED_KEYS)) return undefined
  const instants = new Instants()
  const credentials = input.credentials === undefined ? [] : list(input.credentials, fastCredential)
  const products = input.products === undefined ? [] : list(input.products, fastProduct)
  const licenses = input.licenses === undefined ? [] : list(input.licenses, (item) => fastLicense(item, instants))
  const sso = input.sso === undefined ? [] : list(input.sso, fastSso)
  if (!credentials || !products || !licenses || !sso) return undefined
  return { credentials, products, licenses, sso }
}

function fastCredential(value: unknown): z.output<typeof credentialSchema> | undefined {
  if (!strict(value, CREDENTIAL_KEYS)) return undefined
  const { api_key, shared_key, revoked = false, read_only = false, products, bearer_token } = value
  if (!isText(api_key, 256) || !isText(shared_key, 256) || !isBool(revoked) || !isBool(read_only)) return undefined
  const out: Output<z.output<typeof credentialSchema>> = { api_key, shared_key, revoked, read_only }
  if (products !== undefined) {
    const codes = list(products, (code) => (isText(code, 256) ? code : undefined))
    if (!codes) return undefined
    out.products = codes
  }
  if (bearer_token !== undefined) {
    if (!isText(bearer_token, 4096)) return undefined
    out.bearer_token = bearer_token
  }
  return out
}

function fastProduct(value: unknown): z.output<typeof productSchema> | undefined {
  if (!strict(value, PRODUCT_KEYS)) return undefined
  const { short_code, name, authorization_method = 'license-key' } = value
  if (!isText(short_code, 256) || (name !== undefined && !isString(name, 256))) return undefined
  if (authorization_method !== 'license-key' && authorization_method !== 'user') return undefined
  const out: Output<z.output<typeof productSchema>> = { short_code } as z.output<typeof productSchema>
  if (name !== undefined) out.name = name
  out.authorization_method = authorization_method
  return out
}

function fastUser(value: unknown): UserSeed | undefined {
  if (!strict(value, USER_KEYS)) return undefined
  const { email, password, max_activations, allow_unlimited_activations = false, total_activations } = value
  if (!isText(email) || (password !== undefined && !isString(password, 1024))) return undefined
  if ((max_activations !== undefined && !isCount(max_activations)) || !isBool(allow_unlimited_activations)) return undefined
  if (total_activations !== undefined && !isCount(total_activations)) return undefined
  const out = { email } as Output<UserSeed>
  if (password !== undefined) out.password = password
  if (max_activations !== undefined) out.max_activations = max_activations
  out.allow_unlimited_activations = allow_unlimited_activations
  if (total_activations !== undefined) out.total_activations = total_activations
  return out
}

function fastDevice(value: unknown, instants: Instants): DeviceSeed | undefined {
  if (!strict(value, DEVICE_KEYS)) return undefined
  const { hardware_id, active = true, blacklisted = false, is_vm = false, user, floating_in_use, time_activated, time_deactivated, fault } = value
  if (!isText(hardware_id) || !isBool(active) || !isBool(blacklisted) || !isBool(is_vm)) return undefined
  const out = { hardware_id, active, blacklisted, is_vm } as Output<DeviceSeed>
  if (user !== undefined) {
    if (!isText(user)) return undefined
    out.user = user
  }
  if (floating_in_use !== undefined) {
    if (!isBool(floating_in_use)) return undefined
    out.floating_in_use = floating_in_use
  }
  if (time_activated !== undefined) {
    const instant = instants.get(time_activated)
    if (instant === undefined) return undefined
    out.time_activated = instant
  }
  if (time_deactivated !== undefined) {
    const instant = instants.get(time_deactivated)
    if (instant === undefined) return undefined
    out.time_deactivated = instant
  }
  if (fault !== undefined) {
    if (typeof fault !== 'string' || !FAULT_CODES.has(fault)) return undefined
    out.fault = fault as ErrorCode
  }
  return out
}

function fastLicense(value: unknown, instants: Instants): LicenseSeed | undefined {
  if (!strict(value, LICENSE_KEYS)) return undefined
  const v = value
  const out = {} as Output<LicenseSeed>
  if (v.id !== undefined) {
    if (!isInt(v.id) || v.id <= 0) return undefined
    out.id = v.id
  }
  if (!isText(v.product, 256)) return undefined
  out.product = v.product
  if (v.license_key !== undefined) {
    if (!isText(v.license_key)) return undefined
    out.license_key = v.license_key
  }
  const type = or(v.license_type, 'perpetual')
  if (typeof type !== 'string' || !LICENSE_TYPES.has(type)) return undefined
  out.license_type = type as LicenseSeed['license_type']
  const enabled = or(v.enabled, true)
  if (!isBool(enabled)) return undefined
  out.enabled = enabled
  const start = v.start_date === undefined || v.start_date === null ? null : instants.get(v.start_date)
  if (start === undefined) return undefined
  out.start_date = start
  const validity = v.validity_period === undefined || v.validity_period === null ? null : instants.get(v.validity_period)
  if (validity === undefined) return undefined
  out.validity_period = validity
  const maxActivations = or(v.max_activations, 1)
  if (!isCount(maxActivations)) return undefined
  out.max_activations = maxActivations
  const unlimitedActivations = or(v.allow_unlimited_activations, false)
  if (!isBool(unlimitedActivations)) return undefined
  out.allow_unlimited_activations = unlimitedActivations
  if (v.times_activated !== undefined) {
    if (!isCount(v.times_activated)) return undefined
    out.times_activated = v.times_activated
  }
  const preventVm = or(v.prevent_vm, false)
  if (!isBool(preventVm)) return undefined
  out.prevent_vm = preventVm
  const maxTransfers = or(v.max_transfers, 0)
  if (!isCount(maxTransfers)) return undefined
  out.max_transfers = maxTransfers
  const transferCount = or(v.transfer_count, 0)
  if (!isCount(transferCount)) return undefined
  out.transfer_count = transferCount
  const preventTransfers = or(v.prevent_transfers, false)
  if (!isBool(preventTransfers)) return undefined
  out.prevent_transfers = preventTransfers
  const floating = or(v.is_floating, false)
  if (!isBool(floating)) return undefined
  out.is_floating = floating
  const floatingCloud = or(v.is_floating_cloud, false)
  if (!isBool(floatingCloud)) return undefined
  out.is_floating_cloud = floatingCloud
  const floatingUsers = or(v.floating_users, 0)
  if (!isCount(floatingUsers)) return undefined
  out.floating_users = floatingUsers
  const maxConsumptions = or(v.max_consumptions, 0)
  if (!isCount(maxConsumptions)) return undefined
  out.max_consumptions = maxConsumptions
  const totalConsumptions = or(v.total_consumptions, 0)
  if (!isInt(totalConsumptions)) return undefined
  out.total_consumptions = totalConsumptions
  const unlimitedConsumptions = or(v.allow_unlimited_consumptions, false)
  if (!isBool(unlimitedConsumptions)) return undefined
  out.allow_unlimited_consumptions = unlimitedConsumptions
  const negativeConsumptions = or(v.allow_negative_consumptions, false)
  if (!isBool(negativeConsumptions)) return undefined
  out.allow_negative_consumptions = negativeConsumptions
  const overages = or(v.allow_overages, false)
  if (!isBool(overages)) return undefined
  out.allow_overages = overages
  const maxOverages = or(v.max_overages, 0)
  if (!isCount(maxOverages)) return undefined
  out.max_overages = maxOverages
  const users = v.users === undefined ? [] : list(v.users, fastUser)
  if (!users) return undefined
  out.users = users
  const devices = v.devices === undefined ? [] : list(v.devices, (item) => fastDevice(item, instants))
  if (!devices) return undefined
  out.devices = devices
  if (v.fault !== undefined) {
    if (typeof v.fault !== 'string' || !FAULT_CODES.has(v.fault)) return undefined
    out.fault = v.fault as ErrorCode
  }
  return out
}

function fastSso(value: unknown): z.output<typeof ssoSchema> | undefined {
  if (!strict(value, SSO_KEYS)) return undefined
  const { customer_account_code, id_token, code, user } = value
  if (!isText(customer_account_code) || !isText(user)) return undefined
  if (id_token === undefined && code === undefined) return undefined
  if ((id_token !== undefined && !isText(id_token, 8192)) || (code !== undefined && !isText(code, 8192))) return undefined
  const out = { customer_account_code } as Output<z.output<typeof ssoSchema>>
  if (id_token !== undefined) out.id_token = id_token
  if (code !== undefined) out.code = code
  out.user = user
  return out
}
