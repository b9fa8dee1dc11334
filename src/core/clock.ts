// Injectable time for license dates (start_date, validity_period, time_deactivated).
// The Date-header window of auth always uses real time: the SDK under test signs with its own clock.

export interface ClockState {
  now: string
  frozen: boolean
}

export interface Clock {
  now(): Date
  state(): ClockState
  /** Jump to an instant; keeps ticking unless frozen. */
  set(instant: Date): void
  advance(ms: number): void
  freeze(frozen: boolean): void
  /** Back to real time, not frozen. */
  real(): void
}

export function createClock(start?: Date, realNow: () => number = Date.now): Clock {
  // now = frozenAt ?? realNow() + offset
  let offset = start ? start.getTime() - realNow() : 0
  let frozenAt: number | undefined
  const nowMs = () => frozenAt ?? realNow() + offset
  return {
    now: () => new Date(nowMs()),
    state: () => ({ now: new Date(nowMs()).toISOString(), frozen: frozenAt !== undefined }),
    set(instant) {
      if (frozenAt !== undefined) frozenAt = instant.getTime()
      else offset = instant.getTime() - realNow()
    },
    advance(ms) {
      if (frozenAt !== undefined) frozenAt += ms
      else offset += ms
    },
    freeze(frozen) {
      if (frozen && frozenAt === undefined) frozenAt = nowMs()
      if (!frozen && frozenAt !== undefined) {
        offset = frozenAt - realNow()
        frozenAt = undefined
      }
    },
    real() {
      offset = 0
      frozenAt = undefined
    },
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** "90s", "2h", "30d", "-1d", "1h30m" → milliseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(-)?((?:\d+(?:ms|s|m|h|d|w))+)$/.exec(text.trim())
  if (!match) return undefined
  let total = 0
  for (const [, amount, unit] of match[2].matchAll(/(\d+)(ms|s|m|h|d|w)/g)) total += Number(amount) * UNIT_MS[unit]
  return match[1] ? -total : total
}

/** Strict ISO 8601 date or date-time → Date; undefined when not one. */
export function parseInstant(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined
  // No zone means UTC, so a seed reads the same on every machine.
  const iso = text.replace(' ', 'T')
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`)
  if (Number.isNaN(date.getTime())) return undefined
  // Date rolls 2030-02-30 over to March 2; a seed typo must not be read as another day.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number)
  const calendar = new Date(0)
  calendar.setUTCFullYear(year, month - 1, day)
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day ? date : undefined
}
