// The official Node SDK, unmodified, against the standalone server: OAuth client credentials (the
// token URL read from GET oauth_url), offline request files and the portal's files (admin routes),
// bundles, and the user endpoints (test/sdk/enterprise-flow.ts). Every answer checked against the spec.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { startMockServer, type RunningServer } from '../../src/index.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { ENTERPRISE_SEED, runBundle, runOAuth, runOfflineApi, runOfflineManager, runUsers, type EnterpriseTarget } from './enterprise-flow.ts'

let server: RunningServer
let target: EnterpriseTarget
const answers: { method: string; path: string; status: number; body: string; headers: Record<string, string> }[] = []

async function admin(method: string, path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${server.url}/__admin${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!response.ok) throw Object.assign(new Error(`${method} ${path}: ${response.status} ${await response.clone().text()}`), { response })
  return response
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: ENTERPRISE_SEED })
  const handle = server.engine.handle
  server.engine.handle = (request) => {
    const response = handle(request)
    answers.push({ method: request.method, path: request.path, status: response.status, body: response.body, headers: response.headers })
    return response
  }
  // As the Python SDK finds it: the URL names the address this client reached.
  const discovered = (await (await fetch(`${server.url}/api/v4/oauth_url?login_type=client_credentials`)).json()) as { url: string }
  target = {
    apiPath: `${server.url}/api/v4`,
    tokenUrl: discovered.url,
    publicKey: server.engine.publicKey,
    state: async () => server.engine.tenant()!.store.toSeed(),
    fault: async (spec) => void (await admin('POST', '/faults', spec)),
    activationFile: async (input) => (await admin('POST', '/offline/activation-file', input)).text(),
    refreshFile: async (input) => (await admin('POST', '/offline/refresh-file', input)).text(),
  }
})
beforeEach(() => server.engine.reset())
afterAll(async () => {
  for (const answer of answers) assertConformsToSpec(answer.status, answer.body, answer.path, answer.method.toLowerCase(), answer.headers)
  await server.close()
})

test('oauth_url names the token endpoint at the address the client reached', () => {
  expect(target.tokenUrl).toBe(`${server.url}/realms/user-portal/protocol/openid-connect/token`)
})

test('OAuth client credentials: LicenseAPI with clientID, clientSecret and tokenUrl', async () => {
  await runOAuth(target)
})

test('offline through LicenseAPI, signed with the shared key', async () => {
  await runOfflineApi(target, 'hmac')
})

test('offline through LicenseAPI, signed with the OAuth client secret', async () => {
  await runOfflineApi(target, 'oauth')
})

test("LicenseManager's air-gapped flow with the portal's files", async () => {
  await runOfflineManager(target)
})

test('BundleManager: activate, check, deactivate a bundle', async () => {
  await runBundle(target)
})

test('user licenses, customer users, SSO URL, password change', async () => {
  await runUsers(target)
})
