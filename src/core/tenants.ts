// The tenants of one engine: isolated states, each with its store, clock and faults, found by
// the credentials a request carries. Every change of a tenant's store goes through `swap`, which
// builds the new store first and only then, after checking nothing changed meanwhile, installs it.
import { randomBytes, randomUUID } from 'node:crypto'
import { createClock, type Clock } from './clock.ts'
import { createFaults, type Faults } from './faults.ts'
import { ok, problem, type Problem, type Result } from './result.ts'
import { validateSeed, type Seed } from './seed.ts'
import { snapshotSeed, type SeedSnapshot } from './snapshot.ts'
import { createStore, type CredentialRecord, type Store } from './store.ts'

export const DEFAULT_TENANT = 'default'

export interface Tenant {
  readonly id: string
  /**
   * The seed it was created from; `reset` goes back to it. Kept compressed, not as objects: each
   * read rebuilds it (a fresh copy, equal to that seed).
   */
  readonly initial: Seed
  store: Store
  readonly clock: Clock
  readonly faults: Faults
}

/** A created tenant and its first credential's keys (HMAC, or OAuth client credentials). */
export interface Created {
  tenant: string
  api_key?: string
  shared_key?: string
  client_id?: string
  client_secret?: string
}

/** What identifies a credential: each is unique across tenants. */
export type CredentialKey = 'api_key' | 'bearer_token' | 'client_id'
const CREDENTIAL_KEYS: readonly CredentialKey[] = ['api_key', 'bearer_token', 'client_id']

export interface Tenants {
  get(id?: string): Tenant | undefined
  all(): Tenant[]
  /** The tenant whose credential has this API key, bearer token or client id. */
  find(key: CredentialKey, value: string): Tenant | undefined
  /** A new tenant from a seed document; credentials are made up when it has none. */
  create(input: unknown, id?: string): Promise<Result<Created, Problem>>
  remove(id: string): boolean
  /** A tenant's state replaced by a seed document, atomically: all of it or nothing. */
  replace(id: string, input: unknown): Promise<Result<null, Problem>>
  /** One tenant back to its seed, its faults cleared, its clock real; others untouched. */
  reset(id: string): Promise<Result<null, Problem>>
  /** The default tenant back to its seed; other tenants gone; clock real, faults cleared. */
  resetAll(): Promise<void>
}

export interface TenantsOptions {
  seed: Seed
  initial?: SeedSnapshot
  clock?: Clock | Date
  faults?: Faults
  realNow: () => number
  /** A tenant's state changed (replaced, reset, or changed in-process through its db). */
  changed: (id: string) => void
  /** Fill each store's @msw/data collections before it is installed (else on first use). */
  eagerModel?: boolean
}

const invalidSeed = (issues: { path: string; message: string }[]) => problem(400, 'invalid seed', issues)

