// Reading seeds from files or objects, with errors that name the file, the path and the reason.
//
// A seed given as a string is a file path, relative to the working directory (as any path a user
// passes: Node's own resolution), or the word `demo` for the demo seed that ships with the package.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'
import { parseSeedText, validateSeed, type Seed, type SeedInput, type SeedIssue, type SeedResult } from './core/seed.ts'
import { snapshotSeedText, TEXT_SNAPSHOT_FROM, type SeedSnapshot } from './core/snapshot.ts'
import { describeJsonError } from './json-error.ts'
import { DEMO_SEED, demoSeedPath, demoSigningKey } from './package-files.ts'
import { prebuiltSeed } from './seed-prebuilt.ts'

export class InvalidSeedError extends Error {
  constructor(
    readonly source: string,
    readonly issues: SeedIssue[],
  ) {
    super(`Invalid seed ${source}:\n${issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n')}`)
    this.name = 'InvalidSeedError'
  }
}

/** The name that stands for the demo seed wherever a seed file is asked for (`seed: 'demo'`, `--seed demo`). */
export const DEMO_SEED_NAME = 'demo'

/** A seed file path as given, or the demo seed's path for `demo`. */
export function seedFilePath(seed: string): string {
  return seed === DEMO_SEED_NAME ? demoSeedPath : seed
}

/** Whether a seed file is the demo seed's, by whatever path it is named. */
const isDemoSeedFile = (file: string) => resolve(file) === demoSeedPath

/**
 * The signing key for a seed option: the one given, else the demo seed's own key when the seed is
 * the demo seed (absent, `demo`, or its path), else undefined (the engine generates one).
 */
export function signingKeyFor(seed: string | URL | SeedInput | undefined, given: string | undefined): string | undefined {
  if (given !== undefined) return given
  const demo = seed === undefined || (seed instanceof URL ? seed.href === DEMO_SEED.href : typeof seed === 'string' && isDemoSeedFile(seedFilePath(seed)))
  return demo ? demoSigningKey() : undefined
}

function readSeedFile(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message
    throw new InvalidSeedError(file, [{ path: '', message: reason }])
  }
}

const isJsonFile = (file: string) => /\.json$/i.test(file)

/** No line with anything but blanks and `#` comments: an empty file, which is more likely a mistake than an empty data set. */
const holdsNothing = (text: string) => !/^[ \t]*[^\s#]/m.test(text)

function parseSeedFile(file: string, text: string): Seed {
  const prebuilt = isDemoSeedFile(file) ? prebuiltSeed(text) : undefined
  if (prebuilt) return prebuilt
  if (holdsNothing(text)) throw new InvalidSeedError(file, [{ path: '', message: 'the file is empty (a seed with no data is written {})' }])
  const result = isJsonFile(file) ? parseJsonSeed(text) : parseSeedText(text)
  if (result.ok) return result.seed
  throw new InvalidSeedError(file, isJsonFile(file) ? result.issues : (yamlSyntaxIssue(text) ?? result.issues))
}

/** Up to this size a .json file is checked with JSON.parse before it is read as a seed. */
const CHECK_JSON_UP_TO = 1024 * 1024

/**
 * A .json file is JSON, and its errors are told in JSON's terms: the YAML parser, which
 * parseSeedText falls back to when JSON.parse fails, would accept some mistakes (a trailing comma)
 * and word the others as YAML. A file of hand-written size is checked with JSON.parse first; a
 * larger one is machine-written, and parseSeedText's own JSON.parse reads it once (scanned again
 * for a syntax error only when it fails). The seed itself comes from parseSeedText as any seed's,
 * with its duplicate-key policy.
 */
function parseJsonSeed(text: string): SeedResult {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const object = /^\s*\{/.test(json)
  if (!object || json.length <= CHECK_JSON_UP_TO) {
    let data: unknown
    try {
      data = JSON.parse(json)
    } catch {
      return jsonIssue(describeJsonError(json) ?? 'unreadable')
    }
    // Not an object: no seed, and validation says so.
    if (!object) return validateSeed(data)
  }
  const result = parseSeedText(json)
  if (result.ok) return result
  const syntax = describeJsonError(json)
  return syntax ? jsonIssue(syntax) : result
}

const jsonIssue = (syntax: string): SeedResult => ({ ok: false, issues: [{ path: '', message: `not valid JSON: ${syntax}` }] })

let yamlModule: typeof Yaml | undefined
/**
 * A YAML syntax error as one issue: the first (the rest follow from it), without the code frame
 * the parser's message goes on with. Parsed again on the error path only.
 */
function yamlSyntaxIssue(text: string): SeedIssue[] | undefined {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml
  const first = yamlModule.parseDocument(text, { uniqueKeys: true }).errors[0]
  if (!first) return undefined
  return [{ path: '', message: `not valid YAML: ${first.message.split('\n')[0].replace(/:\s*$/, '')}` }]
}

/** A seed file (YAML, or JSON when it ends in .json) → validated seed, or InvalidSeedError. */
export function loadSeedFile(file: string): Seed {
  return parseSeedFile(file, readSeedFile(file).toString('utf8'))
}

/** A file path (relative to the working directory), `demo`, or a seed object → validated seed, or InvalidSeedError. */
export function resolveSeed(seed: string | SeedInput | undefined): Seed {
  if (typeof seed === 'string') return loadSeedFile(seedFilePath(seed))
  const result = validateSeed(seed ?? {})
  if (!result.ok) throw new InvalidSeedError('(object)', result.issues)
  return result.seed
}

/**
 * As resolveSeed, with what `reset` goes back to (EngineOptions.initial): for a large file, its
 * text compressed. Undefined otherwise: the engine snapshots the seed's objects.
 */
export function resolveSeedForEngine(seed: string | SeedInput | undefined): { seed: Seed; initial?: SeedSnapshot } {
  if (typeof seed !== 'string') return { seed: resolveSeed(seed) }
  const file = seedFilePath(seed)
  const { text, initial } = readSeedText(file)
  return { seed: parseSeedFile(file, text), initial }
}

/** The file's text, and its snapshot when large; the bytes (as large as the file) are gone once this returns. */
function readSeedText(file: string): { text: string; initial?: SeedSnapshot } {
  const bytes = readSeedFile(file)
  return { text: bytes.toString('utf8'), initial: bytes.length >= TEXT_SNAPSHOT_FROM ? snapshotSeedText(bytes) : undefined }
}

export { DEMO_SEED } from './package-files.ts'
