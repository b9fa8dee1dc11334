// The bundle `npm run build` makes for the CLI (dist/, next to src/ so that its paths to
// package.json and the demo seed hold): it serves, signs and validates as the sources do.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { build } from '../scripts/build.ts'
import { packageVersion } from '../src/server.ts'
import { signedHeaders } from '../src/core/signature.ts'
import { ROOT, spawnNode, urlOf } from './support/processes.ts'
import { assertConformsToSpec } from './support/spec.ts'

const outfile = join(ROOT, 'dist', `build-test-${process.pid}.mjs`)
afterAll(() => rmSync(outfile, { force: true }))

/** `main(args)` of the bundle, in a process of its own. */
const runBundle = (args: string[]) =>
  spawnNode(['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.exitCode = await main(${JSON.stringify(args)})`])

test('the bundle serves the demo seed: health, a signed check that conforms, the public key it printed', { timeout: 60_000 }, async () => {
  await build(outfile)
  const served = runBundle(['serve', '--port', '0'])
  const url = await urlOf(served)
  expect(await (await fetch(`${url}/__admin/health`)).json()).toEqual({ status: 'ok', version: packageVersion() })

  const signed = signedHeaders({ apiKey: 'demo-api-key', sharedKey: 'demo-shared-key' })
  const check = await fetch(`${url}/api/v4/check_license?product=demo&license_key=DEMO-OK-0001&hardware_id=demo-device-2`, { headers: { date: signed.Date, authorization: signed.Authorization } })
  const text = await check.text()
  expect(check.status).toBe(200)
  assertConformsToSpec(200, text, '/api/v4/check_license', 'get', Object.fromEntries(check.headers))

  const publicKey = await (await fetch(`${url}/__admin/public-key?format=pem`)).text()
  expect(served.stdout()).toContain(publicKey.trimEnd())
  served.child.kill('SIGTERM')
  expect((await served.exit).code).toBe(0)

  const validated = runBundle(['validate', join(ROOT, 'scenarios', 'seeds', 'demo.yaml')])
  expect((await validated.exit).code).toBe(0)
  expect(validated.stdout()).toBe(`ok ${join(ROOT, 'scenarios', 'seeds', 'demo.yaml')}\n`)
})
