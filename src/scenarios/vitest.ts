// Scenario files as tests of your own suite: one `it` per scenario, grouped by file.
//
//   // test/scenarios.test.ts (vitest)
//   import { runScenarios } from 'licensespring-mock'
//   await runScenarios('scenarios/**/*.yaml')
//
//   // jest, or to choose the functions yourself: registration is then synchronous
//   runScenarios(['scenarios/'], { test: { describe, it: test } })
import { failureDetails } from './report-console.ts'
import { loadScenarios, type Scenario } from './load.ts'
import { runScenario, type RunOptions } from './run.ts'
import { connectTarget, inProcessTarget, type Target } from './targets.ts'

type TestFn = (context?: unknown) => Promise<void>

export interface TestApi {
  describe: (name: string, body: () => void) => void
  it: (name: string, fn: TestFn, timeout?: number) => void
}

export interface RunScenariosOptions {
  /** A server URL (licensespring-mock or any other); in-process when absent. */
  target?: string
  /** Credentials for a server that is not licensespring-mock. */
  credentials?: { api_key: string; shared_key: string }
  /** Values for `${NAME}` (the environment fills the rest). */
  vars?: Record<string, string>
  /** Only scenarios with one of these tags. */
  tags?: string[]
  /** Check responses against the spec (default true). */
  validateResponses?: boolean
  /** Per-test timeout in ms (default 30 000). */
  timeout?: number
  /** Your runner's describe/it; by default they are imported from vitest. */
  test?: TestApi
}

/**
 * Registers one test per scenario (files, directories or globs, relative to the working
 * directory) and resolves with the scenarios. With `test` given, registration happens before
 * this returns; otherwise await it at the top level of the test file.
 */
export function runScenarios(globOrFiles: string | string[], options: RunScenariosOptions = {}): Promise<Scenario[]> {
  const scenarios = loadScenarios(Array.isArray(globOrFiles) ? globOrFiles : [globOrFiles], {
    vars: { ...process.env, ...options.vars },
    tags: options.tags,
  })
  if (options.test) {
    register(scenarios, options.test, options)
    return Promise.resolve(scenarios)
  }
  return import('vitest').then(({ describe, it }) => {
    register(scenarios, { describe, it: it as TestApi['it'] }, options)
    return scenarios
  })
}

function register(scenarios: readonly Scenario[], api: TestApi, options: RunScenariosOptions): void {
  let target: Promise<Target> | undefined
  const connect = () =>
    (target ??= options.target === undefined ? Promise.resolve(inProcessTarget()) : connectTarget(options.target, { credentials: options.credentials }))
  const runOptions: RunOptions = { validateResponses: options.validateResponses }
  const byFile = new Map<string, Scenario[]>()
  for (const scenario of scenarios) byFile.set(scenario.file, [...(byFile.get(scenario.file) ?? []), scenario])
  for (const [file, list] of byFile) {
    api.describe(file, () => {
      for (const scenario of list) {
        api.it(
          scenario.name,
          async (context) => {
            const result = await runScenario(scenario, await connect(), runOptions)
            if (result.status === 'skipped') {
              // vitest marks the test skipped at run time; other runners see it pass.
              const { skip } = (context ?? {}) as { skip?: (note?: string) => void }
              skip?.(result.reason)
              return
            }
            if (result.status === 'failed') throw new Error([`scenario "${scenario.name}" failed`, ...failureDetails(result)].join('\n  '))
          },
          options.timeout ?? 30_000,
        )
      }
    })
  }
}
