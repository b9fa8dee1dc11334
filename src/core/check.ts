// The check rules: rows 13–22 of deactivation's table, without the VM row (a check carries no
// is_vm). After a deactivation the device has no active row: `device_not_found`.
// Pure and synchronous, and a check changes nothing.
import { fail, type ErrorCode, type Failure } from './errors.ts'
import { checkStartDate, identify, isExpired } from './lookup.ts'
import type { CredentialRecord, DeviceRecord, LicenseRecord, Store, UserRecord } from './store.ts'
import type { CheckLicenseQuery } from './types.ts'

export type CheckDecision = Failure | { ok: true; license: LicenseRecord; user?: UserRecord; device: DeviceRecord }

interface Found {
  license: LicenseRecord
  devices: readonly DeviceRecord[]
  now: Date
  store: Store
}

const sticky = (code: ErrorCode | undefined) => (code ? fail(code) : undefined)

/** Rows: number (or name), the code answered (none for sticky faults: theirs), the check. */
export const CHECK_CHECKS: readonly { row: number | string; code?: ErrorCode; check: (found: Found) => Failure | undefined }[] = [
  { row: 'license fault', check: ({ license }) => sticky(license.fault) },
  { row: 16, code: 'license_not_enabled', check: ({ license }) => (license.enabled ? undefined : fail('license_not_enabled')) },
  { row: 17, code: 'blacklisted', check: ({ devices }) => (devices.some((device) => device.blacklisted) ? fail('blacklisted') : undefined) },
  { row: 'device fault', check: ({ devices }) => sticky(devices.find((device) => device.fault)?.fault) },
  { row: 19, code: 'license_start_date_error', check: ({ license, now }) => checkStartDate(license, now) },
  { row: 20, code: 'license_expired', check: ({ license, now }) => (isExpired(license.validity_period, now) ? fail('license_expired') : undefined) },
  { row: 21, code: 'license_not_active', check: ({ license, store }) => (store.hasDevices(license.id) ? undefined : fail('license_not_active')) },
  { row: 22, code: 'device_not_found', check: ({ devices }) => (devices.some((device) => device.active) ? undefined : fail('device_not_found')) },
]

export function decideCheck(query: CheckLicenseQuery, credential: CredentialRecord, store: Store, now: Date): CheckDecision {
  if (!store.product(query.product)) return fail('unknown_product')
  if (credential.products && !credential.products.includes(query.product)) return fail('api_key_product_not_allowed')
  const identified = identify(query, store)
  if (!identified) return fail('license_not_found')
  const found: Found = { license: identified.license, devices: store.devices(identified.license.id, query.hardware_id), now, store }
  for (const { check } of CHECK_CHECKS) {
    const failure = check(found)
    if (failure) return failure
  }
  return { ok: true, license: identified.license, user: identified.user, device: found.devices.find((device) => device.active)! }
}
