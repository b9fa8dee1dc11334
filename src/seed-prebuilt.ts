// The demo seed, parsed and validated when the package is built (`npm run build` writes
// dist/demo-seed.json): a server or in-process mock of the demo seed starts from it instead of
// loading the YAML parser, parsing and validating — 110 of the 370 ms from `serve` to its ready
// line in a CPU profile of the bundle (`npm run bench`, start-up row). It is used only while the
// demo seed's text is the one it was built from; otherwise the seed is read as any other.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseSeedText, type Seed } from './core/seed.ts'

/** Where the build puts it: dist/ sits one level below the package root, as src/ does. */
export const PREBUILT_DEMO_SEED = fileURLToPath(new URL('../dist/demo-seed.json', import.meta.url))

interface Prebuilt {
  /** SHA-256 (base64) of the seed file's text. */
  digest: string
  seed: Seed
}

const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64')

/** The prebuilt seed when `text` is the text it was built from; undefined when it is not, or there is none. */
export function prebuiltSeed(text: string, file = PREBUILT_DEMO_SEED): Seed | undefined {
  let prebuilt: Prebuilt
  try {
    prebuilt = JSON.parse(readFileSync(file, 'utf8')) as Prebuilt
  } catch {
    return undefined
  }
  return prebuilt.digest === digestOf(text) ? prebuilt.seed : undefined
}

/** Parses and validates a seed's text and writes the result where prebuiltSeed reads it; throws on an invalid seed. */
export function writePrebuiltSeed(text: string, file = PREBUILT_DEMO_SEED): void {
  const result = parseSeedText(text)
  if (!result.ok) throw new Error(`the seed is invalid: ${result.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`)
  writeFileSync(file, JSON.stringify({ digest: digestOf(text), seed: result.seed } satisfies Prebuilt))
}