export async function createTenants(options: TenantsOptions): Promise<Tenants> {
  // Only these are read after start: a closure that read `options` would keep the seed's objects
  // (options.seed) alive as long as the tenants, 1.3 MB a 2 000-license seed (heap snapshot).
  const { changed, realNow, eagerModel } = options
  const tenants = new Map<string, Tenant>()
  // per credential key: its value → tenant id
  const owners = new Map<CredentialKey, Map<string, string>>(CREDENTIAL_KEYS.map((key) => [key, new Map()]))

  const unindex = (id: string) => {
    for (const byValue of owners.values()) for (const [value, owner] of [...byValue]) if (owner === id) byValue.delete(value)
  }
  const index = (tenant: Tenant) => {
    unindex(tenant.id)
    for (const credential of tenant.store.credentials()) {
      for (const key of CREDENTIAL_KEYS) if (credential[key] !== undefined) owners.get(key)!.set(credential[key], tenant.id)
    }
  }
  /** A credential of these, and which of its keys another tenant already answers to. */
  const takenBy = (credentials: readonly CredentialRecord[], except?: string): [CredentialRecord, CredentialKey] | undefined => {
    for (const credential of credentials) {
      for (const key of CREDENTIAL_KEYS) {
        const owner = credential[key] === undefined ? undefined : owners.get(key)!.get(credential[key])
        if (owner !== undefined && owner !== except) return [credential, key]
      }
    }
    return undefined
  }
  const conflict = ([credential, key]: [CredentialRecord, CredentialKey]) => problem(409, `${key} "${credential[key]}" is already used by another tenant`)

  /** A store built for a tenant: changes made through its db are heard. */
  const storeFor = async (id: string, seed: Seed) => {
    const store = await createStore(seed)
    if (eagerModel) await store.modelReady()
    store.onDbChange((what) => {
      const tenant = tenants.get(id)
      if (tenant?.store !== store) return
      if (what === 'credentials') index(tenant)
      changed(id)
    })
    return store
  }

  /**
   * The one store swap: build the store for `seed`, then — after that await, when another request
   * may have changed the tenants — check the tenant is the one expected and no other tenant took
   * its keys, install the store and index its credentials.
   */
  async function swap(id: string, seed: Seed, expected: Tenant | undefined, make?: (store: Store) => Tenant): Promise<Result<Tenant, Problem>> {
    const store = await storeFor(id, seed)
    const current = tenants.get(id)
    if (expected === undefined && current !== undefined) return problem(409, `tenant "${id}" already exists`)
    if (expected !== undefined && current !== expected) return problem(404, `tenant "${id}" was removed meanwhile`)
    const taken = takenBy(store.credentials(), id)
    if (taken) return conflict(taken)
    const tenant = current ?? make!(store)
    tenant.store = store
    tenants.set(id, tenant)
    index(tenant)
    return ok(tenant)
  }

  const newTenant = (id: string, seed: Seed, clock?: Clock | Date, faults?: Faults, snapshot?: SeedSnapshot) => {
    const initial = snapshot ?? snapshotSeed(seed)
    return (store: Store): Tenant => ({
      id,
      get initial() {
        return initial.restore()
      },
      store,
      clock: clock && !(clock instanceof Date) ? clock : createClock(clock, realNow),
      faults: faults ?? createFaults(),
    })
  }

  const installed = await swap(DEFAULT_TENANT, options.seed, undefined, newTenant(DEFAULT_TENANT, options.seed, options.clock, options.faults, options.initial))
  if (!installed.ok) throw new Error(installed.error.message)

  return {
    get: (id = DEFAULT_TENANT) => tenants.get(id),
    all: () => [...tenants.values()],
    find(key, value) {
      const id = owners.get(key)!.get(value)
      return id === undefined ? undefined : tenants.get(id)
    },
    async create(input, id) {
      const parsed = validateSeed(input ?? {})
      if (!parsed.ok) return invalidSeed(parsed.issues)
      const seed = parsed.seed
      if (seed.credentials.length === 0) {
        seed.credentials.push({ api_key: `key-${randomUUID()}`, shared_key: randomBytes(30).toString('base64url'), revoked: false, read_only: false })
      }
      const tenantId = id ?? `tenant-${randomUUID().slice(0, 8)}`
      if (tenants.has(tenantId)) return problem(409, `tenant "${tenantId}" already exists`)
      const [first] = seed.credentials
      const created = await swap(tenantId, seed, undefined, newTenant(tenantId, seed))
      const keys = { api_key: first.api_key, shared_key: first.shared_key, client_id: first.client_id, client_secret: first.client_secret }
      return created.ok ? ok({ tenant: tenantId, ...(Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined)) as Omit<Created, 'tenant'>) }) : created
    },
    remove(id) {
      if (!tenants.has(id) || id === DEFAULT_TENANT) return false
      tenants.delete(id)
      unindex(id)
      return true
    },
    async replace(id, input) {
      const tenant = tenants.get(id)
      if (!tenant) return problem(404, `no tenant "${id}"`)
      const parsed = validateSeed(input ?? {})
      if (!parsed.ok) return invalidSeed(parsed.issues)
      const swapped = await swap(id, parsed.seed, tenant)
      if (!swapped.ok) return swapped
      changed(id)
      return ok(null)
    },
    async reset(id) {
      const tenant = tenants.get(id)
      if (!tenant) return problem(404, `no tenant "${id}"`)
      const swapped = await swap(id, tenant.initial, tenant)
      if (!swapped.ok) return swapped
      tenant.clock.real()
      tenant.faults.clear()
      changed(id)
      return ok(null)
    },
    async resetAll() {
      // The default tenant keeps its identity: callers hold its clock and faults.
      for (const id of [...tenants.keys()]) {
        if (id === DEFAULT_TENANT) continue
        tenants.delete(id)
        unindex(id)
      }
      const base = tenants.get(DEFAULT_TENANT)!
      const swapped = await swap(DEFAULT_TENANT, base.initial, base)
      if (!swapped.ok) throw new Error(swapped.error.message)
      base.clock.real()
      base.faults.clear()
      changed(DEFAULT_TENANT)
    },
  }
}
