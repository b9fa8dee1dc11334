// A license's features: each names a feature of its product and may say otherwise about its
// limits; what a request reads is the product feature with the license's own values over it.
import type { LicenseFeatureRecord, LicenseRecord, ProductRecord } from './store.ts'
import type { ProductFeatureSeed } from './seed.ts'

export interface Feature extends Omit<ProductFeatureSeed, 'floating_timeout' | 'name'> {
  name: string
  /** Minutes: the feature's own, else the license's, else the product's. */
  floating_timeout: number
  total_consumptions: number
  /** The license's record of it (its counter lives there). */
  record: LicenseFeatureRecord
}

/** The feature `code` of the license, resolved against its product; undefined when the license lacks it. */
export function licenseFeature(license: LicenseRecord, product: ProductRecord, code: string): Feature | undefined {
  const record = license.features?.find((feature) => feature.code === code)
  if (!record) return undefined
  const base = product.features.find((feature) => feature.code === code)
  return base ? resolve(license, product, base, record) : undefined
}

/** Every feature of the license, in its order. */
export function licenseFeatures(license: LicenseRecord, product: ProductRecord): Feature[] {
  const out: Feature[] = []
  for (const record of license.features ?? []) {
    const base = product.features.find((feature) => feature.code === record.code)
    if (base) out.push(resolve(license, product, base, record))
  }
  return out
}

function resolve(license: LicenseRecord, product: ProductRecord, base: ProductFeatureSeed, record: LicenseFeatureRecord): Feature {
  return {
    code: base.code,
    name: base.name ?? base.code,
    feature_type: base.feature_type,
    max_consumption: record.max_consumption ?? base.max_consumption,
    allow_overages: record.allow_overages ?? base.allow_overages,
    max_overages: record.max_overages ?? base.max_overages,
    allow_unlimited_consumptions: record.allow_unlimited_consumptions ?? base.allow_unlimited_consumptions,
    allow_negative_consumptions: record.allow_negative_consumptions ?? base.allow_negative_consumptions,
    is_floating_cloud: record.is_floating_cloud ?? base.is_floating_cloud,
    floating_users: record.floating_users ?? base.floating_users,
    floating_timeout: record.floating_timeout ?? base.floating_timeout ?? license.floating_timeout ?? product.floating_timeout,
    expiry_date: record.expiry_date !== undefined ? record.expiry_date : base.expiry_date,
    metadata: record.metadata ?? base.metadata,
    total_consumptions: record.total_consumptions,
    record,
  }
}
