// `npm run test:examples`: the README's clients in other languages, run against a mock server
// started here — examples/go (net/http), examples/java/Deactivate.java (java.net.http) and
// examples/python/configure.py (the official Python SDK). Each deactivates demo-device-1 of the
// demo seed on a fresh state and must print "license_deactivated" and exit 0; run once more, it
// must print device_not_found and exit 1. JUnit in reports/junit/examples.xml.
import { join } from 'node:path'
import { writeJUnit, type CaseResult } from './support/junit.ts'
import { findPython, INSTALL, ROOT } from './support/python.ts'
import { interrupted, runChild } from './support/run-child.ts'
import { serveMock } from './support/served-mock.ts'

interface Example {
  name: string
  command: string
  args: (url: string) => string[]
  cwd: string
  env?: Record<string, string>
}

const python = findPython()
const EXAMPLES: Example[] = [
  // Standard library only: no toolchain download, no module proxy.
  { name: 'go', command: 'go', args: (url) => ['run', '.', url], cwd: join(ROOT, 'examples', 'go'), env: { GOTOOLCHAIN: 'local', GOPROXY: 'off', GOFLAGS: '-mod=mod' } },
  { name: 'java', command: 'java', args: (url) => ['Deactivate.java', url], cwd: join(ROOT, 'examples', 'java') },
  { name: 'python', command: python ?? 'python3', args: (url) => ['configure.py', url], cwd: join(ROOT, 'examples', 'python'), env: { PYTHONDONTWRITEBYTECODE: '1' } },
]

const EXPECTED = [
  { run: 'deactivates demo-device-1', exit: 0, prints: '"license_deactivated"' },
  { run: 'a second time is refused with device_not_found', exit: 1, prints: 'device_not_found' },
]

const mock = await serveMock()
process.stdout.write(`test:examples: licensespring-mock at ${mock.url}\n`)
const cases: CaseResult[] = []
try {
  for (const example of EXAMPLES) {
    if (interrupted()) break
    await mock.reset()
    for (const expected of EXPECTED) {
      process.stdout.write(`\n$ (cd examples/${example.name} && ${example.command} ${example.args(mock.url).join(' ')})\n`)
      const result = await runChild(example.command, example.args(mock.url), { cwd: example.cwd, env: example.env })
      const problems: string[] = []
      if (result.error) problems.push(`could not start ${example.command}: ${result.error}${example.name === 'python' && !python ? ` (create the venv: ${INSTALL})` : ''}`)
      else if (result.timedOut) problems.push('timed out')
      else {
        if (result.code !== expected.exit) problems.push(`exit code ${result.code}, expected ${expected.exit}`)
        if (!result.output.includes(expected.prints)) problems.push(`output does not contain ${expected.prints}`)
      }
      cases.push({
        name: `${example.name}: ${expected.run}`,
        classname: `examples/${example.name}`,
        ms: result.ms,
        failure: problems.length === 0 ? undefined : { message: problems.join('; '), details: result.output },
      })
    }
  }
} finally {
  await mock.close()
}

writeJUnit(join(ROOT, 'reports', 'junit', 'examples.xml'), 'language examples', cases)
process.stdout.write('\n')
for (const entry of cases) process.stdout.write(`test:examples: ${entry.failure ? '✗' : '✓'} ${entry.name} (${(entry.ms / 1000).toFixed(1)} s)${entry.failure ? `: ${entry.failure.message}` : ''}\n`)
const failed = cases.some((entry) => entry.failure) || cases.length < EXAMPLES.length * EXPECTED.length
// An interrupted run keeps the signal's exit code (130 or 143).
if (!interrupted()) process.exitCode = failed ? 1 : 0
