// `npm run soak [-- --duration 30s] [--concurrency N]`: minutes of mixed traffic against the
// server in a child process with --state-file: deactivations that succeed (a generated tenant
// with many devices, reset when used up), every code of the errors table (the demo seed's
// states, crafted headers and bodies, Prefer for the rest), admin calls (faults, clock, journal,
// state, tenants), network faults, and hostile load: floods of 64 KiB bodies with and without
// authorization, admin calls from a foreign page, foreign Host headers, impossible clock moves,
// repeated JSON keys, and a client pipelining into a socket it never reads. Prints a summary
// with the server's RSS every 10 s; exit 1 on any 5xx nobody asked for, any answer other than
// the expected one, any client-side error, anything on the server's stderr, or an RSS that keeps
// growing after the warm-up.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { Agent, request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseDuration } from '../../src/core/clock.ts'
import { answeredBy, ERRORS, ERROR_CODES, type ErrorCode } from '../../src/core/errors.ts'
import { signDate } from '../../src/core/signature.ts'
import { DEMO_SEED, loadSeedFile } from '../../src/seed-file.ts'
import { DEMO } from '../support/demo.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'licensespring-mock.js')
const SOAK = { apiKey: 'soak-api-key', sharedKey: 'soak-shared-key' }
const DEACTIVATE = '/api/v4/deactivate_license'

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5m' }, concurrency: { type: 'string', default: '16' } } })
const durationMs = parseDuration(values.duration!)
const concurrency = Number(values.concurrency)
if (durationMs === undefined || durationMs <= 0 || !Number.isInteger(concurrency) || concurrency < 1) {
  process.stderr.write('usage: npm run soak -- [--duration 5m|30s|1h] [--concurrency 16]\n')
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------
// What is sent, and what must come back.

interface Planned {
  kind: string
  method: string
  path: string
  headers: Record<string, string>
  body?: string
  /** The expected status and code (code `license_deactivated` for a success, or an admin status). */
  expect: { status: number; code?: string } | { clientError: string }
  /** Prefer asked for this 5xx. */
  forced?: boolean
}

const signed = (credentials = DEMO, date = new Date().toUTCString()) => ({
  'content-type': 'application/json',
  date,
  authorization: `algorithm="hmac-sha256",headers="date",signature="${signDate(credentials.sharedKey, date)}",apikey="${credentials.apiKey}"`,
})
const keyBody = (license_key: string, hardware_id = 'demo-device-1', extra: object = {}) => JSON.stringify({ hardware_id, product: 'demo', license_key, ...extra })
const api = (kind: string, code: ErrorCode, headers: Record<string, string>, body: string | undefined, more: Partial<Planned> = {}): Planned => ({
  kind,
  method: 'POST',
  path: DEACTIVATE,
  headers,
  body,
  expect: { status: ERRORS[code].status, code },
  ...more,
})

const features = { product: 'demo', license_key: 'DEMO-FEATURES', hardware_id: 'demo-device-1' }
const get = (code: ErrorCode, path: string, query: Record<string, string>): Planned => api('error', code, signed(), undefined, { method: 'GET', path: `${path}?${new URLSearchParams(query)}` })
const post = (code: ErrorCode, path: string, body: object): Planned => api('error', code, signed(), JSON.stringify(body), { path })
const token = (code: ErrorCode, form: string): Planned =>
  api('error', code, { 'content-type': 'application/x-www-form-urlencoded' }, form, { path: '/realms/user-portal/protocol/openid-connect/token' })

/** One request per code of the errors table, each against a state of the demo seed or crafted input. */
const ERROR_REQUESTS: Record<ErrorCode, () => Planned> = {
  not_found: () => api('error', 'not_found', signed(), '{}', { path: '/api/v4/no_such_endpoint' }),
  method_not_allowed: () => api('error', 'method_not_allowed', signed(), undefined, { method: 'GET' }),
  missing_headers: () => api('error', 'missing_headers', { 'content-type': 'application/json' }, keyBody('DEMO-OK-0001')),
  authorization_invalid_headers: () => api('error', 'authorization_invalid_headers', { ...signed(), authorization: 'this is not a list' }, keyBody('DEMO-OK-0001')),
  authorization_missing_params: () => api('error', 'authorization_missing_params', { ...signed(), authorization: 'algorithm="hmac-sha256"' }, keyBody('DEMO-OK-0001')),
  hmac_required: () =>
    api('error', 'hmac_required', { ...signed(), authorization: 'algorithm="hmac-sha1",headers="date",signature="x",apikey="demo-api-key"' }, keyBody('DEMO-OK-0001')),
  invalid_api_key: () => api('error', 'invalid_api_key', signed({ apiKey: 'no-such-key', sharedKey: 'x' }), keyBody('DEMO-OK-0001')),
  revoked_api_key: () => api('error', 'revoked_api_key', signed({ apiKey: 'demo-revoked-api-key', sharedKey: DEMO.sharedKey }), keyBody('DEMO-OK-0001')),
  date_header_diff: () => api('error', 'date_header_diff', signed(DEMO, new Date(Date.now() - 3_600_000).toUTCString()), keyBody('DEMO-OK-0001')),
  signature_mismatch: () => api('error', 'signature_mismatch', signed({ apiKey: DEMO.apiKey, sharedKey: 'wrong-shared-key' }), keyBody('DEMO-OK-0001')),
  read_only_api_key: () => api('error', 'read_only_api_key', signed({ apiKey: 'demo-read-only-api-key', sharedKey: DEMO.sharedKey }), keyBody('DEMO-OK-0001')),
  invalid_json: () => api('error', 'invalid_json', signed(), '{"hardware_id":'),
  missing_parameters: () => api('error', 'missing_parameters', signed(), '{}'),
  validation_error: () => api('error', 'validation_error', signed(), JSON.stringify({ hardware_id: 5, product: 'demo', license_key: 'DEMO-OK-0001' })),
  unknown_product: () => api('error', 'unknown_product', signed(), JSON.stringify({ hardware_id: 'demo-device-1', product: 'no-such-product', license_key: 'X' })),
  api_key_product_not_allowed: () =>
    api('error', 'api_key_product_not_allowed', signed({ apiKey: 'demo-restricted-api-key', sharedKey: DEMO.sharedKey }), keyBody('DEMO-OK-0001')),
  license_not_found: () => api('error', 'license_not_found', signed(), keyBody('DEMO-NO-SUCH-KEY')),
  license_not_enabled: () => api('error', 'license_not_enabled', signed(), keyBody('DEMO-DISABLED')),
  blacklisted: () => api('error', 'blacklisted', signed(), keyBody('DEMO-BLACKLISTED', 'demo-blacklisted-device')),
  vm_not_allowed: () => api('error', 'vm_not_allowed', signed(), keyBody('DEMO-PREVENT-VM', 'demo-vm-device')),
  license_start_date_error: () => api('error', 'license_start_date_error', signed(), keyBody('DEMO-NOT-STARTED')),
  license_expired: () => api('error', 'license_expired', signed(), keyBody('DEMO-EXPIRED')),
  license_not_active: () => api('error', 'license_not_active', signed(), keyBody('DEMO-NEVER-ACTIVATED')),
  device_not_found: () => api('error', 'device_not_found', signed(), keyBody('DEMO-OK-0001', 'demo-device-old')),
  license_transferred_max_times: () => api('error', 'license_transferred_max_times', signed(), keyBody(Math.random() < 0.5 ? 'DEMO-NO-TRANSFERS' : 'DEMO-TRANSFERS-USED')),
  license_not_consumption: () => api('error', 'license_not_consumption', signed(), keyBody('DEMO-OK-0001', 'demo-device-1', { consumptions: 1 })),
  license_not_enough_consumptions: () => api('error', 'license_not_enough_consumptions', signed(), keyBody('DEMO-CONSUMPTION', 'demo-device-1', { consumptions: 5 })),
  license_activated_max_times: () => api('error', 'license_activated_max_times', signed(), keyBody('DEMO-MAX-ACTIVATIONS')),
  license_user_activated_max_times: () =>
    api('error', 'license_user_activated_max_times', signed(), JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo-user', username: 'capped@example.com' })),
  license_device_exists: () => api('error', 'license_device_exists', signed(), keyBody('DEMO-DEVICE-EXISTS')),
  offline_floating_cloud_not_supported: () => api('error', 'offline_floating_cloud_not_supported', signed(), keyBody('DEMO-FLOATING-CLOUD')),
  // No state of a healthy mock answers these: Prefer, and a body over the limit.
  internal_error: () => api('prefer', 'internal_error', { ...signed(), prefer: 'code=500' }, keyBody('DEMO-OK-0001'), { forced: true }),
  payload_too_large: () => api('error', 'payload_too_large', signed(), JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001', pad: 'x'.repeat(1_100_000) })),
  // Node's parser refuses a request line and headers over 16 KiB; the server answers the envelope and closes.
  headers_too_large: () => api('hostile', 'headers_too_large', { ...signed(), 'x-padding': 'a'.repeat(17_000) }, keyBody('DEMO-OK-0001')),
  invalid_prefer_header: () => api('prefer', 'invalid_prefer_header', { ...signed(), prefer: 'code=400, example=no_such_example' }, keyBody('DEMO-OK-0001')),
  // The lifecycle endpoints' own codes, each from the demo seed's state.
  disabled_product: () => api('error', 'disabled_product', signed(), JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo-disabled', license_key: 'X' })),
  archived_product: () => api('error', 'archived_product', signed(), JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo-archived', license_key: 'X' })),
  unsupported_product_feature: () => get('unsupported_product_feature', '/api/v4/check_license_feature', { ...features, feature: 'no-such-feature' }),
  invalid_license_feature_code: () => get('invalid_license_feature_code', '/api/v4/check_license_feature', { ...features, feature: 'demo-premium' }),
  feature_not_consumption: () => post('feature_not_consumption', '/api/v4/add_feature_consumption', { ...features, feature: 'demo-export' }),
  feature_not_floating: () => post('feature_not_floating', '/api/v4/floating/feature_release', { ...features, feature: 'demo-export' }),
  floating_feature_device_not_in_use: () => post('floating_feature_device_not_in_use', '/api/v4/floating/feature_release', { ...features, hardware_id: 'demo-device-2', feature: 'demo-floating' }),
  floating_not_available: () => get('floating_not_available', '/api/v4/check_license', { product: 'demo', license_key: 'DEMO-FLOATING-POOL', hardware_id: 'demo-device-2' }),
  license_not_floating: () => post('license_not_floating', '/api/v4/floating/borrow', { product: 'demo', license_key: 'DEMO-OK-0001', hardware_id: 'demo-device-1' }),
  borrow_until_not_valid: () =>
    post('borrow_until_not_valid', '/api/v4/floating/borrow', { product: 'demo', license_key: 'DEMO-FLOATING-POOL', hardware_id: 'demo-device-1', borrowed_until: '2000-01-01T00:00:00Z' }),
  missing_hardware_id: () => get('missing_hardware_id', '/api/v4/trial_key', { product: 'demo' }),
  trial_not_allowed: () => get('trial_not_allowed', '/api/v4/trial_key', { product: 'demo-other', hardware_id: 'soak-trial' }),
  email_missing: () => get('email_missing', '/api/v4/trial_key', { product: 'demo-user', hardware_id: 'soak-trial' }),
  trial_expired: () => get('trial_expired', '/api/v4/trial_key', { product: 'demo', hardware_id: 'demo-trial-device' }),
  active_license_required: () => get('active_license_required', '/api/v4/versions', { product: 'demo', license_key: 'DEMO-OK-0001', hardware_id: 'demo-device-old' }),
  version_not_found: () => get('version_not_found', '/api/v4/installation_file', { product: 'demo', license_key: 'DEMO-FEATURES', hardware_id: 'demo-device-1', version: '0.0.1' }),
  change_password_not_allowed: () => post('change_password_not_allowed', '/api/v4/change_password', { username: 'locked@example.com', password: 'demo-password', new_password: 'other' }),
  customer_does_not_exist: () => get('customer_does_not_exist', '/api/v4/customer_license_users', { product: 'demo-user', customer: 'nobody@example.com' }),
  customer_not_found: () => get('customer_not_found', '/api/v4/customer_license_users', { product: 'demo-other', customer: 'customer@example.com' }),
  customer_account_not_found: () => get('customer_account_not_found', '/api/v4/sso_url', { product: 'demo-user', customer_account_code: 'no-such-account' }),
  missing_content: () => api('error', 'missing_content', { ...signed(), 'content-type': 'text/plain' }, '', { path: '/api/v4/activate_offline' }),
  // Bearer tokens: one not issued here, and an issued one a fault expires (once).
  oauth_token_malformed: () => api('error', 'oauth_token_malformed', { ...signed(), authorization: 'Bearer not-a-token' }, keyBody('DEMO-OK-0001')),
  oauth_token_expired: () => api('prefer', 'oauth_token_expired', { ...signed(), prefer: 'code=401, example=oauth_token_expired' }, keyBody('DEMO-OK-0001')),
  // The token endpoint's, in Keycloak's shape.
  invalid_request: () => token('invalid_request', 'client_id=demo-client-id&client_secret=demo-client-secret'),
  unsupported_grant_type: () => token('unsupported_grant_type', 'grant_type=password&client_id=demo-client-id&client_secret=demo-client-secret'),
  invalid_client: () => token('invalid_client', 'grant_type=client_credentials&client_id=demo-client-id&client_secret=wrong'),
  unauthorized_client: () => token('unauthorized_client', 'grant_type=client_credentials&client_id=demo-revoked-client&client_secret=demo-client-secret'),
  // A page that rebinds its own name to the server sends that name as Host.
  host_not_allowed: () => api('hostile', 'host_not_allowed', { ...signed(), host: 'rebound.evil.example' }, keyBody('DEMO-OK-0001')),
  // Only a failing disk answers it: Prefer.
  state_not_saved: () => api('prefer', 'state_not_saved', { ...signed(), prefer: 'code=503' }, keyBody('DEMO-OK-0001'), { forced: true }),
}
const missing = ERROR_CODES.filter((code) => !Object.hasOwn(ERROR_REQUESTS, code))
if (missing.length > 0) throw new Error(`the soak has no request for ${missing.join(', ')}`)
const REGULAR_CODES = ERROR_CODES.filter((code) => code !== 'payload_too_large')
/** What a fault or Prefer can force on a deactivation: every code but the token endpoint's own (Keycloak's). */
const DEACTIVATION_CODES = REGULAR_CODES.filter((code) => answeredBy(code, { operationId: 'deactivateLicense' }))

const adminRequest = (kind: string, method: string, path: string, status: number, body?: unknown): Planned => ({
  kind,
  method,
  path: `/__admin${path}`,
  headers: body === undefined ? {} : { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
  expect: { status },
})

// ---------------------------------------------------------------------------------------------
// Figures.

const byCode = new Map<string, number>()
const byKind = new Map<string, number>()
const clientErrors = new Map<string, number>()
const unexpected: string[] = []
let unexpectedCount = 0
let unforced5xx = 0
let forced5xx = 0
let successes = 0
let tenantResets = 0
const latencies: number[] = []
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
const note = (line: string) => {
  unexpectedCount += 1
  if (unexpected.length < 20) unexpected.push(line)
}

// ---------------------------------------------------------------------------------------------
// The server.

const stateDir = mkdtempSync(join(tmpdir(), 'licensespring-mock-soak-'))
const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--journal-size', '10000', '--state-file', join(stateDir, 'state.json')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
let stdout = ''
let stderr = ''
child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
const url = await new Promise<string>((resolve, reject) => {
  const started = Date.now()
  const poll = setInterval(() => {
    const match = /ready at (http:\/\/[^ ]+)/.exec(stdout)
    if (match) {
      clearInterval(poll)
      resolve(match[1])
    } else if (child.exitCode !== null || Date.now() - started > 30_000) {
      clearInterval(poll)
      reject(new Error(`the server did not start: ${stderr}`))
    }
  }, 20)
})

/** The process's resident memory in MiB (NaN when it cannot be read). */
function rss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024
  } catch {
    try {
      return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024
    } catch {
      return NaN
    }
  }
}
const rssMiB = (pid: number) => (Number.isNaN(rss(pid)) ? 'n/a' : `${rss(pid).toFixed(1)} MiB`)

const agent = new Agent({ keepAlive: true, maxSockets: concurrency })

interface Outcome {
  status?: number
  text: string
  error?: string
}

function send(planned: Planned): Promise<Outcome> {
  const payload = planned.body === undefined ? undefined : Buffer.from(planned.body)
  const headers = payload === undefined ? planned.headers : { ...planned.headers, 'content-length': String(payload.length) }
  return new Promise((resolve) => {
    const req = httpRequest(new URL(planned.path, url), { method: planned.method, headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ text: '', error: error.code ?? error.message }))
    })
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'CLIENT_TIMEOUT' })))
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ text: '', error: error.code ?? error.message }))
    req.end(payload)
  })
}

