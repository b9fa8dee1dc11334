// JUnit XML: a <testsuite> per scenario file, a <testcase> per scenario (classname = the file),
// <failure message="…"> with the details, <skipped message="…"/>. CI systems render it.
import { failureDetails, failureSummary } from './report-console.ts'
import type { RunReport, ScenarioResult } from './run.ts'

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const seconds = (ms: number) => (ms / 1000).toFixed(3)

export function toJUnit(report: RunReport): string {
  const files = new Map<string, ScenarioResult[]>()
  for (const result of report.results) {
    const list = files.get(result.scenario.file) ?? []
    list.push(result)
    files.set(result.scenario.file, list)
  }
  const { summary } = report
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="licensespring-mock scenarios" tests="${summary.total}" failures="${summary.failed}" skipped="${summary.skipped}" errors="0" time="${seconds(report.durationMs)}">`,
  ]
  for (const [file, results] of files) {
    const failed = results.filter((result) => result.status === 'failed').length
    const skipped = results.filter((result) => result.status === 'skipped').length
    const time = results.reduce((total, result) => total + result.durationMs, 0)
    out.push(
      `  <testsuite name="${escapeXml(file)}" tests="${results.length}" failures="${failed}" skipped="${skipped}" errors="0" time="${seconds(time)}" timestamp="${report.startedAt.slice(0, 19)}">`,
    )
    out.push(`    <properties><property name="target" value="${escapeXml(report.target)}"/></properties>`)
    for (const result of results) {
      const open = `    <testcase name="${escapeXml(result.scenario.name)}" classname="${escapeXml(file)}" time="${seconds(result.durationMs)}"`
      if (result.status === 'passed') out.push(`${open}/>`)
      else if (result.status === 'skipped') out.push(`${open}>`, `      <skipped message="${escapeXml(result.reason ?? '')}"/>`, '    </testcase>')
      else {
        out.push(
          `${open}>`,
          `      <failure message="${escapeXml(failureSummary(result))}" type="${result.failure?.kind ?? 'error'}">${escapeXml(failureDetails(result).join('\n'))}</failure>`,
          '    </testcase>',
        )
      }
    }
    out.push('  </testsuite>')
  }
  out.push('</testsuites>', '')
  return out.join('\n')
}
