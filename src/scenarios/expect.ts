// Comparing what came back with what a scenario expects: responses (`expect`) and state (`then`).
// Each check returns the list of mismatches, one readable line each; empty means it passed.
import type { SeedInput } from '../core/seed.ts'
import type { Outcome } from './http-client.ts'
import type { Expectation, LicenseAssertion, StateAssertion } from './schema.ts'

const REGEX = /^\/(.*)\/([dgimsuvy]*)$/s

/** `/pattern/flags` → RegExp; anything else → undefined (exact text). */
export function asRegex(text: string): RegExp | undefined {
  const match = REGEX.exec(text)
  if (!match) return undefined
  try {
    return new RegExp(match[1], match[2])
  } catch {
    return undefined
  }
}

export function matchesText(actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return false
  const regex = asRegex(expected)
  return regex ? regex.test(actual) : actual === expected
}

/** The parsed JSON body, or undefined when it is not JSON. */
export function parseBody(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch {
    return { ok: false }
  }
}

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value))

export function checkResponse(expect: Expectation, outcome: Outcome): string[] {
  if (outcome.kind === 'network') {
    if (expect.network === outcome.network) return []
    return [expect.network ? `network: expected ${expect.network}, got ${outcome.network} (${outcome.detail})` : `expected a response, the connection failed: ${outcome.network} (${outcome.detail})`]
  }
  if (expect.network) return [`network: expected ${expect.network}, got a ${outcome.status} response`]
  const problems: string[] = []
  if (expect.status !== undefined && outcome.status !== expect.status) problems.push(`status: expected ${expect.status}, got ${outcome.status}`)
  const needsBody = expect.code !== undefined || expect.message !== undefined || expect.body !== undefined || expect.fields !== undefined
  const parsed = needsBody ? parseBody(outcome.body) : { ok: false as const }
  if (needsBody && !parsed.ok) problems.push(`body: not JSON: ${JSON.stringify(outcome.body.slice(0, 200))}`)
  if (parsed.ok) {
    const json = parsed.value
    const envelope = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined
    if (expect.code !== undefined) {
      // Keycloak's error bodies (the token endpoint) name it `error`.
      const code = typeof json === 'string' ? json : (envelope?.code ?? envelope?.error)
      if (code !== expect.code) problems.push(`code: expected ${expect.code}, got ${show(code)}`)
    }
    if (expect.message !== undefined) {
      const message = envelope?.message ?? envelope?.error_description
      if (typeof message !== 'string' || !matchesText(message, expect.message)) problems.push(`message: expected ${JSON.stringify(expect.message)}, got ${show(message)}`)
    }
    if (expect.body !== undefined && !deepEqual(json, expect.body)) problems.push(`body: expected ${show(expect.body)}, got ${show(json)}`)
    for (const [name, wanted] of Object.entries(expect.fields ?? {})) {
      const got = envelope?.[name]
      if (!contains(got, wanted)) problems.push(`field ${name}: expected ${show(wanted)}, got ${show(got)}`)
    }
  }
  for (const [name, expected] of Object.entries(expect.headers ?? {})) {
    const actual = outcome.headers[name.toLowerCase()]
    if (!matchesText(actual, expected)) problems.push(`header ${name}: expected ${JSON.stringify(expected)}, got ${show(actual)}`)
  }
  return problems
}

/**
 * `wanted` within `actual`: objects field by field (extra fields ignored), arrays item by item
 * (the same length), text exact or /regex/, the rest deep-equal.
 */
export function contains(actual: unknown, wanted: unknown): boolean {
  if (typeof wanted === 'string') return typeof actual === 'string' && matchesText(actual, wanted)
  if (Array.isArray(wanted)) return Array.isArray(actual) && actual.length === wanted.length && wanted.every((item, i) => contains(actual[i], item))
  if (typeof wanted === 'object' && wanted !== null && !Array.isArray(wanted)) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false
    return Object.entries(wanted).every(([key, value]) => contains((actual as Record<string, unknown>)[key], value))
  }
  return deepEqual(actual, wanted)
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  const left = Object.entries(a)
  const right = b as Record<string, unknown>
  return left.length === Object.keys(right).length && left.every(([key, value]) => Object.hasOwn(right, key) && deepEqual(value, right[key]))
}

