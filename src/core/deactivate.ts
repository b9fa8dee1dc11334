// The deactivation rules, rows 13–25 of the table in DESIGN: the first failing check wins.
// Pure and synchronous: request + state + time in, an error or the effect to apply out.
import { fail, type ErrorCode, type Failure } from './errors.ts'
import { checkStartDate, identify, isExpired, transfersExhausted } from './lookup.ts'
import type { CredentialRecord, DeactivationEffect, DeviceRecord, LicenseRecord, Store, UserRecord } from './store.ts'
import type { DeactivateLicenseRequest } from './types.ts'

export type Decision = Failure | { ok: true; effect: DeactivationEffect }

interface Found {
  body: DeactivateLicenseRequest
  license: LicenseRecord
  /** The license user acting (user-based and SSO), if any. */
  user?: UserRecord
  /** Every row of this license with the request's hardware_id. */
  devices: readonly DeviceRecord[]
  now: Date
  store: Store
}

type Check = { row: number | string; check: (found: Found) => Failure | undefined }

const active = (found: Found) => found.devices.find((device) => device.active)
const sticky = (code: ErrorCode | undefined) => (code ? fail(code) : undefined)

/** Checks once the license is identified, in table order. */
export const LICENSE_CHECKS: readonly Check[] = [
  { row: 'license fault', check: ({ license }) => sticky(license.fault) },
  { row: 16, check: ({ license }) => (license.enabled ? undefined : fail('license_not_enabled')) },
  { row: 17, check: ({ devices }) => (devices.some((device) => device.blacklisted) ? fail('blacklisted') : undefined) },
  { row: 'device fault', check: ({ devices }) => sticky(devices.find((device) => device.fault)?.fault) },
  {
    row: 18,
    check: (found) => {
      const vm = found.body.is_vm ?? active(found)?.is_vm ?? false
      return vm && found.license.prevent_vm ? fail('vm_not_allowed') : undefined
    },
  },
  { row: 19, check: ({ license, now }) => checkStartDate(license, now) },
  { row: 20, check: ({ license, now }) => (isExpired(license.validity_period, now) ? fail('license_expired') : undefined) },
  { row: 21, check: ({ license, store }) => (store.hasDevices(license.id) ? undefined : fail('license_not_active')) },
  { row: 22, check: (found) => (active(found) ? undefined : fail('device_not_found')) },
  { row: 23, check: ({ license }) => (transfersExhausted(license) ? fail('license_transferred_max_times') : undefined) },
  { row: 24, check: ({ license, body }) => checkConsumptions(license, body.consumptions ?? 0) },
]

export function decideDeactivation(body: DeactivateLicenseRequest, credential: CredentialRecord, store: Store, now: Date): Decision {
  // Row 13
  if (!store.product(body.product)) return fail('unknown_product')
  // Row 14
  if (credential.products && !credential.products.includes(body.product)) return fail('api_key_product_not_allowed')
  // Row 15
  const identified = identify(body, store)
  if (!identified) return fail('license_not_found')
  const found: Found = { body, ...identified, devices: store.devices(identified.license.id, body.hardware_id), now, store }
  for (const { check } of LICENSE_CHECKS) {
    const failure = check(found)
    if (failure) return failure
  }
  // Row 25: success. The activation is given back to the user who took it (the device's user),
  // else to the acting user.
  const device = active(found)!
  const user = (device.user ? store.user(found.license.id, device.user) : undefined) ?? found.user
  return { ok: true, effect: { license: found.license, device, user, consumptions: body.consumptions || undefined, at: now } }
}

/** Row 24, with add_consumption's limits: overages extend the maximum; max_overages 0 = unlimited. */
function checkConsumptions(license: LicenseRecord, consumptions: number): Failure | undefined {
  if (consumptions === 0) return undefined
  if (license.license_type !== 'consumption') return fail('license_not_consumption')
  const total = license.total_consumptions + consumptions
  if (total < 0 && !license.allow_negative_consumptions) return fail('license_not_enough_consumptions')
  if (license.allow_unlimited_consumptions || consumptions < 0) return undefined
  if (license.allow_overages && license.max_overages === 0) return undefined
  const limit = license.max_consumptions + (license.allow_overages ? license.max_overages : 0)
  return total > limit ? fail('license_not_enough_consumptions') : undefined
}
