// The seed format (YAML or JSON): what a data set looks like, and its validation. An invalid
// seed becomes a list of issues naming the path inside the document and the reason.
//
// The zod schemas below are the one definition. Large seeds take a compiled path (seed-compiled.ts:
// ajv over the JSON Schema zod derives from them); zod itself reports the issues of an invalid one.
import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'
import { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from './errors.ts'
import { parseInstant } from './clock.ts'
import { duplicateKeyMessage, findDuplicate } from './json-keys.ts'
import { remember } from './remember.ts'
import { err, ok, type Result } from './result.ts'
import { compiledSeed } from './seed-compiled.ts'

const text = (max = 1024) => z.string().min(1).max(max)
const count = z.number().int().min(0)
/** `format: instant` is how the compiled path knows it (seed-compiled.ts). */
const instant = z
  .string()
  .refine((value) => parseInstant(value) !== undefined, 'must be an ISO 8601 date or date-time, e.g. 2030-01-01 or 2030-01-01T12:00:00Z')
  .meta({ format: 'instant' })
const faultCode = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]])
const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
/** `format: http-url` for the compiled path. */
const httpUrl = z.string().max(2048).refine(isHttpUrl, 'must be an http(s) URL').meta({ format: 'http-url' })

/** Seconds an issued OAuth access token is valid: Keycloak's default. */
export const DEFAULT_TOKEN_LIFETIME = 300

/** HMAC keys, OAuth client credentials, or both (one key of the tenant either way). */
export const credentialSchema = z
  .strictObject({
    api_key: text(256).optional(),
    shared_key: text(256).optional(),
    /** OAuth client credentials: the token endpoint issues Bearer tokens for them. */
    client_id: text(256).optional(),
    client_secret: text(256).optional(),
    /** Seconds the tokens issued to this client are valid (`expires_in`). */
    token_lifetime: z.number().int().min(1).max(86_400).optional(),
    revoked: z.boolean().default(false),
    read_only: z.boolean().default(false),
    products: z.array(text(256)).optional(),
    /** A fixed token accepted as `Authorization: Bearer <token>`, issued by no one. */
    bearer_token: text(4096).optional(),
  })
  .superRefine((credential, context) => {
    const pairs = [
      ['api_key', 'shared_key'],
      ['client_id', 'client_secret'],
    ] as const
    for (const [a, b] of pairs) {
      if (credential[a] !== undefined && credential[b] === undefined) context.addIssue({ code: 'custom', path: [b], message: `Required with ${a}` })
      if (credential[b] !== undefined && credential[a] === undefined) context.addIssue({ code: 'custom', path: [a], message: `Required with ${b}` })
    }
    if (credential.api_key === undefined && credential.shared_key === undefined && credential.client_id === undefined && credential.client_secret === undefined) {
      context.addIssue({ code: 'custom', path: [], message: 'needs api_key and shared_key (HMAC), or client_id and client_secret (OAuth), or both' })
    }
  })
  // The same rules for the compiled path, which does not run refinements.
  .meta({
    anyOf: [
      { required: ['api_key', 'shared_key', 'client_id', 'client_secret'] },
      { required: ['api_key', 'shared_key'], not: { anyOf: [{ required: ['client_id'] }, { required: ['client_secret'] }] } },
      { required: ['client_id', 'client_secret'], not: { anyOf: [{ required: ['api_key'] }, { required: ['shared_key'] }] } },
    ],
  })

const metadata = z.record(z.string(), z.unknown())
/** Minutes a floating slot is held without a check. */
const minutes = z.number().int().min(1).max(525_600)

/** A feature of a product (LicenseSpring's product features); licenses name the ones they carry. */
export const productFeatureSchema = z.strictObject({
  code: text(256),
  name: z.string().max(256).optional(),
  feature_type: z.enum(['activation', 'consumption']).default('activation'),
  max_consumption: count.default(0),
  allow_overages: z.boolean().default(false),
  max_overages: count.default(0),
  allow_unlimited_consumptions: z.boolean().default(false),
  allow_negative_consumptions: z.boolean().default(false),
  is_floating_cloud: z.boolean().default(false),
  /** Devices that may hold the feature at once (floating features); 0 = no limit. */
  floating_users: count.default(0),
  /** Default: the license's (or the product's) floating_timeout. */
  floating_timeout: minutes.optional(),
  expiry_date: instant.nullable().default(null),
  metadata: metadata.default({}),
})

