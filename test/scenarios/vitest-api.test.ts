// runScenarios: scenario files as tests of a vitest (or jest) suite.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { runScenarios, type TestApi } from '../../src/scenarios/index.ts'

// The way users call it: at the top level of a test file, one test per scenario.
const registered = await runScenarios('scenarios/flows/*.yaml', { tags: ['flow'] })

describe('runScenarios', () => {
  test('registered the flow scenarios of the glob', () => {
    expect(registered.length).toBeGreaterThanOrEqual(15)
    expect(new Set(registered.map((scenario) => scenario.file.split('/')[1]))).toEqual(new Set(['flows']))
  })

  test('with describe/it given, registers synchronously, grouped by file', async () => {
    const suites: string[] = []
    const tests: { name: string; fn: (context?: unknown) => Promise<void> }[] = []
    const api: TestApi = {
      describe: (name, body) => {
        suites.push(name)
        body()
      },
      it: (name, fn) => void tests.push({ name, fn }),
    }
    const promise = runScenarios(['scenarios/rules/01-routing.yaml', 'scenarios/flows/reset.yaml'], { test: api })
    expect(suites).toEqual(['scenarios/rules/01-routing.yaml', 'scenarios/flows/reset.yaml'])
    expect(tests.map((entry) => entry.name)).toEqual([
      'row 1: an unknown path under /api/v4 is not_found',
      'row 1: another method on the path is method_not_allowed, with Allow: POST',
      "reset puts the state back to the scenario's seed",
    ])
    await promise
    for (const entry of tests) await entry.fn({})
  })

  test('a scenario the target cannot run calls the runner\'s context skip with the reason', async () => {
    const foreign = createServer((_req, res) => void res.writeHead(404).end())
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
    try {
      const tests: ((context?: unknown) => Promise<void>)[] = []
      await runScenarios('scenarios/flows/reset.yaml', {
        target: `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`,
        test: { describe: (_name, body) => body(), it: (_name, fn) => void tests.push(fn) },
      })
      const notes: (string | undefined)[] = []
      await tests[0]({ skip: (note?: string) => void notes.push(note) })
      expect(notes).toEqual(['needs seeding (seed/given): only a licensespring-mock server can be seeded'])
    } finally {
      await new Promise<void>((resolve) => foreign.close(() => resolve()))
    }
  })

  test('a failing scenario fails its test with the step and the mismatch', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'licensespring-mock-vitest-'))
    try {
      const file = path.join(dir, 'wrong.yaml')
      writeFileSync(file, readFileSync('scenarios/flows/reset.yaml', 'utf8').replace('expect: { status: 200, body: license_deactivated }', 'expect: { status: 201 }'))
      const tests: ((context?: unknown) => Promise<void>)[] = []
      await runScenarios(file, { test: { describe: (_name, body) => body(), it: (_name, fn) => void tests.push(fn) } })
      await expect(tests[0]({})).rejects.toThrow(/steps\[0\]\n.*status: expected 201, got 200/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an unreachable target fails the test with the reason', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const tests: ((context?: unknown) => Promise<void>)[] = []
    await runScenarios('scenarios/flows/reset.yaml', {
      target: `http://127.0.0.1:${port}`,
      test: { describe: (_name, body) => body(), it: (_name, fn) => void tests.push(fn) },
    })
    await expect(tests[0]({})).rejects.toThrow(`cannot connect to http://127.0.0.1:${port}: connection refused`)
  })
})
