// Giving back the memory a large seed load used. Loading 100 000 licenses allocates about 150 MB
// that is garbage once the store is built (the file's text, JSON.parse's tree, the validated copy
// of the seed) beside a store of about 100 MB. V8 collects the old generation only when it next
// grows past a limit that it raised while loading, so a mock that then serves light traffic, or
// none, would sit on that memory for a long time. startMockServer therefore runs full
// collections itself while it loads a large seed, before it listens.
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Heap growth since the load began above which collecting is worth its time (a pass takes 60-110 ms with the 120 MB live after loading 100 000 licenses). */
export const COLLECT_AFTER_GROWTH = 64 * 1024 * 1024

let collector: (() => void) | null | undefined

/**
 * V8's gc(): the global one when node runs with --expose-gc; otherwise the one of a context made
 * while that flag is briefly on (V8 reads it when it creates a context, so no other context, this
 * one included, gets a `gc` global). Null where neither works.
 */
function gc(): (() => void) | null {
  if (collector !== undefined) return collector
  const exposed = (globalThis as { gc?: unknown }).gc
  if (typeof exposed === 'function') return (collector = exposed as () => void)
  try {
    setFlagsFromString('--expose-gc')
    const fromContext: unknown = runInNewContext('gc')
    collector = typeof fromContext === 'function' ? (fromContext as () => void) : null
  } catch {
    collector = null
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
  return collector
}

/** The heap's size now, to compare with after a load. */
export const heapSize = (): number => getHeapStatistics().total_heap_size

/**
 * `passes` full collections, when the heap grew by more than COLLECT_AFTER_GROWTH since `before`.
 * Returns whether it collected. V8 hands the pages a collection frees back to the system on a
 * background thread, and a full collection first waits for the previous one's; so a second pass
 * is what makes the memory actually gone when this returns (and it compacts what the first left
 * sparse).
 */
export function collectIfGrown(before: number, passes: 1 | 2): boolean {
  if (heapSize() - before <= COLLECT_AFTER_GROWTH) return false
  const collect = gc()
  if (!collect) return false
  for (let pass = 0; pass < passes; pass++) collect()
  return true
}
