// src/generated/ is what `npm run generate` makes of the spec today: a spec change without a
// regeneration fails here.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { generate, OUTPUTS } from '../../scripts/generate.ts'

test('src/generated/license-api.ts and src/generated/schemas.ts are up to date with the spec (npm run generate)', async () => {
  const fresh = await generate()
  expect(readFileSync(OUTPUTS.types, 'utf8')).toBe(fresh.types)
  expect(readFileSync(OUTPUTS.schemas, 'utf8')).toBe(fresh.schemas)
})
