// The same enterprise flows in-process: msw intercepts the Node SDK's calls to the real API's and
// token endpoint's addresses, createLicenseMock answers them (test/sdk/enterprise-flow.ts).
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, test } from 'vitest'
import { createLicenseMock } from '../../src/index.ts'
import { ENTERPRISE_SEED, runBundle, runOAuth, runOfflineApi, runOfflineManager, runUsers, type EnterpriseTarget } from './enterprise-flow.ts'

const mock = createLicenseMock({ seed: ENTERPRISE_SEED })
const server = setupServer(...mock.handlers)
let target: EnterpriseTarget

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  target = {
    apiPath: 'https://api.licensespring.com/api/v4',
    tokenUrl: 'https://auth.licensespring.com/realms/user-portal/protocol/openid-connect/token',
    publicKey: await mock.publicKey(),
    state: () => mock.state.get(),
    fault: async (spec) => void mock.faults.add(spec),
    activationFile: (input) => mock.offline.activationFile(input as never),
    refreshFile: (input) => mock.offline.refreshFile(input as never),
  }
})
beforeEach(() => mock.reset())
afterAll(() => server.close())

test('OAuth through msw: tokens from the token endpoint', async () => {
  await runOAuth(target)
})

test('offline through msw, shared key and client secret', async () => {
  await runOfflineApi(target, 'hmac')
  await runOfflineApi(target, 'oauth')
})

test("LicenseManager's air-gapped flow through msw", async () => {
  await runOfflineManager(target)
})

test('BundleManager through msw', async () => {
  await runBundle(target)
})

test('user endpoints through msw', async () => {
  await runUsers(target)
})
