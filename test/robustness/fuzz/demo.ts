// The demo seed as the fuzz uses it: its credentials, and the identities a real client would send
// (a license of a product, its key or one of its users, SSO tokens, a device, a feature), each
// coherent with one license, so that plausible requests reach the success paths.
import fc from 'fast-check'
import type { SeedInput } from '../../../src/core/seed.ts'
import { resolveSeed } from '../../../src/seed-file.ts'
import { DEMO, DEMO_BEARER, DEMO_SEED_FILE } from '../../support/demo.ts'
export { DEMO, DEMO_BEARER, DEMO_SEED_FILE }

export type License = NonNullable<SeedInput['licenses']>[number]
export type Device = NonNullable<License['devices']>[number]
export type User = NonNullable<License['users']>[number]

export const demo = resolveSeed(DEMO_SEED_FILE)
const licenses = demo.licenses
const products = demo.products

/** Hardware ids no demo license has: activations of these add device rows. */
export const NEW_DEVICES = ['fuzz-device-1', 'fuzz-device-2'] as const

const unique = <T>(items: Iterable<T>) => [...new Set(items)]
const featureCode = (feature: string | { code: string }) => (typeof feature === 'string' ? feature : feature.code)

/** Every value of the demo seed a request field can name, by field name. */
export const SEED_VALUES = {
  hardware_id: unique([...licenses.flatMap((license) => license.devices.map((device) => device.hardware_id)), ...licenses.flatMap((license) => (license.trial_hardware_id ? [license.trial_hardware_id] : [])), ...NEW_DEVICES]),
  product: products.map((product) => product.short_code),
  license_key: unique(licenses.flatMap((license) => (license.license_key ? [license.license_key] : []))),
  username: unique(licenses.flatMap((license) => license.users.map((user) => user.email))),
  password: unique([...licenses.flatMap((license) => license.users.flatMap((user) => (user.password ? [user.password] : []))), 'wrong']),
  license_id: [...licenses.map((license) => license.id!), 9999],
  id_token: unique([...demo.sso.flatMap((entry) => (entry.id_token ? [entry.id_token] : [])), 'nope']),
  code: unique([...demo.sso.flatMap((entry) => (entry.code ? [entry.code] : [])), 'nope']),
  customer_account_code: unique([...demo.sso.map((entry) => entry.customer_account_code), ...(demo.sso_accounts ?? []).map((account) => account.customer_account_code), 'other']),
  customer: unique([...licenses.flatMap((license) => (license.customer?.email ? [license.customer.email] : [])), 'nobody@example.com']),
  feature: unique([...products.flatMap((product) => product.features.map((feature) => feature.code)), 'no-such-feature']),
  version: unique([...products.flatMap((product) => product.versions.map((version) => version.version)), '0.0.1']),
  env: unique(products.flatMap((product) => product.versions.flatMap((version) => (version.environment ? [version.environment] : [])))),
  channel: unique(products.flatMap((product) => product.versions.flatMap((version) => (version.channel ? [version.channel] : [])))),
  client_id: unique([...demo.credentials.flatMap((credential) => (credential.client_id ? [credential.client_id] : [])), 'no-such-client']),
  client_secret: unique([...demo.credentials.flatMap((credential) => (credential.client_secret ? [credential.client_secret] : [])), 'wrong']),
  api_key: demo.credentials.flatMap((credential) => (credential.api_key ? [credential.api_key] : [])),
} as const satisfies Record<string, readonly unknown[]>

/** The identity fields one license answers to, in each way it can be named. */
export interface Identity {
  license: License
  product: string
  /** The ways of naming the license, each a set of fields (key; user and password; SSO). */
  names: readonly Readonly<Record<string, string>>[]
  hardwareIds: readonly string[]
  features: readonly string[]
  customers: readonly string[]
}

const productOf = (shortCode: string) => products.find((product) => product.short_code === shortCode)

