// The pieces many answers share, rendered from records: ids, instants, the product's details, a
// license feature, a version. Fields the seed does not model carry plain defaults (x-inferred).
import { createHash } from 'node:crypto'
import { licenseFeatures, type Feature } from './features.ts'
import { featureHolders, floatingTimeout, maxBorrowTime } from './floating.ts'
import { remember } from './remember.ts'
import { instant } from './rules/shared.ts'
import type { LicenseRecord, ProductRecord, UserRecord } from './store.ts'
import type { components } from '../generated/license-api.ts'

type Schemas = components['schemas']

/**
 * Stable numeric ids for records the seed names by text: the first 6 bytes of a SHA-256, so the
 * same product, user or device has the same id in every run.
 */
export const stableId = remember(100_000, (text) => createHash('sha256').update(text).digest().readUIntBE(0, 6) || 1)

export const COMPANY = Object.freeze({ id: 1 })

/**
 * ISO 8601 with Z (milliseconds), read as the seed and the rules read it (a time without a zone is
 * UTC), never in the machine's zone: the SDKs re-render dates with `toISOString()` and parse them
 * with `fromisoformat` after dropping the Z.
 */
export function iso(text: string | null | undefined): string | null {
  return text ? (instant(text)?.toISOString() ?? null) : null
}

export const productId = (product: ProductRecord) => stableId(`product:${product.short_code}`)
export const deviceId = (license: LicenseRecord, hardwareId: string) => stableId(`device:${license.id}:${hardwareId}`)

/** `product_details` inside a License object. */
export function productSummary(product: ProductRecord, license?: LicenseRecord) {
  return {
    product_id: productId(product),
    product_name: product.name ?? product.short_code,
    short_code: product.short_code,
    authorization_method: product.authorization_method,
    allow_trial: product.allow_trial,
    trial_days: product.trial_days,
    floating_timeout: license ? floatingTimeout(license, product) : product.floating_timeout,
    max_borrow_time: license ? maxBorrowTime(license, product) : product.max_borrow_time,
    prevent_vm: product.prevent_vm,
    metadata: product.metadata,
  }
}

/** A license feature, as `product_features` lists it and check_license_feature answers it. */
export function featureView(license: LicenseRecord, feature: Feature, now: Date): Schemas['LicenseFeature'] {
  const expiry = iso(feature.expiry_date)
  return {
    id: stableId(`feature:${license.id}:${feature.code}`),
    license_id: license.id,
    code: feature.code,
    name: feature.name,
    feature_type: feature.feature_type,
    expiry_date: expiry,
    is_expired: expiry !== null && Date.parse(expiry) <= now.getTime(),
    metadata: feature.metadata,
    is_floating: false,
    is_floating_cloud: feature.is_floating_cloud,
    floating_timeout: feature.floating_timeout,
    ...(feature.is_floating_cloud
      ? { floating_users: feature.floating_users, floating_in_use_devices: featureHolders(license, feature.code, feature.floating_timeout, now).length }
      : {}),
    ...(feature.feature_type === 'consumption'
      ? {
          max_consumption: feature.max_consumption,
          total_consumptions: feature.total_consumptions,
          allow_overages: feature.allow_overages,
          max_overages: feature.max_overages,
          allow_unlimited_consumptions: feature.allow_unlimited_consumptions,
          allow_negative_consumptions: feature.allow_negative_consumptions,
          reset_consumption: false,
          consumption_period: null,
        }
      : {}),
  }
}

export const featuresView = (license: LicenseRecord, product: ProductRecord, now: Date) => licenseFeatures(license, product).map((feature) => featureView(license, feature, now))

/** The product's custom fields with this license's values. */
export function customFieldsView(license: LicenseRecord, product: ProductRecord): Schemas['CustomField'][] {
  return product.custom_fields.map((field) => ({
    id: stableId(`custom-field:${product.short_code}:${field.name}`),
    name: field.name,
    value: license.custom_fields?.[field.name] ?? field.default_value,
    default_value: field.default_value,
  }))
}

/** The license user block of License objects and of user_licenses. */
export function userView(user: UserRecord) {
  return {
    id: stableId(`user:${user.email.toLowerCase()}`),
    email: user.email,
    first_name: user.first_name ?? '',
    last_name: user.last_name ?? '',
    phone_number: user.phone_number ?? '',
    is_initial_password: user.is_initial_password ?? false,
    max_activations: user.max_activations ?? 0,
    total_activations: user.total_activations,
    allow_unlimited_activations: user.allow_unlimited_activations || user.max_activations === undefined,
  }
}

export function customerView(license: LicenseRecord): Schemas['Customer'] | null {
  return license.customer ? { id: stableId(`customer:${license.customer.email.toLowerCase()}`), ...license.customer } : null
}

type Version = ProductRecord['versions'][number]

/** Enabled versions for `env` and `channel` (each: any when not asked), in the product's order. */
export function versionsFor(product: ProductRecord, env?: string, channel?: string): Version[] {
  return product.versions.filter((version) => version.enabled && (env === undefined || version.environment === env) && (channel === undefined || version.channel === channel))
}

/** The latest of them: the last released (release_date), the last listed on a tie. */
export function latest(versions: readonly Version[]): Version | undefined {
  let best: Version | undefined
  for (const version of versions) {
    const at = version.release_date ? Date.parse(iso(version.release_date)!) : -Infinity
    const bestAt = best?.release_date ? Date.parse(iso(best.release_date)!) : -Infinity
    if (best === undefined || at >= bestAt) best = version
  }
  return best
}

/** What installation_file answers, and check_license carries inline. */
export function installationFileView(product: ProductRecord, version: Version): Schemas['InstallationFile'] {
  return {
    id: stableId(`version:${product.short_code}:${version.version}:${version.environment ?? ''}:${version.channel ?? ''}`),
    version: version.version,
    installation_file: version.installation_file,
    release_date: iso(version.release_date),
    hash_md5: version.hash_md5,
    environment: version.environment,
    eula_link: version.eula_link,
    release_notes_link: version.release_notes_link,
    size: version.size,
    requires_version: version.requires_version,
    channel: version.channel,
    company: COMPANY,
  }
}

/** product_details' `latest_version`. */
export function versionView(product: ProductRecord, version: Version): Schemas['ProductVersion'] {
  return {
    id: stableId(`version:${product.short_code}:${version.version}:${version.environment ?? ''}:${version.channel ?? ''}`),
    version: version.version,
    release_date: iso(version.release_date),
    full_link: version.installation_file,
    filename: version.installation_file ? (version.installation_file.split('/').pop() ?? null) : null,
    hash_md5: version.hash_md5,
    environment: version.environment,
    eula_link: version.eula_link,
    release_notes_link: version.release_notes_link,
    size: version.size,
    requires_version: version.requires_version,
    channel: version.channel,
    enabled: version.enabled,
    product_id: productId(product),
  }
}
