// The oracle every fuzzed answer must pass, over the whole endpoint table:
//   - it is a response the spec declares for the path's endpoint (status, body schema, required
//     headers); a path no endpoint lives at answers like any License API path (404);
//   - another method on an endpoint's path is 405 with the path's methods in Allow;
//   - Prefer forces what the spec lists (an example of the endpoint's response of that status,
//     or with `code=` alone the first one, as Prism does), 422 otherwise, and changes nothing;
//   - no 5xx unless Prefer forced it;
//   - signed successes verify with the server's key;
//   - the state is unchanged unless the answer is a real success of an endpoint that may change
//     it: a mutating one, or a check that takes a floating slot (then only slot fields change).
//     Deactivation, activation and check are held to exactly what they change.
import { verify } from 'node:crypto'
import { expect } from 'vitest'
import { ERRORS, exampleWire, isErrorCode } from '../../../src/core/errors.ts'
import { parsePrefer, type Preference } from '../../../src/core/prefer.ts'
import type { SeedInput } from '../../../src/core/seed.ts'
import { checkSignatures } from '../../../src/scenarios/signatures.ts'
import { assertConformsToSpec, responseExamples } from '../../support/spec.ts'
import type { License, User } from './demo.ts'
import { allowedAt, endpointsAtPath, mayChangeState, SLOT_TAKING, type Endpoint } from './endpoints.ts'
import { bodyText, DEACTIVATE, isTooLarge, splitTarget, targetOf, type FuzzRequest } from './requests.ts'

/** What the client saw. `headers` (lower-case names) when the caller has them: then required headers are checked. */
export interface Answer {
  status: number
  text: string
  headers?: Readonly<Record<string, string | string[] | undefined>>
}

export interface OracleOptions {
  /** False for HEAD and 204 answers. */
  bodyExpected?: boolean
  /** The server's public key (SPKI PEM): signed answers must verify with it. */
  publicKey?: string
  /** The request's target and headers come to Node's limit: answered 431 whatever else it is. */
  headTooLarge?: boolean
}

export interface Verdict {
  /** The state changed (a real success of an endpoint that may change it). */
  changed: boolean
  /** `<endpoint> <code>`: `activate_license license_activated`, `check_license device_not_found`, `other not_found`… */
  outcome: string
}

/** The code of an answer: its error code (`code`, or Keycloak's `error`), or the endpoint's success. */
export function codeOfAnswer(status: number, text: string, endpoint?: Endpoint): string {
  if (status === 200 && endpoint) return endpoint.success
  if (text === '') return `http_${status}`
  const body = JSON.parse(text) as unknown
  if (status !== 200) return ((body as { code?: string; error?: string }).code ?? (body as { error: string }).error) as string
  if (typeof body === 'string') return body
  return (body as { request?: unknown }).request === 'activation' ? 'license_activated' : 'license_checked'
}

/** Whether the spec lists this code among the endpoint's responses (Prefer may force it there). */
const specAnswers = (endpoint: Endpoint, code: string) => isErrorCode(code) && responseExamples(endpoint.path, endpoint.method.toLowerCase(), ERRORS[code].status).includes(code)

/** What Prefer asks of this endpoint: `code=` alone is the first example the spec lists for the endpoint's response of that status. */
export function preferenceFor(endpoint: Endpoint, prefer: string | undefined) {
  return parsePrefer(prefer, (code) => specAnswers(endpoint, code))
}

