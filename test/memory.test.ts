// collectIfGrown: full collections after a load that grew the heap — only when node runs with
// --expose-gc (opt-in); without it nothing is collected and no flag is changed.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { collectIfGrown, heapSize } from '../src/memory.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Grows the heap by about 1.5 times the threshold, drops it, and reports what collectIfGrown did. */
const SCRIPT = `
import { COLLECT_AFTER_GROWTH, collectIfGrown, heapSize } from './src/memory.ts'
const before = heapSize()
let garbage = Array.from({ length: COLLECT_AFTER_GROWTH / 40 }, (_, i) => ({ i, twice: i * 2, name: 'x' }))
const grew = heapSize() - before > COLLECT_AFTER_GROWTH
garbage = undefined
const collected = collectIfGrown(before, 1)
console.log(JSON.stringify({ grew, collected, after: heapSize() - before, limit: COLLECT_AFTER_GROWTH, gone: garbage === undefined }))
`
const run = (flags: string[]) =>
  JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: root, encoding: 'utf8' })) as {
    grew: boolean
    collected: boolean
    after: number
    limit: number
  }

describe('collectIfGrown', () => {
  test('does nothing after a small load', () => {
    const before = heapSize()
    const kept = Array.from({ length: 1_000 }, (_, i) => ({ i }))
    expect(collectIfGrown(before, 2)).toBe(false)
    expect(kept).toHaveLength(1_000)
  })

  test('with node --expose-gc: collects after a large load, and the garbage is gone', () => {
    const report = run(['--expose-gc'])
    expect(report).toMatchObject({ grew: true, collected: true })
    expect(report.after).toBeLessThan(report.limit)
  })

  test('without the flag: collects nothing, and leaves no gc global, here or in new contexts', () => {
    expect(run([])).toMatchObject({ grew: true, collected: false })
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined()
    expect(runInNewContext('typeof gc')).toBe('undefined')
  })
})
