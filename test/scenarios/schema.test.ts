// The published JSON Schema for editors: generated from the zod schema, up to date, and it
// accepts every shipped scenario file.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { scenarioSchemaText, SCHEMA_FILE } from '../../scripts/scenario-schema.ts'
import { standardFormatsOnly } from '../../src/scenarios/schema.ts'
import { findScenarioFiles } from '../../src/scenarios/load.ts'

describe('scenarios/scenario.schema.json', () => {
  test('is up to date with src/scenarios/schema.ts (run `npx tsx scripts/scenario-schema.ts`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioSchemaText())
  })

  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>
  const warnings: unknown[] = []
  const logger = { log: () => undefined, warn: (...args: unknown[]) => void warnings.push(args.join(' ')), error: (...args: unknown[]) => void warnings.push(args.join(' ')) }
  const validate = new Ajv({ allErrors: true, strict: false, logger }).compile(schema)
  const files = findScenarioFiles(['scenarios/'])

  test('compiles without a warning (every keyword and format is standard JSON Schema)', () => {
    expect(warnings).toEqual([])
  })

  test.each(files.map((file) => [file.slice(file.lastIndexOf('scenarios/')), file]))('accepts %s', (_name, file) => {
    const valid = validate(parse(readFileSync(file, 'utf8')))
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  test('every shipped file points editors at it', () => {
    for (const file of files) expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json')
  })

  test('rejects unknown keys, as the loader does', () => {
    expect(validate({ name: 'x', steps: [{ request: {}, expect: { status: 200 } }], colour: 'red' })).toBe(false)
    expect(validate({ name: 'x', steps: [{ request: { bdy: {} }, expect: { status: 200 } }] })).toBe(false)
  })
})

test('formats of our own are left out of the published schema, standard ones kept', () => {
  const schema = { type: 'object', properties: { at: { type: 'string', format: 'instant' }, when: { type: 'string', format: 'date-time' }, format: { type: 'string' } } }
  expect(standardFormatsOnly(schema)).toEqual({ type: 'object', properties: { at: { type: 'string' }, when: { type: 'string', format: 'date-time' }, format: { type: 'string' } } })
})
