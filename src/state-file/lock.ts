// One server per state file: FILE.lock, created exclusively, holds the owner's pid. A lock whose
// pid no longer runs (a killed server) is stale and replaced.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs'
import { StateFileError } from './error.ts'
import { alive, lockPath } from './files.ts'

/** Takes the lock or throws StateFileError; returns its release (idempotent, never throws). */
export function acquireLock(file: string): () => void {
  const lock = lockPath(file)
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number
    try {
      fd = openSync(lock, 'wx', 0o600)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST') throw new StateFileError(file, `cannot be written: ${code ?? String(error)} (creating its lock file ${lock})`)
      const owner = ownerOf(lock)
      if (owner !== undefined && alive(owner)) {
        throw new StateFileError(file, `is in use by another licensespring-mock server (pid ${owner}, lock file ${lock}): stop it or choose another --state-file (if no such server runs, delete the lock file)`)
      }
      // Stale: its owner is gone (or died before writing its pid).
      try {
        unlinkSync(lock)
      } catch {
        // Removed by someone else meanwhile: try again.
      }
      continue
    }
    try {
      writeSync(fd, `${process.pid}\n`)
    } finally {
      closeSync(fd)
    }
    let released = false
    return () => {
      if (released) return
      released = true
      try {
        if (ownerOf(lock) === process.pid) unlinkSync(lock)
      } catch {
        // Already gone.
      }
    }
  }
  throw new StateFileError(file, `cannot take its lock file ${lock}: another server keeps recreating it`)
}

function ownerOf(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}
