// One tenant's data. @msw/data collections are the model of record (credentials, products,
// licenses with their license users and devices, SSO identities); beside them sit the indexes
// @msw/data lacks, so a lookup by key, user or hardware_id never scans.
//
// Two choices keep a 100 000-license seed fast to load and small in memory (see README, "Design
// choices"): records are validated once, at the seed boundary (zod in seed.ts), so the
// collections use a pass-through schema and keep our record objects as they are; and a license
// record embeds its users and devices, so there is one @msw/data record per license.
// Records change only in `applyDeactivation`, synchronously, so a decision and its effect never
// straddle an `await` (200 concurrent deactivations of one device → exactly one success).
import { Collection } from '@msw/data'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Seed, SeedInput, LicenseSeed, DeviceSeed, UserSeed } from './seed.ts'
import type { Credential } from './auth.ts'

export type CredentialRecord = Credential
export interface ProductRecord {
  short_code: string
  name?: string
  authorization_method: 'license-key' | 'user'
}
export type UserRecord = Omit<UserSeed, 'total_activations'> & { total_activations: number }
export type DeviceRecord = Omit<DeviceSeed, 'floating_in_use'> & { floating_in_use: boolean }
export type LicenseRecord = Omit<LicenseSeed, 'id' | 'times_activated' | 'users' | 'devices'> & {
  id: number
  times_activated: number
  floating_in_use_devices: number
  users: UserRecord[]
  devices: DeviceRecord[]
}
export interface SsoRecord {
  customer_account_code: string
  id_token?: string
  code?: string
  user: string
}

/** What a successful deactivation changes; decided by the rules, applied here. */
export interface DeactivationEffect {
  license: LicenseRecord
  device: DeviceRecord
  user?: UserRecord
  consumptions?: number
  at: Date
}

/** Already validated by seed.ts; `create()` keeps the object itself (no copy, no re-validation). */
function trusted<T extends object>(): StandardSchemaV1<T, T> {
  return { '~standard': { version: 1, vendor: 'licensespring-mock', validate: (value) => ({ value: value as T }) } }
}

/** A class instance is not a plain object, so @msw/data stores it by reference instead of copying it. */
class Row {
  constructor(fields: object) {
    Object.assign(this, fields)
  }
}
const row = <T extends object>(fields: T): T => new Row(fields) as T

/**
 * Field by field rather than by spreading: records built with one literal shape stay fast
 * (zod's output objects are slow to spread at 100 000 licenses).
 */
class LicenseRow {
  constructor(seed: Seed['licenses'][number]) {
    const floating = seed.is_floating || seed.is_floating_cloud
    const devices: DeviceRecord[] = seed.devices.map((device) => ({
      hardware_id: device.hardware_id,
      active: device.active,
      blacklisted: device.blacklisted,
      is_vm: device.is_vm,
      user: device.user,
      floating_in_use: device.floating_in_use ?? (floating && device.active),
      time_activated: device.time_activated,
      time_deactivated: device.time_deactivated,
      fault: device.fault,
    }))
    let active = 0
    let floatingInUse = 0
    for (const device of devices) {
      if (device.active) active++
      if (device.active && device.floating_in_use) floatingInUse++
    }
    const record: LicenseRecord = {
      id: seed.id,
      product: seed.product,
      license_key: seed.license_key,
      license_type: seed.license_type,
      enabled: seed.enabled,
      start_date: seed.start_date,
      validity_period: seed.validity_period,
      max_activations: seed.max_activations,
      allow_unlimited_activations: seed.allow_unlimited_activations,
      times_activated: seed.times_activated ?? active,
      prevent_vm: seed.prevent_vm,
      max_transfers: seed.max_transfers,
      transfer_count: seed.transfer_count,
      prevent_transfers: seed.prevent_transfers,
      is_floating: seed.is_floating,
      is_floating_cloud: seed.is_floating_cloud,
      floating_users: seed.floating_users,
      floating_in_use_devices: floatingInUse,
      max_consumptions: seed.max_consumptions,
      total_consumptions: seed.total_consumptions,
      allow_unlimited_consumptions: seed.allow_unlimited_consumptions,
      allow_negative_consumptions: seed.allow_negative_consumptions,
      allow_overages: seed.allow_overages,
      max_overages: seed.max_overages,
      fault: seed.fault,
      users: seed.users.map((user) => ({
        email: user.email,
        password: user.password,
        max_activations: user.max_activations,
        allow_unlimited_activations: user.allow_unlimited_activations,
        total_activations: user.total_activations ?? devices.filter((device) => device.active && device.user?.toLowerCase() === user.email.toLowerCase()).length,
      })),
      devices,
    }
    Object.assign(this, record)
  }
}
const licenseRecord = (seed: Seed['licenses'][number]) => new LicenseRow(seed) as unknown as LicenseRecord

