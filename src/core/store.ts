// One tenant's data: @msw/data collections (the model of record, schema-validated on create)
// plus the indexes @msw/data lacks, so a lookup by key, user or hardware_id never scans.
// Records are changed only through `applyDeactivation`, synchronously, so a decision and its
// effect never straddle an `await` (200 concurrent deactivations of one device → one success).
import { Collection } from '@msw/data'
import { z } from 'zod'
import { credentialSchema, deviceSchema, licenseSchema, productSchema, ssoSchema, userSchema, type Seed, type SeedInput } from './seed.ts'

const licenseRecordSchema = licenseSchema
  .omit({ users: true, devices: true, id: true, times_activated: true })
  .extend({ id: z.number().int(), times_activated: z.number().int().min(0), floating_in_use_devices: z.number().int().min(0) })
const userRecordSchema = userSchema.omit({ total_activations: true }).extend({ license_id: z.number().int(), total_activations: z.number().int().min(0) })
const deviceRecordSchema = deviceSchema.omit({ floating_in_use: true }).extend({ license_id: z.number().int(), floating_in_use: z.boolean() })

export type CredentialRecord = z.output<typeof credentialSchema>
export type ProductRecord = z.output<typeof productSchema>
export type LicenseRecord = z.output<typeof licenseRecordSchema>
export type UserRecord = z.output<typeof userRecordSchema>
export type DeviceRecord = z.output<typeof deviceRecordSchema>
export type SsoRecord = z.output<typeof ssoSchema>

/** What a successful deactivation changes; decided by the rules, applied here. */
export interface DeactivationEffect {
  license: LicenseRecord
  device: DeviceRecord
  user?: UserRecord
  consumptions?: number
  at: Date
}

export interface Store {
  readonly collections: {
    credentials: Collection<typeof credentialSchema>
    products: Collection<typeof productSchema>
    licenses: Collection<typeof licenseRecordSchema>
    users: Collection<typeof userRecordSchema>
    devices: Collection<typeof deviceRecordSchema>
    sso: Collection<typeof ssoSchema>
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

export async function createStore(seed: Seed): Promise<Store> {
  const collections = {
    credentials: new Collection({ schema: credentialSchema }),
    products: new Collection({ schema: productSchema }),
    licenses: new Collection({ schema: licenseRecordSchema }),
    users: new Collection({ schema: userRecordSchema }),
    devices: new Collection({ schema: deviceRecordSchema }),
    sso: new Collection({ schema: ssoSchema }),
  }
  const products = new Map<string, ProductRecord>()
  const byKey = new Map<string, LicenseRecord>()
  const byUser = new Map<string, LicenseRecord[]>()
  const users = new Map<string, UserRecord>()
  const devicesByHardware = new Map<string, DeviceRecord[]>()
  const devicesOfLicense = new Map<number, DeviceRecord[]>()
  const usersOfLicense = new Map<number, UserRecord[]>()
  const ssoIdentities = new Map<string, string>()

  for (const credential of seed.credentials) await collections.credentials.create(credential)
  for (const product of seed.products) products.set(product.short_code, await collections.products.create(product))
  for (const { users: userSeeds, devices: deviceSeeds, ...fields } of seed.licenses) {
    const floating = fields.is_floating || fields.is_floating_cloud
    const active = deviceSeeds.filter((device) => device.active)
    const license = await collections.licenses.create({
      ...fields,
      times_activated: fields.times_activated ?? active.length,
      floating_in_use_devices: floating ? active.filter((device) => device.floating_in_use ?? true).length : 0,
    })
    if (license.license_key) byKey.set(key(license.product, license.license_key), license)
    const members: UserRecord[] = []
    usersOfLicense.set(license.id, members)
    for (const { total_activations, ...userSeed } of userSeeds) {
      const email = userSeed.email.toLowerCase()
      const own = active.filter((device) => device.user?.toLowerCase() === email).length
      const user = await collections.users.create({ ...userSeed, license_id: license.id, total_activations: total_activations ?? own })
      users.set(key(license.id, email), user)
      members.push(user)
      const list = byUser.get(key(license.product, email)) ?? []
      list.push(license)
      byUser.set(key(license.product, email), list)
    }
    const rows: DeviceRecord[] = []
    for (const deviceSeed of deviceSeeds) {
      const device = await collections.devices.create({
        ...deviceSeed,
        license_id: license.id,
        floating_in_use: deviceSeed.floating_in_use ?? (floating && deviceSeed.active),
      })
      rows.push(device)
      const list = devicesByHardware.get(key(license.id, device.hardware_id)) ?? []
      list.push(device)
      devicesByHardware.set(key(license.id, device.hardware_id), list)
    }
    devicesOfLicense.set(license.id, rows)
  }
  for (const identity of seed.sso) {
    const record = await collections.sso.create(identity)
    if (record.id_token) ssoIdentities.set(key(record.customer_account_code, 'id_token', record.id_token), record.user.toLowerCase())
    if (record.code) ssoIdentities.set(key(record.customer_account_code, 'code', record.code), record.user.toLowerCase())
  }

  return {
    collections,
    credentials: () => collections.credentials.all(),
    product: (shortCode) => products.get(shortCode),
    licenseByKey: (product, licenseKey) => byKey.get(key(product, licenseKey)),
    licensesOfUser: (product, email) => byUser.get(key(product, email.toLowerCase())) ?? [],
    user: (licenseId, email) => users.get(key(licenseId, email.toLowerCase())),
    ssoUser(customerAccountCode, grant) {
      if (grant.id_token !== undefined) return ssoIdentities.get(key(customerAccountCode, 'id_token', grant.id_token))
      if (grant.code !== undefined) return ssoIdentities.get(key(customerAccountCode, 'code', grant.code))
      return undefined
    },
    devices: (licenseId, hardwareId) => devicesByHardware.get(key(licenseId, hardwareId)) ?? [],
    hasDevices: (licenseId) => (devicesOfLicense.get(licenseId)?.length ?? 0) > 0,
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
    toSeed() {
      return {
        credentials: collections.credentials.all().map((credential) => ({ ...credential })),
        products: collections.products.all().map((product) => ({ ...product })),
        licenses: collections.licenses.all().map(({ floating_in_use_devices: _derived, ...license }) => ({
          ...license,
          users: (usersOfLicense.get(license.id) ?? []).map(({ license_id: _owner, ...user }) => ({ ...user })),
          devices: (devicesOfLicense.get(license.id) ?? []).map(({ license_id: _owner, ...device }) => ({ ...device })),
        })),
        sso: collections.sso.all().map((identity) => ({ ...identity })),
      }
    },
  }
}
