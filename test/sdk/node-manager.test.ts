// The official Node SDK's LicenseManager, unmodified, against the standalone server: the whole
// application lifecycle (test/sdk/manager-flow.ts), every answer checked against the spec.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { startMockServer, type RunningServer } from '../../src/index.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { MANAGER_SEED, runFloatingLifecycle, runLicenseLifecycle, runTrialAndFeatureBorrow, type FlowTarget } from './manager-flow.ts'

let server: RunningServer
let target: FlowTarget
const answers: { method: string; path: string; status: number; body: string; headers: Record<string, string> }[] = []

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: MANAGER_SEED })
  const handle = server.engine.handle
  server.engine.handle = (request) => {
    const response = handle(request)
    answers.push({ method: request.method, path: request.path, status: response.status, body: response.body, headers: response.headers })
    return response
  }
  target = {
    apiPath: `${server.url}/api/v4`,
    publicKey: server.engine.publicKey,
    state: async () => server.engine.tenant()!.store.toSeed(),
    journal: () => server.engine.journal.list().map((entry) => `${entry.method} ${entry.path} ${entry.code}`).reverse(),
  }
})
beforeEach(async () => {
  await server.engine.reset()
})
afterAll(async () => {
  for (const answer of answers) assertConformsToSpec(answer.status, answer.body, answer.path, answer.method.toLowerCase(), answer.headers)
  await server.close()
})

test('LicenseManager: product details, activation, checks, consumptions, features, variables, versions, deactivation', async () => {
  await runLicenseLifecycle(target)
  expect(target.journal()).toEqual(expect.arrayContaining(['POST /api/v4/add_consumption consumption_added', 'GET /api/v4/check_license_feature feature_checked']))
})

test('LicenseManager: a floating cloud license borrowed and released', async () => {
  await runFloatingLifecycle(target)
})

test('LicenseManager: a trial, and a floating feature borrowed', async () => {
  await runTrialAndFeatureBorrow(target)
})
