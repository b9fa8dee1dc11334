// Giving back the memory a large seed load used, when node runs with --expose-gc (opt-in; the
// mock never changes V8 flags itself). Loading 100 000 licenses allocates about 150 MB that is
// garbage once the store is built (the file's text, JSON.parse's tree, the validated copy of the
// seed). V8 collects the old generation only when it next grows past a limit it raised while
// loading, so a mock that then serves light traffic, or none, sits on that memory for a long
// time. With `node --expose-gc`, startMockServer runs full collections while it loads a large
// seed, before it listens: measured by `npm run bench` on the 100 000-license seed (its seed-load
// row runs the load both ways), RSS at the ready line 304 MB instead of 324–407 MB in two runs,
// for about 0.1–0.4 s more load time.
import { getHeapStatistics } from 'node:v8'

/** Heap growth since the load began above which collecting is worth its time (a pass takes 60-110 ms with the 120 MB live after loading 100 000 licenses). */
export const COLLECT_AFTER_GROWTH = 64 * 1024 * 1024

/** V8's gc(), present when node runs with --expose-gc. */
const gc = (): (() => void) | undefined => {
  const exposed = (globalThis as { gc?: unknown }).gc
  return typeof exposed === 'function' ? (exposed as () => void) : undefined
}

/** The heap's size now, to compare with after a load. */
export const heapSize = (): number => getHeapStatistics().total_heap_size

/**
 * `passes` full collections, when the heap grew by more than COLLECT_AFTER_GROWTH since `before`
 * and node runs with --expose-gc. Returns whether it collected. V8 hands the pages a collection
 * frees back to the system on a background thread, and a full collection first waits for the
 * previous one's; so a second pass is what makes the memory actually gone when this returns
 * (and it compacts what the first left sparse).
 */
export function collectIfGrown(before: number, passes: 1 | 2): boolean {
  if (heapSize() - before <= COLLECT_AFTER_GROWTH) return false
  const collect = gc()
  if (!collect) return false
  for (let pass = 0; pass < passes; pass++) collect()
  return true
}
