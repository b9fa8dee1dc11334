// The durability hook: a change's onChange promise becomes the response's `commit`; both
// adapters answer only once it resolves, and 503 state_not_saved when it rejects (the change
// stays applied). Admin changes of the default tenant wait for `saved` the same way. And the
// journal's byte budget and pages, on the journal alone.
import { setupServer } from 'msw/node'
import type { AddressInfo } from 'node:net'
import { describe, expect, test } from 'vitest'
import { createAdmin } from '../../src/adapters/admin.ts'
import { createHttpAdapter } from '../../src/adapters/http.ts'
import { createHandlers } from '../../src/adapters/msw.ts'
import { createEngine, type EngineOptions } from '../../src/core/engine.ts'
import { createJournal, type JournalEntry } from '../../src/core/journal.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { resolveSeed } from '../../src/seed-file.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { post } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

const seed = () => resolveSeed(new URL('../../scenarios/seeds/demo.yaml', import.meta.url).pathname)
const deactivation = (hardware_id: string) => {
  const signed = signedHeaders(DEMO)
  return {
    method: 'POST',
    path: '/api/v4/deactivate_license',
    headers: { date: signed.Date, authorization: signed.Authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ hardware_id, product: 'demo', license_key: 'DEMO-OK-0001' }),
  }
}
const isActive = (engine: Awaited<ReturnType<typeof createEngine>>, hardwareId: string) =>
  engine.tenant()!.store.licenseByKey('demo', 'DEMO-OK-0001')!.devices.find((device) => device.hardware_id === hardwareId)!.active

describe('CoreResponse.commit', () => {
  test("is onChange's promise on a change, absent on an error or when onChange returns nothing", async () => {
    const changes: string[] = []
    let result: Promise<void> | undefined
    const engine = await createEngine({
      seed: seed(),
      onChange: ({ tenant }) => {
        changes.push(tenant)
        return result
      },
    })
    result = Promise.resolve()
    const changed = engine.handle(deactivation('demo-device-1'))
    expect(changed.status).toBe(200)
    expect(changed.commit).toBe(result)
    const refused = engine.handle(deactivation('demo-device-1'))
    expect(refused.code).toBe('device_not_found')
    expect(refused.commit).toBeUndefined()
    result = undefined
    expect(engine.handle(deactivation('demo-device-2')).commit).toBeUndefined()
    expect(changes).toEqual(['default', 'default'])
  })

  test('a listener that throws changes nothing about the answer: the change is made, no commit', async () => {
    const engine = await createEngine({
      seed: seed(),
      onChange: () => {
        throw new Error('listener bug')
      },
    })
    const response = engine.handle(deactivation('demo-device-3'))
    expect([response.status, response.commit]).toEqual([200, undefined])
    expect(isActive(engine, 'demo-device-3')).toBe(false)
  })
})

/** An engine whose changes are "saved" by `save` (resolve or reject), behind both adapters. */
async function adapters(save: NonNullable<EngineOptions['onChange']>) {
  const engine = await createEngine({ seed: seed(), onChange: save })
  const http = createHttpAdapter({ engine })
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`
  const msw = setupServer(...createHandlers(Promise.resolve(engine)))
  msw.listen({ onUnhandledRequest: 'bypass' })
  return {
    engine,
    viaHttp: (hardwareId: string) => {
      const request = deactivation(hardwareId)
      return post(url, request.path, request.headers, request.body)
    },
    viaMsw: async (hardwareId: string) => {
      const request = deactivation(hardwareId)
      const response = await fetch(`https://api.licensespring.com${request.path}`, { method: 'POST', headers: request.headers, body: request.body })
      return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') }
    },
    close: async () => {
      msw.close()
      await http.close()
    },
  }
}

describe('the adapters wait for the commit', () => {
  test('the answer goes out only after the save resolves (http and msw)', async () => {
    const saved: string[] = []
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const setup = await adapters(() => gate.then(() => void saved.push('saved')))
    try {
      const answers = [setup.viaHttp('demo-device-1').then(() => saved.push('http answered')), setup.viaMsw('demo-device-2').then(() => saved.push('msw answered'))]
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(saved).toEqual([])
      release()
      await Promise.all(answers)
      expect(saved.slice(0, 2)).toEqual(['saved', 'saved'])
      expect(saved.slice(2).sort()).toEqual(['http answered', 'msw answered'])
    } finally {
      await setup.close()
    }
  })

  test('a failed save is answered 503 state_not_saved with the reason; the change stays applied', async () => {
    const setup = await adapters(() => Promise.reject(new Error('ENOSPC: no space left on device, write')))
    try {
      const http = await setup.viaHttp('demo-device-1')
      expect(http.status).toBe(503)
      assertConformsToSpec(503, http.text)
      expect(http.body).toEqual({ status: 503, code: 'state_not_saved', message: 'The change was applied but could not be saved to the state file (ENOSPC: no space left on device, write); the save is retried' })
      expect(http.headers['retry-after']).toBe('1')
      const msw = await setup.viaMsw('demo-device-2')
      expect(msw.status).toBe(503)
      expect(JSON.parse(msw.text)).toMatchObject({ code: 'state_not_saved' })
      expect(msw.retryAfter).toBe('1')
      expect([isActive(setup.engine, 'demo-device-1'), isActive(setup.engine, 'demo-device-2')]).toEqual([false, false])
    } finally {
      await setup.close()
    }
  })
})

