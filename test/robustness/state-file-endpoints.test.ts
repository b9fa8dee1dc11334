// --state-file keeps what every endpoint changes, not only activations and deactivations: each
// change below is answered, the server is killed with SIGKILL (no shutdown save), and the
// restarted server serves the changed state from the change log.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { spawnCli, urlOf } from '../support/processes.ts'
import { signedRequest } from '../support/client.ts'

const root = mkdtempSync(join(tmpdir(), 'licensespring-mock-state-endpoints-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function call(url: string, method: 'GET' | 'POST', path: string, fields: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const query = Object.fromEntries(Object.entries(fields).map(([name, value]): [string, string] => [name, String(value)]))
  return method === 'GET' ? signedRequest({ origin: url, path, method, query }) : signedRequest({ origin: url, path, method, body: fields })
}

const stateOf = async (url: string) => (await (await fetch(`${url}/__admin/state`)).json()) as SeedInput
const licenseOf = (state: SeedInput, id: number) => state.licenses!.find((license) => license.id === id)!

test('consumptions, feature slots, variables, trials, passwords and bundles survive kill -9', async () => {
  const file = join(root, 'state.json')
  const first = spawnCli(['serve', '--port', '0', '--state-file', file])
  const url = await urlOf(first)
  const features = { product: 'demo', license_key: 'DEMO-FEATURES', hardware_id: 'demo-device-2' }
  const changes: [string, 'GET' | 'POST', string, Record<string, unknown>][] = [
    ['license consumption', 'POST', '/api/v4/add_consumption', { product: 'demo', license_key: 'DEMO-CONSUMPTION', hardware_id: 'demo-device-1', consumptions: 2 }],
    ['feature consumption', 'POST', '/api/v4/add_feature_consumption', { ...features, feature: 'demo-reports', consumptions: 3 }],
    ['device variables', 'POST', '/api/v4/track_device_variables', { ...features, variables: { seats: '4' } }],
    ['floating slot released', 'POST', '/api/v4/floating/release', { product: 'demo', license_key: 'DEMO-FLOATING-POOL', hardware_id: 'demo-device-1' }],
    ['trial issued', 'GET', '/api/v4/trial_key', { product: 'demo', hardware_id: 'durable-trial' }],
    ['password changed', 'POST', '/api/v4/change_password', { username: 'new@example.com', password: 'demo-initial-password', new_password: 'durable-password' }],
    ['bundle activated', 'POST', '/api/v4/activate_bundle', { product: 'demo-suite', license_key: 'DEMO-SUITE', hardware_id: 'durable-box' }],
  ]
  for (const [what, method, path, fields] of changes) {
    const answer = await call(url, method, path, fields)
    expect(answer.status, `${what}: ${answer.text}`).toBe(200)
  }
  first.child.kill('SIGKILL')
  await first.exit

  const second = spawnCli(['serve', '--port', '0', '--state-file', file])
  try {
    const state = await stateOf(await urlOf(second))
    expect(licenseOf(state, 1010).total_consumptions).toBe(10)
    expect(licenseOf(state, 1016).features).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'demo-reports', total_consumptions: 5 })]))
    expect(licenseOf(state, 1016).devices!.find((device) => device.hardware_id === 'demo-device-2')!.variables).toEqual({ theme: 'dark', seats: '4' })
    expect(licenseOf(state, 1017).devices!.find((device) => device.hardware_id === 'demo-device-1')!.floating_in_use).toBe(false)
    expect(state.licenses!.filter((license) => license.trial_hardware_id === 'durable-trial')).toHaveLength(1)
    expect(licenseOf(state, 2007).users![0]).toMatchObject({ password: 'durable-password', is_initial_password: false })
    for (const id of [1020, 1021]) expect(licenseOf(state, id).devices!.some((device) => device.hardware_id === 'durable-box' && device.active !== false), String(id)).toBe(true)
  } finally {
    second.child.kill('SIGTERM')
    await second.exit
  }
}, 60_000)
