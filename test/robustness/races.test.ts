// Races over the real HTTP server, each request on its own connection and all of them written
// before any answer is read: many devices after one floating slot, consumptions near the limit,
// token requests at once, and bundle activations against a full license. The engine handles a
// request to its end before the next (no await between a rule and its effect): whatever the
// interleaving on the sockets, the outcome is that of some order of the requests, one by one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { startMockServer, type RunningServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { post, type Credentials, type Reply } from './seeds.ts'

const KEYS: Credentials = { apiKey: 'race-api-key', sharedKey: 'race-shared-key' }
const CLIENT = { client_id: 'race-client', client_secret: 'race-secret' }
const DEVICES = 200
const TOKEN_PATH = '/realms/user-portal/protocol/openid-connect/token'
const hardware = (i: number) => `device-${i}`

const seed: SeedInput = {
  credentials: [{ api_key: KEYS.apiKey, shared_key: KEYS.sharedKey }, { ...CLIENT, token_lifetime: 300 }],
  products: [
    { short_code: 'app', authorization_method: 'license-key', features: [{ code: 'reports', feature_type: 'consumption', max_consumption: 10 }] },
    { short_code: 'addon', authorization_method: 'license-key' },
    { short_code: 'suite', authorization_method: 'license-key', bundle_products: ['app', 'addon'] },
  ],
  licenses: [
    // One floating slot, and 200 activated devices that hold none.
    {
      id: 1,
      product: 'app',
      license_key: 'POOL',
      is_floating_cloud: true,
      floating_users: 1,
      max_activations: DEVICES,
      devices: Array.from({ length: DEVICES }, (_, i) => ({ hardware_id: hardware(i), floating_in_use: false })),
    },
    // 90 of 100 consumptions used.
    { id: 2, product: 'app', license_key: 'METER', license_type: 'consumption', max_consumptions: 100, total_consumptions: 90, devices: [{ hardware_id: 'meter-box' }] },
    // Bundles: members with room for 5 each, and members with room for 5 and 8.
    { id: 10, product: 'suite', license_key: 'SUITE-EVEN' },
    { id: 11, product: 'app', license_key: 'SUITE-EVEN', bundle_license_id: 10, max_activations: 5 },
    { id: 12, product: 'addon', license_key: 'SUITE-EVEN', bundle_license_id: 10, max_activations: 5 },
    { id: 20, product: 'suite', license_key: 'SUITE-UNEVEN' },
    { id: 21, product: 'app', license_key: 'SUITE-UNEVEN', bundle_license_id: 20, max_activations: 8 },
    { id: 22, product: 'addon', license_key: 'SUITE-UNEVEN', bundle_license_id: 20, max_activations: 5 },
  ],
}

let server: RunningServer
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed })
})
afterAll(() => server.close())

const signed = () => {
  const headers = signedHeaders(KEYS)
  return { date: headers.Date, authorization: headers.Authorization }
}
const get = (path: string, query: Record<string, string>, headers: Record<string, string> = signed()) => post(server.url, `${path}?${new URLSearchParams(query)}`, headers, undefined, undefined, 'GET')
const send = (path: string, body: object) => post(server.url, path, { ...signed(), 'content-type': 'application/json' }, JSON.stringify(body))
const stateOf = async (): Promise<SeedInput> => {
  const answer = await post(server.url, '/__admin/state', {}, undefined, undefined, 'GET')
  expect(answer.status).toBe(200)
  return answer.body as SeedInput
}
const licenseIn = (state: SeedInput, id: number) => state.licenses!.find((license) => license.id === id)!
/** Success (200) or the error code of each answer, counted. */
const tally = (replies: readonly Reply[]) => {
  const counts: Record<string, number> = {}
  for (const reply of replies) {
    const code = reply.status === 200 ? '200' : ((reply.body as { code?: string; error?: string }).code ?? (reply.body as { error: string }).error)
    counts[code] = (counts[code] ?? 0) + 1
  }
  return counts
}
const conforming = (replies: readonly Reply[], path: string, method: 'get' | 'post') => {
  for (const reply of replies) assertConformsToSpec(reply.status, reply.text, path, method, reply.headers)
}

