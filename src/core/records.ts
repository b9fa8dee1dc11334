// The records one tenant's state is made of, as the @msw/data collections hold them: credentials,
// products, licenses (with their license users and devices embedded) and SSO identities. Seed
// fields keep their names; a record adds only what follows from them (counters).
import type { Credential } from './auth.ts'
import type { DeviceSeed, FeatureSlotSeed, LicenseFeatureSeed, LicenseSeed, ProductSeed, SeedInput, SsoSeed, UserSeed } from './seed.ts'

export type CredentialRecord = Credential
export type ProductRecord = ProductSeed
export type UserRecord = Omit<UserSeed, 'total_activations'> & { total_activations: number }
export type FeatureSlotRecord = FeatureSlotSeed
export type DeviceRecord = Omit<DeviceSeed, 'floating_in_use'> & { floating_in_use: boolean }
/** A feature of a license: its code, total, and what the license says beside its product feature. */
export type LicenseFeatureRecord = LicenseFeatureSeed
export type LicenseRecord = Omit<LicenseSeed, 'id' | 'times_activated' | 'users' | 'devices' | 'features'> & {
  id: number
  times_activated: number
  features: LicenseFeatureRecord[] | undefined
  /** Derived from the devices: not part of the state. */
  floating_in_use_devices: number
  users: UserRecord[]
  devices: DeviceRecord[]
}
export type SsoRecord = SsoSeed

/**
 * A license record. Every field is assigned in the constructor, in one order, so V8 gives all
 * records one compact shape with the fields in the object itself. (Copying 27 fields onto an
 * instance with `Object.assign` turns it into a hash table: about 3 KB per license instead of
 * about 0.3 KB, and slower to read on every request.) Being a class instance, not a plain object,
 * @msw/data keeps it by reference instead of copying it.
 */
export class LicenseRow implements LicenseRecord {
  id: number
  product: string
  license_key: string | undefined
  license_type: LicenseRecord['license_type']
  enabled: boolean
  start_date: string | null
  validity_period: string | null
  max_activations: number
  allow_unlimited_activations: boolean
  times_activated: number
  prevent_vm: boolean
  max_transfers: number
  transfer_count: number
  prevent_transfers: boolean
  is_floating: boolean
  is_floating_cloud: boolean
  floating_users: number
  floating_in_use_devices: number
  max_consumptions: number
  total_consumptions: number
  allow_unlimited_consumptions: boolean
  allow_negative_consumptions: boolean
  allow_overages: boolean
  max_overages: number
  fault: LicenseRecord['fault']
  features: LicenseFeatureRecord[] | undefined
  floating_timeout: number | undefined
  max_borrow_time: number | undefined
  customer: LicenseRecord['customer']
  custom_fields: LicenseRecord['custom_fields']
  is_trial: boolean | undefined
  trial_hardware_id: string | undefined
  bundle_license_id: number | undefined
  users: UserRecord[]
  devices: DeviceRecord[]

  constructor(seed: LicenseSeed & { id: number }) {
    const floating = seed.is_floating || seed.is_floating_cloud
    const devices: DeviceRecord[] = new Array(seed.devices.length)
    let active = 0
    let floatingInUse = 0
    for (let i = 0; i < devices.length; i++) {
      const device = seed.devices[i]
      const record: DeviceRecord = {
        hardware_id: device.hardware_id,
        active: device.active,
        blacklisted: device.blacklisted,
        is_vm: device.is_vm,
        user: device.user,
        floating_in_use: device.floating_in_use ?? (floating && device.active),
        time_activated: device.time_activated,
        time_deactivated: device.time_deactivated,
        fault: device.fault,
        variables: device.variables && { ...device.variables },
        variables_at: device.variables_at,
        floating_last_check: device.floating_last_check,
        borrowed_until: device.borrowed_until,
        floating_features: device.floating_features?.map((slot) => ({ ...slot })),
      }
      devices[i] = record
      if (record.active) active++
      if (record.active && record.floating_in_use) floatingInUse++
    }
    this.id = seed.id
    this.product = seed.product
    this.license_key = seed.license_key
    this.license_type = seed.license_type
    this.enabled = seed.enabled
    this.start_date = seed.start_date
    this.validity_period = seed.validity_period
    this.max_activations = seed.max_activations
    this.allow_unlimited_activations = seed.allow_unlimited_activations
    this.times_activated = seed.times_activated ?? active
    this.prevent_vm = seed.prevent_vm
    this.max_transfers = seed.max_transfers
    this.transfer_count = seed.transfer_count
    this.prevent_transfers = seed.prevent_transfers
    this.is_floating = seed.is_floating
    this.is_floating_cloud = seed.is_floating_cloud
    this.floating_users = seed.floating_users
    this.floating_in_use_devices = floatingInUse
    this.max_consumptions = seed.max_consumptions
    this.total_consumptions = seed.total_consumptions
    this.allow_unlimited_consumptions = seed.allow_unlimited_consumptions
    this.allow_negative_consumptions = seed.allow_negative_consumptions
    this.allow_overages = seed.allow_overages
    this.max_overages = seed.max_overages
    this.fault = seed.fault
    this.features = seed.features?.map((feature) => (typeof feature === 'string' ? { code: feature, total_consumptions: 0 } : { ...feature }))
    this.floating_timeout = seed.floating_timeout
    this.max_borrow_time = seed.max_borrow_time
    this.customer = seed.customer
    this.custom_fields = seed.custom_fields
    this.is_trial = seed.is_trial
    this.trial_hardware_id = seed.trial_hardware_id
    this.bundle_license_id = seed.bundle_license_id
    this.users = seed.users.map((user) => ({
      email: user.email,
      password: user.password,
      max_activations: user.max_activations,
      allow_unlimited_activations: user.allow_unlimited_activations,
      total_activations: user.total_activations ?? countActive(devices, user.email.toLowerCase()),
      first_name: user.first_name,
      last_name: user.last_name,
      phone_number: user.phone_number,
      is_initial_password: user.is_initial_password,
      allow_password_change: user.allow_password_change,
    }))
    this.devices = devices
  }
}

function countActive(devices: readonly DeviceRecord[], email: string): number {
  let count = 0
  for (const device of devices) if (device.active && device.user?.toLowerCase() === email) count++
  return count
}

/** A record of the other collections: a class instance too, so @msw/data keeps it by reference. */
class Row {
  constructor(fields: object) {
    Object.assign(this, fields)
  }
}
export const row = <T extends object>(fields: T): T => new Row(fields) as T
export const isRow = (value: unknown): boolean => value instanceof Row || value instanceof LicenseRow

type LicenseState = NonNullable<SeedInput['licenses']>[number]

/** A license record in seed format: a copy, without what is derived. */
export function licenseState({ floating_in_use_devices: _derived, users, devices, ...license }: LicenseRecord): LicenseState {
  return { ...license, users: users.map((user) => ({ ...user })), devices: devices.map((device) => ({ ...device })) }
}
