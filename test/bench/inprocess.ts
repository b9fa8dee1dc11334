// In-process throughput: msw `setupServer` + `fetch` over createLicenseMock, as a JS/TS test
// suite uses the mock. Run as its own process (msw patches the globals of the process it is in).
// Prints `INPROCESS {json}` and exits.
//
//   node --import tsx test/bench/inprocess.ts SECONDS
import { setupServer } from 'msw/node'
import { performance } from 'node:perf_hooks'
import { createLicenseMock, signedHeaders } from '../../src/index.ts'
import { BENCH_API_KEY, BENCH_SHARED_KEY, generateSeed, successBody } from './seeds.ts'

const seconds = Number(process.argv[2] ?? 3)
const LICENSES = 10_000
const DEVICES = 10
const URL = 'https://api.licensespring.com/api/v4/deactivate_license'

const mock = createLicenseMock({ seed: generateSeed(LICENSES, DEVICES) })
await mock.ready
const server = setupServer(...mock.handlers)
server.listen({ onUnhandledRequest: 'error' })
const headers = { ...signedHeaders({ apiKey: BENCH_API_KEY, sharedKey: BENCH_SHARED_KEY }), 'Content-Type': 'application/json' }

let next = 0
async function one(statuses: Map<number, number>) {
  const response = await fetch(URL, { method: 'POST', headers, body: successBody(next++, LICENSES) })
  await response.text()
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
}

async function run(concurrency: number, ms: number) {
  const statuses = new Map<number, number>()
  const end = performance.now() + ms
  const start = performance.now()
  let done = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await one(statuses)
        done++
      }
    }),
  )
  const elapsed = performance.now() - start
  return { concurrency, requests: done, perSecond: Math.round(done / (elapsed / 1000)), non2xx: done - (statuses.get(200) ?? 0), statuses: Object.fromEntries(statuses) }
}

await run(1, 500) // warm-up
const sequential = await run(1, seconds * 1000)
const concurrent = await run(20, seconds * 1000)
server.close()
if (next > LICENSES * DEVICES) throw new Error('ran out of active devices: enlarge the seed')
process.stdout.write(`INPROCESS ${JSON.stringify({ sequential, concurrent })}\n`)
