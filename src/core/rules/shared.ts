// What the rule tables share: finding the license a request names (rows 13–15 of the rule table
// in docs/rules.md), reading license dates, and the rows every license endpoint lists.
import { parseInstant } from '../clock.ts'
import { fail, type ErrorCode, type Failure } from '../errors.ts'
import { remember } from '../remember.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, DeviceRecord, LicenseRecord, ProductRecord, Store, UserRecord } from '../store.ts'

/** The identity fields of a request, whichever endpoint it came to. */
export interface Identity {
  product: string
  license_key?: string
  username?: string
  password?: string
  id_token?: string
  code?: string
  customer_account_code?: string
  license_id?: number
}

/** Rows 13–15: the product exists, the API key may use it, and a license of it answers to the identity. */
export function findLicense(body: Identity, credential: CredentialRecord, store: Store): Result<{ license: LicenseRecord; user?: UserRecord }> {
  const product = findProduct(body.product, credential, store)
  if (!product.ok) return product
  const identified = identify(body, store)
  return identified ? ok(identified) : fail('license_not_found')
}

/** Rows 13–14: the product exists (and is neither disabled nor archived) and the API key may use it. */
export function findProduct(shortCode: string, credential: CredentialRecord, store: Store): Result<ProductRecord> {
  const product = store.product(shortCode)
  if (!product) return fail('unknown_product')
  if (product.disabled) return fail('disabled_product')
  if (product.archived) return fail('archived_product')
  if (credential.products && !credential.products.includes(shortCode)) return fail('api_key_product_not_allowed')
  return ok(product)
}

/** The first failing rule of a table, in order; undefined when all pass. */
export function firstFailure<F>(rules: readonly Rule<F>[], found: F): Failure | undefined {
  for (const { check } of rules) {
    const failure = check(found)
    if (failure) return failure
  }
  return undefined
}

/** Row 15: the license of this product for the key, the user or the SSO identity (and license_id). */
export function identify(body: Identity, store: Store): { license: LicenseRecord; user?: UserRecord } | undefined {
  const product = store.product(body.product)!
  if (product.authorization_method === 'license-key') {
    const license = store.licenseByKey(body.product, body.license_key!)
    return license && (body.license_id === undefined || license.id === body.license_id) ? { license } : undefined
  }
  const email = body.username ?? store.ssoUser(body.customer_account_code!, { id_token: body.id_token, code: body.code })
  if (email === undefined) return undefined
  const licenses = store.licensesOfUser(body.product, email)
  // Without license_id, the most recently created license (documented for activation).
  const license = body.license_id === undefined ? licenses.at(-1) : licenses.find((candidate) => candidate.id === body.license_id)
  if (!license) return undefined
  const user = store.user(license.id, email)!
  // A wrong password reads as "no such license user": the real code is undocumented.
  if (body.password !== undefined && user.password !== undefined && body.password !== user.password) return undefined
  return { license, user }
}

/** License dates parsed once: seeds repeat them, and they are read on every request. */
const parsedInstant = remember(10_000, (text) => parseInstant(text) ?? null)
export const instant = (text: string): Date | undefined => parsedInstant(text) ?? undefined

/** Row 19. */
export function checkStartDate(license: LicenseRecord, now: Date): Failure | undefined {
  const start = license.start_date ? instant(license.start_date) : undefined
  return start && start > now ? fail('license_start_date_error', { date: start.toISOString().slice(0, 10) }) : undefined
}

/** Row 20. A date-only validity_period is valid through the end of that day (UTC). */
export function isExpired(validityPeriod: string | null, now: Date): boolean {
  const end = validityPeriod ? instant(validityPeriod) : undefined
  if (!end) return false
  const last = validityPeriod!.length === 10 ? end.getTime() + 86_400_000 : end.getTime()
  return now.getTime() >= last
}

/** Transfers are used up: prevented outright, or `max_transfers` (> 0; 0 = no limit) reached. */
export function transfersExhausted(license: LicenseRecord): boolean {
  return license.prevent_transfers || (license.max_transfers > 0 && license.transfer_count >= license.max_transfers)
}

