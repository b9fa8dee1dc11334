// Runs scenarios against a target: one session (isolated state) per scenario, steps in order,
// the first failing step ends the scenario; scenarios run in parallel up to a bound.
import { parseDuration } from '../core/clock.ts'
import { endpointsAt } from '../core/endpoints/index.ts'
import { headBytes } from '../core/request.ts'
import { TOKEN_PATH } from '../core/endpoints/oauth.ts'
import { signedHeaders } from '../core/signature.ts'
import { checkConformance } from './conformance.ts'
import { offlineFile } from './offline-file.ts'
import { checkSignatures } from './signatures.ts'
import { checkResponse, checkState, parseBody } from './expect.ts'
import { ConnectionError, type Outcome, type WireRequest } from './http-client.ts'
import type { Scenario } from './load.ts'
import { DEFAULT_METHOD, DEFAULT_PATH, type RequestSpec, type StateAssertion, type Step } from './schema.ts'
import { inProcessTarget, type Session, type Target } from './targets.ts'

export type ScenarioStatus = 'passed' | 'failed' | 'skipped'

export interface StepFailure {
  /** Index of the step in `steps` (0-based, as in `steps[2]`); -1 for the scenario-level `then`. */
  step: number
  stepName?: string
  /** expect: the response differs; contract: it breaks the spec; state: `then` differs; error: the step could not run. */
  kind: 'expect' | 'contract' | 'state' | 'error'
  /** One line per mismatch. */
  mismatches: string[]
  /** The request sent (request steps). */
  request?: WireRequest
  /** The step's `expect` or `then`. */
  expected?: unknown
  /** What came back: `{status, headers, body}`, `{network}`, or the state checked. */
  actual?: unknown
}

export interface ScenarioResult {
  scenario: Scenario
  status: ScenarioStatus
  durationMs: number
  /** Why it was skipped. */
  reason?: string
  failure?: StepFailure
  /** The target could not be reached (the CLI exits 2). */
  connectionError?: string
}

export interface ResponseEvent {
  scenario: Scenario
  step: number
  request: WireRequest
  outcome: Outcome
}

export interface RunOptions {
  /** Default: in-process. */
  target?: Target
  /** Scenarios running at once (default 8). */
  concurrency?: number
  /** Check every response against the spec; a non-conforming one fails its step (default true). */
  validateResponses?: boolean
  /** Per-request timeout when the step sets none (default 10 000 ms). */
  timeoutMs?: number
  /** Called as each scenario ends (in completion order). */
  onResult?: (result: ScenarioResult) => void
  /** Called for every response a request step gets. */
  onResponse?: (event: ResponseEvent) => void
}

export interface RunSummary {
  passed: number
  failed: number
  skipped: number
  total: number
}

export interface RunReport {
  target: string
  startedAt: string
  durationMs: number
  summary: RunSummary
  /** In the order the scenarios were given. */
  results: ScenarioResult[]
}

export const DEFAULT_CONCURRENCY = 8
export const DEFAULT_TIMEOUT_MS = 10_000

export async function runScenarioList(scenarios: readonly Scenario[], options: RunOptions = {}): Promise<RunReport> {
  const target = options.target ?? inProcessTarget()
  const startedAt = new Date()
  const started = performance.now()
  const results: ScenarioResult[] = new Array(scenarios.length)
  let next = 0
  const worker = async () => {
    while (next < scenarios.length) {
      const index = next++
      results[index] = await runScenario(scenarios[index], target, options)
      options.onResult?.(results[index])
    }
  }
  const width = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, scenarios.length))
  await Promise.all(Array.from({ length: width }, worker))
  return {
    target: target.description,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    summary: summarize(results),
    results,
  }
}

export function summarize(results: readonly ScenarioResult[]): RunSummary {
  const count = (status: ScenarioStatus) => results.filter((result) => result.status === status).length
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), total: results.length }
}

export async function runScenario(scenario: Scenario, target: Target = inProcessTarget(), options: RunOptions = {}): Promise<ScenarioResult> {
  const started = performance.now()
  const done = (fields: Omit<ScenarioResult, 'scenario' | 'durationMs'>): ScenarioResult => ({
    scenario,
    durationMs: Math.round(performance.now() - started),
    ...fields,
  })
  const reason = target.cannotRun(scenario)
  if (reason) return done({ status: 'skipped', reason })
  let session: Session
  try {
    session = await target.open(scenario)
  } catch (error) {
    return done(errorResult(-1, undefined, error, 'cannot prepare the scenario'))
  }
  try {
    for (const [index, step] of scenario.steps.entries()) {
      const failure = await runStep(scenario, index, step, session, options)
      if (failure) return done({ status: 'failed', failure })
    }
    if (scenario.then) {
      const failure = await assertState(-1, undefined, scenario.then, session)
      if (failure) return done({ status: 'failed', failure })
    }
    return done({ status: 'passed' })
  } catch (error) {
    return done(errorResult(-1, undefined, error, 'the scenario could not run'))
  } finally {
    await session.close().catch(() => undefined)
  }
}

