// The store: lookups by key, user, SSO identity and hardware_id; the state in seed format; and
// the same lookups over 100 000 licenses.
import { describe, expect, test, vi } from 'vitest'
import { validateSeed, type Seed, type SeedInput } from '../src/core/seed.ts'
import { createStore, type Store } from '../src/core/store.ts'
import { loadSeedFile, DEMO_SEED } from '../src/seed-file.ts'

const valid = (input: SeedInput): Seed => {
  const result = validateSeed(input)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.seed
}

const small = valid({
  credentials: [{ api_key: 'k', shared_key: 's', products: ['p'] }],
  products: [
    { short_code: 'p', authorization_method: 'license-key' },
    { short_code: 'u', authorization_method: 'user' },
  ],
  licenses: [
    {
      id: 1,
      product: 'p',
      license_key: 'K-1',
      is_floating: true,
      users: [{ email: 'Owner@Example.com' }],
      devices: [
        { hardware_id: 'hw', active: false, time_deactivated: '2024-01-01T00:00:00Z' },
        { hardware_id: 'hw', user: 'owner@example.com' },
        { hardware_id: 'other' },
      ],
    },
    { id: 2, product: 'u', users: [{ email: 'pat@example.com', password: 'pw' }], devices: [{ hardware_id: 'hw', user: 'pat@example.com' }] },
    { id: 3, product: 'u', users: [{ email: 'pat@example.com' }], times_activated: 9 },
    { id: 4, product: 'p', license_key: 'K-4' },
  ],
  sso: [
    { customer_account_code: 'acc', id_token: 'tok', user: 'PAT@example.com' },
    { customer_account_code: 'acc', code: 'cod', user: 'pat@example.com' },
  ],
})

describe('lookups', () => {
  test('product and license by key, case-sensitive', async () => {
    const store = await createStore(small)
    expect(store.product('p')?.authorization_method).toBe('license-key')
    expect(store.product('P')).toBeUndefined()
    expect(store.licenseByKey('p', 'K-1')?.id).toBe(1)
    expect(store.licenseByKey('p', 'k-1')).toBeUndefined()
    expect(store.licenseByKey('u', 'K-1')).toBeUndefined()
  })

  test('licenses of a user, oldest first, e-mail case-insensitive', async () => {
    const store = await createStore(small)
    expect(store.licensesOfUser('u', 'PAT@example.COM').map((license) => license.id)).toEqual([2, 3])
    expect(store.licensesOfUser('p', 'pat@example.com')).toEqual([])
    expect(store.user(2, 'pat@EXAMPLE.com')?.password).toBe('pw')
    expect(store.user(1, 'pat@example.com')).toBeUndefined()
  })

  test('SSO identities by account and grant', async () => {
    const store = await createStore(small)
    expect(store.ssoUser('acc', { id_token: 'tok' })).toBe('pat@example.com')
    expect(store.ssoUser('acc', { code: 'cod' })).toBe('pat@example.com')
    expect(store.ssoUser('acc', { code: 'tok' })).toBeUndefined()
    expect(store.ssoUser('other', { id_token: 'tok' })).toBeUndefined()
    expect(store.ssoUser('acc', {})).toBeUndefined()
  })

  test('every device row of a hardware_id, active or not', async () => {
    const store = await createStore(small)
    expect(store.devices(1, 'hw').map((device) => device.active)).toEqual([false, true])
    expect(store.devices(1, 'nope')).toEqual([])
    expect(store.devices(2, 'other')).toEqual([])
    expect(store.hasDevices(1)).toBe(true)
    expect(store.hasDevices(4)).toBe(false)
  })

  test('counters follow from the devices unless given', async () => {
    const store = await createStore(small)
    const one = store.licenseByKey('p', 'K-1')!
    expect(one.times_activated).toBe(2)
    expect(one.floating_in_use_devices).toBe(2)
    expect(one.users[0].total_activations).toBe(1)
    expect(store.licensesOfUser('u', 'pat@example.com')[1].times_activated).toBe(9)
  })
})