describe('admin changes of the default tenant wait for `saved`', () => {
  test('PUT state and reset answer after it, 503 admin_state_not_saved when it fails; other tenants do not wait', async () => {
    const engine = await createEngine({ seed: seed() })
    let fail = false
    const waited: string[] = []
    const admin = createAdmin(engine, {
      version: 'x',
      saved: async () => {
        waited.push('saved')
        if (fail) throw new Error('EIO: i/o error')
      },
    })
    const call = (method: string, path: string, query = '', body?: string) => admin.handle({ method, path: `/__admin${path}`, query, headers: { 'content-type': 'application/json' }, body })
    expect((await call('PUT', '/state', '', '{}')).status).toBe(200)
    expect((await call('POST', '/reset')).status).toBe(200)
    expect(waited).toEqual(['saved', 'saved'])
    expect((await call('POST', '/tenants', 'id=other', '{}')).status).toBe(201)
    expect((await call('PUT', '/state', 'tenant=other', '{}')).status).toBe(200)
    expect(waited).toHaveLength(2)
    fail = true
    const failed = await call('PUT', '/state', '', '{"products": [{"short_code": "x"}]}')
    expect(failed.status).toBe(503)
    expect(JSON.parse(failed.body!)).toEqual({ status: 503, code: 'admin_state_not_saved', message: 'the change was applied but could not be saved to the state file (EIO: i/o error); the save is retried' })
    expect(engine.tenant()!.store.product('x')).toBeDefined()
  })
})

describe('the journal alone', () => {
  const entry = (i: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({ time: 't', tenant: 'default', method: 'POST', path: '/api/v4/deactivate_license', body: { hardware_id: `h-${i}`, license_key: 'K' }, status: 400, code: 'device_not_found', ...extra })

  test('the byte budget drops the oldest entries first; the count still applies', () => {
    const journal = createJournal(1000, 64 * 1024)
    for (let i = 0; i < 1000; i++) journal.record(entry(i, { body: { hardware_id: `h-${i}`, padding: 'x'.repeat(1000) } }))
    expect(journal.bytes).toBeLessThanOrEqual(64 * 1024)
    expect(journal.size).toBeGreaterThan(10)
    expect(journal.size).toBeLessThan(40)
    expect((journal.list()[0].body as { hardware_id: string }).hardware_id).toBe('h-999')
    const counted = createJournal(5)
    for (let i = 0; i < 20; i++) counted.record(entry(i))
    expect(counted.list().map((kept) => (kept.body as { hardware_id: string }).hardware_id)).toEqual(['h-19', 'h-18', 'h-17', 'h-16', 'h-15'])
  })

  test('a request refused before authentication keeps the start of its body, as text, and is not found by license_key', () => {
    const journal = createJournal()
    const body = Array.from({ length: 5000 }, () => ({ license_key: 'K' }))
    journal.record(entry(0, { code: 'missing_headers', body }))
    journal.record(entry(1, { code: 'not_found', body: 'x'.repeat(4000) }))
    const [notFound, missing] = journal.list()
    expect(typeof missing.body).toBe('string')
    expect((missing.body as string).startsWith('[{"license_key":"K"},')).toBe(true)
    expect((missing.body as string).length).toBe(257)
    expect(notFound.body).toBe(`${'x'.repeat(256)}…`)
    expect(journal.list({ license_key: 'K' })).toEqual([])
  })

  test('pages: at most `limit` entries and about `maxChars` characters, `next` continues where a page stopped, every entry once', () => {
    const journal = createJournal()
    for (let i = 0; i < 250; i++) journal.record(entry(i, { code: i % 2 ? 'device_not_found' : 'license_deactivated' }))
    const seen: string[] = []
    let before: number | undefined
    let pages = 0
    do {
      const page = journal.page({ code: 'device_not_found', limit: 50, before }, 4000)
      expect(page.entries.join(',').length).toBeLessThanOrEqual(4000)
      for (const text of page.entries) seen.push((JSON.parse(text) as { body: { hardware_id: string } }).body.hardware_id)
      before = page.next
      pages++
    } while (before !== undefined)
    expect(seen).toEqual(Array.from({ length: 125 }, (_, i) => `h-${249 - 2 * i}`))
    expect(pages).toBeGreaterThan(3)
    // Each page's text is the entry the in-process list gives.
    const [first] = journal.page({ limit: 1 }, 1 << 20).entries
    expect(JSON.parse(first)).toEqual(JSON.parse(JSON.stringify(journal.list({ limit: 1 })[0])))
  })
})