function errorResult(step: number, stepName: string | undefined, error: unknown, context: string): Omit<ScenarioResult, 'scenario' | 'durationMs'> {
  const message = error instanceof Error ? error.message : String(error)
  return {
    status: 'failed',
    failure: { step, stepName, kind: 'error', mismatches: [`${context}: ${message}`] },
    ...(error instanceof ConnectionError ? { connectionError: message } : {}),
  }
}

/** What the endpoint of a request signs: v1 too, only the v2 header, or in the body (License API paths only). */
function signingOf(request: WireRequest): 'v2' | 'v1+v2' | 'offline' {
  const path = request.path.split('?')[0]
  const endpoint = endpointsAt(path.slice(Math.max(0, path.indexOf('/api/v4/')))).find((candidate) => candidate.method === request.method.toUpperCase())
  return endpoint?.signing === 'v2' || endpoint?.signing === 'offline' ? endpoint.signing : 'v1+v2'
}

async function runStep(scenario: Scenario, index: number, step: Step, session: Session, options: RunOptions): Promise<StepFailure | undefined> {
  const name = step.name
  try {
    if (step.request) {
      const timeoutMs = step.request.timeout_ms ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS
      const token = step.request.oauth ? await tokenFor(step.request.oauth, session, timeoutMs) : undefined
      const request = buildRequest(step.request, session, token)
      const outcome = await session.send(request, timeoutMs)
      options.onResponse?.({ scenario, step: index, request, outcome })
      const actual = describeOutcome(outcome, step.expect!.headers !== undefined)
      const mismatches = checkResponse(step.expect!, outcome)
      if (step.expect!.signed && outcome.kind === 'response') {
        const publicKey = await session.publicKey()
        mismatches.push(...(publicKey ? checkSignatures(request, outcome, publicKey, signingOf(request)) : ["signed: the target's public key is unknown (give --public-key FILE)"]))
      }
      const contract = options.validateResponses !== false && outcome.kind === 'response' ? checkConformance(outcome, request) : []
      if (mismatches.length > 0 || contract.length > 0) {
        return {
          step: index,
          stepName: name,
          kind: mismatches.length > 0 ? 'expect' : 'contract',
          mismatches: [...mismatches, ...contract.map((problem) => `contract: ${problem}`)],
          request,
          expected: step.expect,
          actual,
        }
      }
    } else if (step.clock) await session.clock(step.clock)
    else if (step.fault) await session.fault(step.fault)
    else if (step.reset) await session.reset()
    if (step.then) return await assertState(index, name, step.then, session)
    return undefined
  } catch (error) {
    const result = errorResult(index, name, error, 'the step could not run')
    if (result.connectionError) throw error
    return result.failure
  }
}

async function assertState(index: number, name: string | undefined, then: StateAssertion, session: Session): Promise<StepFailure | undefined> {
  const state = await session.state()
  const mismatches = checkState(then, state)
  if (mismatches.length === 0) return undefined
  const shown = then.licenses.map((wanted) =>
    (state.licenses ?? []).find((license) => (wanted.id !== undefined ? license.id === wanted.id : license.license_key === wanted.license_key)),
  )
  return { step: index, stepName: name, kind: 'state', mismatches, expected: then, actual: { licenses: shown } }
}

function describeOutcome(outcome: Outcome, withHeaders: boolean): unknown {
  if (outcome.kind === 'network') return { network: outcome.network, detail: outcome.detail }
  const parsed = parseBody(outcome.body)
  return { status: outcome.status, ...(withHeaders ? { headers: outcome.headers } : {}), body: parsed.ok ? parsed.value : outcome.body }
}

