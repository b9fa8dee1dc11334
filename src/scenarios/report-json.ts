// The JSON report: the run's summary and every scenario's outcome, for scripts and dashboards.
import type { RunReport } from './run.ts'

export interface JsonReport {
  target: string
  startedAt: string
  durationMs: number
  summary: RunReport['summary']
  scenarios: {
    file: string
    name: string
    tags: string[]
    status: 'passed' | 'failed' | 'skipped'
    durationMs: number
    reason?: string
    failure?: {
      step: number
      stepName?: string
      kind: string
      mismatches: string[]
      request?: { method: string; path: string; body?: string }
      expected?: unknown
      actual?: unknown
    }
  }[]
}

export function toJsonReport(report: RunReport): JsonReport {
  return {
    target: report.target,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    summary: report.summary,
    scenarios: report.results.map((result) => ({
      file: result.scenario.file,
      name: result.scenario.name,
      tags: result.scenario.tags,
      status: result.status,
      durationMs: result.durationMs,
      ...(result.reason ? { reason: result.reason } : {}),
      ...(result.failure
        ? {
            failure: {
              step: result.failure.step,
              stepName: result.failure.stepName,
              kind: result.failure.kind,
              mismatches: result.failure.mismatches,
              // Headers stay out: they carry signatures.
              request: result.failure.request && { method: result.failure.request.method, path: result.failure.request.path, body: clip(result.failure.request.body) },
              expected: result.failure.expected,
              actual: result.failure.actual,
            },
          }
        : {}),
    })),
  }
}

const clip = (body: string | undefined) => (body !== undefined && body.length > 4096 ? `${body.slice(0, 4096)}… (${body.length} characters)` : body)
