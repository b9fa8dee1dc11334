// The License object of activation and check answers, rendered from a license record, with its v1
// signature (signing.ts). Fields the seed does not model carry a plain license's defaults (x-inferred).
import { floatingTimeout, maxBorrowTime, slotHolders } from './floating.ts'
import { isExpired } from './rules/shared.ts'
import type { Signer } from './signing.ts'
import { COMPANY, customerView, customFieldsView, deviceId, featuresView, installationFileView, iso, latest, productSummary, userView, versionsFor } from './views.ts'
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

function licenseFields({ license, product, user, now }: Pick<LicenseView, 'license' | 'product' | 'user' | 'now'>): Omit<LicenseObject, 'license_signature'> {
  const consumption = license.license_type === 'consumption'
  const floating = license.is_floating || license.is_floating_cloud
  const borrowHours = maxBorrowTime(license, product)
  return {
    id: license.id,
    ...(license.license_key !== undefined ? { license_key: license.license_key } : {}),
    license_type: license.license_type,
    is_trial: license.is_trial ?? false,
    max_activations: license.max_activations,
    times_activated: license.times_activated,
    allow_unlimited_activations: license.allow_unlimited_activations,
    transfer_count: license.transfer_count,
    max_transfers: license.max_transfers,
    prevent_vm: license.prevent_vm,
    start_date: license.start_date ? license.start_date.slice(0, 10) : null,
    validity_period: iso(license.validity_period),
    allow_offline_activation: false,
    is_floating: license.is_floating,
    is_floating_cloud: license.is_floating_cloud,
    ...(floating ? { floating_users: license.floating_users, floating_in_use_devices: slotHolders(license, product, now).length } : {}),
    floating_timeout: floatingTimeout(license, product),
    can_borrow: floating && borrowHours > 0,
    max_borrow_time: borrowHours,
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
    product_details: productSummary(product, license),
    product_features: featuresView(license, product, now),
    custom_fields: customFieldsView(license, product),
    customer: customerView(license),
    company: COMPANY,
    metadata: {},
    license_template_id: null,
    ...(product.authorization_method === 'user' ? { max_license_users: license.users.length } : {}),
    ...(user ? { user: userView(user) } : {}),
  }
}


/** The License object with its v1 `license_signature` (the engine adds the v2 header over the text). */
function withV1<T extends { validity_period: string | null }>(fields: T, view: LicenseView, signer: Signer): T & { license_signature: string } {
  return { ...fields, license_signature: signer.signV1(view.device.hardware_id, view.signedId, fields.validity_period) }
}

/** A license as user_licenses lists it: no device, so no v1 signature; active when some device is. */
export function renderUserLicense(view: Omit<LicenseView, 'device' | 'signedId'>) {
  return {
    ...licenseFields(view),
    license_active: view.license.devices.some((device) => device.active),
    license_enabled: view.license.enabled,
    is_expired: isExpired(view.license.validity_period, view.now),
  }
}

export function renderActivation(view: LicenseView, signer: Signer): ActivateLicenseResponse {
  const fields: Omit<ActivateLicenseResponse, 'license_signature'> = {
    ...licenseFields(view),
    active: true,
    license_enabled: view.license.enabled,
    is_expired: isExpired(view.license.validity_period, view.now),
    request: 'activation',
    hardware_id: view.device.hardware_id,
    device_id: deviceId(view.license, view.device.hardware_id),
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
    device_id: deviceId(view.license, view.device.hardware_id),
    is_borrowed: borrowed(view.device, view.now),
    borrowed_until: iso(view.device.borrowed_until),
    ...installationFields(view.product),
  }
  return withV1(fields, view, signer)
}

const borrowed = (device: DeviceRecord, now: Date) => device.borrowed_until !== undefined && Date.parse(iso(device.borrowed_until)!) > now.getTime()

/** A check carries the latest installation file inline, when the product has versions. */
function installationFields(product: ProductRecord) {
  const version = latest(versionsFor(product))
  if (!version) return {}
  const { id: _id, company: _company, ...file } = installationFileView(product, version)
  return file
}
