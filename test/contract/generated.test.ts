// openapi/license-api.yaml's error part is what the errors table makes of it, and src/generated/
// is what `npm run generate` makes of the spec: a change without a regeneration fails here.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { generate, OUTPUTS } from '../../scripts/generate.ts'

test('the spec\'s error part is the errors table\'s, and src/generated/ is up to date with the spec (npm run generate)', async () => {
  const fresh = await generate()
  expect(readFileSync(OUTPUTS.spec, 'utf8')).toBe(fresh.spec)
  expect(readFileSync(OUTPUTS.types, 'utf8')).toBe(fresh.types)
  expect(readFileSync(OUTPUTS.schemas, 'utf8')).toBe(fresh.schemas)
})
