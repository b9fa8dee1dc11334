// The check rules: rows 13–22 of deactivation's table, without the VM row (a check carries no
// is_vm). After a deactivation the device has no active row: `device_not_found`.
// Pure and synchronous, and a check changes nothing.
import type { Failure } from './errors.ts'
import { findLicense, SHARED_RULES as SHARED, type Identified, type Rule } from './lookup.ts'
import type { CredentialRecord, DeviceRecord, LicenseRecord, Store, UserRecord } from './store.ts'
import type { CheckLicenseQuery } from './types.ts'

export type CheckDecision = Failure | { ok: true; license: LicenseRecord; user?: UserRecord; device: DeviceRecord }

export const CHECK_CHECKS: readonly Rule<Identified>[] = [SHARED.licenseFault, SHARED[16], SHARED[17], SHARED.deviceFault, SHARED[19], SHARED[20], SHARED[21], SHARED[22]]

export function decideCheck(query: CheckLicenseQuery, credential: CredentialRecord, store: Store, now: Date): CheckDecision {
  const identified = findLicense(query, credential, store)
  if (!identified.ok) return identified
  const found: Identified = { license: identified.license, devices: store.devices(identified.license.id, query.hardware_id), now, store }
  for (const { check } of CHECK_CHECKS) {
    const failure = check(found)
    if (failure) return failure
  }
  return { ok: true, license: identified.license, user: identified.user, device: found.devices.find((device) => device.active)! }
}