/** A released version of a product, with its installation file. */
export const versionSchema = z.strictObject({
  version: text(256),
  release_date: instant.nullable().default(null),
  installation_file: z.string().max(4096).nullable().default(null),
  environment: z.string().max(256).nullable().default(null),
  channel: z.string().max(256).nullable().default(null),
  hash_md5: z.string().max(256).nullable().default(null),
  size: z.string().max(64).nullable().default(null),
  eula_link: z.string().max(4096).nullable().default(null),
  release_notes_link: z.string().max(4096).nullable().default(null),
  requires_version: z.string().max(256).nullable().default(null),
  enabled: z.boolean().default(true),
})

export const productSchema = z.strictObject({
  short_code: text(256),
  name: z.string().max(256).optional(),
  authorization_method: z.enum(['license-key', 'user']).default('license-key'),
  allow_trial: z.boolean().default(false),
  /** Days a trial license issued by trial_key lasts. */
  trial_days: z.number().int().min(1).max(36_500).default(14),
  /** Minutes a floating slot is held without a check (licenses and features may say otherwise). */
  floating_timeout: minutes.default(120),
  /** Hours a floating license may be borrowed for; 0 = borrowing not allowed. */
  max_borrow_time: count.default(0),
  prevent_vm: z.boolean().default(false),
  metadata: metadata.default({}),
  custom_fields: z.array(z.strictObject({ name: text(256), default_value: z.string().max(4096).default('') })).default([]),
  features: z.array(productFeatureSchema).default([]),
  versions: z.array(versionSchema).default([]),
  /** Answered `disabled_product` / `archived_product`. */
  disabled: z.boolean().default(false),
  archived: z.boolean().default(false),
  /** A bundle: the products it sells together (activate_bundle, check_bundle, deactivate_bundle). */
  bundle_products: z.array(text(256)).optional(),
})

/** A feature a license carries: its product feature's code, and what this license has otherwise. */
export const licenseFeatureSchema = z.strictObject({
  code: text(256),
  total_consumptions: z.number().int().default(0),
  max_consumption: count.optional(),
  allow_overages: z.boolean().optional(),
  max_overages: count.optional(),
  allow_unlimited_consumptions: z.boolean().optional(),
  allow_negative_consumptions: z.boolean().optional(),
  is_floating_cloud: z.boolean().optional(),
  floating_users: count.optional(),
  floating_timeout: minutes.optional(),
  expiry_date: instant.nullable().optional(),
  metadata: metadata.optional(),
})

export const customerSchema = z.strictObject({
  email: text(),
  first_name: z.string().max(256).optional(),
  last_name: z.string().max(256).optional(),
  company_name: z.string().max(256).optional(),
  phone: z.string().max(256).optional(),
  reference: z.string().max(256).optional(),
  address: z.string().max(1024).optional(),
  postcode: z.string().max(64).optional(),
  city: z.string().max(256).optional(),
  state: z.string().max(256).optional(),
  country: z.string().max(256).optional(),
  metadata: metadata.optional(),
})

/** A floating feature slot a device holds. */
export const featureSlotSchema = z.strictObject({
  code: text(256),
  /** When the slot was last taken or renewed by a feature check; absent = held until released. */
  last_check: instant.optional(),
  borrowed_until: instant.optional(),
})

