#!/usr/bin/env node
// The CLI entry point. It runs the bundle `npm run build` makes (dist/licensespring-mock.mjs)
// while that is newer than every source file, and otherwise the TypeScript sources through tsx's
// loader, so an edited source is never served stale (the bundle only starts faster).
import { readdirSync, statSync } from 'node:fs'

const bundle = new URL('../dist/licensespring-mock.mjs', import.meta.url)

/** The newest modification time under a folder, in ms. */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= newest(new URL('../src/', import.meta.url))
  } catch {
    return false
  }
}

let main
if (bundleIsFresh() && process.env.LICENSESPRING_MOCK_FROM_SOURCES === undefined) {
  ;({ main } = await import(bundle.href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../src/cli.ts'))
}
process.exitCode = await main(process.argv.slice(2))
