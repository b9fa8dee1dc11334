#!/usr/bin/env node
// The CLI entry point: runs the bundle `npm run build` makes (dist/licensespring-mock.mjs), which
// the package ships. In a git checkout (src/ next to dist/) an edited source is never served
// stale: while the bundle is older than a file under src/, or LICENSESPRING_MOCK_FROM_SOURCES is
// set, the TypeScript sources run through tsx's loader (a dev dependency) instead.
import { existsSync, readdirSync, statSync } from 'node:fs'

const bundle = new URL('../dist/licensespring-mock.mjs', import.meta.url)
const sources = new URL('../src/', import.meta.url)

/** The newest modification time under a folder, in ms. */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/** One line on stderr and exit code 2, as the CLI reports every configuration error. */
function fail(message) {
  process.stderr.write(`licensespring-mock: ${message}\n`)
  process.exit(2)
}

const fromSources = () => process.env.LICENSESPRING_MOCK_FROM_SOURCES !== undefined || statSync(bundle).mtimeMs < newest(sources)

let main
if (!existsSync(sources)) {
  // An installed package: the bundle is all there is.
  if (!existsSync(bundle)) fail('dist/licensespring-mock.mjs is missing from this install: reinstall licensespring-mock')
  ;({ main } = await import(bundle.href))
} else if (!existsSync(bundle) && process.env.LICENSESPRING_MOCK_FROM_SOURCES === undefined) {
  fail('the CLI is not built in this checkout: run "npm install" (or "npm run build") first')
} else if (!existsSync(bundle) || fromSources()) {
  let tsx
  try {
    tsx = await import('tsx/esm/api')
  } catch {
    fail('src/ is newer than the built CLI and tsx is not installed: run "npm run build"')
  }
  tsx.register()
  ;({ main } = await import('../src/cli.ts'))
} else {
  ;({ main } = await import(bundle.href))
}
process.exitCode = await main(process.argv.slice(2))