function identityOf(license: License): Identity {
  const product = productOf(license.product)
  const names: Record<string, string>[] = []
  if (license.license_key) names.push({ license_key: license.license_key })
  for (const user of license.users ?? []) {
    names.push(user.password ? { username: user.email, password: user.password } : { username: user.email })
    names.push({ username: user.email })
    for (const entry of demo.sso.filter((sso) => sso.user === user.email)) {
      names.push({ ...(entry.id_token ? { id_token: entry.id_token } : { code: entry.code! }), customer_account_code: entry.customer_account_code })
    }
  }
  // A bundle license's devices are its members'.
  const members = licenses.filter((candidate) => candidate.bundle_license_id === license.id)
  const hardwareIds = unique([...[license, ...members].flatMap((each) => (each.devices ?? []).map((device) => device.hardware_id)), ...(license.trial_hardware_id ? [license.trial_hardware_id] : []), ...NEW_DEVICES])
  const features = unique([...(license.features ?? []).map(featureCode), ...(product?.features ?? []).map((feature) => feature.code), 'no-such-feature'])
  const customers = unique([...(license.customer?.email ? [license.customer.email] : []), ...(license.users ?? []).map((user) => user.email)])
  return { license, product: license.product, names, hardwareIds, features, customers }
}

export const IDENTITIES: readonly Identity[] = licenses.map(identityOf)

/** OAuth clients as the token endpoint is asked for them. */
const CLIENTS = demo.credentials.flatMap((credential) => (credential.client_id ? [{ grant_type: 'client_credentials', client_id: credential.client_id, client_secret: credential.client_secret! }] : []))

const activeDevices = (identity: Identity) => identity.hardwareIds.filter((id) => [identity.license, ...licenses.filter((member) => member.bundle_license_id === identity.license.id)].some((each) => (each.devices ?? []).some((device) => device.hardware_id === id && device.active !== false)))

/** What an endpoint would rather be sent: a new device or an active one; features of a kind. */
export interface Preferences {
  devices: 'active' | 'new'
  feature?: (feature: { code: string; feature_type?: string; is_floating_cloud?: boolean }) => boolean
}

/** Mostly one of the preferred, sometimes any (of a non-empty list). */
const mostly = <T>(preferred: readonly T[], all: readonly T[]) =>
  preferred.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...preferred) }, { weight: 1, arbitrary: fc.constantFrom(...all) }) : fc.constantFrom(...all)

/**
 * One license of these, and one of its names (made of the fields the endpoint takes), one of its
 * devices (mostly an active one, or mostly a new one), one of its features (mostly of the kind
 * preferred), its customer; an OAuth client.
 */
export function identities(among: readonly Identity[], fields: ReadonlySet<string>, preferences: Preferences = { devices: 'active' }) {
  return fc.constantFrom(...among).chain((identity) => {
    const names = identity.names.filter((name) => Object.keys(name).every((field) => fields.has(field)))
    const devices = preferences.devices === 'new' ? NEW_DEVICES : activeDevices(identity)
    const product = productOf(identity.product)
    // The license's own features (of the kind preferred), before the product's others and unknown ones.
    const features = (identity.license.features ?? []).map(featureCode).filter((code) => {
      const feature = product?.features.find((candidate) => candidate.code === code)
      return feature !== undefined && (preferences.feature?.(feature) ?? true)
    })
    return fc.record({
      identity: fc.constant(identity),
      name: names.length > 0 ? fc.constantFrom(...names) : fc.constant({}),
      hardware_id: mostly(devices, identity.hardwareIds),
      feature: mostly(features, identity.features),
      customer: mostly(identity.license.customer?.email ? [identity.license.customer.email] : [], identity.customers.length > 0 ? identity.customers : SEED_VALUES.customer),
      client: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CLIENTS) }, { weight: 1, arbitrary: fc.record({ grant_type: fc.constantFrom('client_credentials', 'password'), client_id: fc.constantFrom(...SEED_VALUES.client_id), client_secret: fc.constantFrom(...SEED_VALUES.client_secret) }) }),
      withId: fc.boolean(),
    })
  })
}
export type PickedIdentity = ReturnType<typeof identities> extends fc.Arbitrary<infer T> ? T : never