/** A request step → the request on the wire: defaults, body, signature, headers. */
export function buildRequest(spec: RequestSpec, session: Pick<Session, 'credentials' | 'renamed'>, token?: string): WireRequest {
  const [contentType, text] = bodyOf(spec, session)
  let body = text
  if (spec.pad_body_to !== undefined) {
    const padded = body ?? ''
    body = padded + ' '.repeat(Math.max(0, spec.pad_body_to - Buffer.byteLength(padded)))
  }
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = contentType
  if (spec.sign === false && spec.date !== undefined) headers.date = resolveDate(spec.date)!
  if (token !== undefined) {
    headers.date = resolveDate(spec.date ?? 'now')!
    headers.authorization = `Bearer ${token}`
  } else if (spec.sign !== false) {
    const apiKey = spec.credentials?.api_key !== undefined ? (session.renamed.get(spec.credentials.api_key) ?? spec.credentials.api_key) : session.credentials?.api_key
    const sharedKey = spec.credentials?.shared_key ?? session.credentials?.shared_key
    if (apiKey === undefined || sharedKey === undefined) throw new Error('no credentials to sign with: give request.credentials, or sign: false')
    const signed = signedHeaders({ apiKey, sharedKey }, { date: resolveDate(spec.date), apiKeyName: spec.api_key_param, spaces: spec.auth_spaces })
    headers.date = signed.Date
    headers.authorization = signed.Authorization
  }
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers[name.toLowerCase()] = renameInHeader(value, session.renamed)
  const path = withQuery(spec.path ?? DEFAULT_PATH, spec.query)
  if (spec.pad_headers_to !== undefined) {
    const q = path.indexOf('?')
    const [target, query] = q === -1 ? [path, ''] : [path.slice(0, q), path.slice(q + 1)]
    headers['x-padding'] = ''
    headers['x-padding'] = 'a'.repeat(Math.max(0, spec.pad_headers_to - headBytes(target, query, headers)))
  }
  return { method: spec.method ?? DEFAULT_METHOD, path, headers, body }
}

/** The body a step sends, and its content type. */
function bodyOf(spec: RequestSpec, session: Pick<Session, 'credentials' | 'renamed'>): [string, string | undefined] {
  const renamed = (value: string) => session.renamed.get(value) ?? value
  if (spec.form) {
    const fields = Object.entries(spec.form).map(([name, value]): [string, string] => [name, name === 'client_id' ? renamed(value) : value])
    return ['application/x-www-form-urlencoded', new URLSearchParams(fields).toString()]
  }
  if (spec.offline) {
    const { request, ...how } = spec.offline
    const fields: Record<string, unknown> = { ...request }
    if (spec.oauth) fields.client_id = renamed(String(fields.client_id ?? spec.oauth.client_id))
    else if (fields.client_id === undefined) fields.api_key = renamed(String(fields.api_key ?? session.credentials?.api_key))
    const key = how.key ?? spec.oauth?.client_secret ?? spec.credentials?.shared_key ?? session.credentials?.shared_key
    if (key === undefined) throw new Error('no key to sign the offline file with: give offline.key or credentials')
    return ['text/plain', offlineFile({ ...how, request: fields, key })]
  }
  return ['application/json', spec.raw_body ?? (spec.body !== undefined ? JSON.stringify(spec.body) : undefined)]
}

/** A Bearer token from the target's token endpoint, for a step with `oauth`. */
async function tokenFor(spec: NonNullable<RequestSpec['oauth']>, session: Session, timeoutMs: number): Promise<string> {
  const client_id = session.renamed.get(spec.client_id) ?? spec.client_id
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id, client_secret: spec.client_secret }).toString()
  const outcome = await session.send({ method: 'POST', path: TOKEN_PATH, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }, timeoutMs)
  const parsed = outcome.kind === 'response' ? parseBody(outcome.body) : undefined
  const token = parsed?.ok ? (parsed.value as { access_token?: unknown }).access_token : undefined
  if (outcome.kind !== 'response' || outcome.status !== 200 || typeof token !== 'string') {
    throw new Error(`the token endpoint did not issue a token for client ${spec.client_id}: ${outcome.kind === 'response' ? `${outcome.status} ${outcome.body.slice(0, 200)}` : outcome.network}`)
  }
  return token
}

function withQuery(path: string, query: RequestSpec['query']): string {
  if (!query || Object.keys(query).length === 0) return path
  const params = new URLSearchParams(Object.entries(query).map(([name, value]): [string, string] => [name, String(value)]))
  return `${path}${path.includes('?') ? '&' : '?'}${params}`
}

/** `now` or a duration from now ("-20m") → an IMF-fixdate; anything else is sent as written. */
function resolveDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined
  const offset = date === 'now' ? 0 : parseDuration(date)
  return offset === undefined ? date : new Date(Date.now() + offset).toUTCString()
}

/** Seed keys written in a handcrafted header (`apikey="…"`, `Bearer …`) → the tenant's keys. */
function renameInHeader(value: string, renamed: ReadonlyMap<string, string>): string {
  let out = value
  for (const [from, to] of renamed) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    out = out
      .replace(new RegExp(`(apikey\\s*=\\s*"?)${escaped}(?=["\\s,]|$)`, 'gi'), (_whole, head: string) => head + to)
      .replace(new RegExp(`^(\\s*Bearer\\s+)${escaped}(\\s*)$`, 'i'), (_whole, head: string, tail: string) => head + to + tail)
  }
  return out
}