export const userSchema = z.strictObject({
  email: text(),
  password: z.string().max(1024).optional(),
  max_activations: count.optional(),
  allow_unlimited_activations: z.boolean().default(false),
  /** Follows from the active devices of this user unless given. */
  total_activations: count.optional(),
  first_name: z.string().max(256).optional(),
  last_name: z.string().max(256).optional(),
  phone_number: z.string().max(256).optional(),
  /** The password is the one issued (change_password clears it). */
  is_initial_password: z.boolean().optional(),
  /** false: change_password answers change_password_not_allowed. */
  allow_password_change: z.boolean().optional(),
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
  /** Device variables (track_device_variables / get_device_variables). */
  variables: z.record(z.string().max(256), z.union([z.string().max(4096), z.number(), z.boolean()])).optional(),
  /** When the variables were last tracked. */
  variables_at: instant.optional(),
  /** Floating licenses: when the slot was last taken or renewed by a check; absent = held until released. */
  floating_last_check: instant.optional(),
  /** Floating licenses: the slot is held until then (floating/borrow). */
  borrowed_until: instant.optional(),
  floating_features: z.array(featureSlotSchema).optional(),
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
  /** Features of its product the license carries: a code, or the code with this license's own values. */
  features: z.array(z.union([text(256), licenseFeatureSchema])).optional(),
  /** Minutes and hours, when this license says otherwise than its product. */
  floating_timeout: minutes.optional(),
  max_borrow_time: count.optional(),
  customer: customerSchema.optional(),
  /** Values of the product's custom fields for this license (the product's defaults otherwise). */
  custom_fields: z.record(z.string().max(256), z.string().max(4096)).optional(),
  is_trial: z.boolean().optional(),
  /** The machine a trial license was issued to (trial_key): the same machine gets it back. */
  trial_hardware_id: text().optional(),
  /** A license of a bundle's product: the bundle license (a license of the bundle product) it belongs to. */
  bundle_license_id: z.number().int().positive().optional(),
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
  // The same rule for the compiled path, which does not run refinements.
  .meta({ anyOf: [{ required: ['id_token'] }, { required: ['code'] }] })

/** A customer account's SSO settings: where sso_url sends the user to log in. */
export const ssoAccountSchema = z.strictObject({
  customer_account_code: text(),
  /** The identity provider's authorization endpoint. */
  authorize_url: httpUrl,
  issuer: z.string().max(2048).optional(),
  token_endpoint: httpUrl.optional(),
})

export const seedSchema = z.strictObject({
  credentials: z.array(credentialSchema).default([]),
  products: z.array(productSchema).default([]),
  licenses: z.array(licenseSchema).default([]),
  sso: z.array(ssoSchema).default([]),
  sso_accounts: z.array(ssoAccountSchema).optional(),
})

/** A seed as written (defaults optional). */
export type SeedInput = z.input<typeof seedSchema>
/** A validated seed with every default filled and every license id assigned. */
export type Seed = Omit<z.output<typeof seedSchema>, 'licenses'> & { licenses: (LicenseSeed & { id: number })[] }
export type LicenseSeed = z.output<typeof licenseSchema>
export type DeviceSeed = z.output<typeof deviceSchema>
export type UserSeed = z.output<typeof userSchema>
export type ProductSeed = z.output<typeof productSchema>
export type ProductFeatureSeed = z.output<typeof productFeatureSchema>
export type LicenseFeatureSeed = z.output<typeof licenseFeatureSchema>
export type VersionSeed = z.output<typeof versionSchema>
export type CustomerSeed = z.output<typeof customerSchema>
export type FeatureSlotSeed = z.output<typeof featureSlotSchema>
export type SsoSeed = z.output<typeof ssoSchema>
export type SsoAccountSeed = z.output<typeof ssoAccountSchema>
export type CredentialSeed = z.output<typeof credentialSchema>

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

// Seeds repeat their dates: parsing each occurrence was 0.34 s of the 100 000-license bench seed's load.
const isInstant = remember(10_000, (value) => parseInstant(value) !== undefined)
// Made on first use: converting the schema for it took 12 ms of every start, small seeds included.
let fast: ((input: unknown) => z.output<typeof seedSchema> | undefined) | undefined
const compiled = () => (fast ??= compiledSeed<z.output<typeof seedSchema>>(seedSchema, { instant: isInstant, 'http-url': isHttpUrl }))

/**
 * Seeds of at least this many licenses take the compiled path. Compiling it costs about 150 ms
 * (the demo seed's validation: 13 ms with zod, 150 ms compiled, bench 1 000-license row), zod about
 * 20–28 µs a license: below a few thousand licenses zod is the quicker.
 */
export const COMPILED_FROM = 5_000

/** Whether a seed takes the compiled path by default: COMPILED_FROM licenses or more. */
export function isLargeSeed(input: unknown): boolean {
  const licenses = typeof input === 'object' && input !== null ? (input as { licenses?: unknown }).licenses : undefined
  return Array.isArray(licenses) && licenses.length >= COMPILED_FROM
}

/** `compiled` forces the path (tests compare both); by default it follows the seed's size. */
export function validateSeed(input: unknown, options: { compiled?: boolean } = {}): SeedResult {
  let data = (options.compiled ?? isLargeSeed(input)) ? compiled()(input) : undefined
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

/** One license (a record written through the in-process model), with its id. */
export function validateLicense(input: unknown): Result<LicenseSeed & { id: number }, SeedIssue[]> {
  const parsed = licenseSchema.safeParse(input)
  if (!parsed.success) return err(parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })))
  if (parsed.data.id === undefined) return err([{ path: 'id', message: 'required' }])
  return ok(parsed.data as LicenseSeed & { id: number })
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
  const products = new Map<string, ProductSeed>()
  seed.products.forEach((product, i) => {
    if (products.has(product.short_code)) add(`products[${i}].short_code`, `duplicate short_code "${product.short_code}"`)
    products.set(product.short_code, product)
    for (const issue of productIssues(product)) add(`products[${i}].${issue.path}`, issue.message)
  })
  const apiKeys = new Set<string>()
  const clientIds = new Set<string>()
  seed.credentials.forEach((credential, i) => {
    if (credential.api_key !== undefined) {
      if (apiKeys.has(credential.api_key)) add(`credentials[${i}].api_key`, `duplicate api_key "${credential.api_key}"`)
      apiKeys.add(credential.api_key)
    }
    if (credential.client_id !== undefined) {
      if (clientIds.has(credential.client_id)) add(`credentials[${i}].client_id`, `duplicate client_id "${credential.client_id}"`)
      clientIds.add(credential.client_id)
    }
    credential.products?.forEach((code, j) => {
      if (!products.has(code)) add(`credentials[${i}].products[${j}]`, `unknown product "${code}"`)
    })
  })
  const ids = new Set<number>()
  /** product → license keys seen */
  const keys = new Map<string, Set<string>>()
  const users = new Set<string>()
  // Plain loops and no per-license Set unless needed: this runs once per license of the seed.
  for (let i = 0; i < seed.licenses.length; i++) {
    const license = seed.licenses[i]
    if (ids.has(license.id)) add(`licenses[${i}].id`, `duplicate license id ${license.id}`)
    ids.add(license.id)
    if (license.license_key) {
      let seen = keys.get(license.product)
      if (!seen) keys.set(license.product, (seen = new Set()))
      if (seen.has(license.license_key)) add(`licenses[${i}].license_key`, `duplicate license_key "${license.license_key}" for product "${license.product}"`)
      seen.add(license.license_key)
    }
    for (const user of license.users) users.add(user.email.toLowerCase())
    for (const issue of licenseRecordIssues(license, products.get(license.product))) add(issue.path ? `licenses[${i}].${issue.path}` : `licenses[${i}]`, issue.message)
  }
  // Bundles: a bundle sells products that exist and are no bundles; a license in a bundle belongs
  // to a license of a bundle that sells its product.
  seed.products.forEach((product, i) =>
    product.bundle_products?.forEach((code, j) => {
      const member = products.get(code)
      if (!member) add(`products[${i}].bundle_products[${j}]`, `unknown product "${code}"`)
      else if (member.bundle_products) add(`products[${i}].bundle_products[${j}]`, `"${code}" is a bundle itself`)
    }),
  )
  const licensesById = new Map(seed.licenses.map((license) => [license.id, license]))
  seed.licenses.forEach((license, i) => {
    if (license.bundle_license_id === undefined) return
    const bundle = licensesById.get(license.bundle_license_id)
    const sells = bundle && products.get(bundle.product)?.bundle_products
    if (!bundle) add(`licenses[${i}].bundle_license_id`, `no license ${license.bundle_license_id}`)
    else if (!sells) add(`licenses[${i}].bundle_license_id`, `license ${bundle.id} is not of a bundle product`)
    else if (!sells.includes(license.product)) add(`licenses[${i}].bundle_license_id`, `bundle "${bundle.product}" does not sell product "${license.product}"`)
  })
  seed.sso.forEach((sso, i) => {
    if (!users.has(sso.user.toLowerCase())) add(`sso[${i}].user`, `"${sso.user}" is not a user of any license`)
  })
  return issues
}