describe('races over HTTP', () => {
  test(`${DEVICES} activated devices check a floating license with one slot at once: one gets it, the others floating_not_available`, async () => {
    const replies = await Promise.all(Array.from({ length: DEVICES }, (_, i) => get('/api/v4/check_license', { product: 'app', license_key: 'POOL', hardware_id: hardware(i) })))
    conforming(replies, '/api/v4/check_license', 'get')
    expect(tally(replies)).toEqual({ '200': 1, floating_not_available: DEVICES - 1 })
    const winner = hardware(replies.findIndex((reply) => reply.status === 200))
    expect((replies.find((reply) => reply.status === 200)!.body as { floating_in_use_devices: number }).floating_in_use_devices).toBe(1)
    const pool = licenseIn(await stateOf(), 1)
    const holders = pool.devices!.filter((device) => device.floating_in_use === true).map((device) => device.hardware_id)
    expect(holders).toEqual([winner])
    expect(pool.devices!.filter((device) => device.active !== false)).toHaveLength(DEVICES)
  })

  test('100 add_consumption at once near the limit: the total never passes the maximum, and successes × amount is the increase', async () => {
    const amount = 3
    const before = licenseIn(await stateOf(), 2)
    const replies = await Promise.all(Array.from({ length: 100 }, () => send('/api/v4/add_consumption', { product: 'app', license_key: 'METER', hardware_id: 'meter-box', consumptions: amount })))
    conforming(replies, '/api/v4/add_consumption', 'post')
    const after = licenseIn(await stateOf(), 2)
    const successes = replies.filter((reply) => reply.status === 200)
    expect(tally(replies)).toEqual({ '200': successes.length, license_not_enough_consumptions: 100 - successes.length })
    // One at a time, as many as fit: 90 → 93 → 96 → 99.
    expect(successes).toHaveLength(Math.floor((before.max_consumptions! - before.total_consumptions!) / amount))
    expect(after.total_consumptions).toBeLessThanOrEqual(after.max_consumptions!)
    expect(after.total_consumptions! - before.total_consumptions!).toBe(successes.length * amount)
    // Each success answered the total its own consumption made.
    const totals = successes.map((reply) => (reply.body as { total_consumptions: number }).total_consumptions).sort((a, b) => a - b)
    expect(totals).toEqual(successes.map((_, i) => before.total_consumptions! + (i + 1) * amount))
  })

  test('50 token requests at once: 50 distinct tokens, each one valid on the License API', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...CLIENT }).toString()
    const replies = await Promise.all(Array.from({ length: 50 }, () => post(server.url, TOKEN_PATH, { 'content-type': 'application/x-www-form-urlencoded' }, form)))
    conforming(replies, TOKEN_PATH, 'post')
    expect(tally(replies)).toEqual({ '200': 50 })
    const tokens = replies.map((reply) => (reply.body as { access_token: string }).access_token)
    expect(new Set(tokens).size).toBe(50)
    const uses = await Promise.all(tokens.map((token) => get('/api/v4/product_details', { product: 'app' }, { date: new Date().toUTCString(), authorization: `Bearer ${token}` })))
    conforming(uses, '/api/v4/product_details', 'get')
    expect(tally(uses)).toEqual({ '200': 50 })
  })

  test.each([
    { name: 'members with room for 5 each', key: 'SUITE-EVEN', members: [11, 12], room: 5 },
    { name: 'members with room for 8 and 5', key: 'SUITE-UNEVEN', members: [21, 22], room: 5 },
  ])('100 activate_bundle of different devices at once ($name): exactly as many as fit succeed, on every member (all or nothing)', async ({ key, members, room }) => {
    const devices = Array.from({ length: 100 }, (_, i) => `${key}-box-${i}`)
    const replies = await Promise.all(devices.map((hardware_id) => send('/api/v4/activate_bundle', { product: 'suite', license_key: key, hardware_id })))
    conforming(replies, '/api/v4/activate_bundle', 'post')
    expect(tally(replies)).toEqual({ '200': room, license_activated_max_times: 100 - room })
    const activated = devices.filter((_, i) => replies[i].status === 200).sort()
    const state = await stateOf()
    for (const id of members) {
      const license = licenseIn(state, id)
      expect((license.devices ?? []).map((device) => device.hardware_id).sort(), `license ${id}`).toEqual(activated)
      expect(license.times_activated, `license ${id}`).toBe(room)
    }
  })
})
