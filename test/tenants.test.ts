// Tenant credentials never overlap, and faults match usernames as the license lookup does.
import { describe, expect, test } from 'vitest'
import { createEngine } from '../src/core/engine.ts'
import { createFaults } from '../src/core/faults.ts'
import { resolveSeed } from '../src/seed-file.ts'

const seedWith = (apiKey: string, bearer: string) => ({ credentials: [{ api_key: apiKey, shared_key: 's', bearer_token: bearer }] })

describe('tenant credentials', () => {
  test('a second tenant cannot take a bearer token another tenant answers to', async () => {
    const engine = await createEngine({ seed: resolveSeed(seedWith('key-a', 'token-shared')) })
    const second = await engine.createTenant(seedWith('key-b', 'token-shared'))
    expect(second).toMatchObject({ ok: false, error: { status: 409 } })
    expect(engine.tenants().map((tenant) => tenant.id)).toEqual(['default'])
  })

  test('replacing a tenant state with another tenant bearer token is refused and changes nothing', async () => {
    const engine = await createEngine({ seed: resolveSeed(seedWith('key-a', 'token-a')) })
    const created = await engine.createTenant(seedWith('key-b', 'token-b'))
    if (!created.ok) throw new Error(created.error.message)
    const replaced = await engine.replaceState(created.value.tenant, seedWith('key-b', 'token-a'))
    expect(replaced).toMatchObject({ ok: false, error: { status: 409 } })
    expect(engine.tenant(created.value.tenant)!.store.credentials()[0].bearer_token).toBe('token-b')
  })
})

describe('fault matching', () => {
  test('username matches case-insensitively; other fields exactly', () => {
    const faults = createFaults()
    faults.add({ match: { username: 'Alice@Example.com' }, error: 'license_expired' })
    faults.add({ match: { license_key: 'KEY-A' }, error: 'blacklisted' })
    expect(faults.take({ username: 'alice@example.com' })?.error).toBe('license_expired')
    expect(faults.take({ license_key: 'key-a' })).toBeUndefined()
    expect(faults.take({ license_key: 'KEY-A' })?.error).toBe('blacklisted')
  })
})
