// What was asked and answered, newest first, bounded by an entry count and a byte budget.
// Never records headers: signatures and keys stay out of it.
//
// Bodies are kept as JSON text, not as parsed objects: text costs what it measures (a parsed
// `[{},{},…]` of 64 KiB is some 1.5 MB of objects), so the budget holds whatever clients send.
// Requests refused before they are authenticated keep only the start of their body.
import { ERRORS, ERROR_CODES, type ErrorSpec } from './errors.ts'

export interface JournalEntry {
  time: string
  tenant?: string
  method: string
  path: string
  /** The parsed JSON body, or the raw text (truncated) when it was not JSON or the request failed before authentication. */
  body: unknown
  /** The JSON text `body` was parsed from, kept as sent instead of serializing `body` again. */
  bodyText?: string
  status: number
  code: string
  fault?: string
}

export interface JournalFilter {
  code?: string
  license_key?: string
  hardware_id?: string
  tenant?: string
  limit?: number
  /** Only entries recorded before this one (a page's `next`). */
  before?: number
}

/** Entries as JSON text, newest first; `next` is the `before` of the following page, when there is one. */
export interface JournalPage {
  entries: string[]
  next?: number
}

export interface Journal {
  record(entry: JournalEntry): void
  /** Entries with their bodies parsed back (all matching ones unless `limit`). */
  list(filter?: JournalFilter): JournalEntry[]
  /** At most `filter.limit` entries and about `maxChars` characters of JSON. */
  page(filter: JournalFilter, maxChars: number): JournalPage
  clear(): void
  readonly size: number
  /** The estimated memory the kept entries take. */
  readonly bytes: number
}

export const DEFAULT_JOURNAL_SIZE = 10_000
export const DEFAULT_JOURNAL_BYTES = 64 * 1024 * 1024
/** Characters kept of the body of a request refused before authentication. */
export const UNAUTHENTICATED_BODY_CHARS = 256
const PATH_CHARS = 2048
/** An entry's fixed cost beyond its strings: the object, its fields, the shared time string. */
const ENTRY_BYTES = 200

/** Codes answered before the request is authenticated (routing, size, Prefer, authorization: rows 1–9). */
const UNAUTHENTICATED = new Set<string>([
  ...ERROR_CODES.filter((code) => {
    const { rule }: ErrorSpec = ERRORS[code]
    return rule !== undefined && rule <= 9
  }),
  'payload_too_large',
  'invalid_prefer_header',
])

interface Stored {
  seq: number
  time: string
  tenant?: string
  method: string
  path: string
  /** The kept body as JSON text (a string literal for text); undefined when there was none. */
  body?: string
  status: number
  code: string
  fault?: string
  licenseKey?: string
  hardwareId?: string
  bytes: number
}

export function createJournal(capacity = DEFAULT_JOURNAL_SIZE, budget = DEFAULT_JOURNAL_BYTES): Journal {
  // A ring of `capacity` slots: the oldest entry at `head`, `count` entries from there.
  const ring: (Stored | undefined)[] = new Array(capacity)
  let head = 0
  let count = 0
  let bytes = 0
  let seq = 0

  const at = (i: number) => ring[(head + i) % capacity]!
  const dropOldest = () => {
    bytes -= at(0).bytes
    ring[head] = undefined
    head = (head + 1) % capacity
    count--
  }

  /** Matching entries, newest first, from below `before`. */
  function* scan(filter: JournalFilter): Generator<Stored> {
    for (let i = count - 1; i >= 0; i--) {
      const entry = at(i)
      if ((filter.before === undefined || entry.seq < filter.before) && matches(entry, filter)) yield entry
    }
  }

  return {
    record(entry) {
      if (capacity === 0 || budget === 0) return
      let stored = keep(entry, ++seq, !UNAUTHENTICATED.has(entry.code))
      // A body larger than the whole budget keeps its start only.
      if (stored.bytes > budget) stored = keep(entry, seq, false)
      if (stored.bytes > budget) return
      if (count === capacity) dropOldest()
      ring[(head + count) % capacity] = stored
      count++
      bytes += stored.bytes
      while (bytes > budget) dropOldest()
    },
    list(filter = {}) {
      const out: JournalEntry[] = []
      const limit = filter.limit ?? Infinity
      for (const entry of scan(filter)) {
        if (out.length >= limit) break
        out.push(toEntry(entry))
      }
      return out
    },
    page(filter, maxChars) {
      const entries: string[] = []
      const limit = filter.limit ?? Infinity
      let chars = 0
      let last: number | undefined
      for (const entry of scan(filter)) {
        const text = entries.length < limit ? serialize(entry) : undefined
        // The first entry always fits: entries are far smaller than a page.
        if (text === undefined || (entries.length > 0 && chars + text.length + 1 > maxChars)) return { entries, next: last }
        entries.push(text)
        chars += text.length + 1
        last = entry.seq
      }
      return { entries }
    },
    clear() {
      ring.fill(undefined)
      head = 0
      count = 0
      bytes = 0
    },
    get size() {
      return count
    },
    get bytes() {
      return bytes
    },
  }
}

