// Files that ship with the package are found from the package, not from the working directory:
// the demo seed (also as `seed: 'demo'`) and the shipped scenarios. Paths a user passes stay
// relative to the working directory.
import { existsSync, readdirSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createLicenseMock, demoSeedPath, resolveSeed, shippedScenariosPath, startMockServer, loadScenarios } from '../src/index.ts'
import { ROOT } from './support/processes.ts'

describe('paths from the package', () => {
  test('demoSeedPath and shippedScenariosPath are absolute paths into the package', () => {
    expect(isAbsolute(demoSeedPath)).toBe(true)
    expect(demoSeedPath).toBe(join(ROOT, 'scenarios', 'seeds', 'demo.yaml'))
    expect(existsSync(demoSeedPath)).toBe(true)
    expect(shippedScenariosPath).toBe(join(ROOT, 'scenarios') + '/')
  })

  test("seed: 'demo' is the demo seed, and no seed is the demo seed too", async () => {
    const demo = resolveSeed(demoSeedPath)
    expect(resolveSeed('demo')).toEqual(demo)
    const mock = createLicenseMock()
    expect((await mock.state.get()).licenses?.length).toBe(demo.licenses.length)
    const named = createLicenseMock({ seed: 'demo' })
    expect((await named.state.get()).licenses?.length).toBe(demo.licenses.length)
  })

  test("startMockServer({ seed: 'demo' }) serves the demo seed", async () => {
    const server = await startMockServer({ seed: 'demo', port: 0 })
    try {
      expect(server.engine.tenant()!.store.credentials().map((credential) => credential.api_key)).toContain('demo-api-key')
    } finally {
      await server.close()
    }
  })

  test('the shipped scenarios load from their folder', () => {
    expect(loadScenarios([shippedScenariosPath]).length).toBeGreaterThan(100)
  })

  test('a relative seed path is relative to the working directory', () => {
    expect(process.cwd()).toBe(ROOT.replace(/\/$/, ''))
    expect(resolveSeed('scenarios/seeds/demo.yaml')).toEqual(resolveSeed(demoSeedPath))
    expect(() => resolveSeed('seeds/demo.yaml')).toThrow(`Invalid seed seeds/demo.yaml:\n  (root): file not found`)
  })
})

test('every example seed that ships (examples/seeds/) is a valid seed', () => {
  const dir = join(ROOT, 'examples', 'seeds')
  const files = readdirSync(dir).filter((name) => /\.(ya?ml|json)$/.test(name))
  expect(files).toContain('team.yaml')
  for (const file of files) expect(() => resolveSeed(join(dir, file)), file).not.toThrow()
})
