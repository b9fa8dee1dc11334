// The rule suites' client: the msw adapter in front of a mock, real `fetch` calls signed the way
// LicenseSpring's SDKs sign them, and every response checked against the OpenAPI spec.
import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { ERRORS, type ErrorCode } from '../../src/core/errors.ts'
import type { SeedInput } from '../../src/core/seed.ts'
import { createLicenseMock, type LicenseMock, type LicenseMockOptions } from '../../src/mock.ts'
import { signedRequest, type Answer, type Credentials } from './client.ts'
import { DEMO } from './demo.ts'
export { DEMO }

export const API_ORIGIN = 'https://api.licensespring.com'
export const DEACTIVATE_URL = `${API_ORIGIN}/api/v4/deactivate_license`
/** The demo seed's credentials (scenarios/seeds/demo.yaml). */

export type { Answer, Credentials } from './client.ts'

export interface CallOptions {
  credentials?: Credentials
  /** The Date header (and what is signed); now by default. */
  date?: Date | string
  /** `apiKey` is the Python SDK's spelling. */
  apiKeyName?: 'apikey' | 'apiKey'
  /** A space after each comma of the Authorization header, as in the docs' example. */
  spaces?: boolean
  /** Headers set over the signed ones; `undefined` removes a header. */
  headers?: Record<string, string | undefined>
  /** The body text as sent, instead of `JSON.stringify(body)`. */
  raw?: string
  method?: string
  url?: string
}

/**
 * Sends one request through fetch (intercepted by msw) and validates the response against the
 * spec before returning it, so no test can forget to.
 */
export function send(body: unknown, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(options.url ?? DEACTIVATE_URL)
  return signedRequest({ ...options, origin: url.origin, path: url.pathname, query: url.search.slice(1) || undefined, body })
}

/** The error envelope, exactly: the code's status, the code, this message, and no other keys. */
export function expectError(answer: Answer, code: ErrorCode, message: string | RegExp): void {
  expect({ status: answer.status, code: (answer.body as { code?: unknown }).code }).toEqual({ status: ERRORS[code].status, code })
  expect(Object.keys(answer.body as object).sort()).toEqual(['code', 'message', 'status'])
  const body = answer.body as { status: number; code: string; message: string }
  expect(body.status).toBe(answer.status)
  if (typeof message === 'string') expect(body.message).toBe(message)
  else expect(body.message).toMatch(message)
}

export function expectSuccess(answer: Answer): void {
  expect(answer.status).toBe(200)
  expect(answer.body).toBe('license_deactivated')
}

/**
 * Sends the request and asserts the error and that the state did not change.
 * Returns the answer for further checks.
 */
export async function expectRejected(
  mock: LicenseMock,
  body: unknown,
  code: ErrorCode,
  message: string | RegExp,
  options: CallOptions = {},
): Promise<Answer> {
  const before = await mock.state.get()
  const answer = await send(body, options)
  expectError(answer, code, message)
  expect(await mock.state.get()).toEqual(before)
  return answer
}

/** Key-based request body for the demo product. */
export const keyBody = (license_key: string, hardware_id = 'demo-device-1', extra: Record<string, unknown> = {}) => ({
  hardware_id,
  product: 'demo',
  license_key,
  ...extra,
})

/** User-based request body for the demo-user product. */
export const userBody = (username: string, hardware_id = 'demo-device-1', extra: Record<string, unknown> = {}) => ({
  hardware_id,
  product: 'demo-user',
  username,
  ...extra,
})

type State = Awaited<ReturnType<LicenseMock['state']['get']>>
type LicenseState = NonNullable<State['licenses']>[number]
type DeviceState = NonNullable<LicenseState['devices']>[number]
type UserState = NonNullable<LicenseState['users']>[number]

export function licenseIn(state: State, id: number): LicenseState {
  const license = state.licenses?.find((candidate) => candidate.id === id)
  if (!license) throw new Error(`no license ${id} in the state`)
  return license
}

export function deviceIn(state: State, licenseId: number, hardwareId: string): DeviceState {
  const device = licenseIn(state, licenseId).devices?.find((candidate) => candidate.hardware_id === hardwareId)
  if (!device) throw new Error(`no device ${hardwareId} on license ${licenseId}`)
  return device
}

export function userIn(state: State, licenseId: number, email: string): UserState {
  const user = licenseIn(state, licenseId).users?.find((candidate) => candidate.email === email)
  if (!user) throw new Error(`no user ${email} on license ${licenseId}`)
  return user
}

export interface MockHarness {
  /** The file's mock (demo seed unless told), reset before each test. */
  readonly mock: LicenseMock
  readonly server: SetupServer
  /** A fresh mock over this seed, in front of the file's mock for the current test only. */
  withSeed(seed: SeedInput, options?: Omit<LicenseMockOptions, 'seed'>): Promise<LicenseMock>
}

/**
 * msw's `setupServer(...mock.handlers)` for one test file, `onUnhandledRequest: 'error'`;
 * `mock.reset()` before each test so tests are independent.
 */
export function useLicenseMock(options: LicenseMockOptions = {}): MockHarness {
  const mock = createLicenseMock(options)
  const server = setupServer(...mock.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(async () => {
    await mock.reset()
  })
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return {
    mock,
    server,
    async withSeed(seed, more = {}) {
      const fresh = createLicenseMock({ ...more, seed })
      await fresh.ready
      server.use(...fresh.handlers)
      return fresh
    },
  }
}

/** A small seed to build on: one key-based and one user-based product, the demo credentials. */
export function baseSeed(licenses: NonNullable<SeedInput['licenses']>, more: Partial<SeedInput> = {}): SeedInput {
  return {
    credentials: [{ api_key: DEMO.apiKey, shared_key: DEMO.sharedKey }],
    products: [
      { short_code: 'demo', authorization_method: 'license-key' },
      { short_code: 'demo-user', authorization_method: 'user' },
    ],
    licenses,
    ...more,
  }
}
