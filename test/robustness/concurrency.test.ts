// Concurrency over real sockets: one device raced by 200 clients, two tenants hammered at once,
// and state swaps (PUT /__admin/state) in the middle of traffic.
import { Agent } from 'node:http'
import { afterAll, describe, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { startMockServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { codeOf, deactivate, generatedSeed, pool, post, type Credentials, type Reply } from './seeds.ts'

const DEMO: Credentials = { apiKey: 'demo-api-key', sharedKey: 'demo-shared-key' }
const server = await startMockServer({ port: 0 })
afterAll(() => server.close())

const admin = (method: string, path: string, body?: unknown) =>
  post(server.url, `/__admin${path}`, { 'content-type': 'application/json' }, body === undefined ? undefined : JSON.stringify(body), undefined, method)

const count = (replies: readonly Reply[]) => {
  const counts: Record<string, number> = {}
  for (const reply of replies) counts[codeOf(reply)] = (counts[codeOf(reply)] ?? 0) + 1
  return counts
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
