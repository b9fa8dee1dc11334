// Injectable time for license dates (start_date, validity_period, time_deactivated).
// The Date-header window of auth always uses real time: the SDK under test signs with its own clock.
//
// One grammar moves a clock, wherever the move comes from (PUT /__admin/clock, a scenario's
// `clock` step): `clockUpdateSchema`, applied by `applyClockUpdate` alone. The clock never
// leaves 0001-01-01 … 9999-12-31: a move past either end is refused before anything changes, and
// a clock ticking past the end reads the last millisecond (a date beyond has no ISO 8601 form a
// seed or state file could hold).
import { z } from 'zod'

export interface ClockState {
  now: string
  frozen: boolean
}

export interface Clock {
  now(): Date
  state(): ClockState
  /** Jump to an instant; keeps ticking unless frozen. RangeError (nothing changes) outside the clock's range. */
  set(instant: Date): void
  /** Move by `ms` from the current reading. RangeError (nothing changes) when that leaves the clock's range. */
  advance(ms: number): void
  freeze(frozen: boolean): void
  /** Back to real time, not frozen. */
  real(): void
}

/** The first and last instants a clock can read: 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
export const CLOCK_MIN_MS = Date.parse('0001-01-01T00:00:00.000Z')
export const CLOCK_MAX_MS = Date.parse('9999-12-31T23:59:59.999Z')
export const CLOCK_RANGE = '0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z'

/** Whether a clock can read this instant (ms since the epoch). */
export const inClockRange = (ms: number): boolean => Number.isFinite(ms) && ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS
const clamp = (ms: number) => Math.min(CLOCK_MAX_MS, Math.max(CLOCK_MIN_MS, ms))

function checkRange(ms: number): void {
  if (!inClockRange(ms)) throw new RangeError(`the clock cannot read ${Number.isFinite(ms) ? ms : String(ms)} ms: it stays within ${CLOCK_RANGE}`)
}

