// `--state-file`: the default tenant's state kept on disk across restarts. Loaded at start when
// the file exists (seed format, JSON); written atomically after every change (temp file in the
// same directory, fsync, rename over the file, fsync the directory), one write at a time.
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { validateSeed, type Seed, type SeedInput } from './core/seed.ts'

/** The state file cannot be used: unreadable, not JSON, or not a valid seed. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`state file ${file}: ${reason}`)
    this.name = 'StateFileError'
  }
}

/** The saved state, or undefined when the file does not exist. Never an empty state for a broken file. */
export function loadStateFile(file: string): Seed | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new StateFileError(file, code === 'EISDIR' ? 'is a directory' : `cannot read it (${code ?? oneLine(error)})`)
  }
  if (text.trim() === '') throw new StateFileError(file, 'is empty (expected the JSON state written by licensespring-mock; delete the file to start from the seed)')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new StateFileError(file, `is not valid JSON: ${oneLine(error)} (delete the file to start from the seed)`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StateFileError(file, 'is not a JSON object in seed format (delete the file to start from the seed)')
  }
  const result = validateSeed(data)
  if (!result.ok) {
    const [first] = result.issues
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ''
    throw new StateFileError(file, `is not a valid state: ${first.path || '(root)'}: ${first.message}${more}`)
  }
  return result.seed
}

export interface StatePersister {
  /** A change happened: write soon (coalesced: one write in flight, at most one more queued). */
  schedule(): void
  /** Resolves once every change scheduled so far is on disk (or failed and was logged). */
  flush(): Promise<void>
  /** Writes now and resolves when done; rejects on failure (used at start). */
  save(): Promise<void>
}

export interface StatePersisterOptions {
  file: string
  /** The state to write, taken synchronously when a write starts. */
  snapshot: () => SeedInput
  /** One line per failed write. */
  log: (line: string) => void
}

const TEMP = (file: string) => new RegExp(`^\\.${escape(basename(file))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`)

export function createStatePersister(options: StatePersisterOptions): StatePersister {
  const { file, snapshot, log } = options
  let inFlight: Promise<void> | undefined
  let pending = false

  // The loop's last check of `pending` and the reset of `inFlight` happen in one synchronous
  // step, so a change scheduled at any moment is either written by this loop or starts another.
  const run = async (): Promise<void> => {
    try {
      while (pending) {
        pending = false
        try {
          await writeAtomically(file, `${JSON.stringify(snapshot())}\n`)
        } catch (error) {
          log(`licensespring-mock: cannot save the state to ${file}: ${oneLine(error)}`)
        }
      }
    } finally {
      inFlight = undefined
    }
  }

  return {
    schedule() {
      pending = true
      inFlight ??= run()
    },
    async flush() {
      while (inFlight) await inFlight
    },
    async save() {
      while (inFlight) await inFlight
      await writeAtomically(file, `${JSON.stringify(snapshot())}\n`)
    },
  }
}

/** Removes temp files a killed process left next to the state file (those of live processes stay). */
export function removeStaleTempFiles(file: string): void {
  const dir = dirname(file)
  const pattern = TEMP(file)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const match = pattern.exec(name)
    if (!match || alive(Number(match[1]))) continue
    try {
      unlinkSync(join(dir, name))
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Temp file in the same directory, fsync, rename over the target, fsync the directory. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | undefined
  try {
    handle = await open(temp, 'w', 0o600)
    await handle.writeFile(text, 'utf8')
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, file)
  } catch (error) {
    await handle?.close().catch(() => {})
    await unlink(temp).catch(() => {})
    throw error
  }
  // The rename itself is durable once the directory is synced (not supported everywhere).
  let directory: FileHandle | undefined
  try {
    directory = await open(dir, 'r')
    await directory.sync()
  } catch {
    // Some platforms and file systems cannot fsync a directory; the rename is still atomic.
  } finally {
    await directory?.close().catch(() => {})
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s*\n\s*/g, '; ').slice(0, 300)
}
