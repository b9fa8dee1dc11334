// Where JSON text first goes wrong, for one-line messages with a line and column. JSON.parse says
// why in words that vary (some name a position, some quote the text, none a line), so the text is
// scanned again, on the error path only, by a small validator that stops at the first bad character.

/** 1-based line and column of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: offset - start + 1 }
}

/** Deeper than this, the scan gives up (a stack overflow is no message) and JSON.parse's words stand. */
const MAX_DEPTH = 5000

/** The offset of the first character that cannot be there (text.length: the text ends too early); undefined when the text is valid JSON, or too deep to scan. */
export function firstJsonError(text: string): number | undefined {
  let i = 0
  const fail = (): never => {
    throw new JsonSyntaxAt(i)
  }
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const string = () => {
    i++ // the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return
      }
      if (c < 0x20) fail()
      if (c === 0x5c) {
        i++
        if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++
        else if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5
        else fail()
      } else i++
    }
    fail()
  }
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new TooDeep()
    space()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      space()
      if (text[i] === close) {
        i++
        return
      }
      for (;;) {
        if (c === '{') {
          space()
          if (text[i] !== '"') fail()
          string()
          space()
          if (text[i] !== ':') fail()
          i++
        }
        value(depth + 1)
        space()
        if (text[i] === ',') i++
        else if (text[i] === close) {
          i++
          return
        } else fail()
      }
    }
    if (c === '"') return string()
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return
      }
    }
    NUMBER.lastIndex = i
    if (!NUMBER.test(text)) fail()
    i = NUMBER.lastIndex
  }
  try {
    value(0)
    space()
    if (i < text.length) fail()
    return undefined
  } catch (error) {
    if (error instanceof JsonSyntaxAt) return error.offset
    if (error instanceof TooDeep) return undefined
    throw error
  }
}

class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}
class TooDeep {}

/** Why JSON text is not JSON, in one line: `unexpected "}" at line 3, column 7`; undefined when it is JSON. */
export function describeJsonError(text: string): string | undefined {
  const offset = firstJsonError(text)
  if (offset === undefined) {
    try {
      JSON.parse(text)
      return undefined
    } catch (error) {
      return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')
    }
  }
  const { line, column } = lineColumn(text, offset)
  const what = offset >= text.length ? 'unexpected end of the text' : `unexpected ${JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!))}`
  return `${what} at line ${line}, column ${column}`
}
