// One engine, thin adapters: nothing under src/core imports msw, node's network modules, an
// adapter or the scenario runner.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))
const core = join(root, 'src/core')

/** Every module specifier of import / export-from / import() / require() statements. */
function moduleSpecifiers(source: string): string[] {
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  return patterns.flatMap((pattern) => [...withoutComments.matchAll(pattern)].map((match) => match[1]))
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : /\.[cm]?[jt]s$/.test(entry.name) ? [join(dir, entry.name)] : [],
  )

/** Why this import is not allowed in core, or undefined. */
function forbidden(specifier: string, file: string): string | undefined {
  if (specifier === 'msw' || specifier.startsWith('msw/')) return 'msw belongs to the msw adapter'
  if (/^(node:)?(http|https|http2|net)$/.test(specifier)) return 'network modules belong to the http adapter'
  if (specifier.startsWith('.')) {
    const target = relative(root, resolve(dirname(file), specifier)).replaceAll('\\', '/')
    if (target.startsWith('src/adapters/') || target === 'src/adapters') return 'core never imports an adapter'
    if (target.startsWith('src/scenarios/') || target === 'src/scenarios') return 'core never imports the scenario runner'
  }
  return undefined
}

describe('src/core', () => {
  const files = filesUnder(core)

  test('has the engine’s modules', () => {
    const names = files.map((file) => relative(core, file))
    expect(names).toEqual(expect.arrayContaining(['auth.ts', 'rules/deactivation.ts', 'endpoints/index.ts', 'engine.ts', 'errors.ts', 'store.ts', 'db.ts']))
  })

  test('imports no msw, no node:http / node:net, no adapter and no scenario module', () => {
    const violations = files.flatMap((file) =>
      moduleSpecifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const reason = forbidden(specifier, file)
        return reason ? [`${relative(root, file)} imports "${specifier}": ${reason}`] : []
      }),
    )
    expect(violations).toEqual([])
  })
})

describe('the import scanner', () => {
  test('sees every form of import, and not commented ones', () => {
    const source = [
      "import { a } from './a.ts'",
      "import type { B } from '../adapters/msw.ts'",
      "import * as c from 'node:http'",
      "import 'msw/node'",
      'import {\n  d,\n  e,\n} from "node:net"',
      "export { f } from '../scenarios/run.ts'",
      "export * from 'msw'",
      "const g = await import('node:https')",
      "const h = require('http')",
      "// import { x } from 'msw'",
      "/* import { y } from 'msw' */",
    ].join('\n')
    expect(moduleSpecifiers(source)).toEqual(['./a.ts', '../adapters/msw.ts', 'node:http', 'msw/node', 'node:net', '../scenarios/run.ts', 'msw', 'node:https', 'http'])
  })

  test('reads the real imports of core', () => {
    expect(moduleSpecifiers(readFileSync(join(core, 'db.ts'), 'utf8'))).toContain('@msw/data')
    expect(moduleSpecifiers(readFileSync(join(core, 'auth.ts'), 'utf8'))).toContain('node:crypto')
  })

  test('tells a forbidden import from an allowed one', () => {
    const file = join(core, 'engine.ts')
    expect(forbidden('@msw/data', file)).toBeUndefined()
    expect(forbidden('node:crypto', file)).toBeUndefined()
    expect(forbidden('./errors.ts', file)).toBeUndefined()
    expect(forbidden('../generated/schemas.ts', file)).toBeUndefined()
    expect(forbidden('msw', file)).toBeDefined()
    expect(forbidden('msw/node', file)).toBeDefined()
    expect(forbidden('node:net', file)).toBeDefined()
    expect(forbidden('../adapters/msw.ts', file)).toBeDefined()
    expect(forbidden('../scenarios/runner.ts', file)).toBeDefined()
  })
})