const NO_EMAILS: ReadonlySet<string> = new Set()

/**
 * What the schema cannot say about one license, paths relative to it: its product's method asks
 * for a key or users, users are unique, one active row per hardware_id, a device's user is a user
 * of the license. `method` is the product's (undefined: no such product).
 */
export function licenseRecordIssues(
  license: Pick<LicenseSeed, 'product' | 'license_key' | 'users' | 'devices' | 'features'>,
  product: Pick<ProductSeed, 'authorization_method' | 'features'> | undefined,
): SeedIssue[] {
  const issues: SeedIssue[] = []
  const add = (path: string, message: string) => issues.push({ path, message })
  const method = product?.authorization_method
  if (!method) add('product', `unknown product "${license.product}" (declare it under products)`)
  if (method === 'license-key' && !license.license_key) add('license_key', `required: product "${license.product}" is key-based`)
  if (method === 'user' && license.users.length === 0) add('users', `required: product "${license.product}" is user-based`)
  let emails = NO_EMAILS
  if (license.users.length > 0) {
    const own = new Set<string>()
    license.users.forEach((user, j) => {
      const email = user.email.toLowerCase()
      if (own.has(email)) add(`users[${j}].email`, `duplicate user "${user.email}" on this license`)
      own.add(email)
    })
    emails = own
  }
  const devices = license.devices
  // A few devices are compared in place; many go through a Set.
  const active = devices.length > 16 ? new Set<string>() : undefined
  for (let j = 0; j < devices.length; j++) {
    const device = devices[j]
    if (device.active && (active ? active.has(device.hardware_id) : activeBefore(devices, j))) {
      add(`devices[${j}].hardware_id`, `two active devices with hardware_id "${device.hardware_id}"`)
    }
    if (device.active) active?.add(device.hardware_id)
    if (device.user && !emails.has(device.user.toLowerCase())) add(`devices[${j}].user`, `"${device.user}" is not a user of this license`)
  }
  const features = new Set<string>()
  license.features?.forEach((feature, j) => {
    const code = typeof feature === 'string' ? feature : feature.code
    if (features.has(code)) add(`features[${j}]`, `feature "${code}" twice on this license`)
    features.add(code)
    if (product && !product.features.some((candidate) => candidate.code === code)) add(`features[${j}]`, `"${code}" is not a feature of product "${license.product}"`)
  })
  devices.forEach((device, j) =>
    device.floating_features?.forEach((slot, k) => {
      if (!features.has(slot.code)) add(`devices[${j}].floating_features[${k}].code`, `"${slot.code}" is not a feature of this license`)
    }),
  )
  return issues
}

/** What the schema cannot say about one product: unique feature codes and versions. */
export function productIssues(product: ProductSeed): SeedIssue[] {
  const issues: SeedIssue[] = []
  const codes = new Set<string>()
  product.features.forEach((feature, j) => {
    if (codes.has(feature.code)) issues.push({ path: `features[${j}].code`, message: `duplicate feature code "${feature.code}"` })
    codes.add(feature.code)
  })
  const versions = new Set<string>()
  product.versions.forEach((version, j) => {
    const key = `${version.version}\n${version.environment ?? ''}\n${version.channel ?? ''}`
    if (versions.has(key)) issues.push({ path: `versions[${j}].version`, message: `version "${version.version}" twice for the same environment and channel` })
    versions.add(key)
  })
  return issues
}
