// The license clock (set, advance, freeze, real over an injected real time) and the duration and
// instant parsers.
import { describe, expect, test } from 'vitest'
import { createClock, parseDuration, parseInstant } from '../src/core/clock.ts'

/** A real time the test moves by hand. */
const realTime = (start = Date.parse('2026-01-01T00:00:00Z')) => {
  let now = start
  return { now: () => now, tick: (ms: number) => (now += ms) }
}

describe('createClock', () => {
  test('without a start it is real time', () => {
    const real = realTime()
    const clock = createClock(undefined, real.now)
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z')
    real.tick(1500)
    expect(clock.state()).toEqual({ now: '2026-01-01T00:00:01.500Z', frozen: false })
  })

  test('a start instant keeps ticking with real time', () => {
    const real = realTime()
    const clock = createClock(new Date('2030-06-01T12:00:00Z'), real.now)
    real.tick(60_000)
    expect(clock.now().toISOString()).toBe('2030-06-01T12:01:00.000Z')
  })

  test('set jumps and keeps ticking', () => {
    const real = realTime()
    const clock = createClock(undefined, real.now)
    clock.set(new Date('2040-01-01T00:00:00Z'))
    real.tick(1000)
    expect(clock.now().toISOString()).toBe('2040-01-01T00:00:01.000Z')
  })

  test('advance moves forward (and back with a negative amount)', () => {
    const real = realTime()
    const clock = createClock(new Date('2030-01-01T00:00:00Z'), real.now)
    clock.advance(86_400_000)
    expect(clock.now().toISOString()).toBe('2030-01-02T00:00:00.000Z')
    clock.advance(-3_600_000)
    expect(clock.now().toISOString()).toBe('2030-01-01T23:00:00.000Z')
  })

  test('frozen, it stands still; set and advance still move it', () => {
    const real = realTime()
    const clock = createClock(new Date('2030-01-01T00:00:00Z'), real.now)
    clock.freeze(true)
    real.tick(10_000)
    expect(clock.state()).toEqual({ now: '2030-01-01T00:00:00.000Z', frozen: true })
    clock.set(new Date('2031-01-01T00:00:00Z'))
    real.tick(10_000)
    expect(clock.now().toISOString()).toBe('2031-01-01T00:00:00.000Z')
    clock.advance(500)
    expect(clock.now().toISOString()).toBe('2031-01-01T00:00:00.500Z')
    clock.freeze(true)
    expect(clock.now().toISOString()).toBe('2031-01-01T00:00:00.500Z')
  })

  test('unfrozen, it ticks on from where it stood', () => {
    const real = realTime()
    const clock = createClock(new Date('2030-01-01T00:00:00Z'), real.now)
    clock.freeze(true)
    real.tick(60_000)
    clock.freeze(false)
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z')
    real.tick(2000)
    expect(clock.state()).toEqual({ now: '2030-01-01T00:00:02.000Z', frozen: false })
  })

  test('real() goes back to real time, unfrozen', () => {
    const real = realTime()
    const clock = createClock(new Date('1999-01-01T00:00:00Z'), real.now)
    clock.freeze(true)
    clock.real()
    expect(clock.state()).toEqual({ now: '2026-01-01T00:00:00.000Z', frozen: false })
    real.tick(1000)
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z')
  })
})

describe('parseDuration', () => {
  const cases: [string, number][] = [
    ['90s', 90_000],
    ['2h', 7_200_000],
    ['30d', 2_592_000_000],
    ['1w', 604_800_000],
    ['250ms', 250],
    ['1h30m', 5_400_000],
    ['1m5s', 65_000],
    ['-1d', -86_400_000],
    [' 15m ', 900_000],
  ]
  for (const [text, ms] of cases) {
    test(`${JSON.stringify(text)} → ${ms} ms`, () => {
      expect(parseDuration(text)).toBe(ms)
    })
  }

  for (const text of ['', '5', '1.5h', '1x', 'h', '1 h', '--1d', '1d-2h', 'soon']) {
    test(`${JSON.stringify(text)} is not a duration`, () => {
      expect(parseDuration(text)).toBeUndefined()
    })
  }
})

describe('parseInstant', () => {
  test('a date without a zone is UTC midnight; a date-time without a zone is UTC', () => {
    expect(parseInstant('2030-01-31')?.toISOString()).toBe('2030-01-31T00:00:00.000Z')
    expect(parseInstant('2030-01-31T12:30')?.toISOString()).toBe('2030-01-31T12:30:00.000Z')
    expect(parseInstant('2030-01-31 12:30:15')?.toISOString()).toBe('2030-01-31T12:30:15.000Z')
  })

  test('zones and offsets are honoured', () => {
    expect(parseInstant('2030-01-31T12:00:00Z')?.toISOString()).toBe('2030-01-31T12:00:00.000Z')
    expect(parseInstant('2030-01-31T12:00:00+02:00')?.toISOString()).toBe('2030-01-31T10:00:00.000Z')
    expect(parseInstant('2030-01-31T12:00:00.250-0100')?.toISOString()).toBe('2030-01-31T13:00:00.250Z')
  })

  for (const text of ['31/01/2030', 'Jan 31 2030', '2030-1-31', '2030-13-01', '2030-01-01T25:00', 'tomorrow', '']) {
    test(`${JSON.stringify(text)} is not an instant`, () => {
      expect(parseInstant(text)).toBeUndefined()
    })
  }

  test('a leap day exists in a leap year', () => {
    expect(parseInstant('2032-02-29')?.toISOString()).toBe('2032-02-29T00:00:00.000Z')
  })

  for (const text of ['2030-02-30', '2030-04-31', '2031-02-29']) {
    test(`${text} does not exist in the calendar`, () => {
      expect(parseInstant(text)).toBeUndefined()
    })
  }
})
