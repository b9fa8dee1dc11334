// Writes scenarios/scenario.schema.json from the zod schema of scenario files (src/scenarios/schema.ts),
// for editors: `# yaml-language-server: $schema=../scenario.schema.json`.
// `npx tsx scripts/scenario-schema.ts` writes it; test/scenarios/schema.test.ts fails when it drifts.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { scenarioJsonSchema } from '../src/scenarios/schema.ts'

export const SCHEMA_FILE = new URL('../scenarios/scenario.schema.json', import.meta.url)

export function scenarioSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, scenarioSchemaText())
  console.log('wrote scenarios/scenario.schema.json')
}
