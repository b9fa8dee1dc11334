// One tenant's data. @msw/data collections are the model of record (credentials, products,
// licenses with their license users and devices, SSO identities); beside them sit the indexes
// @msw/data lacks, so a lookup by key, user or hardware_id never scans the collection (a
// license's own few device rows are read in place; one with many devices has its own index).
//
// Two choices keep a 100 000-license seed fast to load and small in memory (see README, "Design
// choices"): records are validated once, at the seed boundary (zod in seed.ts), so the
// collections use a pass-through schema and keep our record objects as they are; and a license
// record embeds its users and devices, so there is one @msw/data record per license. License
// records are instances of one class whose constructor assigns every field, so they share one
// compact shape (see LicenseRow).
// Records change only in `applyDeactivation`, synchronously, so a decision and its effect never
// straddle an `await` (200 concurrent deactivations of one device → exactly one success).
import { Collection } from '@msw/data'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Seed, SeedInput, LicenseSeed, DeviceSeed, UserSeed } from './seed.ts'
import type { Credential } from './auth.ts'
import { instant } from './lookup.ts'

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

/** What a successful activation changes; decided by the rules, applied here. */
export interface ActivationEffect {
  license: LicenseRecord
  hardwareId: string
  /** This device's latest inactive row, brought back; when absent, a new row is added. */
  device?: DeviceRecord
  /** The license user activating (user-based licenses and SSO). */
  user?: UserRecord
  isVm: boolean
  /** The activation takes the seat another device's deactivation freed (see Store.freedBy). */
  transfer: boolean
  at: Date
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
 * @msw/data gives every record a random UUID (`crypto.randomUUID()`) as its primary key. Node 20
 * builds that string as a tree of about twenty pieces, some 470 bytes, until something reads it
 * as a whole: 47 MB for 100 000 licenses. The regular-expression engine reads only flat strings,
 * so one match flattens it in place to its 36 characters (about 60 bytes). The key is the
 * record's only string-valued symbol property.
 */
const FLATTEN = /-/
function compactPrimaryKey(record: object, known: { symbol?: symbol }): void {
  known.symbol ??= Object.getOwnPropertySymbols(record).find((symbol) => typeof (record as Record<symbol, unknown>)[symbol] === 'string')
  if (known.symbol === undefined) return
  const value: unknown = (record as Record<symbol, unknown>)[known.symbol]
  if (typeof value === 'string') FLATTEN.test(value)
}

/**
 * A license record. Every field is assigned in the constructor, in one order, so V8 gives all
 * records one compact shape with the fields in the object itself. (Copying 27 fields onto an
 * instance with `Object.assign` turns it into a hash table: about 3 KB per license instead of
 * about 0.3 KB, and slower to read on every request.)
 */
class LicenseRow implements LicenseRecord {
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
  users: UserRecord[]
  devices: DeviceRecord[]

  constructor(seed: Seed['licenses'][number]) {
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
    this.users = seed.users.map((user) => ({
      email: user.email,
      password: user.password,
      max_activations: user.max_activations,
      allow_unlimited_activations: user.allow_unlimited_activations,
      total_activations: user.total_activations ?? countActive(devices, user.email.toLowerCase()),
    }))
    this.devices = devices
  }
}

function countActive(devices: readonly DeviceRecord[], email: string): number {
  let count = 0
  for (const device of devices) if (device.active && device.user?.toLowerCase() === email) count++
  return count
}

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
  /**
   * The device whose deactivation freed a seat that no activation has taken since: the latest
   * `time_deactivated` of an inactive row, when it is later than every other device's
   * `time_activated` (a device's own activation always comes before its deactivation; between
   * different devices an activation at the same instant takes the seat). Rows without
   * `time_deactivated` free no seat. Undefined when there is none.
   */
  freedBy(licenseId: number): DeviceRecord | undefined
  applyDeactivation(effect: DeactivationEffect): void
  /** Returns the device row now active. */
  applyActivation(effect: ActivationEffect): DeviceRecord
  /** The current state in seed format (round-trips through createStore). */
  toSeed(): SeedInput
  /**
   * The change log: ids of the licenses the apply methods changed since the last call, each
   * once, in the order they first changed. The state file appends their current state (see `license`).
   */
  takeChanges(): number[]
  license(id: number): LicenseRecord | undefined
}

