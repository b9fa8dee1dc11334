// Seed files and objects: what a valid seed becomes, and invalid seeds named by path and reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { parseSeedText, validateSeed, type SeedInput, type SeedIssue } from '../src/core/seed.ts'
import { createLicenseMock } from '../src/mock.ts'
import { DEMO_SEED, InvalidSeedError, loadSeedFile, resolveSeed } from '../src/seed-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'seed-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const products: SeedInput['products'] = [
  { short_code: 'p', authorization_method: 'license-key' },
  { short_code: 'u', authorization_method: 'user' },
]
const issuesOf = (input: unknown): SeedIssue[] => {
  const result = validateSeed(input)
  if (result.ok) throw new Error('expected the seed to be refused')
  return result.issues
}
const textIssues = (text: string): SeedIssue[] => {
  const result = parseSeedText(text)
  if (result.ok) throw new Error('expected the seed text to be refused')
  return result.issues
}

describe('a valid seed', () => {
  test('fills the defaults and derives the counters from the devices', () => {
    const result = validateSeed({
      products,
      licenses: [
        {
          product: 'u',
          users: [{ email: 'a@example.com' }],
          devices: [
            { hardware_id: 'hw-1', user: 'a@example.com' },
            { hardware_id: 'hw-2', active: false },
          ],
        },
      ],
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [license] = result.seed.licenses
    expect(license).toMatchObject({ enabled: true, license_type: 'perpetual', max_activations: 1, start_date: null, validity_period: null })
    expect(license.devices[0]).toMatchObject({ active: true, blacklisted: false, is_vm: false })
    expect(result.seed.credentials).toEqual([])
    expect(result.seed.sso).toEqual([])
  })

  test('licenses without an id get ids after the highest given one (at least 1001)', () => {
    const result = validateSeed({
      products,
      licenses: [
        { product: 'p', license_key: 'A' },
        { id: 5000, product: 'p', license_key: 'B' },
        { product: 'p', license_key: 'C' },
      ],
    })
    expect(result.ok && result.seed.licenses.map((license) => license.id)).toEqual([5001, 5000, 5002])
    const small = validateSeed({ products, licenses: [{ product: 'p', license_key: 'A' }] })
    expect(small.ok && small.seed.licenses[0].id).toBe(1001)
  })

  test('an empty document is an empty seed', () => {
    const result = parseSeedText('')
    expect(result).toEqual({ ok: true, seed: { credentials: [], products: [], licenses: [], sso: [] } })
  })

  test('JSON and YAML of the same seed read the same', () => {
    const seed = { products: [{ short_code: 'p' }], licenses: [{ id: 1, product: 'p', license_key: 'K', validity_period: '2030-01-01' }] }
    const yaml = 'products:\n  - short_code: p\nlicenses:\n  - id: 1\n    product: p\n    license_key: K\n    validity_period: 2030-01-01\n'
    expect(parseSeedText(JSON.stringify(seed))).toEqual(parseSeedText(yaml))
    expect(parseSeedText(yaml).ok).toBe(true)
  })

  test('the demo seed loads', () => {
    const seed = loadSeedFile(DEMO_SEED.pathname)
    expect(seed.licenses.length).toBeGreaterThan(15)
    expect(seed.credentials.map((credential) => credential.api_key)).toContain('demo-api-key')
  })
})

describe('an invalid seed names the path and the reason', () => {
  test('a license of an unknown product', () => {
    expect(issuesOf({ products, licenses: [{ product: 'nope', license_key: 'K' }] })).toEqual([
      { path: 'licenses[0].product', message: 'unknown product "nope" (declare it under products)' },
    ])
  })

  test('a credential restricted to an unknown product', () => {
    expect(issuesOf({ products, credentials: [{ api_key: 'k', shared_key: 's', products: ['p', 'nope'] }] })).toEqual([
      { path: 'credentials[0].products[1]', message: 'unknown product "nope"' },
    ])
  })

  test('a duplicate license key of one product', () => {
    expect(
      issuesOf({
        products,
        licenses: [
          { product: 'p', license_key: 'K' },
          { product: 'p', license_key: 'K' },
        ],
      }),
    ).toEqual([{ path: 'licenses[1].license_key', message: 'duplicate license_key "K" for product "p"' }])
  })

  test('duplicate license ids, api keys and short codes', () => {
    expect(
      issuesOf({
        credentials: [
          { api_key: 'k', shared_key: 's' },
          { api_key: 'k', shared_key: 't' },
        ],
        products: [...products!, { short_code: 'p' }],
        licenses: [
          { id: 7, product: 'p', license_key: 'A' },
          { id: 7, product: 'p', license_key: 'B' },
        ],
      }),
    ).toEqual([
      { path: 'products[2].short_code', message: 'duplicate short_code "p"' },
      { path: 'credentials[1].api_key', message: 'duplicate api_key "k"' },
      { path: 'licenses[1].id', message: 'duplicate license id 7' },
    ])
  })

  test('a date that is not ISO 8601', () => {
    const [issue] = issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', validity_period: '31/12/2030' }] })
    expect(issue.path).toBe('licenses[0].validity_period')
    expect(issue.message).toMatch(/ISO 8601/)
  })

  test('a calendar date that does not exist', () => {
    const issues = issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', validity_period: '2030-02-30' }] })
    expect(issues.map((issue) => issue.path)).toEqual(['licenses[0].validity_period'])
  })

  test('a device date that is not ISO 8601', () => {
    const [issue] = issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', devices: [{ hardware_id: 'hw', time_deactivated: 'last week' }] }] })
    expect(issue.path).toBe('licenses[0].devices[0].time_deactivated')
  })

  test('an unknown field (a typo) is named', () => {
    expect(issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', licence_type: 'consumption' }] })).toEqual([
      { path: 'licenses[0]', message: 'Unrecognized key: "licence_type"' },
    ])
    expect(issuesOf({ product: [] })).toEqual([{ path: '', message: 'Unrecognized key: "product"' }])
  })

  test('a fault that is not an error code, on a license and on a device', () => {
    const onLicense = issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', fault: 'license_exploded' }] })
    expect(onLicense.map((issue) => issue.path)).toEqual(['licenses[0].fault'])
    expect(onLicense[0].message).toMatch(/license_activated_max_times/)
    const onDevice = issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', devices: [{ hardware_id: 'hw', fault: 'nope' }] }] })
    expect(onDevice.map((issue) => issue.path)).toEqual(['licenses[0].devices[0].fault'])
  })

  test('a value of the wrong type or range', () => {
    const issues = issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', max_activations: -1, enabled: 'yes' }] })
    expect(issues.map((issue) => issue.path).sort()).toEqual(['licenses[0].enabled', 'licenses[0].max_activations'])
  })

  test('identity the product needs is missing', () => {
    expect(issuesOf({ products, licenses: [{ product: 'p' }, { product: 'u' }] })).toEqual([
      { path: 'licenses[0].license_key', message: 'required: product "p" is key-based' },
      { path: 'licenses[1].users', message: 'required: product "u" is user-based' },
    ])
  })

  test('devices and SSO identities that refer to no user', () => {
    expect(
      issuesOf({
        products,
        licenses: [{ product: 'u', users: [{ email: 'a@example.com' }], devices: [{ hardware_id: 'hw', user: 'b@example.com' }] }],
        sso: [{ customer_account_code: 'acc', id_token: 't', user: 'c@example.com' }],
      }),
    ).toEqual([
      { path: 'licenses[0].devices[0].user', message: '"b@example.com" is not a user of this license' },
      { path: 'sso[0].user', message: '"c@example.com" is not a user of any license' },
    ])
  })

  test('an SSO identity without id_token or code', () => {
    expect(issuesOf({ products, sso: [{ customer_account_code: 'acc', user: 'a@example.com' }] })).toEqual([{ path: 'sso[0]', message: 'needs id_token or code' }])
  })

  test('two active devices with one hardware_id on a license', () => {
    expect(issuesOf({ products, licenses: [{ product: 'p', license_key: 'K', devices: [{ hardware_id: 'hw' }, { hardware_id: 'hw' }] }] })).toEqual([
      { path: 'licenses[0].devices[1].hardware_id', message: 'two active devices with hardware_id "hw"' },
    ])
  })

  test('a YAML syntax error gives the line', () => {
    const issues = textIssues('licenses: [\n  { id: 1, product: p\n')
    expect(issues.length).toBeGreaterThan(0)
    expect(issues[0].path).toBe('')
    expect(issues[0].message).toMatch(/line \d+, column \d+/)
  })

  test('a JSON syntax error gives the line', () => {
    const [issue] = textIssues('{"licenses": [}')
    expect(issue.message).toMatch(/line 1, column \d+/)
  })

  test('a duplicate key in YAML', () => {
    expect(textIssues('licenses: []\nlicenses: []')[0].message).toMatch(/^Map keys must be unique at line 2/)
  })

  test('a duplicate key in JSON is refused as in YAML (no silently dropped data)', () => {
    const issues = textIssues('{"products": [{"short_code": "p"}], "licenses": [{"product": "p", "license_key": "A"}], "licenses": []}')
    expect(issues[0].message).toMatch(/^Map keys must be unique/)
  })

  test('an alias bomb is refused before it expands', () => {
    const bomb = ['a: &a [1,1,1,1,1,1,1,1,1,1]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]']
    expect(textIssues(bomb.join('\n'))[0].message).toMatch(/alias/i)
  })

  test('a document that is not a mapping', () => {
    expect(textIssues('- 1\n- 2')).toEqual([{ path: '', message: 'Invalid input: expected object, received array' }])
  })
})

describe('seed files', () => {
  test('a missing file is named', () => {
    const file = join(dir, 'no-such-seed.yaml')
    expect(() => loadSeedFile(file)).toThrow(InvalidSeedError)
    expect(() => loadSeedFile(file)).toThrow(`Invalid seed ${file}:\n  (root): file not found`)
  })

  test('an invalid file lists each issue under its name', () => {
    const file = join(dir, 'bad.yaml')
    writeFileSync(file, 'products:\n  - short_code: p\nlicenses:\n  - product: q\n    license_key: K\n')
    try {
      loadSeedFile(file)
      throw new Error('expected InvalidSeedError')
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSeedError)
      const invalid = error as InvalidSeedError
      expect(invalid.source).toBe(file)
      expect(invalid.issues).toEqual([{ path: 'licenses[0].product', message: 'unknown product "q" (declare it under products)' }])
      expect(invalid.message).toBe(`Invalid seed ${file}:\n  licenses[0].product: unknown product "q" (declare it under products)`)
    }
  })

  test('a JSON file loads', () => {
    const file = join(dir, 'seed.json')
    writeFileSync(file, JSON.stringify({ products: [{ short_code: 'p' }], licenses: [{ id: 3, product: 'p', license_key: 'K' }] }))
    expect(loadSeedFile(file).licenses.map((license) => license.license_key)).toEqual(['K'])
  })

  test('an invalid seed object is refused by resolveSeed and by createLicenseMock', () => {
    const seed = { products, licenses: [{ product: 'nope', license_key: 'K' }] }
    expect(() => resolveSeed(seed)).toThrow('Invalid seed (object):\n  licenses[0].product: unknown product "nope" (declare it under products)')
    expect(() => createLicenseMock({ seed })).toThrow(InvalidSeedError)
  })
})
