// Where JSON text first goes wrong, for seed files' one-line errors.
import { expect, test } from 'vitest'
import { describeJsonError, firstJsonError, lineColumn } from '../src/json-error.ts'

test.each([
  ['{"products": [}', 'unexpected "}" at line 1, column 15'],
  ['{\n  "a": 1,\n}', 'unexpected "}" at line 3, column 1'],
  ['{"a": 1', 'unexpected end of the text at line 1, column 8'],
  ['', 'unexpected end of the text at line 1, column 1'],
  ['{"a": 01}', 'unexpected "1" at line 1, column 8'],
  ['{"a": tru}', 'unexpected "t" at line 1, column 7'],
  ['{"a": "x\ny"}', 'unexpected "\\n" at line 1, column 9'],
  ['{"a": "\\q"}', 'unexpected "q" at line 1, column 9'],
  ['{} x', 'unexpected "x" at line 1, column 4'],
  ["{'a': 1}", `unexpected "'" at line 1, column 2`],
])('%j → %s', (text, message) => {
  expect(() => JSON.parse(text)).toThrow()
  expect(describeJsonError(text)).toBe(message)
})

test('valid JSON has no error, whatever it holds', () => {
  for (const text of ['{}', '[]', '"x"', '-1.5e3', '{"a": [1, {"b": null}], "c": "\\u00e9\\n"}', ' true ']) {
    expect(firstJsonError(text)).toBeUndefined()
    expect(describeJsonError(text)).toBeUndefined()
  }
})

test('text nested too deep to scan falls back to JSON.parse\'s own words, on one line', () => {
  expect(describeJsonError('['.repeat(100_000))).toBe('Unexpected end of JSON input')
})

test('line and column are 1-based', () => {
  expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
  expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
})
