// A bounded memo for a pure function of a text. When full it is cleared whole: the inputs that
// repeat (license dates, ids, signatures of a check) come back at once, and memory stays bounded
// whatever clients send.
export function remember<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>()
  return (text) => {
    let value = cache.get(text)
    if (value === undefined && !cache.has(text)) {
      if (cache.size >= limit) cache.clear()
      cache.set(text, (value = compute(text)))
    }
    return value as T
  }
}