/** The answer Prefer forces on a routed request, as status and code; undefined when it forces none. */
function forcedBy(endpoint: Endpoint, request: FuzzRequest): { status: number; code: string; body?: string } | undefined {
  const preference = preferenceFor(endpoint, request.headers.prefer)
  if (!preference.ok) return { status: 422, code: 'invalid_prefer_header' }
  const wanted: Preference | undefined = preference.value
  if (wanted === undefined) return undefined
  if (wanted.kind === 'success') {
    if (endpoint.example === undefined) return { status: 422, code: 'invalid_prefer_header' }
    return { status: 200, code: endpoint.success, body: endpoint.empty ? '' : JSON.stringify(endpoint.example) }
  }
  if (!specAnswers(endpoint, wanted.code)) return { status: 422, code: 'invalid_prefer_header' }
  // not_found names the request's own method and path, as a real 404 does.
  const body = wanted.code === 'not_found' ? { status: 404, code: 'not_found', message: `Not found: ${request.method} ${splitTarget(request).path}` } : exampleWire(wanted.code)
  return { status: ERRORS[wanted.code].status, code: wanted.code, body: JSON.stringify(body) }
}

/**
 * The oracle. `answer` is what the client saw; `before`/`after` the default tenant's state.
 */
export function checkAnswer(request: FuzzRequest, answer: Answer, before: SeedInput, after: SeedInput, options: OracleOptions = {}): Verdict {
  const { status, text } = answer
  const bodyExpected = options.bodyExpected ?? true
  const context = `${request.method} ${targetOf(request).slice(0, 120)} → ${status} ${text.slice(0, 200)}`
  const { path } = splitTarget(request)
  const candidates = endpointsAtPath(path)
  const endpoint = candidates.find((candidate) => candidate.method === request.method)
  // The path's endpoint answers for its path, whatever the method; elsewhere, any License API path's 404.
  const specEndpoint = endpoint ?? candidates[0]
  if (bodyExpected) assertConformsToSpec(status, text, specEndpoint?.path ?? DEACTIVATE, (specEndpoint?.method ?? 'POST').toLowerCase(), answer.headers)
  const code = bodyExpected ? codeOfAnswer(status, text, endpoint) : `http_${status}`
  const verdict = (changed: boolean): Verdict => ({ changed, outcome: `${specEndpoint?.name ?? 'other'} ${code}` })
  const unchanged = (): Verdict => {
    expect(JSON.stringify(after) === JSON.stringify(before), `state changed by a request answered ${context}`).toBe(true)
    return verdict(false)
  }
  const expectAnswer = (wanted: { status: number; code?: string; body?: string }, why: string) => {
    expect({ status, ...(bodyExpected && wanted.code ? { code } : {}) }, `${why}: ${context}`).toEqual({ status: wanted.status, ...(bodyExpected && wanted.code ? { code: wanted.code } : {}) })
    if (bodyExpected && wanted.body !== undefined) expect(text, `${why}: ${context}`).toBe(wanted.body)
  }

  // The HTTP adapter's CORS preflight, on any path.
  if (request.method === 'OPTIONS' && status === 204) return unchanged()
  // Before routing, as Node's parser.
  if (options.headTooLarge) {
    expectAnswer({ status: 431, code: 'headers_too_large' }, 'a head over the limit')
    return unchanged()
  }
  if (candidates.length === 0) {
    expectAnswer({ status: 404, code: 'not_found' }, 'no endpoint at this path')
    return unchanged()
  }
  // Another method on an endpoint's path is refused whatever else is wrong.
  if (!endpoint) {
    expectAnswer({ status: 405, code: 'method_not_allowed' }, `another method than ${allowedAt(path)}`)
    if (answer.headers) expect(answer.headers.allow, context).toBe(allowedAt(path))
    return unchanged()
  }
  if (isTooLarge(request)) {
    expectAnswer({ status: 413, code: 'payload_too_large' }, 'a body over the limit')
    return unchanged()
  }
  const forced = forcedBy(endpoint, request)
  if (forced) {
    expectAnswer(forced, `Prefer: ${request.headers.prefer}`)
    return unchanged()
  }
  expect(status, `a 5xx nobody asked for: ${context}`).toBeLessThan(500)
  if (status !== 200) return unchanged()

  // A real success.
  if (bodyExpected && options.publicKey && endpoint.signing !== 'none') {
    const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]))
    // What the endpoint read: its query, or its body (an offline file, decoded as text/plain).
    const sent = {
      method: request.method,
      // The query as the engine reads it (URLSearchParams, from the first `?`), written back plainly.
      path: `${endpoint.path}?${new URLSearchParams(splitTarget(request).query).toString()}`,
      headers: endpoint.input === 'text' ? { 'content-type': 'text/plain' } : ({} as Record<string, string>),
      body: endpoint.input === 'query' ? undefined : bodyText(request.body),
    }
    // Without the caller's headers the v2 header cannot be checked, only what the body carries.
    if (answer.headers || endpoint.signing === 'offline') {
      expect(checkSignatures(sent, { kind: 'response', status, headers, body: text }, options.publicKey, endpoint.signing), `signatures: ${context}`).toEqual([])
    }
  }
  switch (endpoint.name) {
    case 'deactivate_license':
      expectOneDeactivation(request, before, after, context)
      return verdict(true)
    case 'activate_license':
      expectOneActivation(before, after, JSON.parse(bodyText(request.body) ?? '') as Sent, JSON.parse(text) as SignedLicense, answer, options, context)
      return verdict(true)
    case 'check_license':
      expectCheck(request, after, JSON.parse(text) as SignedLicense, answer, options, context)
      break
  }
  if (!mayChangeState(endpoint)) return unchanged()
  if (SLOT_TAKING.has(endpoint.name)) expect(withoutSlots(after), `only floating slots may change on ${endpoint.name}: ${context}`).toBe(withoutSlots(before))
  return verdict(JSON.stringify(after) !== JSON.stringify(before))
}

