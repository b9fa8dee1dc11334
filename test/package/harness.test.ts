// The parts of test:package that decide what runs: fences and "not run" markers, the kind of each
// example, the packages it needs, the variables shell blocks carry, hosts that must not be reached,
// and which type errors count. (test:package itself is slow and runs apart: npm run test:package.)
import { describe, expect, test } from 'vitest'
import { exampleOf, foreignHosts, namedFile, typeErrors, type Example } from './examples.ts'
import { codeBlocks } from './markdown.ts'
import { missingFrom, testFilesIn } from './pack.ts'
import { importedPackages, pinned } from './project.ts'
import { assignedNames } from './shell.ts'

const fence = '```'

describe('code blocks and markers', () => {
  test('blocks with their line, language and text; a marker before a fence names why it is not run', () => {
    const doc = ['# Title', '', `${fence}sh`, 'echo one', fence, '', '<!-- not run: starts a server -->', '', `${fence}ts title`, 'const a = 1', fence, '', '````md', `${fence}js`, 'inside', fence, '````', ''].join('\n')
    expect(codeBlocks('x.md', doc)).toEqual([
      { doc: 'x.md', line: 3, lang: 'sh', code: 'echo one\n' },
      { doc: 'x.md', line: 9, lang: 'ts', code: 'const a = 1\n', notRun: 'starts a server' },
      { doc: 'x.md', line: 13, lang: 'md', code: `${fence}js\ninside\n${fence}\n` },
    ])
  })

  test('a marker without a reason, or with no fence after it, is an error', () => {
    expect(() => codeBlocks('x.md', `<!-- not run: -->\n${fence}sh\nls\n${fence}\n`)).toThrow('x.md:1: write why the block is not run')
    expect(() => codeBlocks('x.md', `<!-- not run: because -->\nSome text.\n${fence}sh\nls\n${fence}\n`)).toThrow('x.md:1: a "not run" marker must be the last line before a fenced block')
  })
})

describe('what an example is', () => {
  const of = (lang: string, code: string) => exampleOf({ doc: 'README.md', line: 7, lang, code })
  test.each([
    ['sh', 'curl -s http://127.0.0.1:4010', 'shell', 'example.sh'],
    ['ts', "import { it } from 'vitest'\n", 'vitest', 'example.test.ts'],
    ['ts', "// test/license-api.test.ts\nimport { runScenarios } from 'licensespring-mock'\n", 'vitest', 'test/license-api.test.ts'],
    ['js', "import test from 'node:test'\n", 'node-test', 'example.mjs'],
    ['js', "// license.test.mjs — node --test license.test.mjs\nimport { test } from 'node:test'\n", 'node-test', 'license.test.mjs'],
    ['js', "const { LicenseAPI } = require('@licensespring/node-sdk')\n", 'node', 'example.cjs'],
    ['js', "// flow.mjs — node flow.mjs\nimport { LicenseAPI } from '@licensespring/node-sdk'\n", 'node', 'flow.mjs'],
    ['ts', "import { startMockServer } from 'licensespring-mock'\n", 'node', 'example.ts'],
  ])('%s %j → %s, %s', (lang, code, runner, file) => {
    expect(of(lang, code)).toMatchObject({ runner, file, dir: 'README-L7' })
  })

  test('other languages are not examples', () => {
    for (const lang of ['yaml', 'json', 'python', '', 'md']) expect(of(lang, 'x')).toBeUndefined()
  })

  test('a file name comes from a first-line comment only', () => {
    expect(namedFile('// flow.mjs — node flow.mjs\n')).toBe('flow.mjs')
    expect(namedFile('// the mock\n')).toBeUndefined()
    expect(namedFile('const a = 1 // flow.mjs\n')).toBeUndefined()
  })
})

describe('what an example needs and may reach', () => {
  test('the packages it imports, pinned as this repository pins them', () => {
    const names = importedPackages(["import { setupServer } from 'msw/node'\nimport fs from 'node:fs'\nimport { x } from './local.js'\nconst sdk = require('@licensespring/node-sdk')\nimport 'licensespring-mock'\n"])
    expect(names).toEqual(['@licensespring/node-sdk', 'msw'])
    expect(pinned(names, { msw: '2.15.0', '@licensespring/node-sdk': '1.4.17' })).toEqual(['@licensespring/node-sdk@1.4.17', 'msw@2.15.0'])
    expect(() => pinned(['left-pad'], {})).toThrow('the examples import left-pad, which this repository')
  })

  test('shell blocks carry the variables they set', () => {
    expect(assignedNames('M=http://127.0.0.1:4010/__admin\nexport TOKEN="$(openssl rand -hex 24)"\ncurl -s $M/health\n  DATE=x')).toEqual(['M', 'TOKEN', 'DATE'])
  })

  test('an example reaching another machine is caught; loopback and msw-handled requests are not', () => {
    const example = (runner: Example['runner'], code: string) => ({ runner, code }) as Example
    expect(foreignHosts(example('shell', 'curl https://staging.example.com/api/v4 http://127.0.0.1:4010 http://localhost:9/x'))).toEqual(['staging.example.com'])
    expect(foreignHosts(example('node', "fetch('https://api.licensespring.com/api/v4/x')"))).toEqual(['api.licensespring.com'])
    expect(foreignHosts(example('vitest', "setupServer(...mock.handlers)\nfetch('https://api.licensespring.com/api/v4/x')"))).toEqual([])
  })

  test("type errors in other packages' declarations are told apart from ours", () => {
    const output = [
      "docs-examples/README-L1/example.ts(6,20): error TS2304: Cannot find name 'mock'.",
      "node_modules/msw/lib/core/x.d.mts(1,1): error TS2552: Cannot find name 'ResponseType'.",
      "node_modules/licensespring-mock/dist/index.d.ts(2,1): error TS2307: Cannot find module 'x'.",
    ].join('\n')
    const { ours, theirs } = typeErrors(output)
    expect(ours).toHaveLength(2)
    expect(theirs).toEqual([expect.stringContaining('node_modules/msw/')])
  })
})

describe('the tarball', () => {
  test('test files are spotted wherever they are', () => {
    expect(testFilesIn(['dist/index.js', 'test/cli.test.ts', 'dist/a.test.js', 'scenarios/rules/x.yaml', 'src/__tests__/a.ts', 'test/robustness/fixtures/x.ts'])).toEqual([
      'test/cli.test.ts',
      'dist/a.test.js',
      'src/__tests__/a.ts',
      'test/robustness/fixtures/x.ts',
    ])
  })

  test('what users need is listed as missing when absent', () => {
    expect(missingFrom(['package.json', 'README.md'], ['docs/contributing.md'])).toEqual(expect.arrayContaining(['LICENSE', 'dist/index.d.ts', 'docs/contributing.md']))
  })
})
