// trial_key: the first call for a product and machine issues a trial license; the same machine
// gets it back, and after it has expired, trial_expired.
import { createHash } from 'node:crypto'
import { fail } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import type { LicenseSeed } from '../seed.ts'
import type { CredentialRecord, LicenseRecord, ProductRecord, Store } from '../store.ts'
import { findProduct, isExpired, type Rule } from './shared.ts'

export interface TrialQuery {
  product: string
  hardware_id?: string
  email?: string
  first_name?: string
  last_name?: string
  phone?: string
  address?: string
  postcode?: string
  state?: string
  country?: string
  city?: string
  reference?: string
  company_name?: string
}

export interface TrialFound {
  query: TrialQuery & { hardware_id: string }
  product: ProductRecord
  /** This machine's trial of the product, if it has one. */
  existing?: LicenseRecord
  now: Date
}

/** hardware_id (its own code), then rows 13–14. */
export function findTrial(query: TrialQuery, credential: CredentialRecord, store: Store, now: Date): Result<TrialFound> {
  if (!query.hardware_id) return fail('missing_hardware_id')
  const product = findProduct(query.product, credential, store)
  if (!product.ok) return product
  const hardware_id = query.hardware_id
  return ok({ query: { ...query, hardware_id }, product: product.value, existing: store.trialOf(query.product, hardware_id), now })
}

export const TRIAL_CHECKS: readonly Rule<TrialFound>[] = [
  { row: 'T1', code: 'trial_not_allowed', check: ({ product }) => (product.allow_trial ? undefined : fail('trial_not_allowed')) },
  { row: 'T2', code: 'email_missing', check: ({ product, query }) => (product.authorization_method === 'user' && !query.email ? fail('email_missing') : undefined) },
  { row: 'T3', code: 'trial_expired', check: ({ existing, now }) => (existing && isExpired(existing.validity_period, now) ? fail('trial_expired') : undefined) },
]

/** A hex digest of the machine and product: the same machine's trial has the same key (or password). */
const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').toUpperCase()

/** The license a new trial is: time-limited for the product's trial_days from now, one activation. */
export function trialLicense({ query, product, now }: TrialFound): Omit<LicenseSeed, 'id'> {
  const user = product.authorization_method === 'user'
  const hash = digest('trial', product.short_code, query.hardware_id)
  const customer = query.email ? customerOf(query) : undefined
  return {
    product: product.short_code,
    ...(user ? {} : { license_key: `TRIAL-${hash.slice(0, 4)}-${hash.slice(4, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}` }),
    license_type: 'time-limited',
    enabled: true,
    start_date: null,
    validity_period: new Date(now.getTime() + product.trial_days * 86_400_000).toISOString(),
    max_activations: 1,
    allow_unlimited_activations: false,
    prevent_vm: product.prevent_vm,
    max_transfers: 0,
    transfer_count: 0,
    prevent_transfers: false,
    is_floating: false,
    is_floating_cloud: false,
    floating_users: 0,
    max_consumptions: 0,
    total_consumptions: 0,
    allow_unlimited_consumptions: false,
    allow_negative_consumptions: false,
    allow_overages: false,
    max_overages: 0,
    users: user ? [{ email: query.email!, password: initialPassword(query.email!, query.hardware_id), allow_unlimited_activations: false }] : [],
    devices: [],
    // A trial carries every feature of its product.
    features: product.features.map((feature) => feature.code),
    ...(customer ? { customer } : {}),
    is_trial: true,
    trial_hardware_id: query.hardware_id,
  }
}

export const initialPassword = (email: string, hardwareId: string) => digest('password', email.toLowerCase(), hardwareId).slice(0, 12).toLowerCase()

function customerOf(query: TrialQuery): NonNullable<LicenseSeed['customer']> {
  const fields = ['first_name', 'last_name', 'phone', 'address', 'postcode', 'state', 'country', 'city', 'reference', 'company_name'] as const
  const customer: NonNullable<LicenseSeed['customer']> = { email: query.email! }
  for (const field of fields) if (query[field]) customer[field] = query[field]
  return customer
}