/** What every rule table reads once the license is identified. */
export interface Identified {
  license: LicenseRecord
  /** Every row of this license with the request's hardware_id. */
  devices: readonly DeviceRecord[]
  now: Date
  store: Store
}

/** A row of a rule table: its number (or name), the code it answers (none for sticky faults: theirs), the check. */
export interface Rule<F> {
  row: number | string
  code?: ErrorCode
  check: (found: F) => Failure | undefined
}

const sticky = (code: ErrorCode | undefined) => (code ? fail(code) : undefined)
const isActive = (device: DeviceRecord) => device.active

/** The rows the license endpoints share, by their number in the rule table (docs/rules.md). */
export const SHARED_RULES = {
  licenseFault: { row: 'license fault', check: ({ license }) => sticky(license.fault) },
  16: { row: 16, code: 'license_not_enabled', check: ({ license }) => (license.enabled ? undefined : fail('license_not_enabled')) },
  17: { row: 17, code: 'blacklisted', check: ({ devices }) => (devices.some((device) => device.blacklisted) ? fail('blacklisted') : undefined) },
  deviceFault: { row: 'device fault', check: ({ devices }) => sticky(devices.find((device) => device.fault)?.fault) },
  19: { row: 19, code: 'license_start_date_error', check: ({ license, now }) => checkStartDate(license, now) },
  20: { row: 20, code: 'license_expired', check: ({ license, now }) => (isExpired(license.validity_period, now) ? fail('license_expired') : undefined) },
  21: { row: 21, code: 'license_not_active', check: ({ license, store }) => (store.hasDevices(license.id) ? undefined : fail('license_not_active')) },
  22: { row: 22, code: 'device_not_found', check: ({ devices }) => (devices.some(isActive) ? undefined : fail('device_not_found')) },
} satisfies Record<string, Rule<Identified>>

/** What the rules of an endpoint acting on a device of a license read. */
export interface DeviceFound<R> extends Identified {
  request: R
  product: ProductRecord
  /** The license user acting (user-based and SSO), if any. */
  user?: UserRecord
}

/** Rows 13–15, and the device rows of the request's hardware_id. */
export function findDevice<R extends Identity & { hardware_id: string }>(request: R, credential: CredentialRecord, store: Store, now: Date): Result<DeviceFound<R>> {
  const identified = findLicense(request, credential, store)
  if (!identified.ok) return identified
  const { license, user } = identified.value
  return ok({ request, license, user, product: store.product(request.product)!, devices: store.devices(license.id, request.hardware_id), now, store })
}

/** The rows every endpoint acting on an active device lists: a check's. */
export const DEVICE_RULES = [
  SHARED_RULES.licenseFault,
  SHARED_RULES[16],
  SHARED_RULES[17],
  SHARED_RULES.deviceFault,
  SHARED_RULES[19],
  SHARED_RULES[20],
  SHARED_RULES[21],
  SHARED_RULES[22],
] as const satisfies readonly Rule<Identified>[]

/** The active row of the device (the rules have made sure there is one). */
export const activeRow = (found: Identified): DeviceRecord => found.devices.find((device) => device.active)!

/** A consumption counter and its limits. */
export interface Limits {
  total: number
  max: number
  allow_overages: boolean
  max_overages: number
  allow_unlimited: boolean
  allow_negative: boolean
}

/**
 * add_consumption's limits: overages extend the maximum (max_overages 0 = unlimited overages),
 * unlimited has none, and the total goes below zero only with allow_negative.
 */
export function withinLimits(limits: Limits, consumptions: number): boolean {
  const total = limits.total + consumptions
  if (total < 0 && !limits.allow_negative) return false
  if (limits.allow_unlimited || consumptions < 0) return true
  if (limits.allow_overages && limits.max_overages === 0) return true
  return total <= limits.max + (limits.allow_overages ? limits.max_overages : 0)
}
