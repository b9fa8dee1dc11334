// `npm run build` (also `prepare` on `npm install` in a checkout, and `prepack` before `npm pack`):
//
// - dist/**/*.js and *.d.ts: the public API (src/index.ts and everything it imports, src/generated
//   included) compiled by tsc with tsconfig.build.json, as plain ESM that Node and TypeScript
//   projects load from the package (`exports` points there);
// - dist/licensespring-mock.mjs: the CLI (src/cli.ts and every dependency) bundled into one file by
//   esbuild, so that `licensespring-mock serve` loads one module instead of some 600 (about 1 s →
//   0.3 s to the ready line);
// - dist/demo-seed.json: the demo seed, parsed and validated (src/seed-prebuilt.ts).
//
// Both sit one level below the package root, as src/ does, so the paths they resolve from their
// own location (the demo seed, package.json) hold in the sources, the compiled API and the bundle.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { demoSeedPath } from '../src/package-files.ts'
import { writePrebuiltSeed } from '../src/seed-prebuilt.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
export const DIST = join(root, 'dist')
export const OUTFILE = join(DIST, 'licensespring-mock.mjs')

/** Compiles the public API into dist/ (or outDir): JavaScript and declarations; throws with tsc's output on an error. */
export function buildLibrary(outDir = DIST): void {
  mkdirSync(outDir, { recursive: true })
  // What an earlier build left of a module that no longer exists must not ship.
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory() || /\.(js|d\.ts)$/.test(entry.name)) rmSync(join(outDir, entry.name), { recursive: true, force: true })
  }
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${result.stdout}${result.stderr}`)
  rewriteDeclarationImports(outDir)
  writePrebuiltSeed(readFileSync(demoSeedPath, 'utf8'), join(outDir, 'demo-seed.json'))
}

/**
 * tsc rewrites `./x.ts` to `./x.js` in the JavaScript it emits but not in declarations. Recent
 * TypeScript resolves either; `.js` is what every TypeScript that reads package exports resolves.
 */
function rewriteDeclarationImports(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) rewriteDeclarationImports(path)
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8')
      const rewritten = text.replace(/((?:from|import\()\s*'\.{1,2}\/[^']*)\.ts'/g, "$1.js'")
      if (rewritten !== text) writeFileSync(path, rewritten)
    }
  }
}

/** Bundles the CLI into one ES module (dist/licensespring-mock.mjs unless told otherwise). */
export async function build(outfile = OUTFILE): Promise<string> {
  const { build: esbuild } = await import('esbuild')
  mkdirSync(DIST, { recursive: true })
  await esbuild({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  return outfile
}

/** `npm pack` and `npm publish` run prepack and then prepare: the second build would redo the first. */
const builtByPrepack = process.env.npm_lifecycle_event === 'prepare' && ['pack', 'publish'].includes(process.env.npm_command ?? '')

if (process.argv[1] === fileURLToPath(import.meta.url) && builtByPrepack) {
  console.log('dist/ was built by prepack')
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildLibrary()
  console.log(`built ${DIST} (the API: JavaScript and declarations)`)
  console.log(`built ${await build()} (the CLI)`)
}