interface SignedLicense {
  id: number
  license_key?: string
  hardware_id?: string
  license_active?: boolean
  times_activated: number
  transfer_count: number
  validity_period: string | null
  license_signature: string
  user?: { email: string }
  floating_in_use_devices?: number
}
/** The fields of the request (activation body or check query) the oracle reads. */
interface Sent {
  hardware_id: string
  username?: unknown
  license_key?: string
  is_vm?: boolean
}

type Device = NonNullable<License['devices']>[number]

/** What a floating slot is made of: a device's hold on the license, and its holds on features. */
const SLOT_FIELDS = ['floating_in_use', 'floating_last_check', 'borrowed_until', 'floating_features']
const withoutSlots = (state: SeedInput) =>
  JSON.stringify((state.licenses ?? []).map((license) => ({ ...license, devices: (license.devices ?? []).map((device) => Object.fromEntries(Object.entries(device).filter(([key]) => !SLOT_FIELDS.includes(key)))) })))

/** What differs between two states: licenses changed, and devices that went from active to inactive. */
export function stateDiff(before: SeedInput, after: SeedInput) {
  const changedLicenses: { before: License; after: License }[] = []
  const deactivated: { license: number; device: Device }[] = []
  const beforeById = new Map((before.licenses ?? []).map((license) => [license.id, license]))
  for (const license of after.licenses ?? []) {
    const old = beforeById.get(license.id)
    if (!old || JSON.stringify(old) !== JSON.stringify(license)) changedLicenses.push({ before: old!, after: license })
    if (!old) continue
    license.devices?.forEach((device, i) => {
      const previous = old.devices?.[i]
      if (previous && previous.active !== false && device.active === false) deactivated.push({ license: license.id!, device })
    })
  }
  const others = (state: SeedInput) => JSON.stringify({ credentials: state.credentials, products: state.products, sso: state.sso, count: state.licenses?.length })
  return { changedLicenses, deactivated, othersChanged: others(before) !== others(after) }
}

