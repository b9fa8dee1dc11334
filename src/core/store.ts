// One tenant's data: the @msw/data collections (db.ts) as the model users query, and beside them
// the indexes @msw/data lacks, so a lookup by key, user or hardware_id never scans a collection
// (a license's own few device rows are read in place; one with many devices has its own index).
//
// Two choices keep a 100 000-license seed fast to load and small in memory (docs/architecture.md):
// records are validated once, at the seed boundary (seed.ts), and are class instances the
// collections keep by reference; and a license record embeds its users and devices, so there is
// one @msw/data record per license.
// Requests change records only in the apply* functions, synchronously and in place, so a decision
// and its effect never straddle an `await` (200 concurrent deactivations of one device → exactly
// one success), and the collections show every change at once.
import { isDeepStrictEqual } from 'node:util'
import { syncedCollection, type Db, type DbIssue } from './db.ts'
import { licenseState, LicenseRow, row, type CredentialRecord, type DeviceRecord, type LicenseFeatureRecord, type LicenseRecord, type ProductRecord, type SsoRecord, type UserRecord } from './records.ts'
import { instant } from './rules/shared.ts'
import { credentialSchema, licenseRecordIssues, productIssues, productSchema, ssoSchema, validateLicense, type LicenseSeed, type Seed, type SeedInput, type SsoAccountSeed } from './seed.ts'
import type { AuthorizationMethod } from './body.ts'

export type { CredentialRecord, DeviceRecord, FeatureSlotRecord, LicenseFeatureRecord, LicenseRecord, ProductRecord, SsoRecord, UserRecord } from './records.ts'
export type { Db } from './db.ts'
type Written<K extends keyof SeedInput> = NonNullable<SeedInput[K]>[number]

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
  /** Floating: devices whose slots expired, given back. */
  expired?: readonly DeviceRecord[]
}

/** What a successful deactivation changes; decided by the rules, applied here. */
export interface DeactivationEffect {
  license: LicenseRecord
  device: DeviceRecord
  user?: UserRecord
  consumptions?: number
  at: Date
}

/**
 * A device's floating slot held (taken or renewed at `at`, or borrowed `until`) or released; and
 * the slots of other devices found expired, cleared.
 */
export interface SlotEffect {
  license: LicenseRecord
  device: DeviceRecord
  action: 'hold' | 'borrow' | 'release'
  at: Date
  /** borrow: held until then (ISO). */
  until?: string
  expired: readonly DeviceRecord[]
}

/** The same for a floating feature: `code` of the license. */
export interface FeatureSlotEffect {
  license: LicenseRecord
  device: DeviceRecord
  code: string
  action: 'hold' | 'borrow' | 'release'
  at: Date
  until?: string
  expired: readonly DeviceRecord[]
}

export interface Store {
  /**
   * The @msw/data collections: query and change the state in-process. Built on first use (a
   * server that never reads them pays nothing for them); `modelReady()` resolves once they hold
   * every record.
   */
  readonly db: Db
  modelReady(): Promise<void>
  credentials(): readonly CredentialRecord[]
  product(shortCode: string): ProductRecord | undefined
  /** The authorization method of a product (undefined when unknown). */
  readonly methodOf: (product: string) => AuthorizationMethod | undefined
  license(id: number): LicenseRecord | undefined
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
  applySlot(effect: SlotEffect): void
  applyFeatureSlot(effect: FeatureSlotEffect): void
  /** Adds to the license's (or, with `feature`, the license feature's) total_consumptions. */
  applyConsumption(effect: { license: LicenseRecord; feature?: LicenseFeatureRecord; consumptions: number }): void
  /** Merges variables into the device's; returns the names set. */
  applyVariables(effect: { license: LicenseRecord; device: DeviceRecord; variables: Readonly<Record<string, string | number | boolean>>; at: Date }): void
  /** The user's new password, on every license they belong to; no longer the initial one. */
  applyPassword(effect: { users: readonly { license: LicenseRecord; user: UserRecord }[]; password: string }): void
  /** A new license (a trial), with the next free id. */
  addLicense(seed: Omit<LicenseSeed, 'id'>): LicenseRecord
  /** The trial license issued to this machine for the product, if any. */
  trialOf(product: string, hardwareId: string): LicenseRecord | undefined
  /** The licenses a bundle license stands for (their bundle_license_id), in creation order. */
  bundleLicenses(bundleId: number): readonly LicenseRecord[]
  /** A customer account's SSO settings. */
  ssoAccount(customerAccountCode: string): SsoAccountSeed | undefined
  /** Every license, in creation order (for the endpoints that look across licenses). */
  allLicenses(): IterableIterator<LicenseRecord>
  /** The current state in seed format (round-trips through createStore). */
  toSeed(): SeedInput
  /** Called after a change made through `db` (a request's change is reported by the engine). */
  onDbChange(listener: (what: 'credentials' | 'other') => void): void
  /**
   * The change log: ids of the licenses the apply methods changed (or added) since the last
   * call, each once, in the order they first changed. The state file appends their current
   * state (see `license`).
   */
  takeChanges(): number[]
  license(id: number): LicenseRecord | undefined
  /** The state in seed format without its licenses (the state file writes those one by one). */
  stateHead(): Omit<SeedInput, 'licenses'>
  /** Every license, in creation order, as a list. */
  licenseList(): readonly LicenseRecord[]
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
  delete(first: string | number, second: string): void {
    this.outer.get(first)?.delete(second)
  }
  clear(): void {
    this.outer.clear()
  }
}

