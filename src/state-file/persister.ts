// The change log writer. Every change of the default tenant joins the next batch; a batch is the
// current state of each license changed since the last one (or a whole-state block after PUT
// state or reset), appended to FILE.wal and fdatasync'ed once: many requests share one fsync
// (group commit), and each request is answered when its batch is on disk. Once the log outgrows
// the snapshot it is rotated (FILE.wal → FILE.wal.old, a new FILE.wal) and a new snapshot is
// written in the background; then the old log goes.
//
// A failed write is reported once (one line when saving starts failing, one when it works
// again), answered with 503 state_not_saved meanwhile, and retried with a growing delay. Nothing
// here waits without bound: close() gives up after its timeout.
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises'
import type { Store } from '../core/store.ts'
import { oneLine } from './error.ts'
import { logPath, oldLogPath, syncDirectory, writeAll } from './files.ts'
import { licenseLine, stateBlock } from './records.ts'
import { writeSnapshot } from './snapshot.ts'

export interface PersisterOptions {
  file: string
  /** The default tenant's store now (replaced by PUT state and reset). */
  current: () => Store
  log: (line: string) => void
  /** The snapshot needs rewriting before the log starts (FILE missing, or a log to fold in). */
  needsSnapshot: boolean
  /** The log is compacted once larger than this and than the snapshot (default 8 MiB). */
  compactBytes?: number
  /** close() stops trying to save after this (default 5 s). */
  closeTimeoutMs?: number
}

export interface Persister {
  /** A change of the default tenant: resolves once it is on disk; rejects while saves fail. */
  changed(): Promise<void>
  /** Resolves once every change made so far is on disk; rejects while saves fail. */
  flush(): Promise<void>
  /** The last changes saved and the log folded into the snapshot, within the timeout. Never rejects. */
  close(): Promise<void>
}

interface Batch {
  promise: Promise<void>
  resolve(): void
  reject(error: unknown): void
}

/** A promise whose rejection is handled here as well: nobody is obliged to wait for it. */
function batch(): Batch {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((yes, no) => {
    resolve = yes
    reject = no
  })
  promise.catch(() => {})
  return { promise, resolve, reject }
}
const rejected = (error: unknown) => {
  const promise = Promise.reject(error)
  promise.catch(() => {})
  return promise
}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

const RETRY_FIRST_MS = 100
const RETRY_MAX_MS = 5_000

