// The endpoint table: every License API operation the mock answers, one entry each. Routing,
// the spec check and the docs all read this list.
import { activateBundle, checkBundle, deactivateBundle } from './bundle.ts'
import { addConsumption, addFeatureConsumption } from './consumption.ts'
import type { Endpoint } from './define.ts'
import { getDeviceVariables, trackDeviceVariables } from './device.ts'
import { checkLicenseFeature, floatingBorrow, floatingFeatureBorrow, floatingFeatureRelease, floatingRelease } from './floating.ts'
import { activateLicense, checkLicense, deactivateLicense } from './license.ts'
import { oauthToken, oauthUrl } from './oauth.ts'
import { activateOffline, deactivateOffline } from './offline.ts'
import { installationFile, productDetails, root, trialKey, versions } from './product.ts'
import { changePassword, customerLicenseUsers, ssoUrl, userLicenses } from './users.ts'

export type { Endpoint, Env, Signing, Success } from './define.ts'

export const ENDPOINTS: readonly Endpoint[] = [
  deactivateLicense,
  activateLicense,
  checkLicense,
  addConsumption,
  addFeatureConsumption,
  checkLicenseFeature,
  floatingRelease,
  floatingBorrow,
  floatingFeatureBorrow,
  floatingFeatureRelease,
  trialKey,
  productDetails,
  trackDeviceVariables,
  getDeviceVariables,
  versions,
  installationFile,
  root,
  activateBundle,
  checkBundle,
  deactivateBundle,
  userLicenses,
  customerLicenseUsers,
  ssoUrl,
  changePassword,
  oauthUrl,
  oauthToken,
  activateOffline,
  deactivateOffline,
]

/** path → the entries answering there (one per method). */
const BY_PATH = new Map<string, Endpoint[]>()
for (const endpoint of ENDPOINTS) BY_PATH.set(endpoint.path, [...(BY_PATH.get(endpoint.path) ?? []), endpoint])

/** The entries at a path (a trailing slash ignored); empty when no endpoint lives there. */
export function endpointsAt(path: string): readonly Endpoint[] {
  const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  return BY_PATH.get(bare) ?? []
}
