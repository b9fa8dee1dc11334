// The scenario runner's public API.
export { loadScenarios, loadScenarioFile, findScenarioFiles, mergeSeeds, ScenarioConfigError, formatIssue, type Scenario, type ConfigIssue, type LoadOptions } from './load.ts'
export {
  runScenarioList,
  runScenario,
  buildRequest,
  summarize,
  type RunOptions,
  type RunReport,
  type RunSummary,
  type ScenarioResult,
  type ScenarioStatus,
  type StepFailure,
  type ResponseEvent,
} from './run.ts'
export { inProcessTarget, mockServerTarget, httpTarget, connectTarget, type Target, type Session, type Credentials, type MockServerTargetOptions } from './targets.ts'
export { ConnectionError, type Outcome, type WireRequest } from './http-client.ts'
export { checkConformance } from './conformance.ts'
export { toJUnit } from './report-junit.ts'
export { toJsonReport, type JsonReport } from './report-json.ts'
export { runTestCommand, TEST_USAGE, EXIT_PASSED, EXIT_FAILED, EXIT_ERROR } from './cli.ts'
export { runScenarios, type RunScenariosOptions, type TestApi } from './vitest.ts'
export { scenarioFileSchema, scenarioSchema, scenarioJsonSchema, type Step, type ScenarioDocument } from './schema.ts'
