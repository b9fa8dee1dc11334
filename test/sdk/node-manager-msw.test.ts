// The official Node SDK's LicenseManager in-process: msw intercepts its calls to the real API's
// address and createLicenseMock answers them, the same lifecycle as over HTTP (manager-flow.ts).
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, test } from 'vitest'
import { createLicenseMock } from '../../src/index.ts'
import { MANAGER_SEED, runFloatingLifecycle, runLicenseLifecycle, runTrialAndFeatureBorrow, type FlowTarget } from './manager-flow.ts'

const mock = createLicenseMock({ seed: MANAGER_SEED })
const server = setupServer(...mock.handlers)
let target: FlowTarget

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  target = {
    apiPath: 'https://api.licensespring.com/api/v4',
    publicKey: await mock.publicKey(),
    state: () => mock.state.get(),
    journal: () => mock.requests.list().map((entry) => `${entry.method} ${entry.path} ${entry.code}`).reverse(),
  }
})
beforeEach(() => mock.reset())
afterAll(() => server.close())

test('LicenseManager through msw: the whole lifecycle', async () => {
  await runLicenseLifecycle(target)
})

test('LicenseManager through msw: floating borrow and release', async () => {
  await runFloatingLifecycle(target)
})

test('LicenseManager through msw: a trial, and a floating feature borrowed', async () => {
  await runTrialAndFeatureBorrow(target)
})