type LicenseState = NonNullable<SeedInput['licenses']>[number]

export function checkState(assertion: StateAssertion, state: SeedInput): string[] {
  const problems: string[] = []
  for (const expected of assertion.licenses) {
    const label = expected.id !== undefined ? `license ${expected.id}` : `license ${expected.license_key}${expected.product ? ` (${expected.product})` : ''}`
    const candidates = (state.licenses ?? []).filter(
      (license) =>
        (expected.id === undefined || license.id === expected.id) &&
        (expected.license_key === undefined || license.license_key === expected.license_key) &&
        (expected.product === undefined || license.product === expected.product),
    )
    if (candidates.length !== 1) {
      problems.push(candidates.length === 0 ? `${label}: not found` : `${label}: ${candidates.length} licenses match; add product or id`)
      continue
    }
    problems.push(...checkLicense(label, expected, candidates[0]))
  }
  return problems
}

function checkLicense(label: string, expected: LicenseAssertion, license: LicenseState): string[] {
  const problems: string[] = []
  const compare = (field: string, want: unknown, got: unknown) => {
    if (want !== undefined && !deepEqual(want, got)) problems.push(`${label}: ${field}: expected ${show(want)}, got ${show(got)}`)
  }
  compare('enabled', expected.enabled, license.enabled)
  compare('times_activated', expected.times_activated, license.times_activated)
  compare('total_consumptions', expected.total_consumptions, license.total_consumptions)
  compare('transfer_count', expected.transfer_count, license.transfer_count)
  const devices = license.devices ?? []
  compare('device_count', expected.device_count, devices.length)
  for (const want of expected.devices ?? []) {
    const rows = devices.filter((device) => device.hardware_id === want.hardware_id)
    const device = rows.find((row) => row.active !== false) ?? rows.at(-1)
    const at = `${label}: device ${want.hardware_id}`
    if (!device) {
      problems.push(`${at}: not found`)
      continue
    }
    const field = (name: string, wanted: unknown, got: unknown) => {
      if (wanted !== undefined && wanted !== got) problems.push(`${at}: ${name}: expected ${show(wanted)}, got ${show(got)}`)
    }
    field('active', want.active, device.active ?? true)
    field('blacklisted', want.blacklisted, device.blacklisted ?? false)
    field('floating_in_use', want.floating_in_use, device.floating_in_use)
    if (want.variables !== undefined && !deepEqual(want.variables, device.variables ?? {})) problems.push(`${at}: variables: expected ${show(want.variables)}, got ${show(device.variables ?? {})}`)
    for (const name of ['time_activated', 'time_deactivated'] as const) {
      const wanted = want[name]
      const got = device[name]
      if (wanted === undefined) continue
      if (wanted === true && got === undefined) problems.push(`${at}: ${name}: expected present, got none`)
      else if (wanted === false && got !== undefined) problems.push(`${at}: ${name}: expected none, got ${show(got)}`)
      else if (typeof wanted === 'string' && !matchesText(got, wanted)) problems.push(`${at}: ${name}: expected ${JSON.stringify(wanted)}, got ${show(got)}`)
    }
  }
  for (const want of expected.users ?? []) {
    const user = (license.users ?? []).find((candidate) => candidate.email.toLowerCase() === want.email.toLowerCase())
    if (!user) problems.push(`${label}: user ${want.email}: not found`)
    else if (want.total_activations !== undefined && user.total_activations !== want.total_activations) {
      problems.push(`${label}: user ${want.email}: total_activations: expected ${want.total_activations}, got ${show(user.total_activations)}`)
    }
  }
  return problems
}
