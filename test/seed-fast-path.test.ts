// validateSeed has a fast path for large seeds and falls back to zod for anything it does not
// accept. Both must give the same answer: the same seed (same keys, same order, same values) or
// the same issues. A seed wrapped in a class instance never takes the fast path (it wants plain
// objects), while zod reads it like the plain object it wraps: that is the reference.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { COMPILED_FROM, isLargeSeed, parseSeedText, validateSeed, type SeedResult } from '../src/core/seed.ts'
import { DEMO_SEED } from '../src/seed-file.ts'

class Box {}
/** The same seed, but only zod will read it. */
const viaZod = (input: unknown): unknown =>
  typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.assign(new Box(), input) : input

function expectSame(input: unknown) {
  const fast = validateSeed(input, { compiled: true })
  const reference = validateSeed(viaZod(input))
  expect(fast).toStrictEqual(reference)
  // Key order too (toStrictEqual ignores it).
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference))
}

const ok = (result: SeedResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.seed
}

describe('the fast path of validateSeed agrees with zod', () => {
  test('the reference really goes through zod', () => {
    expect(validateSeed(viaZod({ licenses: 'no' }))).toMatchObject({ ok: false })
    expect(ok(validateSeed(viaZod({})))).toEqual({ credentials: [], products: [], licenses: [], sso: [] })
  })

  test('the demo seed', () => {
    expectSame(parse(readFileSync(DEMO_SEED, 'utf8')))
  })

  test('parseSeedText of JSON gives what validateSeed gives', () => {
    const input = parse(readFileSync(DEMO_SEED, 'utf8'))
    expect(parseSeedText(JSON.stringify(input))).toStrictEqual(validateSeed(viaZod(input)))
  })

  test('a full license, every optional field given', () => {
    expectSame({
      credentials: [{ api_key: 'k', shared_key: 's', revoked: false, read_only: true, products: ['p'], bearer_token: 't' }],
      products: [{ short_code: 'p', name: 'P', authorization_method: 'license-key' }, { short_code: 'u', authorization_method: 'user' }],
      licenses: [
        {
          id: 7,
          product: 'u',
          license_key: 'K',
          license_type: 'consumption',
          enabled: false,
          start_date: '2020-01-01',
          validity_period: '2030-01-01T00:00:00+02:00',
          max_activations: 3,
          allow_unlimited_activations: true,
          times_activated: 2,
          prevent_vm: true,
          max_transfers: 4,
          transfer_count: 1,
          prevent_transfers: true,
          is_floating: true,
          is_floating_cloud: true,
          floating_users: 2,
          max_consumptions: 10,
          total_consumptions: -3,
          allow_unlimited_consumptions: true,
          allow_negative_consumptions: true,
          allow_overages: true,
          max_overages: 5,
          users: [{ email: 'a@x', password: 'pw', max_activations: 1, allow_unlimited_activations: true, total_activations: 0 }],
          devices: [
            {
              hardware_id: 'h',
              active: false,
              blacklisted: true,
              is_vm: true,
              user: 'a@x',
              floating_in_use: false,
              time_activated: '2024-01-01T00:00:00Z',
              time_deactivated: '2024-02-01 10:00',
              fault: 'license_device_exists',
            },
          ],
          fault: 'license_expired',
        },
      ],
      sso: [{ customer_account_code: 'c', id_token: 'i', code: 'o', user: 'a@x' }],
    })
  })

  test.each([
    ['null where a default is', { licenses: [{ product: 'p', license_key: 'K', enabled: null }] }],
    ['explicit undefined', { licenses: [{ product: 'p', license_key: 'K', fault: undefined }] }],
    ['an unknown key', { licenses: [{ product: 'p', license_key: 'K', licence_key: 'K' }] }],
    ['a date that does not exist', { licenses: [{ product: 'p', license_key: 'K', validity_period: '2030-02-30' }] }],
    ['an unsafe integer', { licenses: [{ product: 'p', license_key: 'K', max_activations: 2 ** 53 }] }],
    ['a fraction', { licenses: [{ product: 'p', license_key: 'K', total_consumptions: 1.5 }] }],
    ['id 0', { licenses: [{ id: 0, product: 'p', license_key: 'K' }] }],
    ['an empty hardware_id', { licenses: [{ product: 'p', license_key: 'K', devices: [{ hardware_id: '' }] }] }],
    ['a long api key', { credentials: [{ api_key: 'k'.repeat(257), shared_key: 's' }] }],
    ['an sso identity without a grant', { sso: [{ customer_account_code: 'c', user: 'a@x' }] }],
    ['a license that is an array', { licenses: [[]] }],
    ['licenses that are an object', { licenses: {} }],
    ['a root that is an array', []],
    ['a root that is null', null],
  ])('%s', (_name, input) => {
    expectSame(input)
  })

  test('generated seeds, valid and invalid', () => {
    // Consistent seeds (so that most pass the cross-checks too and the seeds themselves are
    // compared), each field sometimes absent, and now and then replaced by something invalid.
    const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean(), fc.constant('x'), fc.constant(''), fc.constant([]), fc.constant({}), fc.double())
    const field = <T>(value: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 150, arbitrary: value }, { weight: 1, arbitrary: junk }), { nil: undefined, freq: 3 })
    const instant = fc.oneof({ weight: 30, arbitrary: fc.constantFrom('2020-01-01', '2030-12-31T23:59:59Z', '2024-02-29 10:00', '2030-01-01T00:00:00.5+01:00') }, { weight: 1, arbitrary: fc.constant('2023-02-29') })
    const count = fc.oneof({ weight: 100, arbitrary: fc.nat(5) }, { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 53, 1.5) })
    const bool = fc.boolean()
    const fault = fc.constantFrom('license_expired', 'blacklisted', 'license_device_exists')
    const deviceFields = fc.record({
      active: field(bool),
      blacklisted: field(bool),
      is_vm: field(bool),
      floating_in_use: field(bool),
      time_activated: field(instant),
      time_deactivated: field(instant),
      fault: field(fault),
      withUser: bool,
    })
    const licenseFields = fc.record({
      withId: bool,
      user: bool,
      license_type: field(fc.constantFrom('perpetual', 'time-limited', 'subscription', 'consumption')),
      enabled: field(bool),
      start_date: field(fc.oneof(instant, fc.constant(null))),
      validity_period: field(fc.oneof(instant, fc.constant(null))),
      max_activations: field(count),
      allow_unlimited_activations: field(bool),
      times_activated: field(count),
      prevent_vm: field(bool),
      max_transfers: field(count),
      transfer_count: field(count),
      prevent_transfers: field(bool),
      is_floating: field(bool),
      is_floating_cloud: field(bool),
      floating_users: field(count),
      max_consumptions: field(count),
      total_consumptions: field(fc.integer({ min: -5, max: 5 })),
      allow_unlimited_consumptions: field(bool),
      allow_negative_consumptions: field(bool),
      allow_overages: field(bool),
      max_overages: field(count),
      fault: field(fault),
      password: field(fc.string({ maxLength: 3 })),
      userMax: field(count),
      userUnlimited: field(bool),
      userTotal: field(count),
      devices: fc.array(deviceFields, { maxLength: 3 }),
      unknownKey: fc.nat(49).map((n) => n === 0),
    })
    const seedFields = fc.record({
      licenses: fc.array(licenseFields, { maxLength: 4 }),
      name: field(fc.string({ maxLength: 3 })),
      method: field(fc.constantFrom('license-key', 'user')),
      revoked: field(bool),
      read_only: field(bool),
      products: field(fc.constant(['p'])),
      bearer: field(fc.constant('token')),
      sso: fc.constantFrom('none', 'id_token', 'code', 'both'),
    })
    const defined = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined))
    const build = (f: typeof seedFields extends fc.Arbitrary<infer T> ? T : never) => {
      const licenses = f.licenses.map((l, i) => {
        const email = `user${i}@example.com`
        const { withId, user, password, userMax, userUnlimited, userTotal, devices, unknownKey, ...fields } = l
        return defined({
          ...(withId ? { id: 1 + i * 7 } : {}),
          product: user ? 'u' : 'p',
          ...(user ? {} : { license_key: `KEY-${i}` }),
          ...fields,
          ...(user ? { users: [defined({ email, password, max_activations: userMax, allow_unlimited_activations: userUnlimited, total_activations: userTotal })] } : {}),
          devices: devices.map(({ withUser, ...device }, j) => defined({ hardware_id: `hw-${j}`, ...device, ...(user && withUser ? { user: email } : {}) })),
          ...(unknownKey ? { licence_key: 'typo' } : {}),
        })
      })
      const firstUser = f.licenses.findIndex((l) => l.user)
      return defined({
        credentials: [defined({ api_key: 'key', shared_key: 'shared', revoked: f.revoked, read_only: f.read_only, products: f.products, bearer_token: f.bearer })],
        products: [defined({ short_code: 'p', name: f.name, authorization_method: 'license-key' }), defined({ short_code: 'u', authorization_method: f.method === undefined ? 'user' : f.method })],
        licenses,
        ...(f.sso === 'none' || firstUser === -1
          ? {}
          : { sso: [defined({ customer_account_code: 'acc', id_token: f.sso === 'code' ? undefined : 'tok', code: f.sso === 'id_token' ? undefined : 'cod', user: `user${firstUser}@example.com` })] }),
      })
    }
    let valid = 0
    let invalid = 0
    fc.assert(
      fc.property(seedFields, (fields) => {
        const input = build(fields)
        expectSame(input)
        if (validateSeed(input).ok) valid++
        else invalid++
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    )
    // Both outcomes are reached often (about half each), so valid seeds are compared too, not only
    // error paths. A fifth is far below what any run draws, so the check does not flake.
    const runs = valid + invalid
    expect(invalid).toBeGreaterThan(runs / 5)
    expect(valid).toBeGreaterThan(runs / 5)
  })

  test.each([true, false])('does not change its input (compiled: %s)', (compiled) => {
    const input = { licenses: [{ product: 'p', license_key: 'K', devices: [{ hardware_id: 'h' }] }], products: [{ short_code: 'p' }] }
    const before = JSON.stringify(input)
    const seed = ok(validateSeed(input, { compiled }))
    expect(JSON.stringify(input)).toBe(before)
    expect(seed.licenses[0]).not.toBe(input.licenses[0])
    expect(seed.licenses[0].devices[0]).not.toBe(input.licenses[0].devices[0])
  })

  test(`seeds of ${COMPILED_FROM} licenses and more take the compiled path, smaller ones zod`, () => {
    const seedOf = (count: number) => ({ products: [{ short_code: 'p' }], licenses: Array.from({ length: count }, (_, i) => ({ product: 'p', license_key: `K-${i}` })) })
    expect([isLargeSeed(seedOf(COMPILED_FROM)), isLargeSeed(seedOf(COMPILED_FROM - 1)), isLargeSeed({ licenses: 'many' }), isLargeSeed(null)]).toEqual([true, false, false, false])
    expectSame(seedOf(COMPILED_FROM))
  })
})
