// What companies on OAuth, air-gapped installs and apps sold as bundles or to users do with the
// official Node SDK, unmodified: each flow call by call, with the mock's public key so every
// signature is the SDK's own check. Run over HTTP (node-enterprise.test.ts) and in-process
// through msw (node-enterprise-msw.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { BundleManager, LicenseAPI, LicenseManager } from '@licensespring/node-sdk'
import type { FaultSpec, SeedInput } from '../../src/index.ts'

export const API_KEY = 'enterprise-api-key'
export const SHARED_KEY = 'enterprise-shared-key'
export const CLIENT_ID = 'enterprise-client'
export const CLIENT_SECRET = 'enterprise-client-secret'

/** Written with the seed field names of the project's design. */
export const ENTERPRISE_SEED: SeedInput = {
  credentials: [
    { api_key: API_KEY, shared_key: SHARED_KEY },
    // Short-lived tokens: the SDK keeps its process alive until its token timer fires.
    { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, token_lifetime: 2 },
  ],
  products: [
    { short_code: 'app', name: 'App', features: [{ code: 'reports', feature_type: 'consumption', max_consumption: 20 }] },
    { short_code: 'addon', name: 'Add-on' },
    { short_code: 'suite', name: 'Suite', bundle_products: ['app', 'addon'] },
    { short_code: 'seats', name: 'Seats', authorization_method: 'user' },
  ],
  licenses: [
    { id: 1, product: 'app', license_key: 'APP-OFFLINE', license_type: 'consumption', max_consumptions: 100, max_activations: 5, features: ['reports'] },
    { id: 2, product: 'app', license_key: 'APP-CLOUD', is_floating_cloud: true, floating_users: 1, max_activations: 5 },
    { id: 10, product: 'suite', license_key: 'SUITE-KEY', max_activations: 3 },
    { id: 11, product: 'app', license_key: 'SUITE-KEY', bundle_license_id: 10, max_activations: 3 },
    { id: 12, product: 'addon', license_key: 'SUITE-KEY', bundle_license_id: 10, max_activations: 3 },
    {
      id: 20,
      product: 'seats',
      customer: { email: 'buyer@example.com', company_name: 'Example Ltd' },
      users: [{ email: 'Dev@Example.com', password: 'initial-pass', is_initial_password: true, first_name: 'Dana', last_name: 'Dev', max_activations: 2 }],
    },
    { id: 21, product: 'seats', users: [{ email: 'locked@example.com', password: 'fixed-pass', allow_password_change: false }] },
  ],
  sso: [{ customer_account_code: 'acme', id_token: 'acme-id-token', user: 'dev@example.com' }],
  sso_accounts: [{ customer_account_code: 'acme', authorize_url: 'https://login.example.com/oauth2/authorize' }],
}

export interface EnterpriseTarget {
  /** Base of the License API, e.g. `http://127.0.0.1:4010/api/v4`. */
  apiPath: string
  /** The token endpoint, as `GET oauth_url` names it. */
  tokenUrl: string
  publicKey: string
  state(): Promise<SeedInput>
  fault(spec: FaultSpec): Promise<void>
  /** The portal's files for an air-gapped customer (base64 text). */
  activationFile(input: Record<string, unknown>): Promise<string>
  refreshFile(input: Record<string, unknown>): Promise<string>
}

type LicenseState = NonNullable<SeedInput['licenses']>[number]
const license = async (target: EnterpriseTarget, id: number): Promise<LicenseState> => (await target.state()).licenses!.find((candidate) => candidate.id === id)!
const deviceOf = async (target: EnterpriseTarget, id: number, hardwareId: string) => (await license(target, id)).devices?.filter((row) => row.hardware_id === hardwareId).at(-1)

const common = (target: EnterpriseTarget) => ({ appName: 'enterprise-test', appVersion: '2.0.0', apiPath: target.apiPath, publicKey: target.publicKey })
export const hmacApi = (target: EnterpriseTarget) => new LicenseAPI({ apiKey: API_KEY, sharedKey: SHARED_KEY, ...common(target) })
export const oauthApi = (target: EnterpriseTarget, clientSecret = CLIENT_SECRET) =>
  new LicenseAPI({ clientID: CLIENT_ID, clientSecret, tokenUrl: target.tokenUrl, ...common(target) } as ConstructorParameters<typeof LicenseAPI>[0])

