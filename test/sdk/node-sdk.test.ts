// LicenseSpring's official Node SDK (@licensespring/node-sdk, unmodified) against the standalone
// server: it verifies both response signatures with our public key, so a flow that passes here
// passes its real code paths, not a stub of them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { LicenseAPI } from '@licensespring/node-sdk'
import { generateSigningKey, startMockServer, type RunningServer } from '../../src/index.ts'
import { assertConformsToSpec } from '../support/spec.ts'

const API_KEY = 'sdk-api-key'
const SHARED_KEY = 'sdk-shared-key'

let server: RunningServer
/** Every answer the SDK got, checked against the spec after the flows. */
const answers: { method: string; path: string; status: number; body: string; headers: Record<string, string> }[] = []

beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    seed: {
      credentials: [{ api_key: API_KEY, shared_key: SHARED_KEY }],
      products: [
        { short_code: 'sdk', name: 'SDK product', authorization_method: 'license-key' },
        { short_code: 'sdk-user', authorization_method: 'user' },
      ],
      licenses: [
        { id: 1, product: 'sdk', license_key: 'SDK-KEY-0001', max_activations: 1, max_transfers: 3 },
        { id: 2, product: 'sdk', license_key: 'SDK-TIMED', license_type: 'time-limited', validity_period: '2099-06-30', max_activations: 1 },
        { id: 3, product: 'sdk-user', users: [{ email: 'Dev@Example.com', password: 'secret', max_activations: 1 }] },
      ],
    },
  })
  // The wire, as the SDK saw it: the engine's answers through the server's journal would not
  // show headers, so every response is recorded by wrapping the adapter's engine call.
  const handle = server.engine.handle
  server.engine.handle = (request) => {
    const response = handle(request)
    answers.push({ method: request.method, path: request.path, status: response.status, body: response.body, headers: response.headers })
    return response
  }
})
afterAll(() => server?.close())

const sdk = () =>
  new LicenseAPI({ apiKey: API_KEY, sharedKey: SHARED_KEY, appName: 'sdk-test', appVersion: '1.0.0', apiPath: `${server.url}/api/v4`, publicKey: server.engine.publicKey })

/** The SDK rejects with the error envelope itself. */
async function rejection(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    return error as { status: number; code: string; message: string }
  }
  throw new Error('expected the SDK call to fail')
}

describe('the official Node SDK, configured only with the base URL, keys and our public key', () => {
  test('activate → check → deactivate → check fails → activate elsewhere (a transfer)', async () => {
    const api = sdk()
    const key = { product: 'sdk', license_key: 'SDK-KEY-0001' }

    const activated = await api.activateLicense({ ...key, hardware_id: 'machine-a' })
    expect(activated).toMatchObject({ id: 1, license_key: 'SDK-KEY-0001', active: true, times_activated: 1, transfer_count: 0, hardware_id: 'machine-a' })

    const checked = await api.checkLicense({ ...key, hardware_id: 'machine-a' })
    expect(checked).toMatchObject({ id: 1, license_active: true, license_enabled: true, is_expired: false, times_activated: 1 })
    // device_id is in the answer, though the SDK's CheckLicenseResponse type does not list it.
    expect((checked as { device_id?: number }).device_id).toBe(activated.device_id)

    expect(await api.deactivateLicense({ ...key, hardware_id: 'machine-a' })).toBe(true)
    expect(await rejection(api.checkLicense({ ...key, hardware_id: 'machine-a' }))).toEqual({
      status: 400,
      code: 'device_not_found',
      message: 'An active device matching the hardware_id not found',
    })

    const moved = await api.activateLicense({ ...key, hardware_id: 'machine-b' })
    expect(moved).toMatchObject({ active: true, times_activated: 1, transfer_count: 1, hardware_id: 'machine-b' })
    expect(await api.checkLicense({ ...key, hardware_id: 'machine-b' })).toMatchObject({ license_active: true, transfer_count: 1 })
    // The license is full now: a second device is refused, and the state shows one active device.
    expect((await rejection(api.activateLicense({ ...key, hardware_id: 'machine-c' }))).code).toBe('license_activated_max_times')
    const license = server.engine.tenant()!.store.licenseByKey('sdk', 'SDK-KEY-0001')!
    expect(license.devices.filter((device) => device.active).map((device) => device.hardware_id)).toEqual(['machine-b'])
  })

  test('a license with a validity period: the v1 signature covers it', async () => {
    const activated = await sdk().activateLicense({ product: 'sdk', license_key: 'SDK-TIMED', hardware_id: 'machine-t' })
    expect(activated.validity_period).toBe('2099-06-30T00:00:00.000Z')
    expect(await sdk().checkLicense({ product: 'sdk', license_key: 'SDK-TIMED', hardware_id: 'machine-t' })).toMatchObject({ is_expired: false })
  })

  test('a user-based license: username and password, then check by username', async () => {
    const api = sdk()
    const activated = await api.activateLicense({ product: 'sdk-user', username: 'dev@example.com', password: 'secret', hardware_id: 'machine-u' })
    expect(activated.user).toMatchObject({ email: 'Dev@Example.com', total_activations: 1, max_activations: 1 })
    expect(await api.checkLicense({ product: 'sdk-user', username: 'dev@example.com', hardware_id: 'machine-u' })).toMatchObject({ license_active: true })
    expect(await api.deactivateLicense({ product: 'sdk-user', username: 'dev@example.com', hardware_id: 'machine-u' })).toBe(true)
  })

  test('the SDK refuses answers signed with another key', async () => {
    const other = await startMockServer({ port: 0, seed: { credentials: [{ api_key: API_KEY, shared_key: SHARED_KEY }], products: [{ short_code: 'sdk' }], licenses: [{ product: 'sdk', license_key: 'K' }] }, signingKey: await generateSigningKey() })
    try {
      const api = new LicenseAPI({ apiKey: API_KEY, sharedKey: SHARED_KEY, appName: 'sdk-test', appVersion: '1.0.0', apiPath: `${other.url}/api/v4`, publicKey: server.engine.publicKey })
      expect((await rejection(api.activateLicense({ product: 'sdk', license_key: 'K', hardware_id: 'h' }))).code).toBe('license_signature_invalid')
    } finally {
      await other.close()
    }
  })

  test('every answer the SDK got conforms to the spec, signed ones with their LicenseSignature header', () => {
    expect(answers.length).toBeGreaterThan(10)
    for (const answer of answers) {
      assertConformsToSpec(answer.status, answer.body, answer.path, answer.method.toLowerCase(), answer.headers)
    }
    expect(answers.filter((answer) => answer.headers.licensesignature !== undefined).length).toBeGreaterThanOrEqual(7)
  })
})