export async function startPersister(options: PersisterOptions): Promise<Persister> {
  const { file, current, log } = options
  const wal = logPath(file)
  const old = oldLogPath(file)
  const compactBytes = options.compactBytes ?? 8 * 1024 * 1024

  let snapshotBytes = options.needsSnapshot ? await writeSnapshot(file, current()) : await stat(file).then((info) => info.size)
  // Empty or folded into the snapshot.
  await unlink(old).catch(() => {})
  // Empty now: whatever it held is in the snapshot.
  let handle: FileHandle = await open(wal, 'w', 0o600)
  await syncDirectory(file)

  /** The store whose whole state is on disk; another one means a whole-state block is due. */
  let logged: Store = current()
  /** Licenses whose records a failed batch did not write. */
  const unwritten = new Set<number>()
  /** Waiters of the next batch. */
  let next: Batch | undefined
  let running = false
  let idle: Promise<void> = Promise.resolve()
  /** Bytes of complete records in FILE.wal; a failed write may have left more after them. */
  let size = 0
  let tail = false
  /** The reason saves fail now, and the error to answer with. */
  let failure: { reason: string; error: unknown } | undefined
  let retryTimer: NodeJS.Timeout | undefined
  let retryMs = RETRY_FIRST_MS
  /** A new snapshot being written; FILE.wal.old stays until it is done. */
  let compaction: Promise<void> | undefined
  let oldLogLeft = false
  let closed = false

  const kick = () => {
    if (running || retryTimer || closed) return
    running = true
    // Started on the next turn of the event loop: the requests parsed meanwhile share the fsync.
    idle = new Promise<void>((resolve) => setImmediate(resolve)).then(run)
  }

  async function run(): Promise<void> {
    while (next) {
      const waiting = next
      next = undefined
      const recovering = failure !== undefined
      try {
        await writeBatch()
        waiting.resolve()
      } catch (error) {
        waiting.reject(error)
        failed(error)
        break
      }
      if (recovering) {
        log(`licensespring-mock: the state is saved to ${file} again`)
        failure = undefined
        retryMs = RETRY_FIRST_MS
        // Changes refused while saves failed are still in memory: one more batch takes them.
        next ??= batch()
      }
      if (size >= Math.max(compactBytes, snapshotBytes) && !compaction && !closed) await rotate()
    }
    running = false
  }

  async function writeBatch(): Promise<void> {
    const store = current()
    if (store !== logged) {
      // Every change so far is in the block.
      store.takeChanges()
      await append(stateBlock(store))
      logged = store
      unwritten.clear()
    } else {
      for (const id of store.takeChanges()) unwritten.add(id)
      if (unwritten.size === 0) return
      const lines: string[] = []
      for (const id of unwritten) {
        const license = store.license(id)
        if (license) lines.push(licenseLine(license))
      }
      await append(lines)
      unwritten.clear()
    }
  }

  /** Writes the chunks after the last complete record, cuts what a failed write left after them, fdatasync. */
  async function append(chunks: Iterable<string>): Promise<void> {
    let position = size
    for (const chunk of chunks) {
      tail = true
      position = await writeAll(handle, Buffer.from(chunk, 'utf8'), position)
    }
    if (tail) await handle.truncate(position)
    await handle.datasync()
    size = position
    tail = false
  }

  function failed(error: unknown): void {
    const reason = oneLine(error)
    if (failure?.reason !== reason) {
      log(`licensespring-mock: cannot save the state to ${file}: ${reason} (retrying; changes are answered 503 state_not_saved until a save succeeds)`)
    }
    failure = { reason, error }
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      // The retry writes whatever is pending; the first batch that succeeds ends the failure.
      next ??= batch()
      kick()
    }, retryMs)
    retryTimer.unref()
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
  }

  /** A new FILE.wal for what follows, the current one kept as FILE.wal.old until a snapshot covers it. */
  async function rotate(): Promise<void> {
    if (oldLogLeft) {
      compact()
      return
    }
    let fresh: FileHandle | undefined
    try {
      fresh = await open(`${wal}.new`, 'w', 0o600)
      await rename(wal, old)
      await rename(`${wal}.new`, wal)
      await syncDirectory(file)
    } catch (error) {
      await fresh?.close().catch(() => {})
      await unlink(`${wal}.new`).catch(() => {})
      // FILE.wal.old without FILE.wal would still replay; put it back so appends keep one file.
      await rename(old, wal).catch(() => {})
      compactionFailed(error)
      return
    }
    const previous = handle
    handle = fresh
    size = 0
    tail = false
    oldLogLeft = true
    void previous.close().catch(() => {})
    compact()
  }

  let compactionFailure: string | undefined
  function compactionFailed(error: unknown): void {
    const reason = oneLine(error)
    if (compactionFailure !== reason) log(`licensespring-mock: cannot compact the change log of ${file}: ${reason} (changes are still saved; retried later)`)
    compactionFailure = reason
  }

  /**
   * In the background: a snapshot, then FILE.wal.old goes. Of the store the log follows, not a
   * newer one whose whole-state block is not on disk yet: replayed over that, FILE.wal.old's
   * records would mix two states.
   */
  function compact(): void {
    compaction ??= (async () => {
      try {
        snapshotBytes = await writeSnapshot(file, logged)
        await unlink(old).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error
        })
        await syncDirectory(file)
        oldLogLeft = false
        compactionFailure = undefined
      } catch (error) {
        compactionFailed(error)
      } finally {
        compaction = undefined
      }
    })()
  }

  const changed = (): Promise<void> => {
    if (closed) return rejected(new Error('the state file is closed'))
    if (failure) return rejected(failure.error)
    const waiting = (next ??= batch())
    kick()
    return waiting.promise
  }

  let closing: Promise<void> | undefined
  return {
    changed,
    // The next batch starts after the one in flight and takes whatever is pending: when it is on disk, so is every change so far.
    flush: changed,
    close() {
      closing ??= (async () => {
        const finish = async () => {
          // The batch in flight and the pending one, then a snapshot of everything and no log.
          await idle
          if (next) {
            running = true
            await run()
          }
          closed = true
          clearTimeout(retryTimer)
          await compaction
          await writeSnapshot(file, current())
          next?.resolve()
          await handle.close()
          for (const path of [wal, old]) await unlink(path).catch(() => {})
          await syncDirectory(file)
        }
        // One last attempt, whatever failed before.
        clearTimeout(retryTimer)
        retryTimer = undefined
        const timeoutMs = options.closeTimeoutMs ?? 5_000
        const outcome = await Promise.race([finish().then(() => undefined, (error: unknown) => oneLine(error)), sleep(timeoutMs).then(() => `not done within ${timeoutMs} ms`)])
        closed = true
        if (outcome !== undefined) {
          next?.reject(new Error(outcome))
          log(`licensespring-mock: the state could not be saved to ${file} at shutdown: ${outcome} (it keeps the changes saved before)`)
        }
      })()
      return closing
    },
  }
}
