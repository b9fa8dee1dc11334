// Concurrency, over real sockets: one device raced by 200 deactivations, one new device raced
// by 200 activations, 50 devices racing for 10 activations, checks racing a deactivation, two
// tenants hammered at once, and state swaps (PUT /__admin/state) in the middle of traffic.
import { Agent } from 'node:http'
import { verify } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { startMockServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { codeOf, deactivate, generatedSeed, pool, post, type Credentials, type Reply } from './seeds.ts'
import { ACTIVATE, CHECK, codeOfAnswer } from './support.ts'
import { DEMO } from '../support/demo.ts'

const server = await startMockServer({ port: 0 })
afterAll(() => server.close())

const admin = (method: string, path: string, body?: unknown) =>
  post(server.url, `/__admin${path}`, { 'content-type': 'application/json' }, body === undefined ? undefined : JSON.stringify(body), undefined, method)

const count = (replies: readonly Reply[]) => {
  const counts: Record<string, number> = {}
  for (const reply of replies) counts[codeOf(reply)] = (counts[codeOf(reply)] ?? 0) + 1
  return counts
}

/** Success or error code of an activate/check answer (codeOf reads only deactivation's 200). */
const outcome = (reply: Reply) => codeOfAnswer(reply.status, reply.text)
const tally = (replies: readonly Reply[]) => {
  const counts: Record<string, number> = {}
  for (const reply of replies) counts[outcome(reply)] = (counts[outcome(reply)] ?? 0) + 1
  return counts
}

/** One signed activation on a fresh connection (or a socket of `agent`). */
function activate(credentials: Credentials, body: object, agent?: Agent): Promise<Reply> {
  const signed = signedHeaders(credentials)
  return post(server.url, ACTIVATE, { 'content-type': 'application/json', date: signed.Date, authorization: signed.Authorization }, JSON.stringify(body), agent)
}

/** One signed check (GET, query string) on a fresh connection (or a socket of `agent`). */
function check(credentials: Credentials, query: Record<string, string>, agent?: Agent): Promise<Reply> {
  const signed = signedHeaders(credentials)
  return post(server.url, `${CHECK}?${new URLSearchParams(query).toString()}`, { date: signed.Date, authorization: signed.Authorization }, undefined, agent, 'GET')
}

/** The answer is one the spec declares for the endpoint, headers included; a 200 is signed with the server's key. */
function expectConforming(reply: Reply, path: string, method: 'post' | 'get') {
  assertConformsToSpec(reply.status, reply.text, path, method, reply.headers)
  if (reply.status === 200) {
    const signature = reply.headers.licensesignature as string
    expect(verify('RSA-SHA256', Buffer.from(reply.text, 'utf8'), server.engine.publicKey, Buffer.from(signature, 'base64'))).toBe(true)
  }
}

/** A tenant over one key-based license `R-0` with no devices and room for `max` activations. */
async function roomyTenant(id: string, max: number): Promise<Credentials> {
  const seed: SeedInput = { products: [{ short_code: 'app', authorization_method: 'license-key' }], licenses: [{ id: 1, product: 'app', license_key: 'R-0', max_activations: max }] }
  const answer = await admin('POST', `/tenants?id=${id}`, seed)
  expect(answer.status).toBe(201)
  const { api_key, shared_key } = answer.body as { api_key: string; shared_key: string }
  return { apiKey: api_key, sharedKey: shared_key }
}

describe('one device, 200 clients at once', () => {
  test('exactly one 200 and 199 device_not_found; times_activated decremented once', async () => {
    expect((await admin('POST', '/reset')).status).toBe(200)
    const body = { hardware_id: 'demo-device-3', product: 'demo', license_key: 'DEMO-OK-0001' }
    // 200 separate connections, all requests written before any answer is read.
    const replies = await Promise.all(Array.from({ length: 200 }, () => deactivate(server.url, DEMO, body)))
    for (const reply of replies) assertConformsToSpec(reply.status, reply.text)
    expect(count(replies)).toEqual({ license_deactivated: 1, device_not_found: 199 })

    const license = server.engine.tenant()!.store.licenseByKey('demo', 'DEMO-OK-0001')!
    expect(license.times_activated).toBe(4)
    expect(license.devices.filter((device) => device.hardware_id === 'demo-device-3').map((device) => device.active)).toEqual([false])
    expect(server.engine.journal.list({ hardware_id: 'demo-device-3', limit: 1000 })).toHaveLength(200)
  })
})

describe('one new device, 200 activations at once', () => {
  test('exactly one 200 and 199 license_device_exists; times_activated incremented once', async () => {
    expect((await admin('POST', '/reset')).status).toBe(200)
    // Room for 5: the 199 losers are refused because the device exists, not for want of room.
    const credentials = await roomyTenant('race-one', 5)
    const body = { hardware_id: 'race-device', product: 'app', license_key: 'R-0' }
    const replies = await Promise.all(Array.from({ length: 200 }, () => activate(credentials, body)))
    for (const reply of replies) expectConforming(reply, ACTIVATE, 'post')
    expect(tally(replies)).toEqual({ license_activated: 1, license_device_exists: 199 })
    const winner = replies.find((reply) => reply.status === 200)!.body as { times_activated: number; hardware_id: string }
    expect(winner).toMatchObject({ times_activated: 1, hardware_id: 'race-device' })

    const license = server.engine.tenant('race-one')!.store.licenseByKey('app', 'R-0')!
    expect(license.times_activated).toBe(1)
    expect(license.transfer_count).toBe(0)
    expect(license.devices.map((device) => [device.hardware_id, device.active])).toEqual([['race-device', true]])
    expect(server.engine.journal.list({ tenant: 'race-one', limit: 1000 })).toHaveLength(200)
  })
})

describe('50 devices, room for 10, all at once', () => {
  test('exactly 10 successes and 40 license_activated_max_times; times_activated 10', async () => {
    expect((await admin('POST', '/reset')).status).toBe(200)
    const credentials = await roomyTenant('race-room', 10)
    const hardwareIds = Array.from({ length: 50 }, (_, i) => `race-${i}`)
    const replies = await Promise.all(hardwareIds.map((hardware_id) => activate(credentials, { hardware_id, product: 'app', license_key: 'R-0' })))
    for (const reply of replies) expectConforming(reply, ACTIVATE, 'post')
    expect(tally(replies)).toEqual({ license_activated: 10, license_activated_max_times: 40 })

    const license = server.engine.tenant('race-room')!.store.licenseByKey('app', 'R-0')!
    expect(license.times_activated).toBe(10)
    expect(license.transfer_count).toBe(0)
    // The rows are exactly the winners', all active; each winner saw its own count (1 to 10).
    const winners = hardwareIds.filter((_, i) => replies[i].status === 200)
    expect(license.devices.map((device) => device.hardware_id).sort()).toEqual([...winners].sort())
    expect(license.devices.every((device) => device.active)).toBe(true)
    const counts = replies.filter((reply) => reply.status === 200).map((reply) => (reply.body as { times_activated: number }).times_activated)
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })
})

describe('checks racing one deactivation', () => {
  test('every check is a signed 200 or device_not_found, in the order the journal shows', async () => {
    expect((await admin('POST', '/reset')).status).toBe(200)
    const query = { hardware_id: 'demo-device-2', product: 'demo', license_key: 'DEMO-OK-0001' }
    const first = await check(DEMO, query)
    expectConforming(first, CHECK, 'get')
    expect(outcome(first)).toBe('license_checked')

    // 100 checks, the deactivation, 100 more: all written before any answer is read.
    const checks: Promise<Reply>[] = []
    for (let i = 0; i < 100; i++) checks.push(check(DEMO, query))
    const deactivation = deactivate(server.url, DEMO, query)
    for (let i = 0; i < 100; i++) checks.push(check(DEMO, query))
    const [replies, deactivated] = await Promise.all([Promise.all(checks), deactivation])
    expect(codeOf(deactivated)).toBe('license_deactivated')
    for (const reply of replies) {
      expectConforming(reply, CHECK, 'get')
      expect(['license_checked', 'device_not_found']).toContain(outcome(reply))
      if (reply.status === 200) expect(reply.body).toMatchObject({ license_active: true, times_activated: 5 })
    }
    const last = await check(DEMO, query)
    expect(outcome(last)).toBe('device_not_found')

    // Linearizable: in the journal, every check before the deactivation succeeded, every one after did not.
    const entries = server.engine.journal.list({ hardware_id: 'demo-device-2', limit: 1000 }).reverse()
    expect(entries).toHaveLength(203)
    const cut = entries.findIndex((entry) => entry.code === 'license_deactivated')
    expect(entries.slice(0, cut).every((entry) => entry.code === 'license_checked')).toBe(true)
    expect(entries.slice(cut + 1).every((entry) => entry.code === 'device_not_found')).toBe(true)
    expect(entries.filter((entry) => entry.code === 'license_checked')).toHaveLength(tally([first, ...replies, last]).license_checked)
    const license = server.engine.tenant()!.store.licenseByKey('demo', 'DEMO-OK-0001')!
    expect(license.times_activated).toBe(4)
  })
})

describe('two tenants hammered at once', () => {
  test('each sees only its own requests', async () => {
    const DEVICES = 40
    const LICENSES = 5
    const created = await Promise.all(
      ['iso-a', 'iso-b'].map(async (id) => {
        const answer = await admin('POST', `/tenants?id=${id}`, { ...generatedSeed({ prefix: 'K', licenses: LICENSES, devices: DEVICES }), credentials: [] })
        expect(answer.status).toBe(201)
        const { api_key, shared_key } = answer.body as { api_key: string; shared_key: string }
        return { apiKey: api_key, sharedKey: shared_key }
      }),
    )
    const [a, b] = created
    const defaultBefore = JSON.stringify(server.engine.tenant()!.store.toSeed())
    // Tenant A: every device, twice. Tenant B: even devices only, twice. Interleaved, 64 in flight.
    const jobs: { tenant: 'a' | 'b'; license: number; device: number }[] = []
    for (let round = 0; round < 2; round++) {
      for (let license = 0; license < LICENSES; license++) {
        for (let device = 0; device < DEVICES; device++) {
          jobs.push({ tenant: 'a', license, device })
          if (device % 2 === 0) jobs.push({ tenant: 'b', license, device })
        }
      }
    }
    jobs.sort(() => Math.random() - 0.5)
    const agent = new Agent({ keepAlive: true, maxSockets: 64 })
    const replies = await pool(jobs, 64, (job) =>
      deactivate(server.url, job.tenant === 'a' ? a : b, { hardware_id: `d-${job.device}`, product: 'app', license_key: `K-${job.license}` }, agent),
    )
    agent.destroy()

    const byTenant = (tenant: 'a' | 'b') => count(replies.filter((_, i) => jobs[i].tenant === tenant))
    expect(byTenant('a')).toEqual({ license_deactivated: LICENSES * DEVICES, device_not_found: LICENSES * DEVICES })
    expect(byTenant('b')).toEqual({ license_deactivated: (LICENSES * DEVICES) / 2, device_not_found: (LICENSES * DEVICES) / 2 })

    for (const license of server.engine.tenant('iso-a')!.store.toSeed().licenses!) {
      expect(license.times_activated).toBe(0)
      expect(license.devices!.every((device) => device.active === false)).toBe(true)
    }
    for (const license of server.engine.tenant('iso-b')!.store.toSeed().licenses!) {
      expect(license.times_activated).toBe(DEVICES / 2)
      expect(license.devices!.map((device, j) => device.active === (j % 2 === 1))).not.toContain(false)
    }
    expect(JSON.stringify(server.engine.tenant()!.store.toSeed())).toBe(defaultBefore)
    expect(server.engine.journal.list({ tenant: 'iso-a', limit: 100_000 })).toHaveLength(2 * LICENSES * DEVICES)
  })
})

describe('PUT /__admin/state during traffic', () => {
  test('every answer is consistent with the old state or the new one, never a half-loaded one', async () => {
    const LICENSES = 1500
    const DEVICES = 4
    const seeds: Record<'OLD' | 'NEW', SeedInput> = {
      OLD: generatedSeed({ prefix: 'OLD', licenses: LICENSES, devices: DEVICES }),
      NEW: generatedSeed({ prefix: 'NEW', licenses: LICENSES, devices: DEVICES }),
    }
    const texts = { OLD: JSON.stringify(seeds.OLD), NEW: JSON.stringify(seeds.NEW) }
    expect((await admin('PUT', '/state', seeds.OLD)).status).toBe(200)

    let running = true
    const problems: string[] = []
    const succeeded = new Set<string>()
    let notFound = 0
    // Each device is asked for once: the answer is 200 (its state is live) or license_not_found.
    const targets = (['OLD', 'NEW'] as const).flatMap((prefix) =>
      Array.from({ length: LICENSES * DEVICES }, (_, n) => ({ key: `${prefix}-${Math.floor(n / DEVICES)}`, device: `d-${n % DEVICES}` })),
    )
    targets.sort(() => Math.random() - 0.5)
    let cursor = 0
    const agent = new Agent({ keepAlive: true, maxSockets: 32 })
    const traffic = async () => {
      while (running && cursor < targets.length) {
        const target = targets[cursor++]
        const reply = await deactivate(server.url, DEMO, { hardware_id: target.device, product: 'app', license_key: target.key }, agent)
        const code = codeOf(reply)
        if (code === 'license_deactivated') succeeded.add(`${target.key}/${target.device}`)
        else if (code === 'license_not_found') notFound += 1
        else problems.push(`${target.key}/${target.device}: ${reply.status} ${reply.text.slice(0, 120)}`)
      }
    }
    let statesSeen = 0
    const watcher = async () => {
      while (running) {
        const reply = await post(server.url, '/__admin/state', {}, undefined, agent, 'GET')
        const state = reply.body as SeedInput
        const prefixes = new Set(state.licenses?.map((license) => license.license_key!.split('-')[0]))
        statesSeen += 1
        if (reply.status !== 200 || state.licenses?.length !== LICENSES || prefixes.size !== 1) {
          problems.push(`GET state: ${reply.status}, ${state.licenses?.length} licenses, prefixes ${[...prefixes].join(',')}`)
        }
      }
    }
    const workers = [...Array.from({ length: 24 }, traffic), watcher(), watcher()]
    let live: 'OLD' | 'NEW' = 'OLD'
    for (let swap = 0; swap < 8; swap++) {
      live = live === 'OLD' ? 'NEW' : 'OLD'
      const answer = await post(server.url, '/__admin/state', { 'content-type': 'application/json' }, texts[live], agent, 'PUT')
      expect(answer.status).toBe(200)
    }
    running = false
    await Promise.all(workers)
    agent.destroy()

    expect(problems).toEqual([])
    // Traffic ran across the swaps: both states answered.
    expect(statesSeen).toBeGreaterThan(0)
    expect(succeeded.size).toBeGreaterThan(0)
    expect(notFound).toBeGreaterThan(0)
    // The live state is the last one put, changed only by deactivations answered 200.
    const final = server.engine.tenant()!.store.toSeed()
    for (const license of final.licenses!) {
      expect(license.license_key!.startsWith(`${live}-`)).toBe(true)
      for (const device of license.devices!) {
        if (device.active === false) expect(succeeded.has(`${license.license_key}/${device.hardware_id}`)).toBe(true)
      }
    }
    expect((await admin('POST', '/reset')).status).toBe(200)
  })
})
