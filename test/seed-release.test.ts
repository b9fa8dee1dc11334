// Once the store is built from a large seed file (whose reset state is the file's text), nothing
// keeps the validated seed it was built from: its objects are garbage (a closure that held the tenants' options kept them as long as the tenants lived).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

const SCRIPT = `
import { createEngine } from './src/core/engine.ts'
import { validateSeed } from './src/core/seed.ts'
import { snapshotSeedText } from './src/core/snapshot.ts'
import { readFileSync } from 'node:fs'
const key = readFileSync('scenarios/seeds/demo-signing-key.pem', 'utf8')
const input = { credentials: [{ api_key: 'k', shared_key: 's' }], products: [{ short_code: 'p' }], licenses: [{ product: 'p', license_key: 'L', devices: [{ hardware_id: 'hw' }] }] }
const refs = []
async function start() {
  const result = validateSeed(input)
  if (!result.ok) throw new Error('invalid')
  refs.push(new WeakRef(result.seed), new WeakRef(result.seed.licenses[0]), new WeakRef(result.seed.licenses[0].devices[0]))
  // As the server starts from a large file: reset goes back to the file's text, not to these objects.
  return createEngine({ seed: result.seed, initial: snapshotSeedText(Buffer.from(JSON.stringify(input))), signingKey: key, model: 'lazy' })
}
const engine = await start()
await new Promise((resolve) => setTimeout(resolve, 10))
globalThis.gc()
console.log(JSON.stringify({ kept: refs.map((ref) => ref.deref() !== undefined), devices: engine.tenant().store.licenseByKey('p', 'L')?.devices.length }))
`

test('the validated seed is collected once the engine is built (the engine still serves its state)', () => {
  const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: root, encoding: 'utf8' })) as { kept: boolean[]; devices: number }
  expect(out).toEqual({ kept: [false, false, false], devices: 1 })
})