/** When a device event happened: its time (ms; seeds may write offsets, so parsed), then its order in this store. */
type Moment = readonly [time: number, order: number]
const NEVER: Moment = [-Infinity, 0]
const moment = (text: string | undefined, order = 0): Moment => [text ? (instant(text)?.getTime() ?? -Infinity) : -Infinity, order]
const later = (a: Moment, b: Moment) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])

const issuesOf = (issues: readonly { path: string; message: string }[]): DbIssue[] => issues.map((issue) => ({ message: issue.path ? `${issue.path}: ${issue.message}` : issue.message }))

export async function createStore(seed: Seed): Promise<Store> {
  const products = new Map<string, ProductRecord>()
  /** In the order licenses were created (licensesOfUser is oldest first). */
  const licenses = new Map<number, LicenseRecord>()
  let nextId = 1001
  let credentials: CredentialRecord[] = []
  let ssoRecords: SsoRecord[] = []
  /** product → license_key → license */
  const byKey = new Index2<LicenseRecord>()
  /** product → lower-case email → licenses, oldest first */
  const byUser = new Index2<LicenseRecord[]>()
  /** license id → hardware_id → device rows, for licenses with many devices */
  const devicesByHardware = new Map<number, Map<string, DeviceRecord[]>>()
  /** bundle license id → the licenses of its bundle */
  const inBundle = new Map<number, LicenseRecord[]>()
  /** product → hardware_id → the trial issued to that machine */
  const trials = new Index2<LicenseRecord>()
  /** customer_account_code → `id_token:…` / `code:…` → lower-case email */
  const ssoIdentities = new Index2<string>()
  const dbListeners: ((what: 'credentials' | 'other') => void)[] = []
  const dbChanged = (what: 'credentials' | 'other') => {
    for (const listener of dbListeners) listener(what)
  }

  /**
   * The order of this store's own activations and deactivations. Times have millisecond
   * resolution and a client can activate and deactivate within one: the sequence breaks ties.
   */
  const events = new WeakMap<DeviceRecord, { activated: number; deactivated: number }>()
  let sequence = 0
  /** Licenses changed since the last takeChanges(). */
  const changed = new Set<number>()

  /** Indexes a license; `licenses` keeps its place when it replaces one with the same id. */
  function indexLicense(license: LicenseRecord): void {
    const replacing = licenses.has(license.id)
    licenses.set(license.id, license)
    if (license.id >= nextId) nextId = license.id + 1
    if (license.license_key) byKey.set(license.product, license.license_key, license)
    if (license.is_trial && license.trial_hardware_id) trials.set(license.product, license.trial_hardware_id, license)
    if (license.bundle_license_id !== undefined) {
      const members = inBundle.get(license.bundle_license_id) ?? []
      if (!replacing) members.push(license)
      // A replaced license takes its place among its bundle's: in creation order.
      else members.splice(0, members.length, ...[...licenses.values()].filter((other) => other.bundle_license_id === license.bundle_license_id))
      inBundle.set(license.bundle_license_id, members)
    }
    for (const user of license.users) {
      const email = user.email.toLowerCase()
      const list = byUser.get(license.product, email)
      if (!list) byUser.set(license.product, email, [license])
      else if (!replacing) list.push(license)
      // A replaced license takes its place among the user's licenses: in creation order.
      else byUser.set(license.product, email, [...licenses.values()].filter((other) => other.product === license.product && other.users.some((u) => u.email.toLowerCase() === email)))
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

  /** `keepPlace`: the id keeps its place in `licenses` for the record that replaces it. */
  function unindexLicense(license: LicenseRecord, drop = true): void {
    if (drop && licenses.get(license.id) === license) licenses.delete(license.id)
    if (license.license_key && byKey.get(license.product, license.license_key) === license) byKey.delete(license.product, license.license_key)
    if (license.trial_hardware_id && trials.get(license.product, license.trial_hardware_id) === license) trials.delete(license.product, license.trial_hardware_id)
    if (license.bundle_license_id !== undefined) inBundle.set(license.bundle_license_id, (inBundle.get(license.bundle_license_id) ?? []).filter((other) => other !== license))
    for (const user of license.users) {
      const list = byUser.get(license.product, user.email.toLowerCase())
      const at = list?.indexOf(license) ?? -1
      if (at !== -1) list!.splice(at, 1)
    }
    devicesByHardware.delete(license.id)
  }

  /** A record written through `db.licenses` takes the place of the one with that id (if any). */
  function replaceLicense(next: LicenseRecord, previousId: unknown): DbIssue[] | undefined {
    const previous = typeof previousId === 'number' ? licenses.get(previousId) : undefined
    const product = products.get(next.product)
    const other = next.license_key ? byKey.get(next.product, next.license_key) : undefined
    const issues = [
      ...licenseRecordIssues(next, product),
      ...(other && other !== previous ? [{ path: 'license_key', message: `duplicate license_key "${next.license_key}" for product "${next.product}"` }] : []),
    ]
    if (issues.length > 0) return issuesOf(issues)
    if (previous) {
      // Same rows in the same places keep their order of events.
      next.devices.forEach((device, i) => {
        const before = previous.devices[i]
        const order = before?.hardware_id === device.hardware_id ? events.get(before) : undefined
        if (order) events.set(device, order)
      })
      unindexLicense(previous, false)
    }
    indexLicense(next)
    dbChanged('other')
    return undefined
  }

  function indexSso(): void {
    ssoIdentities.clear()
    for (const record of ssoRecords) {
      if (record.id_token) ssoIdentities.set(record.customer_account_code, `id_token:${record.id_token}`, record.user.toLowerCase())
      if (record.code) ssoIdentities.set(record.customer_account_code, `code:${record.code}`, record.user.toLowerCase())
    }
  }

  /** A list-kept record (credentials, SSO identities) replaced or added; the index of the list rebuilt by the caller. */
  const replaceIn = <T>(list: T[], next: T, previous: T | undefined): T[] => (previous === undefined ? [...list, next] : list.map((item) => (item === previous ? next : item)))

  const buildDb = (): Db => ({
    credentials: syncedCollection<CredentialRecord, Written<'credentials'>>({
      key: ['api_key', 'client_id'],
      parse: (value) => parseWith(credentialSchema, value, row),
      find: (key) => credentials.find((credential) => (credential.api_key ?? credential.client_id) === key),
      accept(next, previous) {
        credentials = replaceIn(credentials, next, credentials.find((credential) => (credential.api_key ?? credential.client_id) === previous))
        dbChanged('credentials')
        return undefined
      },
      removed(record) {
        credentials = credentials.filter((credential) => credential !== record)
        dbChanged('credentials')
      },
    }),
    products: syncedCollection<ProductRecord, Written<'products'>>({
      key: 'short_code',
      parse: (value) => parseWith(productSchema, value, row),
      find: (key) => products.get(String(key)),
      accept(next, previous) {
        const own = productIssues(next)
        if (own.length > 0) return issuesOf(own)
        if (previous !== undefined) {
          for (const license of licenses.values()) {
            if (license.product !== next.short_code) continue
            const issues = licenseRecordIssues(license, next)
            if (issues.length > 0) return issuesOf([{ path: '', message: `license ${license.id} would break: ${issues[0].path}: ${issues[0].message}` }])
          }
        }
        products.set(next.short_code, next)
        dbChanged('other')
        return undefined
      },
      removed(record) {
        for (const license of licenses.values()) {
          if (license.product === record.short_code) throw new TypeError(`product "${record.short_code}" has licenses (license ${license.id}); delete them first`)
        }
        products.delete(record.short_code)
        dbChanged('other')
      },
    }),
    licenses: syncedCollection<LicenseRecord, Written<'licenses'>>({
      key: 'id',
      parse(value) {
        const { floating_in_use_devices: _derived, ...state } = (typeof value === 'object' && value !== null ? value : {}) as Partial<LicenseRecord>
        const parsed = validateLicense(state.id === undefined ? { ...state, id: nextId } : state)
        return parsed.ok ? { record: new LicenseRow(parsed.value) } : { issues: issuesOf(parsed.error) }
      },
      find: (key) => (typeof key === 'number' ? licenses.get(key) : undefined),
      accept: replaceLicense,
      removed(record) {
        const live = licenses.get(record.id)
        if (live) unindexLicense(live)
        dbChanged('other')
      },
    }),
    sso: syncedCollection<SsoRecord, Written<'sso'>>({
      key: 'customer_account_code',
      parse: (value) => parseWith(ssoSchema, value, row),
      // Several identities share an account code: each record stands on its own.
      find: () => undefined,
      accept(next) {
        ssoRecords = [...ssoRecords, next]
        indexSso()
        dbChanged('other')
        return undefined
      },
      removed(record) {
        ssoRecords = ssoRecords.filter((identity) => identity !== record)
        indexSso()
        dbChanged('other')
      },
    }),
  })

  for (const credential of seed.credentials) credentials.push(row(credential))
  for (const product of seed.products) products.set(product.short_code, row(product))
  for (const licenseSeed of seed.licenses) indexLicense(new LicenseRow(licenseSeed))
  for (const identity of seed.sso) ssoRecords.push(row(identity))
  indexSso()
  const ssoAccounts = seed.sso_accounts ?? []

  // The collections hold the store's own record objects (records.ts), so they show every change
  // the engine makes in place. Built when first asked for.
  let db: Db | undefined
  let populated: Promise<void> = Promise.resolve()
  const model = (): Db => {
    if (db) return db
    const built = (db = buildDb())
    populated = (async () => {
      for (const credential of [...credentials]) await built.credentials.create(credential)
      for (const product of [...products.values()]) await built.products.create(product)
      for (const license of [...licenses.values()]) await built.licenses.create(license)
      for (const identity of [...ssoRecords]) await built.sso.create(identity)
    })()
    return built
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

  /** The state in seed format but its licenses: fresh copies. */
  const head = (): Omit<SeedInput, 'licenses'> => ({
    credentials: credentials.map((credential) => ({ ...credential })),
    products: [...products.values()].map(productState),
    sso: ssoRecords.map((identity) => ({ ...identity })),
    ...(ssoAccounts.length > 0 ? { sso_accounts: ssoAccounts.map((account) => ({ ...account })) } : {}),
  })

  return {
    get db() {
      return model()
    },
    async modelReady() {
      model()
      await populated
    },
    credentials: () => credentials,
    product: (shortCode) => products.get(shortCode),
    methodOf: (product) => products.get(product)?.authorization_method,
    license: (id) => licenses.get(id),
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
    applyActivation({ license, hardwareId, device, user, isVm, transfer, at, expired }) {
      // Everything that can throw is computed before the first write: a change is whole or absent.
      const time = at.toISOString()
      const floating = license.is_floating || license.is_floating_cloud
      changed.add(license.id)
      for (const other of expired ?? []) clearSlot(license, other)
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
        if (license.is_floating_cloud) row.floating_last_check = at.toISOString()
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
      // replaces the record; the rules have already validated every value.
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
      device.floating_last_check = undefined
      device.borrowed_until = undefined
      device.floating_features = undefined
      license.times_activated = Math.max(0, license.times_activated - 1)
      if (user) user.total_activations = Math.max(0, user.total_activations - 1)
      if (consumptions) license.total_consumptions += consumptions
    },
    applySlot({ license, device, action, at, until, expired }) {
      changed.add(license.id)
      for (const other of expired) clearSlot(license, other)
      if (action === 'release') {
        clearSlot(license, device)
        return
      }
      if (!device.floating_in_use) license.floating_in_use_devices += 1
      device.floating_in_use = true
      device.floating_last_check = at.toISOString()
      if (action === 'borrow') device.borrowed_until = until
    },
    applyFeatureSlot({ license, device, code, action, at, until, expired }) {
      changed.add(license.id)
      for (const other of expired) other.floating_features = other.floating_features?.filter((slot) => slot.code !== code)
      const others = device.floating_features?.filter((slot) => slot.code !== code) ?? []
      const before = device.floating_features?.find((slot) => slot.code === code)
      if (action === 'release') {
        device.floating_features = others.length > 0 ? others : undefined
        return
      }
      const slot = action === 'borrow' ? { code, last_check: before?.last_check ?? at.toISOString(), borrowed_until: until } : { code, last_check: at.toISOString(), borrowed_until: before?.borrowed_until }
      device.floating_features = [...others, slot]
    },
    applyConsumption({ license, feature, consumptions }) {
      changed.add(license.id)
      if (feature) feature.total_consumptions += consumptions
      else license.total_consumptions += consumptions
    },
    applyVariables({ license, device, variables, at }) {
      changed.add(license.id)
      device.variables = { ...device.variables, ...variables }
      device.variables_at = at.toISOString()
    },
    applyPassword({ users, password }) {
      for (const { license, user } of users) {
        changed.add(license.id)
        user.password = password
        user.is_initial_password = false
      }
    },
    addLicense(fields) {
      const license = new LicenseRow({ ...fields, id: nextId })
      indexLicense(license)
      changed.add(license.id)
      if (db) void db.licenses.create(license)
      return license
    },
    trialOf: (product, hardwareId) => trials.get(product, hardwareId),
    bundleLicenses: (bundleId) => inBundle.get(bundleId) ?? NONE,
    ssoAccount: (code) => ssoAccounts.find((account) => account.customer_account_code === code),
    allLicenses: () => licenses.values(),
    toSeed: () => {
      const { sso, sso_accounts, ...rest } = head()
      return { ...rest, licenses: [...licenses.values()].map(licenseState), sso, ...(sso_accounts ? { sso_accounts } : {}) }
    },
    onDbChange(listener) {
      dbListeners.push(listener)
    },
    takeChanges() {
      const ids = [...changed]
      changed.clear()
      return ids
    },
    stateHead: () => head(),
    licenseList: () => [...licenses.values()],
  }
}

/** A product in seed format: what it says beyond the defaults (so a state stays as short as its seed). */
function productState(product: ProductRecord): NonNullable<SeedInput['products']>[number] {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(product)) {
    if (!(key in PRODUCT_DEFAULTS) || !isDeepStrictEqual(value, PRODUCT_DEFAULTS[key])) out[key] = value
  }
  return out as NonNullable<SeedInput['products']>[number]
}
const PRODUCT_DEFAULTS: Record<string, unknown> = productSchema.parse({ short_code: 'x' })
delete PRODUCT_DEFAULTS.short_code
delete PRODUCT_DEFAULTS.authorization_method

/** A device gives its floating slot back (released, or found expired). */
function clearSlot(license: LicenseRecord, device: DeviceRecord): void {
  if (device.floating_in_use) license.floating_in_use_devices = Math.max(0, license.floating_in_use_devices - 1)
  device.floating_in_use = false
  device.floating_last_check = undefined
  device.borrowed_until = undefined
}

/** A record written through `db`, checked with the seed's own schema, as a store record. */
function parseWith<T extends object>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
  make: (fields: T) => T,
): { record: T } | { issues: DbIssue[] } {
  const parsed = schema.safeParse(value)
  if (parsed.success) return { record: make(parsed.data) }
  return { issues: parsed.error.issues.map((issue) => ({ message: issue.message, path: issue.path })) }
}
