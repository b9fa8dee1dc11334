// A temporary folder per test file, removed after the file's tests, and a writer into it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll } from 'vitest'

export function tempFolder(prefix: string): { dir: string; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), `licensespring-mock-${prefix}-`))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return {
    dir,
    /** Writes `text` to `name` (folders created) inside the folder; returns the file's path. */
    write(name, text) {
      const file = join(dir, name)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, text)
      return file
    },
  }
}
