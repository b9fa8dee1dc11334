// Memory is bounded in bytes whatever clients send: a flood of unauthenticated 64 KiB bodies,
// a journal of large bodies, pipelined requests on a socket that never reads its answers.
// Measured on a served process (its /proc status), with wide margins: these are bounds, not timings.
import { readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { connect } from 'node:net'
import { describe, expect, test } from 'vitest'
import { signedHeaders } from '../../src/core/signature.ts'
import { spawnCli, urlOf, type Served } from '../support/processes.ts'
import { post, pool, type Reply } from './seeds.ts'
import { DEMO } from '../support/demo.ts'

const MB = 1024 * 1024
const linux = process.platform === 'linux'

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1])
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}
const get = (url: string, path: string) => post(url, path, {}, undefined, undefined, 'GET')
const stop = async (served: Served) => {
  served.child.kill('SIGTERM')
  return (await served.exit).code
}

describe.skipIf(!linux)('bounded memory', () => {
  test('2 000 unauthenticated 64 KiB [{},{},…] bodies: the server lives, peak RSS stays far below 800 MB, the journal lists at once', async () => {
    const served = spawnCli(['serve', '--port', '0'])
    const url = await urlOf(served)
    try {
      const flood = `[${Array.from({ length: 21_845 }, () => '{}').join(',')}]`
      expect(flood.length).toBeLessThanOrEqual(64 * 1024)
      const agent = new Agent({ keepAlive: true, maxSockets: 8 })
      const codes = await pool(Array.from({ length: 2000 }), 8, async () => {
        const reply = await post(url, '/api/v4/deactivate_license', { 'content-type': 'application/json' }, flood, agent)
        return (reply.body as { code: string }).code
      })
      agent.destroy()
      expect(new Set(codes)).toEqual(new Set(['missing_headers']))
      const { peak } = memory(served.child.pid!)
      expect(peak).toBeLessThan(800)

      const started = Date.now()
      const listed = await get(url, '/__admin/requests')
      const listMs = Date.now() - started
      expect(listMs).toBeLessThan(3000)
      if (process.env.MEMORY_REPORT) console.log(`flood: 2 000 bodies, peak RSS ${Math.round(peak)} MB, journal page in ${listMs} ms`)
      expect(listed.status).toBe(200)
      const { requests, next } = listed.body as { requests: { body: unknown }[]; next?: string }
      // A page of the default size; the bodies of unauthenticated requests kept as their start only.
      expect(requests).toHaveLength(100)
      expect(next).toMatch(/^\/__admin\/requests\?before=\d+$/)
      for (const entry of requests) expect(typeof entry.body === 'string' && entry.body.length <= 257).toBe(true)
      expect((await get(url, '/__admin/health')).status).toBe(200)
    } finally {
      expect(await stop(served)).toBe(0)
    }
  }, 120_000)

  test('1 500 authenticated 64 KiB bodies with --journal-bytes 32MiB: the journal keeps what fits, every page answers, nothing 500s', async () => {
    const served = spawnCli(['serve', '--port', '0', '--journal-bytes', '32MiB'])
    const url = await urlOf(served)
    try {
      const body = JSON.stringify('x'.repeat(64 * 1024 - 2))
      const agent = new Agent({ keepAlive: true, maxSockets: 8 })
      await pool(Array.from({ length: 1500 }), 8, async () => {
        const signed = signedHeaders(DEMO)
        const reply = await post(url, '/api/v4/deactivate_license', { 'content-type': 'application/json', date: signed.Date, authorization: signed.Authorization }, body, agent)
        expect((reply.body as { code: string }).code).toBe('validation_error')
      })
      agent.destroy()
      let pages = 0
      let entries = 0
      let path: string | undefined = '/__admin/requests'
      while (path) {
        const page: Reply = await get(url, path)
        expect(page.status).toBe(200)
        expect(page.text.length).toBeLessThanOrEqual(16 * MB + 1024)
        const { requests, next } = page.body as { requests: { body: string }[]; next?: string }
        for (const entry of requests) expect(entry.body).toHaveLength(64 * 1024 - 2)
        entries += requests.length
        pages++
        path = next
      }
      // 32 MiB of 64 KiB strings at two bytes a character: some 250 of them, over more than one page.
      expect(entries).toBeGreaterThan(100)
      expect(entries).toBeLessThan(300)
      expect(pages).toBeGreaterThan(1)
      expect(memory(served.child.pid!).peak).toBeLessThan(800)
    } finally {
      expect(await stop(served)).toBe(0)
    }
  }, 120_000)

  test('pipelined requests on a socket that never reads its answers: the server stops reading it, RSS stays flat, others are served', async () => {
    const served = spawnCli(['serve', '--port', '0'])
    const url = await urlOf(served)
    const { port } = new URL(url)
    const socket = connect(Number(port), '127.0.0.1')
    try {
      await new Promise((resolve) => socket.once('connect', resolve))
      // This client never reads: the answers pile up in the kernel, then in the server.
      socket.pause()
      socket.on('error', () => {})
      const body = JSON.stringify({ hardware_id: 'x', product: 'demo', license_key: 'DEMO-OK-0001' })
      const request = `POST /api/v4/deactivate_license HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`
      const chunk = request.repeat(500)
      const before = memory(served.child.pid!).rss
      const until = Date.now() + 5000
      let sent = 0
      while (Date.now() < until) {
        // Once the server stops reading, writes queue here (the same string, not copies).
        if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 2))
        sent += 500
      }
      // Without backpressure the server grew by some 200 MB per 100 000 requests; with it, by a few MB.
      expect(sent).toBeGreaterThan(100_000)
      const grown = memory(served.child.pid!).rss - before
      if (process.env.MEMORY_REPORT) console.log(`pipelining: ${sent} requests sent to a socket that never reads, server RSS +${Math.round(grown)} MB`)
      expect(grown).toBeLessThan(150)
      expect((await get(url, '/__admin/health')).status).toBe(200)
    } finally {
      socket.destroy()
      expect(await stop(served)).toBe(0)
    }
  }, 60_000)

  test('answers held by a delay fault: a connection with more than 1 024 waiting is cut; the server stays small', async () => {
    const served = spawnCli(['serve', '--port', '0'])
    const url = await urlOf(served)
    const { port } = new URL(url)
    try {
      expect((await post(url, '/__admin/faults', { 'content-type': 'application/json' }, '{"delay_ms":600000}')).status).toBe(201)
      const socket = connect(Number(port), '127.0.0.1')
      socket.on('error', () => {})
      const closed = new Promise((resolve) => socket.once('close', resolve))
      await new Promise((resolve) => socket.once('connect', resolve))
      const request = `POST /api/v4/deactivate_license HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}`
      socket.write(request.repeat(5000))
      await closed
      expect(memory(served.child.pid!).peak).toBeLessThan(800)
      expect((await post(url, '/__admin/faults', {}, undefined, undefined, 'DELETE')).status).toBe(204)
      expect((await get(url, '/__admin/health')).status).toBe(200)
    } finally {
      expect(await stop(served)).toBe(0)
    }
  }, 60_000)
})
