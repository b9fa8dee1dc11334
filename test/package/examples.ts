// What each code block of the docs is, and how test:package runs it, decided from the block
// alone (docs/contributing.md says the same for writers):
//
// - a shell block (sh, bash, shell): run by bash against a started server, in the docs' order;
// - a JavaScript or TypeScript block: written to a file named by its first line when that is a
//   comment naming one (`// flow.mjs — node flow.mjs`), and then
//   - a test file for vitest when it imports vitest or its name ends in .test.*,
//   - run by `node --test` when it imports node:test,
//   - run by node otherwise: ES module, or CommonJS when it uses require() and no import;
//   TypeScript is compiled first by a strict tsc project and the JavaScript it emits is run;
// - any other block (yaml, json, python, plain text): not an example this harness runs.
import type { CodeBlock } from './markdown.ts'

export type Runner = 'shell' | 'vitest' | 'node-test' | 'node'

export interface Example extends CodeBlock {
  runner: Runner
  /** Written as TypeScript (compiled by the strict project before it runs). */
  typescript: boolean
  /** Folder of its own under the examples' root, e.g. `README-L51`. */
  dir: string
  /** File name inside it (may hold folders, as `test/license-api.test.ts`). */
  file: string
}

const JS = new Set(['js', 'javascript', 'mjs', 'cjs'])
const TS = new Set(['ts', 'typescript', 'mts', 'cts'])
const SHELL = new Set(['sh', 'bash', 'shell'])

/** `// flow.mjs — node flow.mjs` → `flow.mjs`; undefined when the first line names no file. */
export function namedFile(code: string): string | undefined {
  return /^\/\/\s*((?:[\w.-]+\/)*[\w.-]+\.[cm]?[jt]s)(?:\s|$)/.exec(code)?.[1]
}

const importsVitest = (code: string) => /\bfrom\s+['"]vitest['"]/.test(code)
const importsNodeTest = (code: string) => /\bfrom\s+['"]node:test['"]|require\(\s*['"]node:test['"]\s*\)/.test(code)
const isCommonJs = (code: string) => /\brequire\(/.test(code) && !/^\s*(import|export)\s/m.test(code)

/** The example a block is, or undefined for a block in a language this harness does not run. */
export function exampleOf(block: CodeBlock): Example | undefined {
  const dir = `${block.doc.replace(/\.md$/, '').replace(/[^\w-]+/g, '-')}-L${block.line}`
  if (SHELL.has(block.lang)) return { ...block, runner: 'shell', typescript: false, dir, file: 'example.sh' }
  const typescript = TS.has(block.lang)
  if (!typescript && !JS.has(block.lang)) return undefined
  const named = namedFile(block.code)
  // What it imports decides first: a `*.test.mjs` of node:test is run by node --test, not vitest.
  const runner: Runner = importsVitest(block.code) ? 'vitest' : importsNodeTest(block.code) ? 'node-test' : /\.test\.[cm]?[jt]s$/.test(named ?? '') ? 'vitest' : 'node'
  const extension = typescript ? (block.lang === 'mts' ? '.mts' : block.lang === 'cts' ? '.cts' : '.ts') : block.lang === 'cjs' || isCommonJs(block.code) ? '.cjs' : '.mjs'
  const file = named ?? `example${runner === 'vitest' ? '.test' : ''}${extension}`
  return { ...block, runner, typescript: /\.[cm]?ts$/.test(file), dir, file }
}

/** Where tsc (rootDir: the examples' root, outDir: build/) writes the JavaScript of a TypeScript example. */
export function emittedFile(example: Example): string {
  return `${example.dir}/${example.file.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs')}`
}

/**
 * tsc's errors in the examples and in licensespring-mock's own declarations (ours), and those in
 * other packages' declarations (theirs: msw's need the DOM library, an SDK's name a package it
 * does not depend on), which a user's skipLibCheck hides and which are not this package's to fix.
 */
export function typeErrors(output: string): { ours: string[]; theirs: string[] } {
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line))
  const theirs = errors.filter((line) => line.startsWith('node_modules/') && !line.startsWith('node_modules/licensespring-mock/'))
  return { ours: errors.filter((line) => !theirs.includes(line)), theirs }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Hosts other than this machine that an example would reach: a shell block's URLs, and those of
 * a program that does not route its requests to msw handlers (setupServer) in-process.
 */
export function foreignHosts(example: Example): string[] {
  if (example.runner !== 'shell' && /\bsetupServer\b/.test(example.code)) return []
  const hosts = [...example.code.matchAll(/\bhttps?:\/\/(\[[^\]]+\]|[^/\s:'"`$)]+)/g)].map(([, host]) => host)
  return [...new Set(hosts.filter((host) => !LOOPBACK.has(host)))]
}
