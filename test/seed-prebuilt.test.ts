// The demo seed as the build parsed it (src/seed-prebuilt.ts): used only while the demo seed's text
// is the one it was built from, and then the very seed parsing the file gives.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { parseSeedText } from '../src/core/seed.ts'
import { demoSeedPath } from '../src/package-files.ts'
import { loadSeedFile, resolveSeed } from '../src/seed-file.ts'
import { PREBUILT_DEMO_SEED, prebuiltSeed, writePrebuiltSeed } from '../src/seed-prebuilt.ts'

const dir = mkdtempSync(join(tmpdir(), 'seed-prebuilt-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const demoText = readFileSync(demoSeedPath, 'utf8')
const parsedDemo = () => {
  const result = parseSeedText(demoText)
  if (!result.ok) throw new Error('the demo seed is invalid')
  return result.seed
}

describe('the prebuilt demo seed', () => {
  test('written and read back, it is the seed parsing the text gives', () => {
    const file = join(dir, 'demo-seed.json')
    writePrebuiltSeed(demoText, file)
    expect(prebuiltSeed(demoText, file)).toEqual(parsedDemo())
  })

  test('another text (an edited demo seed) does not take it', () => {
    const file = join(dir, 'edited.json')
    writePrebuiltSeed(demoText, file)
    expect(prebuiltSeed(demoText.replace('demo-api-key', 'edited-api-key'), file)).toBeUndefined()
    expect(prebuiltSeed(`${demoText}\n`, file)).toBeUndefined()
  })

  test('no file, or one that is not JSON: undefined, and the seed is parsed as any other', () => {
    expect(prebuiltSeed(demoText, join(dir, 'missing.json'))).toBeUndefined()
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{"digest":')
    expect(prebuiltSeed(demoText, broken)).toBeUndefined()
  })

  test('an invalid seed is refused at build time, naming the issue', () => {
    expect(() => writePrebuiltSeed('licenses: 7', join(dir, 'invalid.json'))).toThrow(/the seed is invalid: licenses: /)
  })

  test('the demo seed, loaded by path or by name, is the seed parsing its file gives', () => {
    expect(PREBUILT_DEMO_SEED).toMatch(/dist[/\\]demo-seed\.json$/)
    expect(loadSeedFile(demoSeedPath)).toEqual(parsedDemo())
    expect(resolveSeed('demo')).toEqual(parsedDemo())
  })
})
