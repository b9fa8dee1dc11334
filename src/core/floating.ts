// Floating slots: a floating cloud license (or floating feature) lets `floating_users` devices
// hold it at once (0 = no limit). A device holds a slot from the check that took it until it is
// released, deactivated, or goes `floating_timeout` minutes of mock time without a check — unless
// it is borrowed until a later date. Expiry is read at the moment of each request, not by a timer:
// an expired slot is free for the next device that asks, and is cleared then. An on-premise
// floating license (`is_floating`) is served by LicenseSpring's floating server, not the License
// API: here its activated devices simply hold their slots.
import { instant } from './rules/shared.ts'
import type { DeviceRecord, FeatureSlotRecord, LicenseRecord, ProductRecord } from './store.ts'

/** Slots taken by checks, renewed, borrowed and released through the License API. */
export const isFloating = (license: LicenseRecord): boolean => license.is_floating_cloud

/** Minutes a slot is held without a check, for the license. */
export const floatingTimeout = (license: LicenseRecord, product: ProductRecord): number => license.floating_timeout ?? product.floating_timeout

/** Hours the license may be borrowed for (0: not at all). */
export const maxBorrowTime = (license: LicenseRecord, product: ProductRecord): number => license.max_borrow_time ?? product.max_borrow_time

const ms = (text: string | undefined) => (text === undefined ? undefined : instant(text)?.getTime())

/** A slot taken at `lastCheck` (absent: held until released) and maybe borrowed, still held at `now`. */
export function held(slot: { last_check?: string; borrowed_until?: string }, timeoutMinutes: number, now: Date): boolean {
  const borrowed = ms(slot.borrowed_until)
  if (borrowed !== undefined && borrowed > now.getTime()) return true
  const last = ms(slot.last_check)
  return last === undefined || last + timeoutMinutes * 60_000 > now.getTime()
}

/** Whether this active device holds a slot of the license at `now`. */
export function holdsSlot(device: DeviceRecord, timeoutMinutes: number, now: Date): boolean {
  return device.active && device.floating_in_use && held({ last_check: device.floating_last_check, borrowed_until: device.borrowed_until }, timeoutMinutes, now)
}

/** The devices holding a slot of the license at `now`. */
export function slotHolders(license: LicenseRecord, product: ProductRecord, now: Date): DeviceRecord[] {
  if (!license.is_floating_cloud) return license.devices.filter((device) => device.active && device.floating_in_use)
  const timeout = floatingTimeout(license, product)
  return license.devices.filter((device) => holdsSlot(device, timeout, now))
}

/** The pool is full for this device: it holds no slot, and `floating_users` others do (0 = no limit). */
export function poolFull(license: LicenseRecord, product: ProductRecord, device: DeviceRecord | undefined, now: Date): boolean {
  if (license.floating_users === 0) return false
  const holders = slotHolders(license, product, now)
  return !(device !== undefined && holders.includes(device)) && holders.length >= license.floating_users
}

/** The slot this device holds of a feature (taken, maybe expired), if any. */
export const featureSlot = (device: DeviceRecord, code: string): FeatureSlotRecord | undefined => device.floating_features?.find((slot) => slot.code === code)

/** The active devices holding a slot of the feature at `now`. */
export function featureHolders(license: LicenseRecord, code: string, timeoutMinutes: number, now: Date): DeviceRecord[] {
  return license.devices.filter((device) => {
    const slot = device.active ? featureSlot(device, code) : undefined
    return slot !== undefined && held(slot, timeoutMinutes, now)
  })
}