async function run(planned: Planned): Promise<Outcome> {
  const started = performance.now()
  const outcome = await send(planned)
  latencies.push(performance.now() - started)
  bump(byKind, planned.kind)
  const label = `${planned.kind}: ${planned.method} ${planned.path}`
  if ('clientError' in planned.expect) {
    if (outcome.error === planned.expect.clientError) bump(byCode, `network:${outcome.error}`)
    else note(`${label}: expected ${planned.expect.clientError}, got ${outcome.error ?? outcome.status}`)
    return outcome
  }
  if (outcome.error !== undefined) {
    bump(clientErrors, outcome.error)
    note(`${label}: client error ${outcome.error}`)
    return outcome
  }
  const status = outcome.status!
  let code = String(status)
  try {
    const body = outcome.text ? (JSON.parse(outcome.text) as unknown) : undefined
    const named = typeof body === 'string' ? body : ((body as { code?: string; error?: string } | undefined)?.code ?? (body as { error?: string } | undefined)?.error)
    code = named ?? (planned.path.startsWith('/__admin') ? `admin ${status}` : code)
  } catch {
    note(`${label}: body is not JSON: ${outcome.text.slice(0, 80)}`)
  }
  bump(byCode, code)
  if (status >= 500) {
    if (planned.forced) forced5xx += 1
    else unforced5xx += 1
  }
  const wanted = planned.expect
  if (status !== wanted.status || (wanted.code !== undefined && code !== wanted.code)) {
    note(`${label}: expected ${wanted.status} ${wanted.code ?? ''}, got ${status} ${outcome.text.slice(0, 120)}`)
  }
  return outcome
}

