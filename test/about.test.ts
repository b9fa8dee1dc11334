// The package says what it covers: every endpoint family of the spec is named by `--help` and by
// package.json's description, in the same words (src/about.ts).
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { ENDPOINT_FAMILIES, FAMILY_LIST, SUMMARY } from '../src/about.ts'
import { main } from '../src/cli.ts'
import { spec } from './support/spec.ts'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { description: string }

test('every License API path of the spec has a family in src/about.ts, and every family there is in the spec', () => {
  const paths = Object.keys(spec.paths).filter((path) => path.startsWith('/api/v4/')).sort()
  expect(Object.keys(ENDPOINT_FAMILIES).sort()).toEqual(paths)
})

test('--help and the package description name every family', async () => {
  const out: string[] = []
  await main(['--help'], { out: (line) => out.push(line), err: () => undefined })
  expect(out.join('\n')).toContain(`${SUMMARY}.`)
  expect(pkg.description).toContain(SUMMARY)
  expect(SUMMARY).toContain(`(${FAMILY_LIST})`)
})
