// The seed format (YAML or JSON): what a data set looks like, and its validation. An invalid
// seed becomes a list of issues naming the path inside the document and the reason.
import { parseDocument } from 'yaml'
import { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from './errors.ts'
import { parseInstant } from './clock.ts'
import { findDuplicateKey } from './json-keys.ts'

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
      const duplicate = findDuplicateKey(source)
      return duplicate === undefined ? validateSeed(data) : { ok: false, issues: [{ path: '', message: `Map keys must be unique: "${duplicate}" appears twice in one object` }] }
    }
  }
  const doc = parseDocument(source, { uniqueKeys: true })
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
  const parsed = seedSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) }
  }
  const seed = assignIds(parsed.data)
  const issues = crossCheck(seed)
  return issues.length > 0 ? { ok: false, issues } : { ok: true, seed }
}

function assignIds(data: z.output<typeof seedSchema>): Seed {
  let next = Math.max(1000, ...data.licenses.map((license) => license.id ?? 0)) + 1
  return { ...data, licenses: data.licenses.map((license) => ({ ...license, id: license.id ?? next++ })) }
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
  const keys = new Set<string>()
  const users = new Set<string>()
  seed.licenses.forEach((license, i) => {
    const at = `licenses[${i}]`
    if (ids.has(license.id)) add(`${at}.id`, `duplicate license id ${license.id}`)
    ids.add(license.id)
    const method = products.get(license.product)
    if (!method) add(`${at}.product`, `unknown product "${license.product}" (declare it under products)`)
    if (method === 'license-key' && !license.license_key) add(`${at}.license_key`, `required: product "${license.product}" is key-based`)
    if (method === 'user' && license.users.length === 0) add(`${at}.users`, `required: product "${license.product}" is user-based`)
    if (license.license_key) {
      const key = `${license.product}\u0000${license.license_key}`
      if (keys.has(key)) add(`${at}.license_key`, `duplicate license_key "${license.license_key}" for product "${license.product}"`)
      keys.add(key)
    }
    const emails = new Set<string>()
    license.users.forEach((user, j) => {
      const email = user.email.toLowerCase()
      if (emails.has(email)) add(`${at}.users[${j}].email`, `duplicate user "${user.email}" on this license`)
      emails.add(email)
      users.add(email)
    })
    const active = new Set<string>()
    license.devices.forEach((device, j) => {
      if (device.active && active.has(device.hardware_id)) add(`${at}.devices[${j}].hardware_id`, `two active devices with hardware_id "${device.hardware_id}"`)
      if (device.active) active.add(device.hardware_id)
      if (device.user && !emails.has(device.user.toLowerCase())) add(`${at}.devices[${j}].user`, `"${device.user}" is not a user of this license`)
    })
  })
  seed.sso.forEach((sso, i) => {
    if (!users.has(sso.user.toLowerCase())) add(`sso[${i}].user`, `"${sso.user}" is not a user of any license`)
  })
  return issues
}