/** A real deactivation: one license, one device of the request's hardware_id made inactive, one activation given back. */
function expectOneDeactivation(request: FuzzRequest, before: SeedInput, after: SeedInput, context: string): void {
  const diff = stateDiff(before, after)
  expect(diff.othersChanged, context).toBe(false)
  expect(diff.changedLicenses, context).toHaveLength(1)
  expect(diff.deactivated, context).toHaveLength(1)
  const [{ before: old, after: now }] = diff.changedLicenses
  expect(now.times_activated, context).toBe(Math.max(0, (old.times_activated ?? 0) - 1))
  const body = JSON.parse(bodyText(request.body) ?? '') as { hardware_id: string }
  expect(diff.deactivated[0].device.hardware_id).toBe(body.hardware_id)
}

/** The first value of a repeated query name wins, as the engine reads it. */
function firstValues(query: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of new URLSearchParams(query)) if (!Object.hasOwn(out, name)) out[name] = value
  return out
}

const verifies = (publicKey: string, data: string, signature: string) => verify('RSA-SHA256', Buffer.from(data, 'utf8'), publicKey, Buffer.from(signature, 'base64'))

/** The v1 signature over the device, the identity and the validity, as the SDKs compute it. */
function expectV1(sent: Sent, license: SignedLicense, fallbackId: string | undefined, options: OracleOptions, context: string): void {
  if (!options.publicKey) return
  const id = typeof sent.username === 'string' ? sent.username.split('|')[0] : (fallbackId ?? sent.license_key ?? license.license_key ?? '')
  const v1Text = `${sent.hardware_id}#${id}#${license.validity_period ?? ''}`.toLowerCase()
  expect(verifies(options.publicKey, v1Text, license.license_signature), `v1 signature over "${v1Text}": ${context}`).toBe(true)
}

/** A check answers the live state of an active device. */
function expectCheck(request: FuzzRequest, after: SeedInput, license: SignedLicense, answer: Answer, options: OracleOptions, context: string): void {
  const sent = firstValues(splitTarget(request).query) as unknown as Sent
  if (answer.headers) expect(answer.headers.licensesignature, context).toEqual(expect.stringMatching(/^[A-Za-z0-9+/]+=*$/))
  expectV1(sent, license, undefined, options, context)
  const current = after.licenses?.find((candidate) => candidate.id === license.id)
  expect(current, context).toBeDefined()
  expect(current!.devices?.some((device) => device.hardware_id === sent.hardware_id && device.active !== false), `checked a device that is not active: ${context}`).toBe(true)
  expect({ active: license.license_active, times_activated: license.times_activated, transfer_count: license.transfer_count }, context).toEqual({
    active: true,
    times_activated: current!.times_activated,
    transfer_count: current!.transfer_count,
  })
  expectFloatingCount(license, current!, context)
}

/**
 * A transfer is an activation on another hardware_id than the device the license was last
 * activated on, while that device is inactive. Which device that was is the rules' business
 * (test/robustness/transfers.test.ts pins cases); here only what any reading allows: with no
 * inactive row of another hardware_id there is no transfer.
 */
function mayTransfer(license: License, hardwareId: string): boolean {
  return (license.devices ?? []).some((device) => device.active === false && device.hardware_id !== hardwareId)
}

/** A floating license's answer counts the slots its active rows hold. */
function expectFloatingCount(answered: SignedLicense, license: License, context: string): void {
  if (!license.is_floating && !license.is_floating_cloud) return
  const inUse = (license.devices ?? []).filter((device) => device.active !== false && device.floating_in_use === true).length
  expect(answered.floating_in_use_devices, `floating_in_use_devices: ${context}`).toBe(inUse)
}

const without = <T extends object>(value: T, keys: readonly string[]) => JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))))

/**
 * A real activation: exactly one license changed, times_activated + 1, a row with the request's
 * hardware_id active (its latest inactive row brought back, or a new row appended), transfer_count
 * + 1 on a transfer, the acting user's total_activations + 1; nothing else.
 */
