// The activation rules: the first failing check wins. Rows 13–20 are deactivation's (same codes,
// same order); A1–A4 are activation's own (docs/rules.md, "Activation").
// Pure and synchronous: request + state + time in, an error or the effect to apply out.
import { fail } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import { isFloating, slotHolders } from '../floating.ts'
import type { ActivationEffect, CredentialRecord, DeviceRecord, ProductRecord, Store, UserRecord } from '../store.ts'
import type { ActivateLicenseRequest } from '../types.ts'
import { POOL_RULE } from './floating.ts'
import { findLicense, SHARED_RULES as SHARED, transfersExhausted, type Identified, type Rule } from './shared.ts'

export interface ActivationFound extends Identified {
  body: ActivateLicenseRequest
  product: ProductRecord
  user?: UserRecord
  /** The device whose deactivation freed a seat not taken since, if any. */
  freed?: DeviceRecord
}

/**
 * A transfer: the license moves from a device that was deactivated to a different one (LicenseSpring:
 * counted when a license "is deactivated on a device and then activated on a different device").
 * So the activation takes the seat that deactivation freed, and no activation has taken it since.
 * Coming back to the device just deactivated is no transfer; nor is a second device next to an
 * active first one.
 */
const isTransfer = ({ freed, body }: ActivationFound) => freed !== undefined && freed.hardware_id !== body.hardware_id

/** A5: a floating license's new device takes a slot: a full pool refuses it (x-inferred). */
export const ACTIVATION_POOL_RULE: Rule<ActivationFound> = { ...POOL_RULE, row: 'A5' }

export const ACTIVATION_CHECKS: readonly Rule<ActivationFound>[] = [
  SHARED.licenseFault,
  SHARED[16],
  SHARED[17],
  SHARED.deviceFault,
  { row: 18, code: 'vm_not_allowed', check: ({ body, license }) => (body.is_vm && license.prevent_vm ? fail('vm_not_allowed') : undefined) },
  SHARED[19],
  SHARED[20],
  { row: 'A1', code: 'license_device_exists', check: ({ devices }) => (devices.some((device) => device.active) ? fail('license_device_exists') : undefined) },
  {
    row: 'A2',
    code: 'license_activated_max_times',
    check: ({ license }) =>
      !license.allow_unlimited_activations && license.times_activated >= license.max_activations ? fail('license_activated_max_times') : undefined,
  },
  {
    row: 'A3',
    code: 'license_user_activated_max_times',
    check: ({ user }) =>
      user && !user.allow_unlimited_activations && user.max_activations !== undefined && user.total_activations >= user.max_activations
        ? fail('license_user_activated_max_times')
        : undefined,
  },
  { row: 'A4', code: 'license_transferred_max_times', check: (found) => (isTransfer(found) && transfersExhausted(found.license) ? fail('license_transferred_max_times') : undefined) },
  ACTIVATION_POOL_RULE,
]

/** Rows 13–15, as for deactivation, and what the activation rules read. */
export function findActivation(body: ActivateLicenseRequest, credential: CredentialRecord, store: Store, now: Date): Result<ActivationFound> {
  const identified = findLicense(body, credential, store)
  if (!identified.ok) return identified
  const { license, user } = identified.value
  return ok({ body, license, user, product: store.product(body.product)!, devices: store.devices(license.id, body.hardware_id), freed: store.freedBy(license.id), now, store })
}

export function activationEffect(found: ActivationFound): ActivationEffect {
  const { body, license, user, devices, now } = found
  // Slots of other devices that expired are given back as this one takes its own.
  const live = isFloating(license) ? new Set(slotHolders(license, found.product, now)) : undefined
  const expired = live ? license.devices.filter((device) => device.floating_in_use && !live.has(device)) : []
  return { license, hardwareId: body.hardware_id, device: devices.at(-1), user, isVm: body.is_vm ?? false, transfer: isTransfer(found), at: now, expired }
}
