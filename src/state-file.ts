// `--state-file FILE`: the default tenant's state kept on disk, durable before each answer.
//   FILE           the state in seed format (JSON): the snapshot, replaced atomically
//   FILE.wal       the change log since that snapshot (FILE.wal.old while a compaction runs)
//   FILE.lock      the pid of the one server using FILE
// Start = lock, snapshot + change logs replayed (a torn last record ignored), a fresh snapshot
// when there was anything to replay. Then every change is appended and fsynced before its
// answer goes out (state-file/persister.ts). A clean stop folds the log into FILE and leaves
// FILE alone.
import type { Seed } from './core/seed.ts'
import type { Store } from './core/store.ts'
import { oneLine, StateFileError } from './state-file/error.ts'
import { removeStaleTempFiles } from './state-file/files.ts'
import { loadState } from './state-file/load.ts'
import { acquireLock } from './state-file/lock.ts'
import { startPersister, type Persister } from './state-file/persister.ts'

export { StateFileError } from './state-file/error.ts'
export type { Persister } from './state-file/persister.ts'

export interface StateFileOptions {
  file: string
  /** One line per failed save, compaction or shutdown save. */
  log: (line: string) => void
  /** Compact once the change log is larger than this and than 4 × the snapshot (default 64 MiB). */
  compactBytes?: number
  /** close() stops trying to save after this (default 5 s). */
  closeTimeoutMs?: number
}

export interface StateFile {
  /** The saved state, once (then it is let go); undefined when FILE does not exist yet (the server starts from its seed). */
  takeSaved(): Seed | undefined
  /** Starts saving the store `current()` returns; rejects with StateFileError when FILE cannot be written (the lock is released). */
  start(current: () => Store): Promise<Persister>
  /** Gives the lock back without starting (a start that failed elsewhere). */
  release(): void
}

/** Takes the lock and reads FILE; throws StateFileError (lock released) when it cannot be used. */
export function openStateFile(options: StateFileOptions): StateFile {
  const { file } = options
  const release = acquireLock(file)
  let loaded
  try {
    removeStaleTempFiles(file)
    loaded = loadState(file)
  } catch (error) {
    release()
    throw error
  }
  let seed = loaded.seed
  const { needsSnapshot } = loaded
  return {
    takeSaved() {
      const saved = seed
      seed = undefined
      return saved
    },
    release,
    async start(current) {
      let persister: Persister
      try {
        persister = await startPersister({ ...options, current, needsSnapshot })
      } catch (error) {
        release()
        throw new StateFileError(file, `cannot be written: ${oneLine(error)}`)
      }
      return {
        changed: () => persister.changed(),
        flush: () => persister.flush(),
        close: () => persister.close().finally(release),
      }
    },
  }
}
