// What a tenant goes back to on reset, kept small. A validated seed of 100 000 licenses is about
// 60 MB of objects; serialized (node:v8, which keeps every value, key order and absent key as it
// was) and compressed it is about 2 MB. The licenses go in batches, so no serialized copy of the
// whole seed is ever held at once.
import { deserialize, serialize } from 'node:v8'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { parseSeedText, type Seed } from './seed.ts'

/** Licenses per compressed batch. */
const BATCH = 1000

export interface SeedSnapshot {
  /** A fresh copy of the seed: new objects, equal to the seed the snapshot was taken of. */
  restore(): Seed
}

const pack = (value: unknown) => deflateRawSync(serialize(value), { level: 1 })
const unpack = (bytes: Buffer): unknown => deserialize(inflateRawSync(bytes))

/** The seed as it is now; later changes to its objects do not reach the snapshot. */
export function snapshotSeed(seed: Seed): SeedSnapshot {
  // Everything but the licenses in one piece; `licenses: []` keeps the keys in their order.
  const head = pack({ ...seed, licenses: [] })
  const count = seed.licenses.length
  const batches: Buffer[] = []
  for (let i = 0; i < count; i += BATCH) batches.push(pack(seed.licenses.slice(i, i + BATCH)))
  return {
    restore() {
      const restored = unpack(head) as Seed
      const licenses: Seed['licenses'] = new Array(count)
      let next = 0
      for (const batch of batches) for (const license of unpack(batch) as Seed['licenses']) licenses[next++] = license
      restored.licenses = licenses
      return restored
    },
  }
}

/**
 * Seed texts from this size up are worth keeping as text (snapshotSeedText); below it the objects
 * (snapshotSeed) are as small and much quicker to restore (the demo seed: about 0.1 ms instead of
 * about 2 ms of YAML parsing), which matters to `afterEach(() => mock.reset())`.
 */
export const TEXT_SNAPSHOT_FROM = 1024 * 1024

/**
 * A seed by the text it was parsed from (YAML or JSON): that text, compressed; `restore()` parses
 * it again, which gives the same seed. For a large seed, quicker to take than snapshotSeed (the
 * 100 000-license bench seed: about 50 ms instead of about 250 ms) and without its many
 * short-lived buffers.
 */
export function snapshotSeedText(text: Uint8Array): SeedSnapshot {
  const packed = deflateRawSync(text, { level: 1 })
  return {
    restore() {
      const result = parseSeedText(inflateRawSync(packed).toString('utf8'))
      if (!result.ok) throw new Error(`a seed snapshot no longer parses: ${result.issues[0]?.message}`)
      return result.seed
    },
  }
}
