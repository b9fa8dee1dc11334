// What was asked and answered, newest first, in a bounded ring buffer.
// Never records headers: signatures and keys stay out of it.

export interface JournalEntry {
  time: string
  tenant?: string
  method: string
  path: string
  /** The parsed JSON body, or the raw text (truncated) when it was not JSON. */
  body: unknown
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
}

export interface Journal {
  record(entry: JournalEntry): void
  list(filter?: JournalFilter): JournalEntry[]
  clear(): void
  readonly size: number
}

export function createJournal(capacity = 10_000): Journal {
  const ring: (JournalEntry | undefined)[] = new Array(capacity)
  let next = 0
  let count = 0
  return {
    record(entry) {
      if (capacity === 0) return
      ring[next] = entry
      next = (next + 1) % capacity
      count = Math.min(count + 1, capacity)
    },
    list(filter = {}) {
      const out: JournalEntry[] = []
      const limit = filter.limit ?? capacity
      for (let i = 1; i <= count && out.length < limit; i++) {
        const entry = ring[(next - i + capacity) % capacity]!
        if (matches(entry, filter)) out.push(entry)
      }
      return out
    },
    clear() {
      ring.fill(undefined)
      next = 0
      count = 0
    },
    get size() {
      return count
    },
  }
}

function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  const body = (typeof entry.body === 'object' && entry.body !== null ? entry.body : {}) as Record<string, unknown>
  return (
    (filter.code === undefined || entry.code === filter.code) &&
    (filter.tenant === undefined || entry.tenant === filter.tenant) &&
    (filter.license_key === undefined || body.license_key === filter.license_key) &&
    (filter.hardware_id === undefined || body.hardware_id === filter.hardware_id)
  )
}
