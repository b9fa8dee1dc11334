// product_details, versions and installation_file: what a product offers, and to whom.
import { fail } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, ProductRecord, Store } from '../store.ts'
import { latest, versionsFor } from '../views.ts'
import { findDevice, findProduct, SHARED_RULES as SHARED, type DeviceFound, type Identity, type Rule } from './shared.ts'

export interface ProductQuery {
  product: string
  include_latest_version?: boolean
  include_custom_fields?: boolean
  env?: string
}

export interface VersionsQuery extends Identity {
  hardware_id: string
  env?: string
  channel?: string
  version?: string
}

export interface ProductFound {
  query: ProductQuery
  product: ProductRecord
}

/** Rows 13–14 (and the product's own state, in findProduct). */
export function findProductOf(query: ProductQuery, credential: CredentialRecord, store: Store): Result<ProductFound> {
  const product = findProduct(query.product, credential, store)
  return product.ok ? ok({ query, product: product.value }) : product
}

export type VersionsFound = DeviceFound<VersionsQuery>

/** A device active on the license: versions and files are for licensed devices. */
const ACTIVE_LICENSE = {
  row: 'V1',
  code: 'active_license_required',
  check: ({ devices }: VersionsFound) => (devices.some((device) => device.active) ? undefined : fail('active_license_required')),
} as const

export const VERSIONS_CHECKS: readonly Rule<VersionsFound>[] = [SHARED.licenseFault, SHARED[16], SHARED[17], SHARED.deviceFault, SHARED[19], SHARED[20], ACTIVE_LICENSE]

/** The version a request asks for: `version` of the env and channel, else their latest. */
export const requestedVersion = ({ product, request }: VersionsFound) => {
  const versions = versionsFor(product, request.env, request.channel)
  return request.version === undefined ? latest(versions) : versions.find((version) => version.version === request.version)
}

export const INSTALLATION_FILE_CHECKS: readonly Rule<VersionsFound>[] = [
  ...VERSIONS_CHECKS,
  { row: 'V2', code: 'version_not_found', check: (found) => (requestedVersion(found) ? undefined : fail('version_not_found')) },
]

export const findVersions = (query: VersionsQuery, credential: CredentialRecord, store: Store, now: Date) => findDevice(query, credential, store, now)