// ---------------------------------------------------------------------------------------------
// The success pool: licenses with many devices added to the default tenant (the one the state
// file keeps), each deactivated once; the state put back (a whole-state block in the change log)
// when they are used up. Tenant `soak` takes the clock and fault calls.

const POOL_LICENSES = 100
const POOL_DEVICES = 100
const poolSeed = {
  credentials: [{ api_key: SOAK.apiKey, shared_key: SOAK.sharedKey }],
  products: [{ short_code: 'soak' }],
  licenses: Array.from({ length: POOL_LICENSES }, (_, i) => ({
    product: 'soak',
    license_key: `SOAK-${i}`,
    max_activations: POOL_DEVICES,
    devices: Array.from({ length: POOL_DEVICES }, (_, j) => ({ hardware_id: `soak-device-${j}` })),
  })),
}
const demo = loadSeedFile(fileURLToPath(DEMO_SEED))
const withPool = { ...demo, credentials: [...demo.credentials, ...poolSeed.credentials], products: [...demo.products, ...poolSeed.products], licenses: [...demo.licenses, ...poolSeed.licenses] }
const putPool = () => run(adminRequest('admin', 'PUT', '/state', 200, withPool))
const created = await run(adminRequest('admin', 'POST', '/tenants?id=soak', 201, {}))
if (created.status !== 201 || (await putPool()).status !== 200) throw new Error(`cannot set up the soak data: ${created.text}`)
let cursor = 0
let inFlightSuccesses = 0
let refill: Promise<void> | undefined

