// One JSON policy for every document the mock reads (admin bodies, seed, state and scenario
// files): JSON.parse keeps the last of two equal keys, so `"licenses"` twice would silently lose
// data; here a repeated key is an error that names its path. (License API request bodies are
// parsed leniently, as the real server does: see body.ts.)
//
// The scan runs over every object of a seed (400 000 in one of 100 000 licenses), so it allocates
// little: the keys of each open object go into an array kept per depth and reused by the next
// object at that depth, searched in place while small (a Set only for large objects), and a key
// is decoded with JSON.parse only when it has an escape. The path is built only for a duplicate.

/** Keys of one object compared in place up to this many; beyond, through a Set. */
const LINEAR_KEYS = 16

export interface DuplicateKey {
  key: string
  /** Where the repeated key sits, e.g. `licenses[2].devices[0].hardware_id` (the key alone at the top). */
  path: string
}

/** The first key that appears twice in one object, or undefined. Assumes valid JSON. */
export function findDuplicateKey(text: string): string | undefined {
  return findDuplicate(text)?.key
}

/** The first key that appears twice in one object, with its path; undefined when none. Assumes valid JSON. */
export function findDuplicate(text: string): DuplicateKey | undefined {
  /** Per depth: whether the open container is an object (else an array). */
  const isObject: boolean[] = []
  /** Per depth: the keys of the open object so far (reused). */
  const keysAt: string[][] = []
  /** Per depth: the same keys in a Set, once the object has more than LINEAR_KEYS. */
  const setAt: (Set<string> | undefined)[] = []
  /** Per depth: the current key of an open object, or the index of the current item of an open array. */
  const memberAt: (string | number)[] = []
  let depth = -1
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 34 /* " */) {
      let end = i + 1
      let escaped = false
      for (let c = text.charCodeAt(end); c !== 34; c = text.charCodeAt(end)) {
        if (c === 92 /* \ */) {
          escaped = true
          end += 2
        } else {
          end++
        }
      }
      if (expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end)
        const keys = keysAt[depth]
        const set = setAt[depth]
        if (set ? set.has(key) : keys.includes(key)) return { key, path: pathTo(depth, key, memberAt) }
        if (set) set.add(key)
        else if (keys.push(key) > LINEAR_KEYS) setAt[depth] = new Set(keys)
        memberAt[depth] = key
        expectKey = false
      }
      i = end
    } else if (ch === 123 /* { */) {
      depth++
      isObject[depth] = true
      if (keysAt[depth]) keysAt[depth].length = 0
      else keysAt[depth] = []
      setAt[depth] = undefined
      expectKey = true
    } else if (ch === 91 /* [ */) {
      depth++
      isObject[depth] = false
      memberAt[depth] = 0
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      depth--
    } else if (ch === 44 /* , */) {
      expectKey = isObject[depth]
      if (!expectKey) memberAt[depth] = (memberAt[depth] as number) + 1
    }
  }
  return undefined
}

/** The path of `key` in the object open at `depth`, through each enclosing container's current member. */
function pathTo(depth: number, key: string, memberAt: readonly (string | number)[]): string {
  let path = ''
  for (let d = 0; d < depth; d++) {
    const member = memberAt[d]
    path = typeof member === 'number' ? `${path}[${member}]` : path ? `${path}.${member}` : member
  }
  return path ? `${path}.${key}` : key
}

export const duplicateKeyMessage = (key: string) => `Map keys must be unique: "${key}" appears twice in one object`

export type JsonDocument = { ok: true; value: unknown } | { ok: false; path: string; message: string }

/** A JSON document the mock reads: parsed, and refused when it is not JSON or repeats a key. */
export function parseJsonDocument(text: string): JsonDocument {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  const duplicate = findDuplicate(text)
  return duplicate ? { ok: false, path: duplicate.path, message: duplicateKeyMessage(duplicate.key) } : { ok: true, value }
}
