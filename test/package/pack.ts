// `npm pack` of this repository (prepack builds dist/), and what the tarball must and must not hold.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

export interface Packed {
  tarball: string
  /** Compressed size in bytes. */
  size: number
  unpackedSize: number
  files: string[]
}

/** Packs the repository into `dir` (running its prepack script, as `npm publish` would). */
export function pack(root: string, dir: string): Packed {
  const result = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stdout}\n${result.stderr}`)
  // Lifecycle scripts print to stdout before npm's JSON.
  const json = result.stdout.slice(result.stdout.search(/^\[/m))
  const [info] = JSON.parse(json) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[]
  return { tarball: join(dir, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files.map((file) => file.path) }
}

/** Paths of test code: test folders, *.test.* and *.spec.* files, fixtures. */
const TEST_FILE = /(^|\/)(test|tests|__tests__|fixtures)\/|\.(test|spec)\.[cm]?[jt]sx?$/

export function testFilesIn(files: readonly string[]): string[] {
  return files.filter((file) => TEST_FILE.test(file))
}

/** What a user of the package needs: the compiled API and its types, the CLI, the prebuilt demo seed, the spec, the shipped scenarios, seeds (the demo seed's key too) and schema, the docs. */
export function missingFrom(files: readonly string[], docs: readonly string[]): string[] {
  const required = [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/licensespring-mock.mjs',
    'dist/demo-seed.json',
    'bin/licensespring-mock.js',
    'openapi/license-api.yaml',
    'scenarios/scenario.schema.json',
    'scenarios/seeds/demo.yaml',
    'scenarios/seeds/demo-signing-key.pem',
    'examples/seeds/team.yaml',
    ...docs,
  ]
  return required.filter((file) => !files.includes(file))
}