type LicenseSeedInput = NonNullable<SeedInput['licenses']>[number]

/** One license record in seed format (what toSeed lists, and a change-log record of the state file). */
export function licenseToSeed({ floating_in_use_devices: _derived, users, devices, ...license }: LicenseRecord): LicenseSeedInput {
  return { ...license, users: users.map((user) => ({ ...user })), devices: devices.map((device) => ({ ...device })) }
}

const NONE: readonly never[] = []
/** Licenses with more device rows than this get an index by hardware_id; smaller ones are read in place. */
const DEVICE_INDEX_FROM = 8

/** A two-level map: no key string is built per entry or per lookup. */
class Index2<T> {
  private readonly outer = new Map<string | number, Map<string, T>>()
  get(first: string | number, second: string): T | undefined {
    return this.outer.get(first)?.get(second)
  }
  set(first: string | number, second: string, value: T): void {
    let inner = this.outer.get(first)
    if (!inner) this.outer.set(first, (inner = new Map()))
    inner.set(second, value)
  }
}

/** When a device event happened: its time (ms; seeds may write offsets, so parsed), then its order in this store. */
type Moment = readonly [time: number, order: number]
const NEVER: Moment = [-Infinity, 0]
const moment = (text: string | undefined, order = 0): Moment => [text ? (instant(text)?.getTime() ?? -Infinity) : -Infinity, order]
const later = (a: Moment, b: Moment) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])

