// What reset goes back to is kept compressed (src/core/snapshot.ts): each restore must give the
// seed back exactly (values, key order, absent keys), as fresh objects.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createEngine, DEFAULT_TENANT } from '../src/core/engine.ts'
import { parseSeedText, validateSeed, type Seed, type SeedInput } from '../src/core/seed.ts'
import { snapshotSeed, snapshotSeedText, TEXT_SNAPSHOT_FROM } from '../src/core/snapshot.ts'
import { DEMO_SEED, resolveSeedForEngine } from '../src/seed-file.ts'

const valid = (input: unknown): Seed => {
  const result = validateSeed(input)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.seed
}

/** Same values and the same key order. */
function expectIdentical(actual: Seed, expected: Seed) {
  expect(actual).toStrictEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

/** More licenses than one batch of the snapshot, with users, devices and optional fields. */
const large = (count = 2_345): Seed =>
  valid({
    credentials: [{ api_key: 'k', shared_key: 's', products: ['p', 'u'], bearer_token: 't' }],
    products: [
      { short_code: 'p', name: 'Key-based' },
      { short_code: 'u', authorization_method: 'user' },
    ],
    licenses: Array.from({ length: count }, (_, i) =>
      i % 3 === 0
        ? { product: 'u', users: [{ email: `user${i}@example.com`, max_activations: 2 }], devices: [{ hardware_id: `hw-${i}`, user: `user${i}@example.com` }] }
        : {
            id: i % 3 === 1 ? 50_000 + i : undefined,
            product: 'p',
            license_key: `KEY-${i}`,
            license_type: 'time-limited',
            validity_period: '2030-01-01',
            total_consumptions: -i,
            devices: [{ hardware_id: `hw-${i}`, time_activated: '2025-01-01T10:00:00Z' }, { hardware_id: `old-${i}`, active: false, fault: 'license_expired' }],
          },
    ),
    sso: [{ customer_account_code: 'acc', id_token: 'tok', user: 'user0@example.com' }],
  } satisfies SeedInput)

describe('snapshotSeed', () => {
  test('restores the seed exactly, across batches', () => {
    const seed = large()
    expectIdentical(snapshotSeed(seed).restore(), seed)
  })

  test('keeps what JSON would lose: absent and undefined keys, -0', () => {
    const seed = valid({ products: [{ short_code: 'p' }], licenses: [{ product: 'p', license_key: 'K', total_consumptions: -0 }] })
    const restored = snapshotSeed(seed).restore()
    expect(Object.is(restored.licenses[0].total_consumptions, -0)).toBe(true)
    expect('fault' in restored.licenses[0]).toBe(false)
    const withUndefined = { ...seed, licenses: [{ ...seed.licenses[0], fault: undefined }] }
    expect('fault' in snapshotSeed(withUndefined).restore().licenses[0]).toBe(true)
  })

  test('gives fresh objects, and later changes to the seed do not reach it', () => {
    const seed = large()
    const snapshot = snapshotSeed(seed)
    const first = snapshot.restore()
    expect(first.licenses[1]).not.toBe(seed.licenses[1])
    first.licenses[1].devices[0].active = false
    seed.licenses[2].enabled = false
    const second = snapshot.restore()
    expect(second.licenses[1].devices[0].active).toBe(true)
    expect(second.licenses[2].enabled).toBe(true)
  })
})

describe('snapshotSeedText', () => {
  test('restores what parseSeedText gives, for YAML and JSON', () => {
    const yaml = readFileSync(DEMO_SEED, 'utf8')
    const json = JSON.stringify({ products: [{ short_code: 'p' }], licenses: [{ product: 'p', license_key: 'É-1' }] })
    for (const text of [yaml, json]) {
      const parsed = parseSeedText(text)
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
      expectIdentical(snapshotSeedText(Buffer.from(text)).restore(), parsed.seed)
    }
  })
})

describe('the engine keeps its seeds as snapshots', () => {
  test('tenant.initial is the seed: from a large file by its text, from a small one or an object by its objects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'licensespring-mock-snapshot-'))
    try {
      const file = join(dir, 'large.json')
      writeFileSync(file, JSON.stringify(large(6_000)))
      expect(readFileSync(file).length).toBeGreaterThan(TEXT_SNAPSHOT_FROM)
      const fromLarge = resolveSeedForEngine(file)
      expect(fromLarge.initial).toBeDefined()
      const fromSmall = resolveSeedForEngine(DEMO_SEED.pathname)
      expect(fromSmall.initial).toBeUndefined()
      for (const { seed, initial } of [fromLarge, fromSmall]) {
        const expected = structuredClone(seed)
        for (const options of [{ seed, initial }, { seed: structuredClone(seed) }]) {
          const engine = await createEngine(options)
          expectIdentical(engine.tenant()!.initial, expected)
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('reset goes back to the seed, not to a state PUT since', async () => {
    const seed = large()
    const engine = await createEngine({ seed })
    const replaced = await engine.replaceState(DEFAULT_TENANT, { products: [{ short_code: 'x' }] })
    expect(replaced.ok).toBe(true)
    expect(engine.tenant()!.store.db.licenses.count()).toBe(0)
    await engine.reset()
    expectIdentical(engine.tenant()!.initial, seed)
    expect(engine.tenant()!.store.db.licenses.count()).toBe(seed.licenses.length)
    expect(engine.tenant()!.store.toSeed()).toEqual((await createEngine({ seed: large() })).tenant()!.store.toSeed())
  })

  test('a tenant created without credentials keeps its generated key through a reset', async () => {
    const engine = await createEngine({ seed: valid({}) })
    const created = await engine.createTenant({ products: [{ short_code: 'p' }] })
    if (!created.ok) throw new Error(created.error.message)
    const id = created.value.tenant
    expect((await engine.replaceState(id, { products: [{ short_code: 'q' }] })).ok).toBe(true)
    expect((await engine.resetTenant(id)).ok).toBe(true)
    const [credential] = engine.tenant(id)!.store.credentials()
    expect(credential).toMatchObject({ api_key: created.value.api_key, shared_key: created.value.shared_key })
    const products = engine.tenant(id)!.initial.products
    expect(products).toHaveLength(1)
    expect(products[0]).toMatchObject({ short_code: 'p', authorization_method: 'license-key' })
  })
})
