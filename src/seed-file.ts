// Reading seeds from files or objects, with errors that name the file, the path and the reason.
import { readFileSync } from 'node:fs'
import { parseSeedText, validateSeed, type Seed, type SeedInput, type SeedIssue } from './core/seed.ts'

export class InvalidSeedError extends Error {
  constructor(
    readonly source: string,
    readonly issues: SeedIssue[],
  ) {
    super(`Invalid seed ${source}:\n${issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n')}`)
    this.name = 'InvalidSeedError'
  }
}

/** A seed file (YAML or JSON) → validated seed, or InvalidSeedError. */
export function loadSeedFile(file: string): Seed {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message
    throw new InvalidSeedError(file, [{ path: '', message: reason }])
  }
  const result = parseSeedText(text)
  if (!result.ok) throw new InvalidSeedError(file, result.issues)
  return result.seed
}

/** A file path or a seed object → validated seed, or InvalidSeedError. */
export function resolveSeed(seed: string | SeedInput | undefined): Seed {
  if (typeof seed === 'string') return loadSeedFile(seed)
  const result = validateSeed(seed ?? {})
  if (!result.ok) throw new InvalidSeedError('(object)', result.issues)
  return result.seed
}

export const DEMO_SEED = new URL('../scenarios/seeds/demo.yaml', import.meta.url)
