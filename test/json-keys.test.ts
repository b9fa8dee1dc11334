// findDuplicateKey: the first key that appears twice in one object of a valid JSON text. Checked
// on chosen cases and against a plain reference (a Set per object, every key through JSON.parse).
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { findDuplicateKey } from '../src/core/json-keys.ts'

/** The straightforward scan: one Set per open object, every key decoded with JSON.parse. */
function reference(text: string): string | undefined {
  const stack: (Set<string> | null)[] = []
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      let end = i + 1
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      const keys = stack.at(-1)
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string
        if (keys.has(key)) return key
        keys.add(key)
        expectKey = false
      }
      i = end
    } else if (ch === '{') {
      stack.push(new Set())
      expectKey = true
    } else if (ch === '[') {
      stack.push(null)
    } else if (ch === '}' || ch === ']') {
      stack.pop()
    } else if (ch === ',') {
      expectKey = stack.at(-1) instanceof Set
    }
  }
  return undefined
}

const many = (count: number, prefix = 'k') => Array.from({ length: count }, (_, i) => `"${prefix}${i}": ${i}`).join(', ')

describe('findDuplicateKey', () => {
  test.each([
    ['{}', undefined],
    ['[]', undefined],
    ['{"a": 1, "b": 2}', undefined],
    ['{"a": 1, "a": 2}', 'a'],
    ['{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}', undefined],
    ['{"a": {"b": 1, "b": 2}}', 'b'],
    ['[{"x": 1}, {"x": 1, "y": 2, "x": 3}]', 'x'],
    ['{"a": "\\"a\\": {", "a": 1}', 'a'],
    ['{"a": "}", "b": "]", "c": ",", "b": 0}', 'b'],
    ['{"\\u0061": 1, "a": 2}', 'a'],
    ['{"a\\"b": 1, "a\\u0022b": 2}', 'a"b'],
    ['{"\\\\": 1, "\\\\": 2}', '\\'],
    ['{"é": 1, "e": 2, "\\u00e9": 3}', 'é'],
    ['{"a": 1, "b": {"c": [1, {"d": 2}], "c": 3}}', 'c'],
    ['{"first": {"k": 1, "k": 2}, "first": 3}', 'k'],
    [`{${many(40)}}`, undefined],
    [`{${many(40)}, "k39": 0}`, 'k39'],
    [`{${many(40)}, "k0": 0}`, 'k0'],
    [`[{${many(40)}}, {${many(3)}, "k2": 0}]`, 'k2'],
    [`{"a": {${many(40)}}, "b": 1, "a": 2}`, 'a'],
  ])('%s', (text, expected) => {
    expect(() => JSON.parse(text)).not.toThrow()
    expect(findDuplicateKey(text)).toBe(expected)
    expect(reference(text)).toBe(expected)
  })

  test('agrees with the reference on generated JSON', () => {
    // Keys as written in JSON: a few collide once decoded ("a" and "\u0061").
    const key = fc.constantFrom('a', 'b', 'c', '\\u0061', 'a\\"b', 'a\\u0022b', 'é', '\\u00e9', '\\\\', '{', '[', ',')
    const scalar = fc.constantFrom('1', '-2.5e3', 'true', 'null', '"x"', '"{\\"a\\": [1, 2]}"', '"\\\\"')
    const object = (members: [string, string][]) => `{${members.map(([name, value]) => `"${name}": ${value}`).join(', ')}}`
    // Larger objects, past the in-place search, with or without one repeated key at the end.
    const large = fc.tuple(fc.integer({ min: 10, max: 40 }), fc.option(fc.nat(39)), scalar).map(([count, again, value]) => {
      const names = Array.from({ length: count }, (_, i) => `k${i}`)
      if (again !== null && again < count) names.push(`k${again}`)
      return object(names.map((name) => [name, value]))
    })
    const { value } = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('object'), tie('array')),
      object: fc.oneof(fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map(object), large),
      array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    }))
    fc.assert(
      fc.property(value, (text) => {
        JSON.parse(text)
        expect(findDuplicateKey(text)).toBe(reference(text))
      }),
      { numRuns: 500 },
    )
  })
})
