// The check rules: rows 13–22 of deactivation's table, without the VM row (a check carries no
// is_vm). After a deactivation the device has no active row: `device_not_found`.
// Pure and synchronous, and a check changes nothing.
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, DeviceRecord, ProductRecord, Store, UserRecord } from '../store.ts'
import type { CheckLicenseQuery } from '../types.ts'
import { POOL_RULE } from './floating.ts'
import { DEVICE_RULES, findLicense, type Identified, type Rule } from './shared.ts'

export interface CheckFound extends Identified {
  query: CheckLicenseQuery
  product: ProductRecord
  user?: UserRecord
}

/** A check of a floating license also needs a slot: the one it holds, or a free one (P1). */
export const CHECK_CHECKS: readonly Rule<CheckFound>[] = [...DEVICE_RULES, POOL_RULE]

export function findCheck(query: CheckLicenseQuery, credential: CredentialRecord, store: Store, now: Date): Result<CheckFound> {
  const identified = findLicense(query, credential, store)
  if (!identified.ok) return identified
  const { license, user } = identified.value
  return ok({ query, license, user, product: store.product(query.product)!, devices: store.devices(license.id, query.hardware_id), now, store })
}

/** The active row of the device (the rules have made sure there is one). */
export const activeDevice = (found: Identified): DeviceRecord => found.devices.find((device) => device.active)!