function managed<T>(make: (dir: string) => T, run: (made: T, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ls-enterprise-'))
  return run(make(dir), dir).finally(() => rmSync(dir, { recursive: true, force: true }))
}

/** OAuth: tokens from the token endpoint authorize every call; a wrong secret, an expired token refused with their codes. */
export async function runOAuth(target: EnterpriseTarget): Promise<void> {
  const api = oauthApi(target)
  const activated = await api.activateLicense({ product: 'app', license_key: 'APP-OFFLINE', hardware_id: 'oauth-box' })
  expect(activated).toMatchObject({ license_key: 'APP-OFFLINE', hardware_id: 'oauth-box' })
  expect(await api.checkLicense({ product: 'app', license_key: 'APP-OFFLINE', hardware_id: 'oauth-box' })).toMatchObject({ license_active: true })

  // A wrong secret: the token endpoint's 401 reaches the caller as axios's error (the SDK does not wrap it).
  const wrong = oauthApi(target, 'not-the-secret')
  const refused = (await wrong.checkLicense({ product: 'app', license_key: 'APP-OFFLINE', hardware_id: 'oauth-box' }).catch((error: unknown) => error)) as {
    response?: { status: number; data: unknown }
  }
  expect(refused.response).toMatchObject({ status: 401, data: { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' } })

  // The client's tokens expire once (a fault fires once by default for this code), then work again.
  await target.fault({ match: { client_id: CLIENT_ID }, error: 'oauth_token_expired' })
  await expect(api.checkLicense({ product: 'app', license_key: 'APP-OFFLINE', hardware_id: 'oauth-box' })).rejects.toEqual({
    status: 401,
    code: 'oauth_token_expired',
    message: 'The access token has expired; get a new one from the token endpoint',
  })
  expect(await api.deactivateLicense({ product: 'app', license_key: 'APP-OFFLINE', hardware_id: 'oauth-box' })).toBe(true)
  expect((await deviceOf(target, 1, 'oauth-box'))?.active).toBe(false)
}

/** The offline endpoints through LicenseAPI: the SDK's own request files, signed with its keys (shared key, or client secret). */
export async function runOfflineApi(target: EnterpriseTarget, auth: 'hmac' | 'oauth'): Promise<void> {
  const api = auth === 'hmac' ? hmacApi(target) : oauthApi(target)
  const hardware_id = `offline-${auth}`
  const request = api.createOfflineActivationPayload({ product: 'app', license_key: 'APP-OFFLINE', hardware_id } as never)
  // The SDK verifies v1 and v2 in the body before it resolves.
  const answer = await api.activateOffline(request)
  expect(answer).toMatchObject({ license_key: 'APP-OFFLINE', hardware_id, request_id: JSON.parse(Buffer.from(request, 'base64').toString()).request.request_id })
  expect((await deviceOf(target, 1, hardware_id))?.active).toBe(true)

  const deactivation = api.createOfflineDeactivationPayload({ product: 'app', license_key: 'APP-OFFLINE', hardware_id } as never)
  expect(await api.deactivateOffline(deactivation)).toBe(true)
  expect((await deviceOf(target, 1, hardware_id))?.active).toBe(false)

  // A request file whose signature is not its request's HMAC with our keys.
  const decoded = JSON.parse(Buffer.from(request, 'base64').toString()) as { request: object; signature: string }
  const forged = Buffer.from(JSON.stringify({ ...decoded, request: { ...decoded.request, license_key: 'APP-CLOUD' } })).toString('base64')
  await expect(api.activateOffline(forged)).rejects.toEqual({ status: 400, code: 'signature_mismatch', message: 'Signature mismatch' })
  // A floating cloud license cannot live offline.
  const cloud = api.createOfflineActivationPayload({ product: 'app', license_key: 'APP-CLOUD', hardware_id } as never)
  await expect(api.activateOffline(cloud)).rejects.toEqual({ status: 400, code: 'offline_floating_cloud_not_supported', message: ' Floating cloud licenses cannot be activated offline.' })
  expect((await license(target, 2)).devices ?? []).toEqual([])
}

/** LicenseManager's air-gapped flow: request file → the portal's .lic → local license → refresh file → offline deactivation. */
export function runOfflineManager(target: EnterpriseTarget): Promise<void> {
  const make = (dir: string) =>
    new LicenseManager({ apiKey: API_KEY, sharedKey: SHARED_KEY, productCode: 'app', hardwareID: 'air-gapped', filePath: dir, gracePeriod: 0, ...common(target) })
  return managed(make, async (manager, dir) => {
    const request = manager.createOfflineActivationPayload({ license_key: 'APP-OFFLINE' } as never)
    const lic = await target.activationFile({ request })
    manager.activateOffline(lic)
    expect((await deviceOf(target, 1, 'air-gapped'))?.active).toBe(true)
    const local = manager.loadLicense()
    expect(await local.localCheck()).toBe(true)

    // Consumptions counted online since show in the refresh file the device is given.
    await hmacApi(target).addConsumption({ product: 'app', license_key: 'APP-OFFLINE', hardware_id: 'air-gapped', consumptions: 7 })
    const refresh = join(dir, 'refresh.lic')
    writeFileSync(refresh, await target.refreshFile({ product: 'app', license_key: 'APP-OFFLINE', hardware_id: 'air-gapped' }))
    // The SDK checks v1, v2 over all but itself, the offline HMAC, the hardware and the product.
    expect(local.updateOffline(refresh, false)).toBe(true)
    expect(manager.loadLicense().totalConsumptions).toBe(7)

    const deactivation = manager.createOfflineDeactivationPayload({ license_key: 'APP-OFFLINE' } as never)
    expect(await hmacApi(target).deactivateOffline(deactivation)).toBe(true)
    expect((await deviceOf(target, 1, 'air-gapped'))?.active).toBe(false)
  })
}

/** BundleManager: one key activates, checks and deactivates every license of the bundle. */
export function runBundle(target: EnterpriseTarget): Promise<void> {
  const config = (dir: string) => ({ apiKey: API_KEY, sharedKey: SHARED_KEY, hardwareID: 'bundle-box', filePath: dir, gracePeriod: 0, ...common(target) })
  return managed(
    (dir) => new BundleManager({ ...config(dir), productCode: 'suite' }),
    async (bundle, dir) => {
      const activated = await bundle.activateBundle({ license_key: 'SUITE-KEY' })
      expect(activated.map((member) => member.product_details?.short_code)).toEqual(['app', 'addon'])
      expect((await deviceOf(target, 11, 'bundle-box'))?.active).toBe(true)
      expect((await deviceOf(target, 12, 'bundle-box'))?.active).toBe(true)
      expect((await bundle.checkBundle({ license_key: 'SUITE-KEY' })).map((member) => member.license_active)).toEqual([true, true])
      // A member product's own manager, on the same file, checks its license alone.
      const app = new LicenseManager({ ...config(dir), productCode: 'app' })
      expect(await app.loadLicense().check()).toMatchObject({ license_key: 'SUITE-KEY', id: 11 })
      expect(await bundle.deactivateBundle({ license_key: 'SUITE-KEY' })).toBe(true)
      expect((await deviceOf(target, 11, 'bundle-box'))?.active).toBe(false)
      expect((await deviceOf(target, 12, 'bundle-box'))?.active).toBe(false)
      await expect(bundle.deactivateBundle({ license_key: 'SUITE-KEY' })).rejects.toMatchObject({ code: 'device_not_found' })
    },
  )
}

/** User-based apps: a user's licenses, a customer's users, the SSO URL, and a password changed. */
export function runUsers(target: EnterpriseTarget): Promise<void> {
  const make = (dir: string) =>
    new LicenseManager({ apiKey: API_KEY, sharedKey: SHARED_KEY, productCode: 'seats', hardwareID: 'user-box', filePath: dir, gracePeriod: 0, ...common(target) })
  return managed(make, async (manager) => {
    const licenses = await manager.getUserLicenses({ username: 'dev@example.com', password: 'initial-pass' })
    expect(licenses).toEqual([expect.objectContaining({ license: expect.objectContaining({ id: 20 }), user: expect.objectContaining({ email: 'Dev@Example.com', is_initial_password: true }) })])
    await expect(manager.getUserLicenses({ username: 'dev@example.com', password: 'wrong' })).rejects.toMatchObject({ code: 'license_not_found' })
    // The SSO identity reads as the same user.
    expect(await manager.getUserLicenses({ id_token: 'acme-id-token', customer_account_code: 'acme' })).toHaveLength(1)

    const users = await manager.getCustomerLicenseUsers({ customer: 'buyer@example.com' })
    expect(users).toMatchObject({ customer: { email: 'buyer@example.com' }, users: [{ email: 'Dev@Example.com', license_id: 20, is_initial_password: true }] })
    await expect(manager.getCustomerLicenseUsers({ customer: 'nobody@example.com' })).rejects.toMatchObject({ code: 'customer_does_not_exist' })

    const sso = await manager.getSSOUrl({ customer_account_code: 'acme', response_type: 'code' })
    expect(new URL(sso.url)).toMatchObject({ origin: 'https://login.example.com', pathname: '/oauth2/authorize' })
    expect(new URL(sso.url).searchParams.get('response_type')).toBe('code')
    await expect(manager.getSSOUrl({ customer_account_code: 'unknown', response_type: 'token' })).rejects.toMatchObject({ code: 'customer_account_not_found' })

    // The new password works, the old one stops working, and it is no longer the initial one.
    expect(await manager.changePassword({ username: 'dev@example.com', password: 'initial-pass', new_password: 'chosen-pass' })).toBe(true)
    await expect(manager.getUserLicenses({ username: 'dev@example.com', password: 'initial-pass' })).rejects.toMatchObject({ code: 'license_not_found' })
    expect(await manager.getUserLicenses({ username: 'dev@example.com', password: 'chosen-pass' })).toEqual([expect.objectContaining({ user: expect.objectContaining({ is_initial_password: false }) })])
    const activated = await manager.activateLicense({ username: 'dev@example.com', password: 'chosen-pass' })
    expect(activated).toMatchObject({ id: 20 })
    await expect(manager.changePassword({ username: 'locked@example.com', password: 'fixed-pass', new_password: 'other' })).rejects.toMatchObject({ code: 'change_password_not_allowed' })
  })
}