describe('applyDeactivation', () => {
  test('changes the device, the counters, the slot and the consumptions, and nothing else', async () => {
    const store = await createStore(small)
    const license = store.licenseByKey('p', 'K-1')!
    const device = store.devices(1, 'hw')[1]
    const user = store.user(1, device.user!)!
    const at = new Date('2026-05-05T05:05:05.000Z')
    store.applyDeactivation({ license, device, user, at })
    expect(device).toMatchObject({ active: false, time_deactivated: '2026-05-05T05:05:05.000Z', floating_in_use: false })
    expect(license.times_activated).toBe(1)
    expect(license.floating_in_use_devices).toBe(1)
    expect(user.total_activations).toBe(0)
    expect(store.devices(1, 'other')[0].active).toBe(true)
  })
})

describe('toSeed', () => {
  test('round-trips through validateSeed and createStore', async () => {
    const store = await createStore(small)
    const exported = store.toSeed()
    const again = validateSeed(exported)
    expect(again.ok ? [] : again.issues).toEqual([])
    if (!again.ok) return
    expect((await createStore(again.seed)).toSeed()).toEqual(exported)
  })

  test('the demo seed round-trips', async () => {
    const store = await createStore(loadSeedFile(DEMO_SEED.pathname))
    const again = validateSeed(store.toSeed())
    expect(again.ok ? [] : again.issues).toEqual([])
    if (again.ok) expect((await createStore(again.seed)).toSeed()).toEqual(store.toSeed())
  })

  test('a deactivation survives the round trip', async () => {
    const store = await createStore(small)
    const license = store.licenseByKey('p', 'K-1')!
    store.applyDeactivation({ license, device: store.devices(1, 'other')[0], at: new Date('2026-01-01T00:00:00Z') })
    const again = validateSeed(store.toSeed())
    if (!again.ok) throw new Error(JSON.stringify(again.issues))
    const reloaded = await createStore(again.seed)
    expect(reloaded.devices(1, 'other')[0]).toMatchObject({ active: false, time_deactivated: '2026-01-01T00:00:00.000Z', floating_in_use: false })
    expect(reloaded.licenseByKey('p', 'K-1')!.times_activated).toBe(1)
    expect(reloaded.licenseByKey('p', 'K-1')!.floating_in_use_devices).toBe(1)
  })

  test('is a copy: changing it does not change the store', async () => {
    const store = await createStore(small)
    const exported = store.toSeed()
    exported.licenses![0].devices![1].active = false
    exported.licenses![0].enabled = false
    expect(store.devices(1, 'hw')[1].active).toBe(true)
    expect(store.licenseByKey('p', 'K-1')!.enabled).toBe(true)
  })
})

describe('100 000 licenses', () => {
  const N = 100_000
  const big = (): Seed => {
    const licenses: NonNullable<SeedInput['licenses']> = []
    for (let i = 0; i < N; i++) {
      licenses.push(
        i % 2 === 0
          ? { id: i + 1, product: 'p', license_key: `KEY-${i}`, devices: [{ hardware_id: `hw-${i}` }] }
          : { id: i + 1, product: 'u', users: [{ email: `user${i}@example.com` }], devices: [{ hardware_id: `hw-${i}`, user: `user${i}@example.com` }] },
      )
    }
    return valid({
      products: [
        { short_code: 'p', authorization_method: 'license-key' },
        { short_code: 'u', authorization_method: 'user' },
      ],
      licenses,
    })
  }

  test('lookups return the right records without going through the collections', async () => {
    const store: Store = await createStore(big())
    const scans = (['findFirst', 'findMany', 'all', 'count'] as const).map((method) => vi.spyOn(store.db.licenses, method))
    for (const i of [0, 2, 50_000, 99_998]) {
      const license = store.licenseByKey('p', `KEY-${i}`)
      expect(license?.id).toBe(i + 1)
      expect(store.devices(i + 1, `hw-${i}`).map((device) => device.hardware_id)).toEqual([`hw-${i}`])
    }
    for (const i of [1, 49_999, 99_999]) {
      expect(store.licensesOfUser('u', `user${i}@example.com`).map((license) => license.id)).toEqual([i + 1])
      expect(store.user(i + 1, `user${i}@example.com`)?.total_activations).toBe(1)
    }
    expect(store.licenseByKey('p', 'KEY-1')).toBeUndefined()
    expect(store.licensesOfUser('u', 'user0@example.com')).toEqual([])
    expect(store.devices(1, 'hw-2')).toEqual([])
    for (const spy of scans) expect(spy).not.toHaveBeenCalled()
  })
})
