// collectIfGrown: full collections after a load that grew the heap, without leaving a `gc`
// global or the --expose-gc flag behind.
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { COLLECT_AFTER_GROWTH, collectIfGrown, heapSize } from '../src/memory.ts'

describe('collectIfGrown', () => {
  test('does nothing after a small load', () => {
    const before = heapSize()
    const kept = Array.from({ length: 1_000 }, (_, i) => ({ i }))
    expect(collectIfGrown(before, 2)).toBe(false)
    expect(kept).toHaveLength(1_000)
  })

  test('collects after a large one, and the garbage is gone', () => {
    const before = heapSize()
    // About 1.5 times the threshold in small objects.
    let garbage: object[] | undefined = Array.from({ length: COLLECT_AFTER_GROWTH / 40 }, (_, i) => ({ i, twice: i * 2, name: 'x' }))
    expect(heapSize() - before).toBeGreaterThan(COLLECT_AFTER_GROWTH)
    garbage = undefined
    expect(collectIfGrown(before, 1)).toBe(true)
    expect(heapSize() - before).toBeLessThan(COLLECT_AFTER_GROWTH)
    expect(garbage).toBeUndefined()
  })

  test('leaves no gc global, here or in new contexts', () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined()
    expect(runInNewContext('typeof gc')).toBe('undefined')
  })
})
