// `licensespring-mock test`: load scenarios, run them, report. Exit 0 all passed (skips
// allowed), 1 a scenario failed, 2 usage / configuration / connection error.
import { createPublicKey } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseCommandArgs, UsageError, usageLine } from '../cli-args.ts'
import { VAR_NAME } from './interpolate.ts'
import { formatIssue, loadScenarios, ScenarioConfigError } from './load.ts'
import { createConsoleReporter } from './report-console.ts'
import { toJsonReport } from './report-json.ts'
import { toJUnit } from './report-junit.ts'
import { DEFAULT_CONCURRENCY, runScenarioList } from './run.ts'
import { ConnectionError } from './http-client.ts'
import { connectTarget, inProcessTarget, type Target } from './targets.ts'

export const EXIT_PASSED = 0
export const EXIT_FAILED = 1
export const EXIT_ERROR = 2

export const TEST_USAGE = `Usage: licensespring-mock test [FILES|DIRS...] [options]

Runs scenario files (default: scenarios/; directories are searched recursively for *.yaml and
*.yml, except under seeds/). Without --target, every scenario runs in-process on a fresh engine.

Options:
  --target URL          Run against a server. A licensespring-mock server (GET /__admin/health)
                        gets one tenant per scenario; any other server gets requests only, and
                        scenarios that seed, control the clock/faults or assert state are skipped.
  --api-key KEY         Credentials for a server that is not licensespring-mock
  --shared-key KEY
  --public-key FILE     PEM public key that expect.signed verifies with, for a server that is not
                        licensespring-mock (a licensespring-mock server serves its own)
  --junit FILE          Write a JUnit XML report
  --json FILE           Write a JSON report
  --tags T[,T...]       Run only scenarios with one of these tags
  --var KEY=VALUE       Value for \${KEY} in scenario files (repeatable; the environment fills the rest)
  --concurrency N       Scenarios at once (default ${DEFAULT_CONCURRENCY})
  --no-validate         Do not check responses against the OpenAPI spec
  -h, --help            Show this help

Exit status: 0 all passed (skips allowed), 1 a scenario failed, 2 usage, configuration or connection error.`

/** Where output goes (the same shape as the main CLI's io). */
export interface CommandIo {
  out(line: string): void
  err(line: string): void
}

const defaultIo: CommandIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
}

export async function runTestCommand(args: string[], io: CommandIo = defaultIo): Promise<number> {
  let parsed
  try {
    parsed = parseCommandArgs(
      'test',
      args,
      {
        target: { type: 'string' },
        'api-key': { type: 'string' },
        'shared-key': { type: 'string' },
        'public-key': { type: 'string' },
        junit: { type: 'string' },
        json: { type: 'string' },
        tags: { type: 'string' },
        var: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        'no-validate': { type: 'boolean' },
      },
      true,
    )
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return usage(io, error.message)
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out(TEST_USAGE)
    return EXIT_PASSED
  }
  const vars: Record<string, string | undefined> = { ...process.env }
  for (const pair of values.var ?? []) {
    const at = pair.indexOf('=')
    const name = at < 0 ? pair : pair.slice(0, at)
    if (at < 0 || !VAR_NAME.test(name)) return usage(io, `--var expects KEY=VALUE with KEY made of letters, digits and _, got "${pair}"`)
    vars[name] = pair.slice(at + 1)
  }
  if ((values['api-key'] === undefined) !== (values['shared-key'] === undefined)) return usage(io, '--api-key and --shared-key go together')
  if ((values['api-key'] !== undefined || values['shared-key'] !== undefined) && values.target === undefined) return usage(io, '--api-key and --shared-key need --target')
  if (values['public-key'] !== undefined && values.target === undefined) return usage(io, '--public-key needs --target')
  let publicKey: string | undefined
  if (values['public-key'] !== undefined) {
    try {
      publicKey = createPublicKey(readFileSync(values['public-key'], 'utf8')).export({ type: 'spki', format: 'pem' }).toString()
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'not a PEM public key'
      io.err(`Error: --public-key ${values['public-key']}: ${reason}`)
      return EXIT_ERROR
    }
  }
  let concurrency = DEFAULT_CONCURRENCY
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency)
    if (!Number.isInteger(concurrency) || concurrency < 1) return usage(io, `--concurrency expects a positive integer, got "${values.concurrency}"`)
  }
  const tags = values.tags
    ?.split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)

  let scenarios
  try {
    scenarios = loadScenarios(positionals.length > 0 ? positionals : ['scenarios/'], { vars, tags })
  } catch (error) {
    if (!(error instanceof ScenarioConfigError)) throw error
    io.err(`Invalid scenarios (nothing was run):`)
    for (const issue of error.issues) io.err(`  ${formatIssue(issue)}`)
    return EXIT_ERROR
  }
  if (scenarios.length === 0) {
    io.err(tags?.length ? `No scenario has the tags ${tags.join(', ')}.` : 'No scenarios found.')
    return EXIT_ERROR
  }

  let target: Target
  try {
    target =
      values.target === undefined
        ? inProcessTarget()
        : await connectTarget(values.target, {
            credentials: values['api-key'] !== undefined ? { api_key: values['api-key'], shared_key: values['shared-key']! } : undefined,
            publicKey,
          })
  } catch (error) {
    if (!(error instanceof ConnectionError)) throw error
    io.err(`Error: ${error.message}. Is the server running?`)
    return EXIT_ERROR
  }

  const reporter = createConsoleReporter(scenarios, (line) => io.out(line))
  const report = await runScenarioList(scenarios, {
    target,
    concurrency,
    validateResponses: values['no-validate'] !== true,
    onResult: reporter.onResult,
  })
  reporter.finish(report)

  try {
    if (values.junit) writeReport(values.junit, toJUnit(report))
    if (values.json) writeReport(values.json, `${JSON.stringify(toJsonReport(report), null, 2)}\n`)
  } catch (error) {
    io.err(`Error: cannot write the report: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT_ERROR
  }

  const unreachable = report.results.find((result) => result.connectionError)
  if (unreachable) {
    io.err(`Error: ${unreachable.connectionError}. Is the server running?`)
    return EXIT_ERROR
  }
  return report.summary.failed > 0 ? EXIT_FAILED : EXIT_PASSED
}

/** One line, as the other commands report usage errors. */
function usage(io: CommandIo, message: string): number {
  io.err(usageLine(message, 'test'))
  return EXIT_ERROR
}

function writeReport(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  writeFileSync(file, text)
}
