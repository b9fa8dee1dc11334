// Reading the state back: FILE (the snapshot), then the change logs in the order they were
// written (the one being compacted away, then the current one), then one validation.
import { readFileSync } from 'node:fs'
import { parseJsonDocument } from '../core/json-keys.ts'
import { validateSeed, type Seed } from '../core/seed.ts'
import { oneLine, StateFileError } from './error.ts'
import { logPath, oldLogPath } from './files.ts'
import { ReplayState, replay } from './records.ts'

export interface LoadedState {
  /** The saved state; undefined when FILE does not exist yet. */
  seed: Seed | undefined
  /** A change log held records (or FILE is missing): a fresh snapshot should fold them in. */
  needsSnapshot: boolean
}

const START_OVER = '(delete the file to start from the seed)'

export function loadState(file: string): LoadedState {
  const text = readText(file, file)
  const logs = [oldLogPath(file), logPath(file)].map((path) => ({ path, text: readText(file, path) })).filter((log) => log.text !== undefined) as { path: string; text: string }[]
  if (text === undefined) {
    const orphan = logs.find((log) => log.text !== '')
    if (orphan) throw new StateFileError(file, `does not exist, but its change log ${orphan.path} does (delete ${orphan.path} too to start from the seed)`)
    return { seed: undefined, needsSnapshot: true }
  }
  if (text.trim() === '') throw new StateFileError(file, `is empty (expected the JSON state written by licensespring-mock; delete the file to start from the seed)`)
  const parsed = parseJsonDocument(text)
  if (!parsed.ok) {
    if (parsed.path) throw new StateFileError(file, `is not a valid state: ${parsed.path}: ${parsed.message} ${START_OVER}`)
    throw new StateFileError(file, `is ${parsed.message} ${START_OVER}`)
  }
  const data = parsed.value
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new StateFileError(file, `is not a JSON object in seed format ${START_OVER}`)
  let state: unknown = data
  let needsSnapshot = false
  const records = logs.filter((log) => log.text !== '')
  const licenses = (data as { licenses?: unknown }).licenses ?? []
  if (records.length > 0 && Array.isArray(licenses)) {
    const replayed = new ReplayState({ ...data, licenses })
    for (const log of records) {
      const result = replay(replayed, log.text)
      if (!result.ok) throw new StateFileError(file, `its change log ${log.path}, line ${result.line}: ${result.reason} (the lines before it are intact; delete the change log to start from ${file} alone)`)
    }
    state = replayed.value
    needsSnapshot = true
  }
  const result = validateSeed(state)
  if (!result.ok) {
    const [first] = result.issues
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ''
    throw new StateFileError(file, `is not a valid state: ${first.path || '(root)'}: ${first.message}${more}`)
  }
  return { seed: result.seed, needsSnapshot }
}

/** The file's text; undefined when it does not exist. */
function readText(file: string, path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    const what = path === file ? '' : ` its change log ${path}:`
    throw new StateFileError(file, `${what} ${code === 'EISDIR' ? 'is a directory' : `cannot read it (${code ?? oneLine(error)})`}`.trim())
  }
}
