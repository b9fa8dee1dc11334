// Floating slots: licenses (release, borrow) and features (check, release, borrow).
import type { ProductRecord } from '../store.ts'
import { featureView, deviceId, COMPANY } from '../views.ts'
import { maxBorrowTime, isFloating } from '../floating.ts'
import { findFeature, type FeatureRequest } from '../rules/consumption.ts'
import {
  BORROW_CHECKS,
  borrowUntil,
  FEATURE_BORROW_CHECKS,
  FEATURE_CHECK_CHECKS,
  FEATURE_RELEASE_CHECKS,
  featureSlotEffect,
  holdSlot,
  releaseSlot,
  type BorrowRequest,
} from '../rules/floating.ts'
import { activeRow, DEVICE_RULES, findDevice, type Identified, type Identity } from '../rules/shared.ts'
import { defineEndpoint } from './define.ts'

type DeviceRequest = Identity & { hardware_id: string }

export const floatingRelease = defineEndpoint({
  name: 'floating/release',
  family: 'floating',
  operationId: 'floatingRelease',
  mutates: true,
  signing: 'none',
  success: 'floating_released',
  empty: true,
  example: '',
  request: { identity: { sso: true } },
  find: (body: DeviceRequest, { credential, store, now }) => findDevice(body, credential, store, now),
  rules: DEVICE_RULES,
  // A license that is not floating holds no slot: nothing to release (x-inferred).
  apply: (found, { store }) => (isFloating(found.license) ? store.applySlot(releaseSlot(found)) : undefined),
  changes: (found) => isFloating(found.license),
})

export const floatingBorrow = defineEndpoint({
  name: 'floating/borrow',
  family: 'floating',
  operationId: 'floatingBorrow',
  mutates: true,
  signing: 'v2',
  success: 'floating_borrowed',
  request: { identity: { password: false, sso: true } },
  find: (body: BorrowRequest, { credential, store, now }) => findDevice(body, credential, store, now),
  rules: BORROW_CHECKS,
  apply: (found, { store }) => {
    const until = borrowUntil(found.request.borrowed_until, maxBorrowTime(found.license, found.product), found.now) as string
    store.applySlot(holdSlot(found, 'borrow', until))
    return until
  },
  answer: borrowAnswer,
})

export const checkLicenseFeature = defineEndpoint({
  name: 'check_license_feature',
  family: 'features',
  operationId: 'checkLicenseFeature',
  // A check reads; for a floating feature it also takes or renews the device's slot.
  mutates: false,
  signing: 'v2',
  success: 'feature_checked',
  request: { identity: {} },
  find: (query: FeatureRequest & { include_metadata_string?: boolean }, { credential, store, now }) => findFeature(query, credential, store, now),
  rules: FEATURE_CHECK_CHECKS,
  apply: (found, { store }) => (found.feature!.is_floating_cloud ? store.applyFeatureSlot(featureSlotEffect(found, 'hold')) : undefined),
  changes: (found) => found.feature!.is_floating_cloud,
  answer: (found) => {
    const view = featureView(found.license, found.feature!, found.now)
    return found.request.include_metadata_string ? { ...view, metadata_string: JSON.stringify(view.metadata) } : view
  },
})

export const floatingFeatureRelease = defineEndpoint({
  name: 'floating/feature_release',
  family: 'floating',
  operationId: 'floatingFeatureRelease',
  mutates: true,
  signing: 'none',
  success: 'feature_released',
  empty: true,
  example: '',
  request: { identity: { sso: true } },
  find: (body: FeatureRequest, { credential, store, now }) => findFeature(body, credential, store, now),
  rules: FEATURE_RELEASE_CHECKS,
  apply: (found, { store }) => store.applyFeatureSlot(featureSlotEffect(found, 'release')),
})

export const floatingFeatureBorrow = defineEndpoint({
  name: 'floating/feature_borrow',
  family: 'floating',
  operationId: 'floatingFeatureBorrow',
  mutates: true,
  signing: 'v2',
  success: 'feature_borrowed',
  request: { identity: { sso: true } },
  find: (body: FeatureRequest & { borrowed_until?: string | null }, { credential, store, now }) => findFeature(body, credential, store, now),
  rules: FEATURE_BORROW_CHECKS,
  apply: (found, { store }) => {
    const until = borrowUntil(found.request.borrowed_until, maxBorrowTime(found.license, found.product), found.now) as string
    store.applyFeatureSlot(featureSlotEffect(found, 'borrow', until))
    return until
  },
  answer: borrowAnswer,
})

/** What both borrows answer: the slot's end and the device's ids. */
function borrowAnswer(found: Identified & { product: ProductRecord }, until: string) {
  return {
    borrowed_until: until,
    max_borrow_time: maxBorrowTime(found.license, found.product),
    device_id: deviceId(found.license, activeRow(found).hardware_id),
    license_id: found.license.id,
    company: COMPANY,
  }
}
