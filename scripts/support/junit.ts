// A JUnit XML file for runs that are not a test framework's own (the language examples).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { escapeXml } from '../../src/scenarios/report-junit.ts'

export interface CaseResult {
  name: string
  classname: string
  ms: number
  /** Absent when it passed. */
  failure?: { message: string; details: string }
}

export function writeJUnit(file: string, suite: string, cases: CaseResult[]): void {
  const seconds = (ms: number) => (ms / 1000).toFixed(3)
  const failures = cases.filter((entry) => entry.failure).length
  const time = seconds(cases.reduce((total, entry) => total + entry.ms, 0))
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" time="${time}">`]
  lines.push(`  <testsuite name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${time}">`)
  for (const entry of cases) {
    const open = `    <testcase name="${escapeXml(entry.name)}" classname="${escapeXml(entry.classname)}" time="${seconds(entry.ms)}"`
    if (!entry.failure) lines.push(`${open}/>`)
    else lines.push(`${open}>`, `      <failure message="${escapeXml(entry.failure.message)}">${escapeXml(entry.failure.details)}</failure>`, '    </testcase>')
  }
  lines.push('  </testsuite>', '</testsuites>', '')
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, lines.join('\n'))
}