export interface Store {
  readonly collections: {
    credentials: Collection<StandardSchemaV1<CredentialRecord>>
    products: Collection<StandardSchemaV1<ProductRecord>>
    licenses: Collection<StandardSchemaV1<LicenseRecord>>
    sso: Collection<StandardSchemaV1<SsoRecord>>
  }
  credentials(): readonly CredentialRecord[]
  product(shortCode: string): ProductRecord | undefined
  licenseByKey(product: string, licenseKey: string): LicenseRecord | undefined
  /** Licenses of the product this user belongs to, oldest first. */
  licensesOfUser(product: string, email: string): readonly LicenseRecord[]
  user(licenseId: number, email: string): UserRecord | undefined
  /** The user an SSO identity signs in as. */
  ssoUser(customerAccountCode: string, grant: { id_token?: string; code?: string }): string | undefined
  /** Every device row of the license with this hardware_id (active or not). */
  devices(licenseId: number, hardwareId: string): readonly DeviceRecord[]
  hasDevices(licenseId: number): boolean
  applyDeactivation(effect: DeactivationEffect): void
  /** The current state in seed format (round-trips through createStore). */
  toSeed(): SeedInput
}

const key = (...parts: (string | number)[]) => parts.join('\u0000')
const NONE: readonly never[] = []

export async function createStore(seed: Seed): Promise<Store> {
  const collections = {
    credentials: new Collection({ schema: trusted<CredentialRecord>() }),
    products: new Collection({ schema: trusted<ProductRecord>() }),
    licenses: new Collection({ schema: trusted<LicenseRecord>() }),
    sso: new Collection({ schema: trusted<SsoRecord>() }),
  }
  const products = new Map<string, ProductRecord>()
  const licenses = new Map<number, LicenseRecord>()
  const byKey = new Map<string, LicenseRecord>()
  const byUser = new Map<string, LicenseRecord[]>()
  const devicesByHardware = new Map<string, DeviceRecord[]>()
  const ssoIdentities = new Map<string, string>()

  for (const credential of seed.credentials) await collections.credentials.create(row(credential))
  for (const product of seed.products) products.set(product.short_code, await collections.products.create(row(product)))
  for (const licenseSeed of seed.licenses) {
    const license = await collections.licenses.create(licenseRecord(licenseSeed))
    licenses.set(license.id, license)
    if (license.license_key) byKey.set(key(license.product, license.license_key), license)
    for (const user of license.users) {
      const list = byUser.get(key(license.product, user.email.toLowerCase())) ?? []
      list.push(license)
      byUser.set(key(license.product, user.email.toLowerCase()), list)
    }
    for (const device of license.devices) {
      const list = devicesByHardware.get(key(license.id, device.hardware_id)) ?? []
      list.push(device)
      devicesByHardware.set(key(license.id, device.hardware_id), list)
    }
  }
  for (const identity of seed.sso) {
    const record = await collections.sso.create(row(identity))
    if (record.id_token) ssoIdentities.set(key(record.customer_account_code, 'id_token', record.id_token), record.user.toLowerCase())
    if (record.code) ssoIdentities.set(key(record.customer_account_code, 'code', record.code), record.user.toLowerCase())
  }

  return {
    collections,
    credentials: () => collections.credentials.all(),
    product: (shortCode) => products.get(shortCode),
    licenseByKey: (product, licenseKey) => byKey.get(key(product, licenseKey)),
    licensesOfUser: (product, email) => byUser.get(key(product, email.toLowerCase())) ?? NONE,
    user: (licenseId, email) => licenses.get(licenseId)?.users.find((user) => user.email.toLowerCase() === email.toLowerCase()),
    ssoUser(customerAccountCode, grant) {
      if (grant.id_token !== undefined) return ssoIdentities.get(key(customerAccountCode, 'id_token', grant.id_token))
      if (grant.code !== undefined) return ssoIdentities.get(key(customerAccountCode, 'code', grant.code))
      return undefined
    },
    devices: (licenseId, hardwareId) => devicesByHardware.get(key(licenseId, hardwareId)) ?? NONE,
    hasDevices: (licenseId) => (licenses.get(licenseId)?.devices.length ?? 0) > 0,
    applyDeactivation({ license, device, user, consumptions, at }) {
      // Direct, synchronous writes to the live records: @msw/data's `update` is async and
      // clones and rescans the collection; the rules have already validated every value.
      device.active = false
      device.time_deactivated = at.toISOString()
      if (device.floating_in_use) {
        device.floating_in_use = false
        license.floating_in_use_devices = Math.max(0, license.floating_in_use_devices - 1)
      }
      license.times_activated = Math.max(0, license.times_activated - 1)
      if (user) user.total_activations = Math.max(0, user.total_activations - 1)
      if (consumptions) license.total_consumptions += consumptions
    },
    toSeed: () => ({
      credentials: collections.credentials.all().map((credential) => ({ ...credential })),
      products: collections.products.all().map((product) => ({ ...product })),
      licenses: collections.licenses.all().map(({ floating_in_use_devices: _derived, users, devices, ...license }) => ({
        ...license,
        users: users.map((user) => ({ ...user })),
        devices: devices.map((device) => ({ ...device })),
      })),
      sso: collections.sso.all().map((identity) => ({ ...identity })),
    }),
  }
}
