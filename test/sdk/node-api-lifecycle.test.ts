// Every lifecycle endpoint through the official Node SDK's LicenseAPI, unmodified, against the
// standalone server: each answer the SDK verifies carries a signature it accepts, and errors
// reach the SDK as the documented envelope.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { LicenseAPI } from '@licensespring/node-sdk'
import { startMockServer, type RunningServer } from '../../src/index.ts'
import { API_KEY, MANAGER_SEED, SHARED_KEY } from './manager-flow.ts'

let server: RunningServer
let api: LicenseAPI
const key = { product: 'sdk', license_key: 'SDK-LIFECYCLE', hardware_id: 'api-machine' }

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: MANAGER_SEED })
  api = new LicenseAPI({ apiKey: API_KEY, sharedKey: SHARED_KEY, appName: 'api-test', appVersion: '1.0.0', apiPath: `${server.url}/api/v4`, publicKey: server.engine.publicKey })
})
beforeEach(async () => {
  await server.engine.reset()
  await api.activateLicense(key)
})
afterAll(() => server.close())

test('consumptions: license and feature, within their limits', async () => {
  expect(await api.addConsumption({ ...key, consumptions: 4 })).toMatchObject({ id: 11, total_consumptions: 4, max_consumptions: 100 })
  await expect(api.addConsumption({ ...key, consumptions: 97 })).rejects.toEqual({ status: 400, code: 'license_not_enough_consumptions', message: 'Not enough consumptions left' })
  expect(await api.addFeatureConsumption({ ...key, feature: 'reports', consumptions: 2 })).toMatchObject({ total_consumptions: 3, max_consumptions: 10, license_id: 11 })
  await expect(api.addFeatureConsumption({ ...key, feature: 'export', consumptions: 1 })).rejects.toMatchObject({ code: 'feature_not_consumption' })
})

test('features: check takes the floating slot, release frees it, borrow holds it', async () => {
  expect(await api.checkLicenseFeature({ ...key, feature: 'seat' })).toMatchObject({ code: 'seat', is_floating_cloud: true, floating_in_use_devices: 1 })
  expect(await api.featureRelease({ ...key, feature: 'seat' })).toBe(true)
  await expect(api.featureRelease({ ...key, feature: 'seat' })).rejects.toMatchObject({ code: 'floating_feature_device_not_in_use' })
  const until = new Date(Date.now() + 600_000).toISOString()
  expect(await api.featureBorrow({ ...key, feature: 'seat', borrowed_until: until })).toMatchObject({ borrowed_until: until, license_id: 11 })
  await expect(api.checkLicenseFeature({ ...key, feature: 'nope' })).rejects.toMatchObject({ code: 'unsupported_product_feature' })
})

test('floating cloud: borrow and release through the API', async () => {
  const floating = { product: 'sdk', license_key: 'SDK-FLOATING', hardware_id: 'api-float' }
  await api.activateLicense(floating)
  const until = new Date(Date.now() + 600_000).toISOString()
  expect(await api.floatingBorrow({ ...floating, borrowed_until: until })).toMatchObject({ borrowed_until: until, max_borrow_time: 48 })
  expect(await api.floatingRelease(floating)).toBe(true)
  await expect(api.floatingBorrow({ ...key, borrowed_until: null })).rejects.toMatchObject({ code: 'license_not_floating' })
})

test('device variables, product details, versions and installation file, trial', async () => {
  expect(await api.trackDeviceVariables({ ...key, variables: { theme: 'dark' } })).toEqual([expect.objectContaining({ variable: 'theme', value: 'dark' })])
  expect(await api.getDeviceVariables(key)).toEqual([expect.objectContaining({ variable: 'theme', value: 'dark' })])
  expect(await api.getProductDetails({ product: 'sdk', include_custom_fields: true })).toMatchObject({ short_code: 'sdk', custom_fields: [{ name: 'tier', value: 'standard' }] })
  expect(await api.getVersions(key)).toHaveLength(2)
  expect(await api.getInstallationFile({ ...key, channel: 'stable' })).toMatchObject({ version: '1.1.0' })
  await expect(api.getInstallationFile({ ...key, version: '9.9.9' })).rejects.toMatchObject({ code: 'version_not_found' })
  expect(await api.getTrialKey({ product: 'sdk', hardware_id: 'new-box' })).toMatchObject({ is_trial: true, license_key: expect.stringMatching(/^TRIAL-/) })
})
