// The official Node SDK in-process: msw's setupServer intercepts its axios calls to the real
// API's address, and createLicenseMock answers them — no port, no process.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { LicenseAPI } from '@licensespring/node-sdk'
import { createLicenseMock } from '../../src/index.ts'

const mock = createLicenseMock({
  seed: {
    credentials: [{ api_key: 'msw-key', shared_key: 'msw-shared' }],
    products: [{ short_code: 'app' }],
    licenses: [{ id: 7, product: 'app', license_key: 'MSW-0001', max_activations: 1 }],
  },
})
const server = setupServer(...mock.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

test('activate → check → deactivate → check fails → activate elsewhere, through msw', async () => {
  const api = new LicenseAPI({
    apiKey: 'msw-key',
    sharedKey: 'msw-shared',
    appName: 'msw-test',
    appVersion: '1.0.0',
    apiPath: 'https://api.licensespring.com/api/v4',
    publicKey: await mock.publicKey(),
  })
  const license = { product: 'app', license_key: 'MSW-0001' }
  expect(await api.activateLicense({ ...license, hardware_id: 'one' })).toMatchObject({ active: true, times_activated: 1 })
  expect(await api.checkLicense({ ...license, hardware_id: 'one' })).toMatchObject({ license_active: true })
  expect(await api.deactivateLicense({ ...license, hardware_id: 'one' })).toBe(true)
  await expect(api.checkLicense({ ...license, hardware_id: 'one' })).rejects.toMatchObject({ status: 400, code: 'device_not_found' })
  expect(await api.activateLicense({ ...license, hardware_id: 'two' })).toMatchObject({ transfer_count: 1, hardware_id: 'two' })
  expect(mock.requests.list().map((entry) => `${entry.method} ${entry.path} ${entry.code}`)).toEqual([
    'POST /api/v4/activate_license license_activated',
    'GET /api/v4/check_license device_not_found',
    'POST /api/v4/deactivate_license license_deactivated',
    'GET /api/v4/check_license license_checked',
    'POST /api/v4/activate_license license_activated',
  ])
})
