// The deactivation rules, rows 13–25 of the rule table (docs/rules.md): the first failing check
// wins. Pure and synchronous: request + state + time in, an error or the effect to apply out.
import { fail, type Failure } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, DeactivationEffect, LicenseRecord, Store, UserRecord } from '../store.ts'
import type { DeactivateLicenseRequest } from '../types.ts'
import { findLicense, SHARED_RULES as SHARED, transfersExhausted, withinLimits, type Identified, type Limits, type Rule } from './shared.ts'

export interface DeactivationFound extends Identified {
  body: DeactivateLicenseRequest
  /** The license user acting (user-based and SSO), if any. */
  user?: UserRecord
}

const active = (found: DeactivationFound) => found.devices.find((device) => device.active)

/** Checks once the license is identified, in table order. */
export const LICENSE_CHECKS: readonly Rule<DeactivationFound>[] = [
  SHARED.licenseFault,
  SHARED[16],
  SHARED[17],
  SHARED.deviceFault,
  {
    row: 18,
    code: 'vm_not_allowed',
    check: (found) => {
      const vm = found.body.is_vm ?? active(found)?.is_vm ?? false
      return vm && found.license.prevent_vm ? fail('vm_not_allowed') : undefined
    },
  },
  SHARED[19],
  SHARED[20],
  SHARED[21],
  SHARED[22],
  { row: 23, code: 'license_transferred_max_times', check: ({ license }) => (transfersExhausted(license) ? fail('license_transferred_max_times') : undefined) },
  { row: 24, check: ({ license, body }) => checkConsumptions(license, body.consumptions ?? 0) },
]

/** Rows 13–15. */
export function findDeactivation(body: DeactivateLicenseRequest, credential: CredentialRecord, store: Store, now: Date): Result<DeactivationFound> {
  const identified = findLicense(body, credential, store)
  if (!identified.ok) return identified
  const { license, user } = identified.value
  return ok({ body, license, user, devices: store.devices(license.id, body.hardware_id), now, store })
}

/**
 * Row 25: success. The activation is given back to the user who took it (the device's user),
 * else to the acting user.
 */
export function deactivationEffect(found: DeactivationFound): DeactivationEffect {
  const device = active(found)!
  const user = (device.user ? found.store.user(found.license.id, device.user) : undefined) ?? found.user
  return { license: found.license, device, user, consumptions: found.body.consumptions || undefined, at: found.now }
}

/** Row 24, with add_consumption's limits (withinLimits). */
export function checkConsumptions(license: LicenseRecord, consumptions: number): Failure | undefined {
  if (consumptions === 0) return undefined
  if (license.license_type !== 'consumption') return fail('license_not_consumption')
  return withinLimits(licenseLimits(license), consumptions) ? undefined : fail('license_not_enough_consumptions')
}

export const licenseLimits = (license: LicenseRecord): Limits => ({
  total: license.total_consumptions,
  max: license.max_consumptions,
  allow_overages: license.allow_overages,
  max_overages: license.max_overages,
  allow_unlimited: license.allow_unlimited_consumptions,
  allow_negative: license.allow_negative_consumptions,
})
