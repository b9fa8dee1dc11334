// What `npm run build` makes (next to src/, so that the paths to package.json and the demo seed
// hold): the CLI bundle serves, signs and validates as the sources do; the compiled API loads in
// plain Node, with declarations beside it.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { build, buildLibrary } from '../scripts/build.ts'
import { packageVersion } from '../src/server.ts'
import { parseSeedText } from '../src/core/seed.ts'
import { demoSeedPath } from '../src/package-files.ts'
import { prebuiltSeed } from '../src/seed-prebuilt.ts'
import { signedHeaders } from '../src/core/signature.ts'
import { ROOT, spawnNode, urlOf } from './support/processes.ts'
import { assertConformsToSpec } from './support/spec.ts'
import { DEMO } from './support/demo.ts'

const outfile = join(ROOT, 'dist', `build-test-${process.pid}.mjs`)
const outDir = join(ROOT, `dist-test-${process.pid}`)
afterAll(() => {
  rmSync(outfile, { force: true })
  rmSync(outDir, { recursive: true, force: true })
})

/** `main(args)` of the bundle, in a process of its own. */
const runBundle = (args: string[]) =>
  spawnNode(['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.exitCode = await main(${JSON.stringify(args)})`])

test('the bundle serves the demo seed: health, a signed check that conforms, the public key it printed', { timeout: 60_000 }, async () => {
  await build(outfile)
  const served = runBundle(['serve', '--port', '0'])
  const url = await urlOf(served)
  expect(await (await fetch(`${url}/__admin/health`)).json()).toEqual({ status: 'ok', version: packageVersion() })

  const signed = signedHeaders(DEMO)
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

/** Every file under a folder, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)).map((file) => `${entry.name}/${file}`) : [entry.name]))

test('the public API compiles to ESM and declarations that plain Node loads, the demo seed found from the package', { timeout: 120_000 }, async () => {
  buildLibrary(outDir)
  const files = filesUnder(outDir)
  expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'generated/schemas.js', 'generated/license-api.d.ts', 'demo-seed.json']))
  // The demo seed as the build parsed it: what parsing the file gives.
  const demoText = readFileSync(demoSeedPath, 'utf8')
  const parsed = parseSeedText(demoText)
  expect(parsed.ok && prebuiltSeed(demoText, join(outDir, 'demo-seed.json'))).toEqual(parsed.ok && parsed.seed)
  for (const file of files) expect(readFileSync(join(outDir, file), 'utf8'), file).not.toMatch(/from '\.{1,2}\/[^']*\.ts'/)
  // require() of the ES module works (Node >= 20.19) only while no module of it awaits at its top level.
  expect(typeof (createRequire(import.meta.url)(join(outDir, 'index.js')) as typeof import('../src/index.ts')).createLicenseMock).toBe('function')
  const api = (await import(pathToFileURL(join(outDir, 'index.js')).href)) as typeof import('../src/index.ts')
  expect(existsSync(api.demoSeedPath)).toBe(true)
  const mock = api.createLicenseMock()
  expect((await mock.state.get()).credentials?.[0]?.api_key).toBe('demo-api-key')
})