/** The entry as kept: the body as JSON text (the start of it only unless `whole`), its filter fields, its cost. */
function keep(entry: JournalEntry, seq: number, whole: boolean): Stored {
  // Serializing every authenticated body again was a seventh of engine.handle's time on the bench's error request.
  const body = whole && entry.bodyText !== undefined ? entry.bodyText : keptBody(entry.body, whole)
  const fields = typeof entry.body === 'object' && entry.body !== null ? (entry.body as Record<string, unknown>) : undefined
  const licenseKey = whole && typeof fields?.license_key === 'string' ? fields.license_key : undefined
  const hardwareId = whole && typeof fields?.hardware_id === 'string' ? fields.hardware_id : undefined
  const path = entry.path.length > PATH_CHARS ? `${entry.path.slice(0, PATH_CHARS)}…` : entry.path
  const method = entry.method.slice(0, 20)
  // Two bytes a character: what a string takes at most.
  const chars = (body?.length ?? 0) + path.length + method.length + (entry.tenant?.length ?? 0) + (licenseKey?.length ?? 0) + (hardwareId?.length ?? 0) + entry.code.length
  return { seq, time: entry.time, tenant: entry.tenant, method, path, body, status: entry.status, code: entry.code, fault: entry.fault, licenseKey, hardwareId, bytes: ENTRY_BYTES + 2 * chars }
}

function keptBody(body: unknown, whole: boolean): string | undefined {
  if (body === undefined) return undefined
  if (whole) return JSON.stringify(body)
  const text = typeof body === 'string' ? body : jsonStart(body, UNAUTHENTICATED_BODY_CHARS + 1)
  return JSON.stringify(text.length > UNAUTHENTICATED_BODY_CHARS ? `${text.slice(0, UNAUTHENTICATED_BODY_CHARS)}…` : text)
}

/** The first `max` characters (or a few more) of a parsed JSON value's text, without writing the rest. */
function jsonStart(value: unknown, max: number): string {
  let out = ''
  const write = (item: unknown, depth: number): boolean => {
    if (out.length >= max) return false
    if (typeof item !== 'object' || item === null || depth > 64) {
      out += JSON.stringify(item) ?? 'null'
      return out.length < max
    }
    const array = Array.isArray(item)
    out += array ? '[' : '{'
    let first = true
    for (const [key, member] of array ? item.entries() : Object.entries(item)) {
      out += first ? '' : ','
      first = false
      if (!array) out += `${JSON.stringify(key)}:`
      if (!write(member, depth + 1)) return false
    }
    out += array ? ']' : '}'
    return out.length < max
  }
  write(value, 0)
  return out
}

function serialize(entry: Stored): string {
  const head = JSON.stringify({ time: entry.time, tenant: entry.tenant, method: entry.method, path: entry.path })
  const tail = JSON.stringify({ status: entry.status, code: entry.code, fault: entry.fault })
  return `${head.slice(0, -1)},${entry.body === undefined ? '' : `"body":${entry.body},`}${tail.slice(1)}`
}

function toEntry(entry: Stored): JournalEntry {
  const out: JournalEntry = { time: entry.time, tenant: entry.tenant, method: entry.method, path: entry.path, body: entry.body === undefined ? undefined : JSON.parse(entry.body), status: entry.status, code: entry.code }
  if (entry.fault !== undefined) out.fault = entry.fault
  if (entry.tenant === undefined) delete out.tenant
  return out
}

function matches(entry: Stored, filter: JournalFilter): boolean {
  return (
    (filter.code === undefined || entry.code === filter.code) &&
    (filter.tenant === undefined || entry.tenant === filter.tenant) &&
    (filter.license_key === undefined || entry.licenseKey === filter.license_key) &&
    (filter.hardware_id === undefined || entry.hardwareId === filter.hardware_id)
  )
}
