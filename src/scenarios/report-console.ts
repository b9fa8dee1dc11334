// The console reporter: one line per scenario, in the order given, details under a failure,
// and a summary line. Plain text (no colours): it is read in CI logs as often as in terminals.
import type { RunReport, ScenarioResult, StepFailure } from './run.ts'
import type { Scenario } from './load.ts'

const MAX_SHOWN = 600

/** Where a failure happened: `steps[1] "second deactivation"`, or `then`. */
export function failureLocation(failure: StepFailure): string {
  const at = failure.step < 0 ? (failure.kind === 'state' ? 'then' : 'setup') : `steps[${failure.step}]`
  return failure.stepName ? `${at} "${failure.stepName}"` : at
}

/** One-line summary of a failure (JUnit's message attribute). */
export function failureSummary(result: ScenarioResult): string {
  const failure = result.failure
  if (!failure) return ''
  return `${failureLocation(failure)}: ${failure.mismatches[0] ?? 'failed'}${failure.mismatches.length > 1 ? ` (+${failure.mismatches.length - 1} more)` : ''}`
}

/** The details of a failure, one line each, unindented. */
export function failureDetails(result: ScenarioResult): string[] {
  const failure = result.failure
  if (!failure) return []
  const lines = [`at ${result.scenario.file}, ${failureLocation(failure)}`, ...failure.mismatches]
  if (failure.request) {
    const { method, path, body } = failure.request
    lines.push(`request:  ${method} ${path}${body === undefined ? '' : ` ${clip(body)}`}`)
  }
  if (failure.expected !== undefined) lines.push(`expected: ${clip(JSON.stringify(failure.expected))}`)
  if (failure.actual !== undefined) lines.push(`actual:   ${clip(JSON.stringify(failure.actual))}`)
  return lines
}

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text
}

export function resultLine(result: ScenarioResult): string {
  const name = result.scenario.name
  if (result.status === 'passed') return `✓ ${name}`
  if (result.status === 'skipped') return `- ${name} (skipped: ${result.reason})`
  return `✗ ${name}`
}

export function summaryLine(report: Pick<RunReport, 'summary' | 'durationMs' | 'target'>): string {
  const { passed, failed, skipped } = report.summary
  return `${passed} passed, ${failed} failed, ${skipped} skipped (${(report.durationMs / 1000).toFixed(1)} s, ${report.target})`
}

/** Prints results in the scenarios' order as soon as every earlier one has finished. */
export function createConsoleReporter(scenarios: readonly Scenario[], write: (line: string) => void) {
  const position = new Map(scenarios.map((scenario, index) => [scenario, index]))
  const finished: (ScenarioResult | undefined)[] = new Array(scenarios.length)
  let printed = 0
  return {
    onResult(result: ScenarioResult) {
      finished[position.get(result.scenario) ?? printed] = result
      while (printed < scenarios.length && finished[printed]) {
        const next = finished[printed++]!
        write(resultLine(next))
        for (const line of failureDetails(next)) write(`    ${line}`)
      }
    },
    finish(report: RunReport) {
      write('')
      write(summaryLine(report))
    },
  }
}