function expectOneActivation(before: SeedInput, after: SeedInput, sent: Sent, answered: SignedLicense, answer: Answer, options: OracleOptions, context: string): void {
  if (answer.headers) expect(answer.headers.licensesignature, context).toEqual(expect.stringMatching(/^[A-Za-z0-9+/]+=*$/))
  expectV1(sent, answered, answered.user?.email.split('|')[0], options, context)
  const diff = stateDiff(before, after)
  expect(diff.othersChanged, context).toBe(false)
  expect(diff.changedLicenses, context).toHaveLength(1)
  expect(diff.deactivated, context).toEqual([])
  const [{ before: old, after: now }] = diff.changedLicenses
  const hardwareId = sent.hardware_id
  expect(answered.id, context).toBe(now.id)
  expect(answered.hardware_id, context).toBe(hardwareId)
  expectFloatingCount(answered, now, context)

  // Counters.
  expect(now.times_activated, context).toBe((old.times_activated ?? 0) + 1)
  const transfers = (now.transfer_count ?? 0) - (old.transfer_count ?? 0)
  expect(mayTransfer(old, hardwareId) ? [0, 1] : [0], `transfer_count + ${transfers}: ${context}`).toContain(transfers)
  expect({ times_activated: answered.times_activated, transfer_count: answered.transfer_count }, context).toEqual({ times_activated: now.times_activated, transfer_count: now.transfer_count })
  const acting = answered.user?.email.toLowerCase()
  const users = (license: License, bump: boolean) =>
    (license.users ?? []).map((user: User) => ({ ...user, total_activations: (user.total_activations ?? 0) + (bump && user.email.toLowerCase() === acting ? 1 : 0) }))
  expect(users(now, false), context).toEqual(users(old, true))
  if (acting !== undefined) expect((old.users ?? []).some((user) => user.email.toLowerCase() === acting), context).toBe(true)
  expect(without(now, ['times_activated', 'transfer_count', 'users', 'devices']), context).toBe(without(old, ['times_activated', 'transfer_count', 'users', 'devices']))

  // Devices: no row of this hardware_id was active; its latest row is brought back, or one is appended.
  const oldDevices = old.devices ?? []
  const newDevices = now.devices ?? []
  const rows = oldDevices.flatMap((device, i) => (device.hardware_id === hardwareId ? [i] : []))
  expect(rows.some((i) => oldDevices[i].active !== false), `activated a device already active: ${context}`).toBe(false)
  const reused = rows.length > 0 ? rows.at(-1)! : oldDevices.length
  expect(newDevices.length, context).toBe(rows.length > 0 ? oldDevices.length : oldDevices.length + 1)
  newDevices.forEach((device, i) => {
    // Other devices' expired floating slots are given back as this one takes its own.
    if (i !== reused) expect(without(device, SLOT_FIELDS), `device row ${i} changed: ${context}`).toBe(without(oldDevices[i], SLOT_FIELDS))
  })
  const row = newDevices[reused]
  expect({ hardware_id: row.hardware_id, active: row.active, is_vm: row.is_vm }, context).toEqual({ hardware_id: hardwareId, active: true, is_vm: sent.is_vm ?? false })
  expect(row.time_activated, context).toEqual(expect.any(String))
  expect(row.time_deactivated, context).toBeUndefined()
  if (acting !== undefined) expect(row.user?.toLowerCase(), context).toBe(acting)
  if (now.is_floating || now.is_floating_cloud) expect(row.floating_in_use, `a floating activation takes a slot: ${context}`).toBe(true)
  if (rows.length > 0) {
    const changedFields = ['active', 'is_vm', 'user', 'time_activated', 'time_deactivated', ...SLOT_FIELDS]
    expect(without(row, changedFields), context).toBe(without(oldDevices[reused], changedFields))
  }
}

/** The outcomes every fuzz property must reach at least once. */
export const REQUIRED_OUTCOMES = [
  'deactivate_license license_deactivated',
  'activate_license license_activated',
  'activate_license license_device_exists',
  'check_license license_checked',
  'check_license device_not_found',
] as const
