// JSON.parse keeps the last of two equal keys; a seed with `"licenses"` twice would silently lose
// data. This linear scan finds the first duplicate key of a text JSON.parse already accepted.
//
// It runs over every object of a seed (400 000 in one of 100 000 licenses), so it allocates
// little: the keys of each open object go into an array kept per depth and reused by the next
// object at that depth, searched in place while small (a Set only for large objects), and a key
// is decoded with JSON.parse only when it has an escape.

/** Keys of one object compared in place up to this many; beyond, through a Set. */
const LINEAR_KEYS = 16

/** The first key that appears twice in one object, or undefined. Assumes valid JSON. */
export function findDuplicateKey(text: string): string | undefined {
  /** Per depth: whether the open container is an object (else an array). */
  const isObject: boolean[] = []
  /** Per depth: the keys of the open object so far (reused). */
  const keysAt: string[][] = []
  /** Per depth: the same keys in a Set, once the object has more than LINEAR_KEYS. */
  const setAt: (Set<string> | undefined)[] = []
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
        if (set ? set.has(key) : keys.includes(key)) return key
        if (set) set.add(key)
        else if (keys.push(key) > LINEAR_KEYS) setAt[depth] = new Set(keys)
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
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      depth--
    } else if (ch === 44 /* , */) {
      expectKey = isObject[depth]
    }
  }
  return undefined
}
