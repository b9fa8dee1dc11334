// A fresh project that depends on the packed tarball, as a user's would: its own package.json
// (ES modules), the tarball and the packages the examples import, at the versions this
// repository pins, and a strict TypeScript configuration for the TypeScript examples.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'

/** What every example project gets, whatever the examples import: the test runner and msw (the peer dependency), TypeScript and Node's types. */
const ALWAYS = ['msw', 'vitest', 'typescript', '@types/node']

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

/** The packages the examples import (bare specifiers, not node's own modules nor licensespring-mock). */
export function importedPackages(sources: readonly string[]): string[] {
  const names = new Set<string>()
  for (const source of sources) {
    for (const [, specifier] of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"./][^'"]*)['"]/gm)) {
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue
      const name = packageName(specifier)
      if (name !== 'licensespring-mock') names.add(name)
    }
  }
  return [...names].sort()
}

/**
 * `name@version` for each package, from this repository's own pins (package.json), so the
 * examples run against what the repository is tested with. A package the repository does not
 * pin is an error: an example must not bring in a version nobody chose.
 */
export function pinned(names: readonly string[], pins: Record<string, string>): string[] {
  const unknown = names.filter((name) => pins[name] === undefined)
  if (unknown.length > 0) throw new Error(`the examples import ${unknown.join(', ')}, which this repository's package.json does not pin (add it to devDependencies)`)
  return names.map((name) => `${name}@${pins[name]}`)
}

export function createProject(dir: string, tarball: string, imported: readonly string[], pins: Record<string, string>): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'licensespring-mock-user', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`)
  const packages = pinned([...new Set([...ALWAYS, ...imported])].sort(), pins)
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-exact', tarball, ...packages], { cwd: dir, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`npm install in the example project failed:\n${result.stdout}\n${result.stderr}`)
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        // As strict as a user's project may be: every example must compile under it with 0 errors.
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023'],
          types: ['node'],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          rootDir: 'docs-examples',
          outDir: 'build',
        },
        include: ['docs-examples/**/*.ts', 'docs-examples/**/*.mts', 'docs-examples/**/*.cts'],
      },
      null,
      2,
    )}\n`,
  )
}

/** The package's scenarios/ and examples/ folders copied into the project, as a user starting from them would. */
export function copyShippedFolders(dir: string): void {
  for (const folder of ['scenarios', 'examples']) cpSync(join(dir, 'node_modules', 'licensespring-mock', folder), join(dir, folder), { recursive: true })
}
