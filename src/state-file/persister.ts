// The change log writer. Every change of the default tenant joins the next batch; a batch is the
// current state of each license changed since the last one (or a whole-state block after PUT
// state or reset), appended to FILE.wal and fdatasync'ed: many requests share one fsync (group
// commit), and each request is answered when its batch is on disk. Up to MAX_BATCHES batches
// are in flight: their writes go to the file one after the other, their fsyncs overlap, and they
// are acknowledged in order (a batch is durable once its own fsync and every earlier batch are),
// so requests that arrive during an fsync do not wait for it to end before theirs begins. Once
// the log outgrows the snapshot (COMPACT_RATIO) it is rotated (FILE.wal → FILE.wal.old, a new FILE.wal) and a new
// snapshot is written in the background; then the old log goes.
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
  /** The log is compacted once larger than this and than 4 × the snapshot (default 64 MiB). */
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

interface Waiters {
  promise: Promise<void>
  resolve(): void
  reject(error: unknown): void
}

/** A promise whose rejection is handled here as well: nobody is obliged to wait for it. */
function waiters(): Waiters {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((yes, no) => {
    resolve = yes
    reject = no
  })
  promise.catch(() => {})
  return { promise, resolve, reject }
}
const handled = <T>(promise: Promise<T>): Promise<T> => {
  promise.catch(() => {})
  return promise
}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

/**
 * Batches in flight at once: a request that arrives during an fsync starts its own instead of
 * waiting for that one to end. (Measured on a virtual disk whose flushes queue: 1, 2 and 4 give
 * the same throughput, within the noise.)
 */
const MAX_BATCHES = 2
/**
 * The log is compacted once it is this many times the snapshot (and at least compactBytes): a
 * snapshot is a whole state written and fsynced, which stalls the log's fsyncs meanwhile.
 * Measured over 6 s with 20 000 licenses (a 32 MB snapshot) and 50 clients deactivating:
 * compacting at 1× (every 2–3 s) gave about 6 500 req/s and a p99 of 60 ms; at 4× (not within
 * those 6 s) about 10 000 req/s and 15 ms.
 */
const COMPACT_RATIO = 4
const RETRY_FIRST_MS = 100
const RETRY_MAX_MS = 5_000

/** What one batch writes: the license records (or a whole-state block) taken when it starts. */
interface Work {
  chunks: Iterable<string>
  ids: number[]
  /** The store a whole-state block serializes. */
  block?: Store
  /** Where its records end in FILE.wal, once written. */
  end?: number
}

