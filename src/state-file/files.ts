// File-system steps the state file is built from: durable atomic writes, directory syncs, and
// the clean-up of what a killed process left behind.
import { randomBytes } from 'node:crypto'
import { readdirSync, unlinkSync } from 'node:fs'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The names next to FILE: its change log, the log being compacted away, and the lock. */
export const logPath = (file: string) => `${file}.wal`
export const oldLogPath = (file: string) => `${file}.wal.old`
export const lockPath = (file: string) => `${file}.lock`

const tempPattern = (file: string) => new RegExp(`^\\.${escape(basename(file))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`)

/** A renamed or created name is durable once its directory is synced (not supported everywhere). */
export async function syncDirectory(file: string): Promise<void> {
  let directory: FileHandle | undefined
  try {
    directory = await open(dirname(file), 'r')
    await directory.sync()
  } catch {
    // Some platforms and file systems cannot fsync a directory; renames are still atomic.
  } finally {
    await directory?.close().catch(() => {})
  }
}

/**
 * Writes `file` as a whole or not at all: a temporary file in the same directory, filled by
 * `fill` (which may write in several steps), fsynced, renamed over `file`, then the directory
 * synced. Resolves to the number of bytes written.
 */
export async function writeAtomically(file: string, fill: (handle: FileHandle) => Promise<number>): Promise<number> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | undefined
  let bytes: number
  try {
    handle = await open(temp, 'w', 0o600)
    bytes = await fill(handle)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, file)
  } catch (error) {
    await handle?.close().catch(() => {})
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncDirectory(file)
  return bytes
}

/** Writes the whole buffer at `position` (a write may take only part of it, e.g. at a file-size limit); resolves to the end. */
export async function writeAll(handle: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let written = 0
  while (written < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, written, buffer.length - written, position + written)
    if (bytesWritten === 0) throw new Error('the file system took no bytes')
    written += bytesWritten
  }
  return position + written
}

/** Removes temp files a killed process left next to the state file (those of live processes stay). */
export function removeStaleTempFiles(file: string): void {
  const dir = dirname(file)
  const pattern = tempPattern(file)
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

/** Whether a process with this pid runs (this one included). */
export function alive(pid: number): boolean {
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
