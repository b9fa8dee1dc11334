// The bin script runs the CLI bundle from dist/, and says what to do when there is none: in a
// checkout (src/ beside it), build; in an installed package, reinstall. Each case is a folder laid
// out like one, with a copy of the bin script, since the script finds dist/ from its own place.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { tempFolder } from './support/files.ts'
import { BIN, spawnNode } from './support/processes.ts'

const { dir } = tempFolder('bin')

function layout(name: string, folders: string[]): string {
  const root = join(dir, name)
  for (const folder of ['bin', ...folders]) mkdirSync(join(root, folder), { recursive: true })
  copyFileSync(BIN, join(root, 'bin', 'licensespring-mock.js'))
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n')
  return join(root, 'bin', 'licensespring-mock.js')
}

test('a checkout without a build: one line saying to build, exit 2', async () => {
  const run = spawnNode([layout('checkout', ['src']), '--version'])
  expect((await run.exit).code).toBe(2)
  expect(run.stderr()).toBe('licensespring-mock: the CLI is not built in this checkout: run "npm install" (or "npm run build") first\n')
})

test('an installed package without its bundle: one line saying to reinstall, exit 2', async () => {
  const run = spawnNode([layout('installed', []), '--version'])
  expect((await run.exit).code).toBe(2)
  expect(run.stderr()).toBe('licensespring-mock: dist/licensespring-mock.mjs is missing from this install: reinstall licensespring-mock\n')
})

test('an installed package runs its bundle', async () => {
  const bin = layout('with-bundle', ['dist'])
  writeFileSync(join(dir, 'with-bundle', 'dist', 'licensespring-mock.mjs'), "export async function main(args) { console.log('bundle', args.join(' ')); return 0 }\n")
  const run = spawnNode([bin, 'serve', '--port', '0'])
  expect((await run.exit).code).toBe(0)
  expect(run.stdout()).toBe('bundle serve --port 0\n')
})