export async function startPersister(options: PersisterOptions): Promise<Persister> {
  const { file, current, log } = options
  const wal = logPath(file)
  const old = oldLogPath(file)
  const compactBytes = options.compactBytes ?? 64 * 1024 * 1024

  let snapshotBytes = options.needsSnapshot ? await writeSnapshot(file, current()) : await stat(file).then((info) => info.size)
  // Empty or folded into the snapshot.
  await unlink(old).catch(() => {})
  // Empty now: whatever it held is in the snapshot.
  let handle: FileHandle = await open(wal, 'w', 0o600)
  await syncDirectory(file)

  /** The store whose whole state is on disk, and the one the batches started so far bring it to. */
  let logged: Store = current()
  let prepared: Store = logged
  /** Licenses whose records a failed batch did not write. */
  const unwritten = new Set<number>()
  /** Waiters of the batch that has not started yet. */
  let next: Waiters | undefined
  let scheduled = false
  let inFlight = 0
  /** The last started batch's write, and its acknowledgement; each waits for the one before. */
  let lastWrite: Promise<void> = Promise.resolve()
  let lastDone: Promise<void> = Promise.resolve()
  /** End of the durable records in FILE.wal, and of the last write; a failed write may have left bytes after `end` (`tail`). */
  let size = 0
  let end = 0
  let tail = false
  /** A failure broke the chain of batches: it restarts from `size` once none is in flight. */
  let broken = false
  /** The reason saves fail now, and the error to answer with. */
  let failure: { reason: string; error: unknown } | undefined
  let retryTimer: NodeJS.Timeout | undefined
  let retryMs = RETRY_FIRST_MS
  /** The log is due to be switched for a new one, or being switched: no batch starts meanwhile. */
  let rotationDue = false
  let rotating = false
  let rotation: Promise<void> | undefined
  /** A new snapshot being written; FILE.wal.old stays until it is done. */
  let compaction: Promise<void> | undefined
  let oldLogLeft = false
  let closed = false
  /** Called whenever no batch is in flight (close waits for that). */
  let onIdle: (() => void) | undefined

  const kick = () => {
    if (scheduled || !next || inFlight >= MAX_BATCHES || retryTimer || rotationDue || rotating || broken || closed) return
    scheduled = true
    // Started on the next turn of the event loop: the requests parsed meanwhile share the fsync.
    setImmediate(() => {
      scheduled = false
      start()
    })
  }

  /** What the next batch writes, taken synchronously: every change made so far. */
  function prepare(): Work | undefined {
    const store = current()
    if (store !== prepared) {
      // Every change so far is in the block.
      store.takeChanges()
      unwritten.clear()
      prepared = store
      return { chunks: stateBlock(store), ids: [], block: store }
    }
    for (const id of store.takeChanges()) unwritten.add(id)
    if (unwritten.size === 0) return undefined
    const ids = [...unwritten]
    const lines: string[] = []
    for (const id of ids) {
      const license = store.license(id)
      if (license) lines.push(licenseLine(license))
    }
    unwritten.clear()
    return { chunks: [lines.join('')], ids }
  }

  function start(): void {
    if (!next || inFlight >= MAX_BATCHES || retryTimer || rotationDue || rotating || broken || closed) return
    const waiting = next
    next = undefined
    let work: Work | undefined
    try {
      work = prepare()
    } catch (error) {
      // A record that cannot even be serialized: a failure like any other, retried.
      waiting.reject(error)
      failed(error)
      return
    }
    if (!work) {
      // Its changes went with an earlier batch: it is answered as that one is.
      lastDone.then(waiting.resolve, waiting.reject)
      return
    }
    inFlight++
    const wrote = handled(lastWrite.then(() => write(work)))
    const synced = handled(wrote.then(() => handle.datasync()))
    // Settled only once its own write and fsync are over (no write may overlap a restart), and after the one before.
    const done = handled(
      Promise.allSettled([lastDone, synced]).then(([before, own]) => {
        if (before.status === 'rejected') throw before.reason
        if (own.status === 'rejected') throw own.reason
      }),
    )
    lastWrite = wrote
    lastDone = done
    done.then(
      () => {
        inFlight--
        size = work.end!
        if (work.block) logged = work.block
        if (failure) recovered()
        waiting.resolve()
        // Outgrown the snapshot: the batches in flight end, then the log is switched.
        if (!closed && !compaction && !rotation && size >= Math.max(compactBytes, COMPACT_RATIO * snapshotBytes)) rotationDue = true
        settled()
      },
      (error: unknown) => {
        inFlight--
        // Written again by the next batch that works.
        for (const id of work.ids) unwritten.add(id)
        prepared = logged
        broken = true
        waiting.reject(error)
        failed(error)
        settled()
      },
    )
    // The next batch may start while this one's fsync runs.
    if (next) kick()
  }

  /** Writes after the previous batch's records (cutting what a failed write left there); records where it ended. */
  async function write(work: Work): Promise<void> {
    // Writes run one after the other: the previous one has ended where this one starts.
    let position = end
    const cut = tail
    tail = true
    for (const chunk of work.chunks) position = await writeAll(handle, Buffer.from(chunk, 'utf8'), position)
    if (cut) await handle.truncate(position)
    tail = false
    end = work.end = position
  }

  function settled(): void {
    if (inFlight === 0) {
      if (broken) {
        // Restart from the last durable record; the next write cuts whatever lies beyond it.
        broken = false
        lastWrite = Promise.resolve()
        lastDone = Promise.resolve()
        end = size
        tail = true
      }
      onIdle?.()
      if (rotationDue && !rotation) {
        rotation = rotate().finally(() => {
          rotation = undefined
          rotationDue = false
          kick()
        })
        return
      }
    }
    kick()
  }

  function recovered(): void {
    log(`licensespring-mock: the state is saved to ${file} again`)
    failure = undefined
    retryMs = RETRY_FIRST_MS
    // Changes refused while saves failed are still in memory: one more batch takes them.
    next ??= waiters()
  }

  function failed(error: unknown): void {
    const reason = oneLine(error)
    if (failure?.reason !== reason) {
      log(`licensespring-mock: cannot save the state to ${file}: ${reason} (retrying; changes are answered 503 state_not_saved until a save succeeds)`)
    }
    failure = { reason, error }
    if (retryTimer || closed) return
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      // The retry writes whatever is pending; the first batch that succeeds ends the failure.
      next ??= waiters()
      kick()
    }, retryMs)
    retryTimer.unref()
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
  }

  /** A new FILE.wal for what follows, the current one kept as FILE.wal.old until a snapshot covers it. No batch is in flight. */
  async function rotate(): Promise<void> {
    if (oldLogLeft) {
      compact()
      return
    }
    rotating = true
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
      rotating = false
      return
    }
    const previous = handle
    handle = fresh
    size = 0
    end = 0
    tail = false
    oldLogLeft = true
    rotating = false
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

  /** Resolves once no batch is in flight and none is waiting to start (or saves fail). */
  const drained = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (inFlight === 0 && next && !failure && !retryTimer) start()
        if (inFlight === 0 && (!next || failure || retryTimer)) {
          onIdle = undefined
          resolve()
        }
      }
      onIdle = check
      check()
    })

  const changed = (): Promise<void> => {
    if (closed) return handled(Promise.reject(new Error('the state file is closed')))
    if (failure) return handled(Promise.reject(failure.error))
    const waiting = (next ??= waiters())
    kick()
    return waiting.promise
  }

  let closing: Promise<void> | undefined
  return {
    changed,
    // The next batch takes whatever is pending and is acknowledged after every earlier one: when it is on disk, so is every change so far.
    flush: changed,
    close() {
      closing ??= (async () => {
        const finish = async () => {
          // One last attempt, whatever failed before: the batches in flight and the pending one.
          clearTimeout(retryTimer)
          retryTimer = undefined
          failure = undefined
          await drained()
          closed = true
          clearTimeout(retryTimer)
          await rotation
          await compaction
          // A snapshot of everything, and no log.
          await writeSnapshot(file, current())
          next?.resolve()
          await handle.close()
          for (const path of [wal, old]) await unlink(path).catch(() => {})
          await syncDirectory(file)
        }
        const timeoutMs = options.closeTimeoutMs ?? 5_000
        const outcome = await Promise.race([finish().then(() => undefined, (error: unknown) => oneLine(error)), sleep(timeoutMs).then(() => `not done within ${timeoutMs} ms`)])
        closed = true
        clearTimeout(retryTimer)
        if (outcome !== undefined) {
          next?.reject(new Error(outcome))
          log(`licensespring-mock: the state could not be saved to ${file} at shutdown: ${outcome} (it keeps the changes saved before)`)
        }
      })()
      return closing
    },
  }
}