export async function createStore(seed: Seed): Promise<Store> {
  const collections = {
    credentials: new Collection({ schema: trusted<CredentialRecord>() }),
    products: new Collection({ schema: trusted<ProductRecord>() }),
    licenses: new Collection({ schema: trusted<LicenseRecord>() }),
    sso: new Collection({ schema: trusted<SsoRecord>() }),
  }
  const products = new Map<string, ProductRecord>()
  const licenses = new Map<number, LicenseRecord>()
  /** product → license_key → license */
  const byKey = new Index2<LicenseRecord>()
  /** product → lower-case email → licenses, oldest first */
  const byUser = new Index2<LicenseRecord[]>()
  /** license id → hardware_id → device rows, for licenses with many devices */
  const devicesByHardware = new Map<number, Map<string, DeviceRecord[]>>()
  /** customer_account_code → `id_token:…` / `code:…` → lower-case email */
  const ssoIdentities = new Index2<string>()

  /**
   * The order of this store's own activations and deactivations. Times have millisecond
   * resolution and a client can activate and deactivate within one: the sequence breaks ties.
   */
  const events = new WeakMap<DeviceRecord, { activated: number; deactivated: number }>()
  let sequence = 0
  /** Licenses changed since the last takeChanges(). */
  const changed = new Set<number>()
  const primaryKey: { symbol?: symbol } = {}
  for (const credential of seed.credentials) await collections.credentials.create(row(credential))
  for (const product of seed.products) products.set(product.short_code, await collections.products.create(row(product)))
  for (const licenseSeed of seed.licenses) {
    const license: LicenseRecord = await collections.licenses.create(new LicenseRow(licenseSeed))
    compactPrimaryKey(license, primaryKey)
    licenses.set(license.id, license)
    if (license.license_key) byKey.set(license.product, license.license_key, license)
    for (const user of license.users) {
      const email = user.email.toLowerCase()
      const list = byUser.get(license.product, email)
      if (list) list.push(license)
      else byUser.set(license.product, email, [license])
    }
    if (license.devices.length > DEVICE_INDEX_FROM) {
      const index = new Map<string, DeviceRecord[]>()
      for (const device of license.devices) {
        const list = index.get(device.hardware_id)
        if (list) list.push(device)
        else index.set(device.hardware_id, [device])
      }
      devicesByHardware.set(license.id, index)
    }
  }
  for (const identity of seed.sso) {
    const record = await collections.sso.create(row(identity))
    if (record.id_token) ssoIdentities.set(record.customer_account_code, `id_token:${record.id_token}`, record.user.toLowerCase())
    if (record.code) ssoIdentities.set(record.customer_account_code, `code:${record.code}`, record.user.toLowerCase())
  }

  /** Every row of the license with this hardware_id, in seed order. */
  function devices(licenseId: number, hardwareId: string): readonly DeviceRecord[] {
    const index = devicesByHardware.get(licenseId)
    if (index) return index.get(hardwareId) ?? NONE
    const rows = licenses.get(licenseId)?.devices
    if (!rows) return NONE
    let found: DeviceRecord[] | undefined
    for (const device of rows) if (device.hardware_id === hardwareId) (found ??= []).push(device)
    return found ?? NONE
  }

  return {
    collections,
    credentials: () => collections.credentials.all(),
    product: (shortCode) => products.get(shortCode),
    licenseByKey: (product, licenseKey) => byKey.get(product, licenseKey),
    licensesOfUser: (product, email) => byUser.get(product, email.toLowerCase()) ?? NONE,
    user: (licenseId, email) => licenses.get(licenseId)?.users.find((user) => user.email.toLowerCase() === email.toLowerCase()),
    ssoUser(customerAccountCode, grant) {
      if (grant.id_token !== undefined) return ssoIdentities.get(customerAccountCode, `id_token:${grant.id_token}`)
      if (grant.code !== undefined) return ssoIdentities.get(customerAccountCode, `code:${grant.code}`)
      return undefined
    },
    devices,
    hasDevices: (licenseId) => (licenses.get(licenseId)?.devices.length ?? 0) > 0,
    freedBy(licenseId) {
      const rows = licenses.get(licenseId)?.devices ?? NONE
      let freed: DeviceRecord | undefined
      let freedAt: Moment = NEVER
      for (const device of rows) {
        if (device.active || device.time_deactivated === undefined) continue
        const order = events.get(device)
        // A device's deactivation follows its own activation, whatever the times say.
        const activated = moment(device.time_activated, order?.activated)
        const stated = moment(device.time_deactivated, order?.deactivated)
        const deactivated = later(activated, stated) ? activated : stated
        if (!later(freedAt, deactivated)) {
          freed = device
          freedAt = deactivated
        }
      }
      if (!freed) return undefined
      // The seat is still free unless another device was activated at or after that moment. The
      // freed device's own activation is not compared: its deactivation came after it (within
      // one millisecond, or in seed rows that carry no event order).
      for (const device of rows) {
        if (device === freed) continue
        if (!later(freedAt, moment(device.time_activated, events.get(device)?.activated))) return undefined
      }
      return freed
    },
    applyActivation({ license, hardwareId, device, user, isVm, transfer, at }) {
      // Everything that can throw is computed before the first write: a change is whole or absent.
      const time = at.toISOString()
      const floating = license.is_floating || license.is_floating_cloud
      changed.add(license.id)
      let row = device
      if (row) {
        row.active = true
        row.is_vm = isVm
        // The activation belongs to whoever makes it now (a user's count only covers their own).
        row.user = user?.email
        row.time_activated = time
        row.time_deactivated = undefined
      } else {
        row = {
          hardware_id: hardwareId,
          active: true,
          blacklisted: false,
          is_vm: isVm,
          user: user?.email,
          floating_in_use: false,
          time_activated: time,
          time_deactivated: undefined,
          fault: undefined,
        }
        license.devices.push(row)
        const index = devicesByHardware.get(license.id)
        if (index) {
          const list = index.get(hardwareId)
          if (list) list.push(row)
          else index.set(hardwareId, [row])
        }
      }
      // The row was inactive (or new), so it held no counted slot, whatever its flag said.
      if (floating) {
        row.floating_in_use = true
        license.floating_in_use_devices += 1
      }
      events.set(row, { activated: ++sequence, deactivated: events.get(row)?.deactivated ?? 0 })
      license.times_activated += 1
      if (user) user.total_activations += 1
      if (transfer) license.transfer_count += 1
      return row
    },
    applyDeactivation({ license, device, user, consumptions, at }) {
      // Direct, synchronous writes to the live records: @msw/data's `update` is async and
      // clones and rescans the collection; the rules have already validated every value.
      // Everything that can throw is computed before the first write: a change is whole or absent.
      const time = at.toISOString()
      changed.add(license.id)
      device.active = false
      device.time_deactivated = time
      events.set(device, { activated: events.get(device)?.activated ?? 0, deactivated: ++sequence })
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
      licenses: collections.licenses.all().map(licenseToSeed),
      sso: collections.sso.all().map((identity) => ({ ...identity })),
    }),
    takeChanges() {
      const ids = [...changed]
      changed.clear()
      return ids
    },
    license: (id) => licenses.get(id),
  }
}
