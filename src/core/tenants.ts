// The tenants of one engine: isolated states, each with its store, clock and faults, found by
// the credentials a request carries. Every change of a tenant's store goes through `swap`, which
// builds the new store first and only then, after checking nothing changed meanwhile, installs it.
import { randomBytes, randomUUID } from 'node:crypto'
import type { AuthHeader } from './auth.ts'
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

export interface Created {
  tenant: string
  api_key: string
  shared_key: string
}

export interface Tenants {
  get(id?: string): Tenant | undefined
  all(): Tenant[]
  /** The tenant that answers to this API key or bearer token. */
  find(auth: AuthHeader): Tenant | undefined
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
  const tenants = new Map<string, Tenant>()
  // api_key / bearer token → tenant id
  const byApiKey = new Map<string, string>()
  const byBearer = new Map<string, string>()

  const unindex = (id: string) => {
    for (const [key, owner] of [...byApiKey]) if (owner === id) byApiKey.delete(key)
    for (const [key, owner] of [...byBearer]) if (owner === id) byBearer.delete(key)
  }
  const index = (tenant: Tenant) => {
    unindex(tenant.id)
    for (const credential of tenant.store.credentials()) {
      byApiKey.set(credential.api_key, tenant.id)
      if (credential.bearer_token) byBearer.set(credential.bearer_token, tenant.id)
    }
  }
  /** A credential of these whose api_key or bearer token another tenant already answers to. */
  const takenBy = (credentials: readonly CredentialRecord[], except?: string) =>
    credentials.find((credential) => {
      const owners = [byApiKey.get(credential.api_key), credential.bearer_token ? byBearer.get(credential.bearer_token) : undefined]
      return owners.some((owner) => owner !== undefined && owner !== except)
    })
  const conflict = (credential: CredentialRecord) => problem(409, `api_key "${credential.api_key}" (or its bearer_token) is already used by another tenant`)

  /** A store built for a tenant: changes made through its db are heard. */
  const storeFor = async (id: string, seed: Seed) => {
    const store = await createStore(seed)
    if (options.eagerModel) await store.modelReady()
    store.onDbChange((what) => {
      const tenant = tenants.get(id)
      if (tenant?.store !== store) return
      if (what === 'credentials') index(tenant)
      options.changed(id)
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
      clock: clock && !(clock instanceof Date) ? clock : createClock(clock, options.realNow),
      faults: faults ?? createFaults(),
    })
  }

  const installed = await swap(DEFAULT_TENANT, options.seed, undefined, newTenant(DEFAULT_TENANT, options.seed, options.clock, options.faults, options.initial))
  if (!installed.ok) throw new Error(installed.error.message)

  return {
    get: (id = DEFAULT_TENANT) => tenants.get(id),
    all: () => [...tenants.values()],
    find(auth) {
      const id = auth.kind === 'hmac' ? byApiKey.get(auth.apiKey) : byBearer.get(auth.token)
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
      return created.ok ? ok({ tenant: tenantId, api_key: first.api_key, shared_key: first.shared_key }) : created
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
      options.changed(id)
      return ok(null)
    },
    async reset(id) {
      const tenant = tenants.get(id)
      if (!tenant) return problem(404, `no tenant "${id}"`)
      const swapped = await swap(id, tenant.initial, tenant)
      if (!swapped.ok) return swapped
      tenant.clock.real()
      tenant.faults.clear()
      options.changed(id)
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
      options.changed(DEFAULT_TENANT)
    },
  }
}