export function createClock(start?: Date, realNow: () => number = Date.now): Clock {
  if (start) checkRange(start.getTime())
  // now = frozenAt ?? realNow() + offset, read within the range
  let offset = start ? start.getTime() - realNow() : 0
  let frozenAt: number | undefined
  const nowMs = () => clamp(frozenAt ?? realNow() + offset)
  const moveTo = (ms: number) => {
    checkRange(ms)
    if (frozenAt !== undefined) frozenAt = ms
    else offset = ms - realNow()
  }
  return {
    now: () => new Date(nowMs()),
    state: () => ({ now: new Date(nowMs()).toISOString(), frozen: frozenAt !== undefined }),
    set: (instant) => moveTo(instant.getTime()),
    advance: (ms) => moveTo(nowMs() + ms),
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

// ---------------------------------------------------------------------------------------------
// The clock-update grammar and its one applier.

const INSTANT_HINT = 'must be an ISO 8601 date or date-time, e.g. "2030-01-01T12:00:00Z"'
const DURATION_HINT = 'must be a duration such as "90s", "2h", "30d", "1h30m" or "-1d"'
const FIELDS = ['now', 'advance', 'frozen', 'real'] as const

const instantText = z.string({ error: INSTANT_HINT }).refine((text) => parseInstant(text) !== undefined, INSTANT_HINT)
const durationText = z.string({ error: DURATION_HINT }).refine((text) => parseDuration(text) !== undefined, DURATION_HINT)

const clockFields = {
  now: instantText.optional().describe('Jump to this instant'),
  advance: durationText.optional().describe('Move by a duration: 90s, 2h, 30d, 1h30m, -1d'),
  frozen: z.boolean({ error: 'must be true or false' }).optional().describe('true: stand still; false: tick with real time from where it stands'),
  real: z.literal(true, { error: 'must be true (back to real time, not frozen)' }).optional().describe('Back to real time, not frozen (alone)'),
}

type Fields = { now?: unknown; advance?: unknown; frozen?: unknown; real?: unknown }
const notEmpty = (update: Fields) => Object.keys(update).length > 0
const realAlone = (update: Fields) => update.real === undefined || Object.keys(update).length === 1
const EMPTY = { message: `give at least one of ${FIELDS.join(', ')}` }
const NOT_ALONE = { path: ['real'], message: 'cannot be combined with now, advance or frozen' }

/**
 * A clock move: `{now?, advance?, frozen?}` or `{real: true}` alone. Applied in the order frozen
 * (true), now, advance, frozen (false), so `{now, frozen: true}` freezes at exactly `now`.
 */
export const clockUpdateSchema = z.strictObject(clockFields).refine(notEmpty, EMPTY).refine(realAlone, NOT_ALONE)
export type ClockUpdate = z.output<typeof clockUpdateSchema>

/**
 * The same grammar with the spellings scenario files used before it was shared: `freeze` for
 * `frozen` and a number of milliseconds for `advance`. Deprecated; read as the grammar's own.
 */
export const legacyClockUpdateSchema = z
  .strictObject({
    ...clockFields,
    advance: z.union([durationText, z.number().int()]).optional().describe('Move by a duration (30d, -1h); a number of milliseconds is deprecated'),
    freeze: z.boolean().optional().describe('Deprecated spelling of frozen'),
  })
  .refine(notEmpty, EMPTY)
  .refine(realAlone, NOT_ALONE)
  .refine((update) => update.freeze === undefined || update.frozen === undefined, { path: ['freeze'], message: 'give frozen or its old spelling freeze, not both' })
  .transform(({ freeze, advance, ...update }): ClockUpdate => ({
    ...update,
    ...(freeze !== undefined ? { frozen: freeze } : {}),
    ...(advance !== undefined ? { advance: typeof advance === 'number' ? `${advance < 0 ? '-' : ''}${Math.abs(advance)}ms` : advance } : {}),
  }))

export interface ClockIssue {
  path: string
  message: string
}
export type ClockResult = { ok: true; state: ClockState } | { ok: false; issues: ClockIssue[] }

/** Reads a clock move (an admin body, a scenario step) without applying it. */
export function parseClockUpdate(input: unknown): { ok: true; update: ClockUpdate } | { ok: false; issues: ClockIssue[] } {
  const parsed = clockUpdateSchema.safeParse(input)
  if (parsed.success) return { ok: true, update: parsed.data }
  return { ok: false, issues: parsed.error.issues.flatMap(toClockIssues) }
}

function toClockIssues(issue: z.core.$ZodIssue): ClockIssue[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: key, message: `unknown field (expected ${FIELDS.join(', ')})` }))
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return [{ path: '', message: 'expected an object such as {"advance": "30d"} or {"now": "2030-01-01T00:00:00Z", "frozen": true}' }]
  }
  return [{ path: issue.path.map(String).join('.'), message: issue.message }]
}

/**
 * The one applier. Every field and the instant the clock would reach are checked first; on any
 * issue nothing changes. Returns the clock's new state.
 */
export function applyClockUpdate(clock: Clock, input: unknown): ClockResult {
  const parsed = parseClockUpdate(input)
  if (!parsed.ok) return parsed
  const { update } = parsed
  if (update.real) {
    clock.real()
    return { ok: true, state: clock.state() }
  }
  const now = update.now === undefined ? undefined : parseInstant(update.now)!.getTime()
  const advance = update.advance === undefined ? 0 : parseDuration(update.advance)!
  if (now !== undefined && !inClockRange(now)) return { ok: false, issues: [{ path: 'now', message: `must be within ${CLOCK_RANGE}` }] }
  // Where the clock ends up, from one reading: the move is one jump, checked before it is made.
  const target = (now ?? clock.now().getTime()) + advance
  if (!inClockRange(target)) return { ok: false, issues: [{ path: 'advance', message: `would move the clock outside ${CLOCK_RANGE}` }] }
  if (update.frozen === true) clock.freeze(true)
  if (now !== undefined || advance !== 0) clock.set(new Date(target))
  if (update.frozen === false) clock.freeze(false)
  return { ok: true, state: clock.state() }
}
