// License users and customers: a user's licenses, a customer's users, where a customer account's
// users log in (SSO), and a user's own password.
import { fail } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, LicenseRecord, ProductRecord, Store, UserRecord } from '../store.ts'
import type { SsoAccountSeed } from '../seed.ts'
import { findProduct, type Rule } from './shared.ts'

export interface UserLicensesQuery {
  product: string
  username?: string
  password?: string
  id_token?: string
  code?: string
  customer_account_code?: string
}

export interface UserLicensesFound {
  product: ProductRecord
  /** Every license of the product the user belongs to, with the user's record on it. */
  licenses: { license: LicenseRecord; user: UserRecord }[]
  now: Date
}

/** Rows 13–14, then the user by username (+ password when the user has one) or an SSO identity. */
export function findUserLicenses(query: UserLicensesQuery, credential: CredentialRecord, store: Store, now: Date): Result<UserLicensesFound> {
  const sso = query.id_token !== undefined || query.code !== undefined
  if (query.username === undefined && !sso) return fail('missing_parameters', { fields: 'username (or id_token or code with customer_account_code)' })
  if (query.username === undefined && query.customer_account_code === undefined) return fail('missing_parameters', { fields: 'customer_account_code' })
  const product = findProduct(query.product, credential, store)
  if (!product.ok) return product
  const email = query.username ?? (query.customer_account_code ? store.ssoUser(query.customer_account_code, { id_token: query.id_token, code: query.code }) : undefined)
  const licenses: UserLicensesFound['licenses'] = []
  if (email !== undefined) {
    for (const license of store.licensesOfUser(query.product, email)) {
      const user = store.user(license.id, email)!
      // A wrong password reads as no such user, as activation reads it.
      if (query.username !== undefined && query.password !== undefined && user.password !== undefined && user.password !== query.password) continue
      licenses.push({ license, user })
    }
  }
  return licenses.length > 0 ? ok({ product: product.value, licenses, now }) : fail('license_not_found')
}

export interface CustomerQuery {
  product: string
  customer: string
}

export interface CustomerFound {
  query: CustomerQuery
  product: ProductRecord
  /** The customer's licenses of the product (the rules make sure there are some). */
  licenses: LicenseRecord[]
  /** Whether any license of any product names this customer. */
  known: boolean
}

export function findCustomer(query: CustomerQuery, credential: CredentialRecord, store: Store): Result<CustomerFound> {
  const product = findProduct(query.product, credential, store)
  if (!product.ok) return product
  const email = query.customer.toLowerCase()
  let known = false
  const licenses: LicenseRecord[] = []
  for (const license of store.allLicenses()) {
    if (license.customer?.email.toLowerCase() !== email) continue
    known = true
    if (license.product === query.product) licenses.push(license)
  }
  return ok({ query, product: product.value, licenses, known })
}

export const CUSTOMER_CHECKS: readonly Rule<CustomerFound>[] = [
  { row: 'U1', code: 'customer_does_not_exist', check: ({ known }) => (known ? undefined : fail('customer_does_not_exist')) },
  { row: 'U2', code: 'customer_not_found', check: ({ licenses }) => (licenses.length > 0 ? undefined : fail('customer_not_found')) },
]

export interface SsoQuery {
  product: string
  customer_account_code: string
  response_type?: 'code' | 'token'
  redirect_uri?: string
}

export interface SsoFound {
  query: SsoQuery
  account?: SsoAccountSeed
}

export function findSso(query: SsoQuery, credential: CredentialRecord, store: Store): Result<SsoFound> {
  const product = findProduct(query.product, credential, store)
  if (!product.ok) return product
  return ok({ query, account: store.ssoAccount(query.customer_account_code) })
}

export const SSO_CHECKS: readonly Rule<SsoFound>[] = [
  { row: 'S1', code: 'customer_account_not_found', check: ({ account }) => (account ? undefined : fail('customer_account_not_found')) },
]

export interface PasswordRequest {
  username: string
  password: string
  new_password: string
}

export interface PasswordFound {
  request: PasswordRequest
  /** The user's record on every license they belong to. */
  users: { license: LicenseRecord; user: UserRecord }[]
}

export function findPasswordUser(request: PasswordRequest, store: Store): Result<PasswordFound> {
  const email = request.username.toLowerCase()
  const users: PasswordFound['users'] = []
  for (const license of store.allLicenses()) {
    const user = license.users.find((candidate) => candidate.email.toLowerCase() === email)
    if (user) users.push({ license, user })
  }
  return ok({ request, users })
}

/** An unknown user, a wrong password, and a user who may not change it read alike (x-inferred). */
export const PASSWORD_CHECKS: readonly Rule<PasswordFound>[] = [
  {
    row: 'W1',
    code: 'change_password_not_allowed',
    check: ({ users, request }) =>
      users.length > 0 && users.every(({ user }) => user.allow_password_change !== false && (user.password === undefined || user.password === request.password))
        ? undefined
        : fail('change_password_not_allowed'),
  },
]
