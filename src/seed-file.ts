// Reading seeds from files or objects, with errors that name the file, the path and the reason.
import { readFileSync } from 'node:fs'
import { parseSeedText, validateSeed, type Seed, type SeedInput, type SeedIssue } from './core/seed.ts'
import { snapshotSeedText, TEXT_SNAPSHOT_FROM, type SeedSnapshot } from './core/snapshot.ts'

export class InvalidSeedError extends Error {
  constructor(
    readonly source: string,
    readonly issues: SeedIssue[],
  ) {
    super(`Invalid seed ${source}:\n${issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n')}`)
    this.name = 'InvalidSeedError'
  }
}

function readSeedFile(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message
    throw new InvalidSeedError(file, [{ path: '', message: reason }])
  }
}

function parseSeedFile(file: string, text: string): Seed {
  const result = parseSeedText(text)
  if (!result.ok) throw new InvalidSeedError(file, result.issues)
  return result.seed
}

/** A seed file (YAML or JSON) → validated seed, or InvalidSeedError. */
export function loadSeedFile(file: string): Seed {
  return parseSeedFile(file, readSeedFile(file).toString('utf8'))
}

/** A file path or a seed object → validated seed, or InvalidSeedError. */
export function resolveSeed(seed: string | SeedInput | undefined): Seed {
  if (typeof seed === 'string') return loadSeedFile(seed)
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
  const { text, initial } = readSeedText(seed)
  return { seed: parseSeedFile(seed, text), initial }
}

/** The file's text, and its snapshot when large; the bytes (as large as the file) are gone once this returns. */
function readSeedText(file: string): { text: string; initial?: SeedSnapshot } {
  const bytes = readSeedFile(file)
  return { text: bytes.toString('utf8'), initial: bytes.length >= TEXT_SNAPSHOT_FROM ? snapshotSeedText(bytes) : undefined }
}

export const DEMO_SEED = new URL('../scenarios/seeds/demo.yaml', import.meta.url)
