// Floating slots (floating.ts) as rules: a check of a floating license, floating/borrow and
// floating/release; and the same for floating features (check_license_feature,
// floating/feature_borrow, floating/feature_release). Pure: the store applies the slot effects.
import { fail, type Failure } from '../errors.ts'
import { featureHolders, featureSlot, held, isFloating, maxBorrowTime, poolFull, slotHolders } from '../floating.ts'
import { parseInstant } from '../clock.ts'
import type { FeatureSlotEffect, SlotEffect } from '../store.ts'
import { FEATURE_RULES, type FeatureFound, type FeatureRequest } from './consumption.ts'
import { activeRow, DEVICE_RULES, type DeviceFound, type Identified, type Identity, type Rule } from './shared.ts'

export interface BorrowRequest extends Identity {
  hardware_id: string
  borrowed_until?: string | null
}

type Found = Identified & { product: DeviceFound<unknown>['product'] }

/** A check or an activation of a floating license needs a free slot, or the one the device holds. */
export const POOL_RULE = {
  row: 'P1',
  code: 'floating_not_available',
  check: ({ license, product, devices, now }: Found) => {
    if (!isFloating(license)) return undefined
    const device = devices.find((row) => row.active)
    return poolFull(license, product, device, now) ? fail('floating_not_available') : undefined
  },
} as const satisfies Rule<Found>

/** The slot effect of a check or a borrow: this device holds it; others whose slots expired give them back. */
export function holdSlot(found: Found, action: 'hold' | 'borrow', until?: string): SlotEffect {
  const device = activeRow(found)
  const live = new Set(slotHolders(found.license, found.product, found.now))
  const expired = found.license.devices.filter((row) => row.floating_in_use && row !== device && !live.has(row))
  return { license: found.license, device, action, at: found.now, until, expired }
}

export const releaseSlot = (found: Found): SlotEffect => ({ license: found.license, device: activeRow(found), action: 'release', at: found.now, expired: [] })

/**
 * The instant a borrow lasts until: the one asked (ISO 8601), or now + the maximum; a failure when
 * it is not a date, not after now, or past the maximum (0 hours: borrowing is not allowed).
 */
export function borrowUntil(asked: string | null | undefined, maxHours: number, now: Date): Failure | string {
  const latestMs = now.getTime() + maxHours * 3_600_000
  if (maxHours <= 0) return fail('borrow_until_not_valid')
  if (asked === undefined || asked === null) return new Date(latestMs).toISOString()
  const until = parseInstant(asked)
  if (!until || until.getTime() <= now.getTime() || until.getTime() > latestMs) return fail('borrow_until_not_valid')
  return until.toISOString()
}

export type BorrowFound = DeviceFound<BorrowRequest>

export const BORROW_CHECKS: readonly Rule<BorrowFound>[] = [
  ...DEVICE_RULES,
  { row: 'B1', code: 'license_not_floating', check: ({ license }) => (isFloating(license) ? undefined : fail('license_not_floating')) },
  {
    row: 'B2',
    code: 'borrow_until_not_valid',
    check: ({ request, license, product, now }) => {
      const until = borrowUntil(request.borrowed_until, maxBorrowTime(license, product), now)
      return typeof until === 'string' ? undefined : until
    },
  },
  POOL_RULE,
]

/** A floating feature's pool is full for this device. */
export const FEATURE_POOL_RULE = {
  row: 'F5',
  code: 'floating_not_available',
  check: ({ feature, license, devices, now }: FeatureFound) => {
    if (!feature!.is_floating_cloud || feature!.floating_users === 0) return undefined
    const device = devices.find((row) => row.active)
    const holders = featureHolders(license, feature!.code, feature!.floating_timeout, now)
    return !(device !== undefined && holders.includes(device)) && holders.length >= feature!.floating_users ? fail('floating_not_available') : undefined
  },
} as const satisfies Rule<FeatureFound>

export const FEATURE_CHECK_CHECKS: readonly Rule<FeatureFound>[] = [...DEVICE_RULES, ...FEATURE_RULES, FEATURE_POOL_RULE]

const NOT_FLOATING = { row: 'F6', code: 'feature_not_floating', check: ({ feature }: FeatureFound) => (feature!.is_floating_cloud ? undefined : fail('feature_not_floating')) } as const

export const FEATURE_RELEASE_CHECKS: readonly Rule<FeatureFound>[] = [
  ...DEVICE_RULES,
  ...FEATURE_RULES,
  NOT_FLOATING,
  {
    row: 'F7',
    code: 'floating_feature_device_not_in_use',
    check: (found) => {
      const slot = featureSlot(activeRow(found), found.feature!.code)
      return slot && held(slot, found.feature!.floating_timeout, found.now) ? undefined : fail('floating_feature_device_not_in_use')
    },
  },
]

export const FEATURE_BORROW_CHECKS: readonly Rule<FeatureFound<FeatureRequest & { borrowed_until?: string | null }>>[] = [
  ...DEVICE_RULES,
  ...FEATURE_RULES,
  NOT_FLOATING,
  {
    row: 'F8',
    code: 'borrow_until_not_valid',
    check: ({ request, license, product, now }) => {
      const until = borrowUntil(request.borrowed_until, maxBorrowTime(license, product), now)
      return typeof until === 'string' ? undefined : until
    },
  },
  FEATURE_POOL_RULE,
]

/** The feature slot effect: hold (a check), borrow, or release; expired slots of others cleared. */
export function featureSlotEffect(found: FeatureFound, action: FeatureSlotEffect['action'], until?: string): FeatureSlotEffect {
  const feature = found.feature!
  const device = activeRow(found)
  const live = new Set(featureHolders(found.license, feature.code, feature.floating_timeout, found.now))
  const expired = action === 'release' ? [] : found.license.devices.filter((row) => row !== device && featureSlot(row, feature.code) !== undefined && !live.has(row))
  return { license: found.license, device, code: feature.code, action, at: found.now, until, expired }
}
