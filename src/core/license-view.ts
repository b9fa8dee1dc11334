// The License object of activation and check answers, rendered from a license record, and signed
// (see signing.ts). Fields the seed does not model carry a plain license's defaults (x-inferred).
import { createHash } from 'node:crypto'
import { instant, isExpired } from './rules/shared.ts'
import { remember } from './remember.ts'
import type { Signer } from './signing.ts'
import type { DeviceRecord, LicenseRecord, ProductRecord, UserRecord } from './store.ts'
import type { ActivateLicenseResponse, CheckLicenseResponse, LicenseObject } from './types.ts'

export interface LicenseView {
  license: LicenseRecord
  product: ProductRecord
  device: DeviceRecord
  /** The acting license user (user-based licenses and SSO). */
  user?: UserRecord
  /** The v1 signature's id: the username before "|", the SSO user's e-mail, or the license key. */
  signedId: string
  now: Date
}

/**
 * Stable numeric ids for records the seed names by text: the first 6 bytes of a SHA-256, so the
 * same product, user or device has the same id in every run.
 */
export const stableId = remember(100_000, (text) => createHash('sha256').update(text).digest().readUIntBE(0, 6) || 1)

/**
 * ISO 8601 with Z: the SDKs re-render it with `toISOString()` before verifying v1. Read as the
 * seed and the expiry rule read it (a time without a zone is UTC), never in the machine's zone.
 */
function validityIso(validityPeriod: string | null): string | null {
  return validityPeriod ? (instant(validityPeriod)?.toISOString() ?? null) : null
}

function licenseFields({ license, product, user }: LicenseView): Omit<LicenseObject, 'license_signature'> {
  const consumption = license.license_type === 'consumption'
  const floating = license.is_floating || license.is_floating_cloud
  return {
    id: license.id,
    ...(license.license_key !== undefined ? { license_key: license.license_key } : {}),
    license_type: license.license_type,
    is_trial: false,
    max_activations: license.max_activations,
    times_activated: license.times_activated,
    allow_unlimited_activations: license.allow_unlimited_activations,
    transfer_count: license.transfer_count,
    max_transfers: license.max_transfers,
    prevent_vm: license.prevent_vm,
    start_date: license.start_date ? license.start_date.slice(0, 10) : null,
    validity_period: validityIso(license.validity_period),
    allow_offline_activation: false,
    is_floating: license.is_floating,
    is_floating_cloud: license.is_floating_cloud,
    ...(floating ? { floating_users: license.floating_users, floating_in_use_devices: license.floating_in_use_devices } : {}),
    floating_timeout: 120,
    can_borrow: false,
    max_borrow_time: 0,
    enable_maintenance_period: false,
    maintenance_period: null,
    grace_period: 0,
    allow_grace_period: false,
    is_air_gapped: false,
    is_hardware_key_auth: false,
    ...(consumption
      ? {
          max_consumptions: license.max_consumptions,
          total_consumptions: license.total_consumptions,
          allow_unlimited_consumptions: license.allow_unlimited_consumptions,
          allow_negative_consumptions: license.allow_negative_consumptions,
          reset_consumption: false,
          consumption_period: null,
        }
      : {}),
    allow_overages: license.allow_overages,
    max_overages: license.max_overages,
    product_details: {
      product_id: stableId(`product:${product.short_code}`),
      product_name: product.name ?? product.short_code,
      short_code: product.short_code,
      authorization_method: product.authorization_method,
      metadata: {},
    },
    product_features: [],
    custom_fields: [],
    customer: null,
    company: { id: 1 },
    metadata: {},
    license_template_id: null,
    ...(product.authorization_method === 'user' ? { max_license_users: license.users.length } : {}),
    ...(user
      ? {
          user: {
            id: stableId(`user:${user.email.toLowerCase()}`),
            email: user.email,
            first_name: '',
            last_name: '',
            phone_number: '',
            is_initial_password: false,
            max_activations: user.max_activations ?? 0,
            total_activations: user.total_activations,
            allow_unlimited_activations: user.allow_unlimited_activations || user.max_activations === undefined,
          },
        }
      : {}),
  }
}

const deviceId = (license: LicenseRecord, device: DeviceRecord) => stableId(`device:${license.id}:${device.hardware_id}`)

/** The License object with its v1 `license_signature` (the engine adds the v2 header over the text). */
function withV1<T extends { validity_period: string | null }>(fields: T, view: LicenseView, signer: Signer): T & { license_signature: string } {
  return { ...fields, license_signature: signer.signV1(view.device.hardware_id, view.signedId, fields.validity_period) }
}

export function renderActivation(view: LicenseView, signer: Signer): ActivateLicenseResponse {
  const fields: Omit<ActivateLicenseResponse, 'license_signature'> = {
    ...licenseFields(view),
    active: true,
    license_enabled: view.license.enabled,
    is_expired: isExpired(view.license.validity_period, view.now),
    request: 'activation',
    hardware_id: view.device.hardware_id,
    device_id: deviceId(view.license, view.device),
    installation_file: null,
  }
  return withV1(fields, view, signer)
}

export function renderCheck(view: LicenseView, signer: Signer): CheckLicenseResponse {
  const fields: Omit<CheckLicenseResponse, 'license_signature'> = {
    ...licenseFields(view),
    license_active: view.device.active,
    license_enabled: view.license.enabled,
    is_expired: isExpired(view.license.validity_period, view.now),
    device_id: deviceId(view.license, view.device),
    is_borrowed: false,
    borrowed_until: null,
  }
  return withV1(fields, view, signer)
}
