// `npm run test:python [-- PYTEST_ARGS]`: the Python suites against a mock server started here —
// LicenseSpring's official Python SDK under pytest (test/python/), then schemathesis over
// openapi/license-api.yaml (test/schemathesis/) — with JUnit files in reports/junit/. Needs the
// venv of requirements.txt (see INSTALL); `npm test` needs none of this.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { findPython, INSTALL, ROOT } from './support/python.ts'
import { interrupted, runChild, type ChildResult } from './support/run-child.ts'
import { serveMock } from './support/served-mock.ts'

const REPORTS = join(ROOT, 'reports', 'junit')

const python = findPython()
if (!python) {
  process.stderr.write(`test:python: no Python environment; create it once with:\n  ${INSTALL}\n`)
  process.exit(2)
}
mkdirSync(REPORTS, { recursive: true })

const mock = await serveMock()
process.stdout.write(`test:python: licensespring-mock at ${mock.url}\n`)
const steps: { name: string; result: ChildResult }[] = []
try {
  // No bytecode or caches left in the work tree by a run.
  const env = { ...mock.env, PYTHONDONTWRITEBYTECODE: '1', HYPOTHESIS_STORAGE_DIRECTORY: join(mock.dir, 'hypothesis') }
  const pytestArgs = ['-m', 'pytest', 'test/python', `--junitxml=${join(REPORTS, 'python.xml')}`, ...process.argv.slice(2)]
  steps.push({ name: 'pytest test/python', result: await runChild(python, pytestArgs, { cwd: ROOT, env }) })

  if (!interrupted()) {
    // The suites use tenants of their own; schemathesis signs with the demo keys, on the demo seed as it started.
    await mock.reset()
    const seed = process.env.SCHEMATHESIS_SEED ? ['--seed', process.env.SCHEMATHESIS_SEED] : []
    const schemathesisArgs = ['-m', 'schemathesis.cli', '--config-file', 'test/schemathesis/schemathesis.toml', 'run', 'openapi/license-api.yaml',
      '--url', mock.url, '--report', 'junit', '--report-junit-path', join(REPORTS, 'schemathesis.xml'), ...seed]
    steps.push({ name: 'schemathesis', result: await runChild(python, schemathesisArgs, { cwd: ROOT, env }) })
  }
} finally {
  await mock.close()
}

let failed = false
for (const { name, result } of steps) {
  const outcome = result.error ? `could not start: ${result.error}` : result.timedOut ? 'timed out' : result.code === null ? 'stopped by a signal' : result.code === 0 ? 'passed' : `failed (exit ${result.code})`
  process.stdout.write(`test:python: ${name} ${outcome} in ${(result.ms / 1000).toFixed(1)} s\n`)
  failed ||= result.code !== 0
}
// An interrupted run keeps the signal's exit code (130 or 143).
if (!interrupted()) process.exitCode = failed ? 1 : 0
