// The change log's records, one JSON line each:
//   {"license": {...}}                          one license's whole current state (seed format), by id
//   {"state": {credentials, products, sso, sso_accounts?}, "licenses": N}
//                                               a whole new state (PUT state, reset), its N licenses
//                                               following as N license lines
// Records are idempotent: replaying a record older than the snapshot it follows is corrected by
// the newer records of the same license, so a snapshot taken at any moment after a log began
// plus that log gives the state at the log's end. A last line cut short by a crash is ignored,
// and so is a whole-state block that did not arrive complete.
import { parseJsonDocument } from '../core/json-keys.ts'
import { licenseState } from '../core/records.ts'
import type { LicenseRecord, Store } from '../core/store.ts'

/** Chunks of at most about this many characters are handed to the file system. */
export const CHUNK_CHARS = 1 << 20

export const licenseLine = (license: LicenseRecord) => `{"license":${JSON.stringify(licenseState(license))}}\n`

/** The store's state as serialized pieces, in seed key order; licenses one by one (never one huge string). */
export function seedParts(store: Store): { head: { credentials: string; products: string; sso: string; sso_accounts?: string }; licenses: readonly LicenseRecord[] } {
  const head = store.stateHead()
  return {
    head: {
      credentials: JSON.stringify(head.credentials ?? []),
      products: JSON.stringify(head.products ?? []),
      sso: JSON.stringify(head.sso ?? []),
      ...(head.sso_accounts ? { sso_accounts: JSON.stringify(head.sso_accounts) } : {}),
    },
    licenses: store.licenseList(),
  }
}

/** A whole-state block, in chunks of about CHUNK_CHARS, each serialized when it is asked for. */
export function* stateBlock(store: Store): Generator<string> {
  const { head, licenses } = seedParts(store)
  const accounts = head.sso_accounts === undefined ? '' : `,"sso_accounts":${head.sso_accounts}`
  let chunk = `{"state":{"credentials":${head.credentials},"products":${head.products},"sso":${head.sso}${accounts}},"licenses":${licenses.length}}\n`
  for (const license of licenses) {
    chunk += licenseLine(license)
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A state in seed format as plain JSON, its licenses addressable by id. */
export class ReplayState {
  private readonly index = new Map<unknown, number>()
  constructor(private state: Json & { licenses: unknown[] }) {
    this.reindex()
  }
  private reindex() {
    this.index.clear()
    this.state.licenses.forEach((license, i) => {
      if (isObject(license) && license.id !== undefined) this.index.set(license.id, i)
    })
  }
  upsert(license: Json): void {
    const at = license.id === undefined ? undefined : this.index.get(license.id)
    if (at === undefined) {
      if (license.id !== undefined) this.index.set(license.id, this.state.licenses.length)
      this.state.licenses.push(license)
    } else {
      this.state.licenses[at] = license
    }
  }
  replace(state: Json & { licenses: unknown[] }): void {
    this.state = state
    this.reindex()
  }
  get value(): Json {
    return this.state
  }
}

/** Applies a change log's text; returns how many records it applied, or the problem with a line other than the last. */
export function replay(target: ReplayState, text: string): { ok: true; applied: number } | { ok: false; line: number; reason: string } {
  const lines = text.split('\n')
  // A complete log ends with a newline: the last piece is empty, or a record cut short.
  const complete = lines.length - 1
  let applied = 0
  let block: { state: Json & { licenses: unknown[] }; remaining: number } | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const parsed = parseJsonDocument(line)
    const record = parsed.ok && isObject(parsed.value) ? parsed.value : undefined
    const problem = record ? recordProblem(record) : parsed.ok ? 'not a JSON object' : `${parsed.path ? `${parsed.path}: ` : ''}${parsed.message}`
    if (problem !== undefined) {
      if (i >= complete) break
      return { ok: false, line: i + 1, reason: problem }
    }
    if (i >= complete) break
    if (isObject(record!.state)) {
      block = { state: { ...record!.state, licenses: [] } as Json & { licenses: unknown[] }, remaining: record!.licenses as number }
    } else if (block) {
      block.state.licenses.push(record!.license)
      block.remaining--
    } else {
      target.upsert(record!.license as Json)
    }
    if (block && block.remaining === 0) {
      target.replace(block.state)
      block = undefined
    }
    applied++
  }
  return { ok: true, applied }
}

function recordProblem(record: Json): string | undefined {
  if (isObject(record.license)) return undefined
  if (isObject(record.state) && Number.isInteger(record.licenses) && (record.licenses as number) >= 0) return undefined
  return 'not a change-log record ({"license": …} or {"state": …, "licenses": N})'
}