async function success(): Promise<void> {
  while (cursor >= POOL_LICENSES * POOL_DEVICES) {
    refill ??= (async () => {
      while (inFlightSuccesses > 0) await new Promise((resolve) => setTimeout(resolve, 5))
      await putPool()
      tenantResets += 1
      cursor = 0
      refill = undefined
    })()
    await refill
  }
  const n = cursor++
  inFlightSuccesses += 1
  const body = JSON.stringify({ hardware_id: `soak-device-${n % POOL_DEVICES}`, product: 'soak', license_key: `SOAK-${Math.floor(n / POOL_DEVICES)}` })
  const outcome = await run({ kind: 'success', method: 'POST', path: DEACTIVATE, headers: signed(SOAK), body, expect: { status: 200, code: 'license_deactivated' } })
  inFlightSuccesses -= 1
  if (outcome.status === 200) successes += 1
}

// ---------------------------------------------------------------------------------------------
// Admin calls: reads, fault cycles (error, delay, network reset) and the clock of the soak tenant.

let faultSequence = 0
async function adminCall(): Promise<void> {
  const pick = Math.floor(Math.random() * 9)
  if (pick === 0) await run(adminRequest('admin', 'GET', '/health', 200))
  else if (pick === 1) await run(adminRequest('admin', 'GET', '/requests?limit=50&code=device_not_found', 200))
  else if (pick === 2) await run(adminRequest('admin', 'GET', '/state', 200))
  else if (pick === 3) await run(adminRequest('admin', 'GET', '/tenants', 200))
  else if (pick === 4) await run(adminRequest('admin', 'GET', '/faults', 200))
  else if (pick === 5) {
    await run(adminRequest('admin', 'PUT', '/clock?tenant=soak', 200, { advance: '1h' }))
    await run(adminRequest('admin', 'GET', '/clock?tenant=soak', 200))
    await run(adminRequest('admin', 'PUT', '/clock?tenant=soak', 200, { real: true }))
  } else {
    // A fault on a hardware_id nobody else uses: add it, trigger it once, see it gone.
    const hardware = `soak-fault-${++faultSequence}`
    const code = DEACTIVATION_CODES[Math.floor(Math.random() * DEACTIVATION_CODES.length)]
    const variants = [
      { spec: { match: { hardware_id: hardware }, error: code, times: 1 }, expect: { status: ERRORS[code].status, code } },
      { spec: { match: { hardware_id: hardware }, delay_ms: 20, times: 1 }, expect: { status: 400, code: 'device_not_found' } },
      { spec: { match: { hardware_id: hardware }, network: 'reset', times: 1 }, expect: { clientError: 'ECONNRESET' } },
    ] as const
    const variant = variants[pick - 6]
    const added = await run(adminRequest('fault', 'POST', '/faults', 201, variant.spec))
    if (added.status !== 201) return
    await run({ kind: 'fault', method: 'POST', path: DEACTIVATE, headers: signed(), body: keyBody('DEMO-OK-0001', hardware), expect: variant.expect, forced: ERRORS[code].status >= 500 })
    // Fired once, so gone: removing it again is a 404.
    const id = (JSON.parse(added.text) as { id: string }).id
    await run(adminRequest('fault', 'DELETE', `/faults/${id}`, 404))
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile load: what a careless or malicious client, or a web page, sends.

const FLOOD = `[${Array.from({ length: 21_845 }, () => '{}').join(',')}]`
const BIG_STRING = JSON.stringify('x'.repeat(64 * 1024 - 2))
const HOSTILE: (() => Planned)[] = [
  // 64 KiB of [{},{},…] without authorization: kept in the journal as its first characters only.
  () => api('hostile', 'missing_headers', { 'content-type': 'application/json' }, FLOOD),
  // 64 KiB of one string, signed: kept whole, within the journal's byte budget.
  () => api('hostile', 'validation_error', signed(), BIG_STRING),
  // A page's no-preflight POST to the admin API.
  () => ({ ...adminRequest('hostile', 'POST', '/faults', 403, undefined), headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '{"network":"reset"}', expect: { status: 403, code: 'admin_forbidden_origin' } }),
  () => ({ ...adminRequest('hostile', 'GET', '/state', 421), headers: { host: 'rebound.evil.example:4010' }, expect: { status: 421, code: 'host_not_allowed' } }),
  () => adminRequest('hostile', 'PUT', '/clock?tenant=soak', 400, { advance: '9999999999d' }),
  () => ({ ...adminRequest('hostile', 'POST', '/faults?tenant=soak', 400, undefined), headers: { 'content-type': 'application/json' }, body: '{"error":"license_expired","error":"blacklisted"}' }),
]

async function hostileCall(): Promise<void> {
  await run(HOSTILE[Math.floor(Math.random() * HOSTILE.length)]())
}

/** Now and then a client pipelines deactivations into a socket it never reads, for a few seconds. */
async function pipeliningHog(): Promise<void> {
  const { hostname, port } = new URL(url)
  const body = keyBody('DEMO-OK-0001', 'nobody-reads-this')
  const chunk = `POST ${DEACTIVATE} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`.repeat(200)
  while (Date.now() < deadline - 5_000) {
    const socket = connect(Number(port), hostname)
    socket.on('error', () => {})
    socket.pause()
    await new Promise((resolve) => socket.once('connect', resolve))
    const until = Date.now() + 3_000
    while (Date.now() < until && !socket.destroyed) {
      if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    socket.destroy()
    bump(byKind, 'hostile pipelining')
    await new Promise((resolve) => setTimeout(resolve, 7_000))
  }
}

async function errorCall(): Promise<void> {
  // Now and then, the same code through Prefer instead of state.
  const code = REGULAR_CODES[Math.floor(Math.random() * REGULAR_CODES.length)]
  if (Math.random() < 0.1 && DEACTIVATION_CODES.includes(code)) {
    await run(api('prefer', code, { ...signed(), prefer: `code=${ERRORS[code].status}, example=${code}` }, keyBody('DEMO-OK-0001'), { forced: ERRORS[code].status >= 500 }))
  } else {
    await run(ERROR_REQUESTS[code]())
  }
}

// ---------------------------------------------------------------------------------------------
// The run.

const rssStart = rssMiB(child.pid!)
const startedAt = Date.now()
const deadline = startedAt + durationMs
let done = 0
const samples: { at: number; rss: number }[] = []
const progress = setInterval(() => {
  const elapsed = (Date.now() - startedAt) / 1000
  samples.push({ at: elapsed, rss: rss(child.pid!) })
  process.stdout.write(`  ${elapsed.toFixed(0)} s: ${latencies.length} requests, ${successes} deactivated, ${unexpectedCount} unexpected, rss ${rssMiB(child.pid!)}\n`)
}, 10_000)
process.stdout.write(`soak: ${values.duration} against ${url}, ${concurrency} clients\n`)

async function worker(): Promise<void> {
  while (Date.now() < deadline) {
    const roll = Math.random() * 100
    if (roll < 40) await success()
    else if (roll < 84) await errorCall()
    else if (roll < 92) await hostileCall()
    else if (roll < 99.9) await adminCall()
    else await run(ERROR_REQUESTS.payload_too_large())
    done += 1
  }
}
await Promise.all([...Array.from({ length: concurrency }, worker), pipeliningHog()])
clearInterval(progress)
const elapsedS = (Date.now() - startedAt) / 1000

// The journal keeps at most its size.
// The journal keeps at most its size, and lists it page by page.
let journalEntries = 0
let journalPages = 0
for (let path: string | undefined = '/__admin/requests?limit=1000'; path; journalPages++) {
  const page = await send({ kind: 'admin', method: 'GET', path, headers: {}, expect: { status: 200 } })
  if (page.status !== 200) {
    note(`journal page ${path}: ${page.status} ${page.text.slice(0, 120)}`)
    break
  }
  const { requests, next } = JSON.parse(page.text) as { requests: unknown[]; next?: string }
  journalEntries += requests.length
  path = next
}
if (journalEntries > 10_000) note(`journal holds ${journalEntries} entries, more than its size 10000`)
// Flat memory: after the first fifth of the run (warm-up), the last quarter's peak is no more
// than 64 MiB above the peak before it.
const warm = samples.filter((sample) => sample.at >= durationMs / 1000 / 5)
const lastQuarter = warm.filter((sample) => sample.at >= (durationMs / 1000) * 0.75)
const middle = warm.filter((sample) => sample.at < (durationMs / 1000) * 0.75)
const peak = (list: { rss: number }[]) => Math.max(...list.map((sample) => sample.rss))
const rssFlat = middle.length === 0 || lastQuarter.length === 0 || peak(lastQuarter) <= peak(middle) + 64
if (!rssFlat) note(`server RSS kept growing: peak ${peak(middle).toFixed(0)} MiB before the last quarter, ${peak(lastQuarter).toFixed(0)} MiB in it`)
const rssEnd = rssMiB(child.pid!)
agent.destroy()
child.kill('SIGTERM')
const exitCode = await exited
if (exitCode !== 0) note(`the server exited ${exitCode} on SIGTERM`)
if (stderr.trim() !== '') note(`the server wrote to stderr: ${stderr.trim().slice(0, 300)}`)
rmSync(stateDir, { recursive: true, force: true })

// ---------------------------------------------------------------------------------------------
// Summary.

const sorted = [...latencies].sort((a, b) => a - b)
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const rows: [string, string][] = [
  ['duration', `${elapsedS.toFixed(1)} s, ${concurrency} clients`],
  ['requests', `${latencies.length} (${(latencies.length / elapsedS).toFixed(0)}/s)`],
  ['latency p50 / p95 / p99 / max', `${percentile(50).toFixed(2)} / ${percentile(95).toFixed(2)} / ${percentile(99).toFixed(2)} / ${(sorted.at(-1) ?? 0).toFixed(2)} ms`],
  ['deactivations (200)', `${successes} (the pool put back ${tenantResets} times)`],
  ['5xx nobody asked for', String(unforced5xx)],
  ['5xx forced by Prefer / fault', String(forced5xx)],
  ['unexpected answers', String(unexpectedCount)],
  ['client errors by kind', clientErrors.size === 0 ? 'none' : [...clientErrors].map(([kind, n]) => `${kind} ${n}`).join(', ')],
  ['journal entries at end', `${journalEntries} (${journalPages} pages)`],
  ['server RSS start / end', `${rssStart} / ${rssEnd}`],
  ['server RSS every 10 s (MiB)', samples.map((sample) => sample.rss.toFixed(0)).join(' ')],
  ['RSS flat after warm-up', rssFlat ? 'yes' : 'NO'],
  ['server exit on SIGTERM', String(exitCode)],
]
const width = Math.max(...rows.map(([name]) => name.length))
process.stdout.write('\nsummary\n')
for (const [name, value] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${value}\n`)
process.stdout.write('\nrequests by kind\n')
for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${kind.padEnd(width)}  ${n}\n`)
process.stdout.write('\nresponses by code\n')
for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${code.padEnd(width)}  ${n}\n`)
const unseen = ERROR_CODES.filter((code) => !byCode.has(code))
process.stdout.write(`\nerror codes not seen: ${unseen.length === 0 ? 'none' : unseen.join(', ')}\n`)
if (unexpected.length > 0) {
  process.stdout.write('\nfirst unexpected answers\n')
  for (const line of unexpected) process.stdout.write(`  ${line}\n`)
}
const failed = unforced5xx > 0 || unexpectedCount > 0 || clientErrors.size > 0
process.stdout.write(`\n${failed ? 'FAILED' : 'ok'}\n`)
process.exit(failed ? 1 : 0)
