// Bundles: a license of a bundle product stands for the licenses of the products it sells
// (their `bundle_license_id`). activate_bundle, check_bundle and deactivate_bundle run the rules
// of activation, check and deactivation on every license of the bundle, in the bundle's product
// order; the first failure answers for the whole bundle and nothing changes (all or nothing).
import { fail, type Failure } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, LicenseRecord, ProductRecord, Store, UserRecord } from '../store.ts'
import { ACTIVATION_CHECKS, type ActivationFound } from './activation.ts'
import { CHECK_CHECKS, type CheckFound } from './check.ts'
import { LICENSE_CHECKS, type DeactivationFound } from './deactivation.ts'
import { firstFailure, identify, type Identity, type Rule } from './shared.ts'

export interface BundleRequest extends Identity {
  hardware_id: string
  is_vm?: boolean
  consumptions?: number
}

export interface BundleFound<F> {
  request: BundleRequest
  bundle: LicenseRecord
  /** The acting user of the bundle license (user-based and SSO). */
  user?: UserRecord
  /** Each license of the bundle, as the endpoint's own rules read it. */
  members: F[]
  now: Date
  store: Store
}

/** Rows 13–15 for the bundle product and its license, then the bundle's licenses. */
export function findBundle<F>(
  request: BundleRequest,
  credential: CredentialRecord,
  store: Store,
  now: Date,
  member: (license: LicenseRecord, product: ProductRecord, user: UserRecord | undefined) => F,
): Result<BundleFound<F>> {
  const product = store.product(request.product)
  // A product that sells nothing together is no bundle: not found as one.
  if (!product?.bundle_products) return fail('unknown_product')
  if (product.disabled) return fail('disabled_product')
  if (product.archived) return fail('archived_product')
  if (credential.products && !credential.products.includes(request.product)) return fail('api_key_product_not_allowed')
  const identified = identify(request, store)
  if (!identified) return fail('license_not_found')
  const { license: bundle, user } = identified
  const members: F[] = []
  for (const code of product.bundle_products) {
    for (const license of store.bundleLicenses(bundle.id)) {
      if (license.product !== code) continue
      const memberUser = user ? store.user(license.id, user.email) : undefined
      members.push(member(license, store.product(code)!, memberUser))
    }
  }
  return ok({ request, bundle, user, members, now, store })
}

/** The endpoint's own table over every license of the bundle: the first failure. */
const overMembers = <F>(row: string, rules: readonly Rule<F>[]): Rule<BundleFound<F>> => ({
  row,
  check: ({ members }): Failure | undefined => {
    for (const member of members) {
      const failure = firstFailure(rules, member)
      if (failure) return failure
    }
    return undefined
  },
})

export const BUNDLE_ACTIVATION_CHECKS: readonly Rule<BundleFound<ActivationFound>>[] = [overMembers('each license: the activation table', ACTIVATION_CHECKS)]
export const BUNDLE_CHECK_CHECKS: readonly Rule<BundleFound<CheckFound>>[] = [overMembers('each license: the check table', CHECK_CHECKS)]
export const BUNDLE_DEACTIVATION_CHECKS: readonly Rule<BundleFound<DeactivationFound>>[] = [overMembers('each license: the deactivation table', LICENSE_CHECKS)]
