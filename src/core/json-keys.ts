// JSON.parse keeps the last of two equal keys; a seed with `"licenses"` twice would silently lose
// data. This linear scan finds the first duplicate key of a text JSON.parse already accepted.

/** The first key that appears twice in one object, or undefined. Assumes valid JSON. */
export function findDuplicateKey(text: string): string | undefined {
  const stack: (Set<string> | null)[] = [] // a Set per open object, null per open array
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 34 /* " */) {
      let end = i + 1
      while (text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 /* \ */ ? 2 : 1
      const keys = stack.at(-1)
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string
        if (keys.has(key)) return key
        keys.add(key)
        expectKey = false
      }
      i = end
    } else if (ch === 123 /* { */) {
      stack.push(new Set())
      expectKey = true
    } else if (ch === 91 /* [ */) {
      stack.push(null)
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      stack.pop()
    } else if (ch === 44 /* , */) {
      expectKey = stack.at(-1) instanceof Set
    }
  }
  return undefined
}
