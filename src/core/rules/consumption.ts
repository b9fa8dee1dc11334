// add_consumption and add_feature_consumption: an active device's license (or license feature)
// counts consumptions within its limits. Pure: the effect is applied by the store.
import { fail } from '../errors.ts'
import { licenseFeature, type Feature } from '../features.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, Store } from '../store.ts'
import { licenseLimits } from './deactivation.ts'
import { DEVICE_RULES, findDevice, withinLimits, type DeviceFound, type Identity, type Rule } from './shared.ts'

export interface ConsumptionRequest extends Identity {
  hardware_id: string
  consumptions?: number
  allow_overages?: boolean
  max_overages?: number
}

export interface FeatureRequest extends Identity {
  hardware_id: string
  feature: string
}

export type ConsumptionFound = DeviceFound<ConsumptionRequest>
export interface FeatureFound<R extends FeatureRequest = FeatureRequest> extends DeviceFound<R> {
  /** The license's feature the request names (the rules make sure it is there). */
  feature?: Feature
}

const amount = (request: { consumptions?: number }) => request.consumptions ?? 1

export const CONSUMPTION_CHECKS: readonly Rule<ConsumptionFound>[] = [
  ...DEVICE_RULES,
  { row: 'C1', code: 'license_not_consumption', check: ({ license }) => (license.license_type === 'consumption' ? undefined : fail('license_not_consumption')) },
  {
    row: 'C2',
    code: 'license_not_enough_consumptions',
    check: ({ license, request }) => {
      // Overages asked for in the request stand for the license's own, for this call.
      const limits = { ...licenseLimits(license), allow_overages: request.allow_overages ?? license.allow_overages, max_overages: request.max_overages ?? license.max_overages }
      return withinLimits(limits, amount(request)) ? undefined : fail('license_not_enough_consumptions')
    },
  },
]

/** The feature rows every feature endpoint lists: the product has it, and so does the license. */
export const FEATURE_RULES = [
  {
    row: 'F1',
    code: 'unsupported_product_feature',
    check: ({ product, request }: FeatureFound) => (product.features.some((feature) => feature.code === request.feature) ? undefined : fail('unsupported_product_feature')),
  },
  {
    row: 'F2',
    code: 'invalid_license_feature_code',
    check: ({ feature, request }: FeatureFound) => (feature ? undefined : fail('invalid_license_feature_code', { feature: request.feature.slice(0, 256) })),
  },
] as const satisfies readonly Rule<FeatureFound>[]

export const FEATURE_CONSUMPTION_CHECKS: readonly Rule<FeatureFound<FeatureRequest & { consumptions?: number }>>[] = [
  ...DEVICE_RULES,
  ...FEATURE_RULES,
  { row: 'F3', code: 'feature_not_consumption', check: ({ feature }) => (feature!.feature_type === 'consumption' ? undefined : fail('feature_not_consumption')) },
  {
    row: 'F4',
    code: 'license_not_enough_consumptions',
    check: ({ feature, request }) => (withinLimits(featureLimits(feature!), amount(request)) ? undefined : fail('license_not_enough_consumptions')),
  },
]

export const featureLimits = (feature: Feature) => ({
  total: feature.total_consumptions,
  max: feature.max_consumption,
  allow_overages: feature.allow_overages,
  max_overages: feature.max_overages,
  allow_unlimited: feature.allow_unlimited_consumptions,
  allow_negative: feature.allow_negative_consumptions,
})

/** Rows 13–15, the device, and the license feature the request names. */
export function findFeature<R extends FeatureRequest>(request: R, credential: CredentialRecord, store: Store, now: Date): Result<FeatureFound<R>> {
  const found = findDevice(request, credential, store, now)
  if (!found.ok) return found
  return ok({ ...found.value, feature: licenseFeature(found.value.license, found.value.product, request.feature) })
}

export { amount as consumptionsOf }
