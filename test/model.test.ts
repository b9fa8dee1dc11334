// The in-process model: `mock.db` is the state as @msw/data collections. What requests change is
// seen there at once, and what a test changes there is what the next request sees.
import { describe, expect, test, vi } from 'vitest'
import { expectError, expectSuccess, keyBody, send, useLicenseMock, userBody } from './support/msw.ts'

const { mock } = useLicenseMock()

describe('mock.db', () => {
  test('answers findFirst and findMany with the live records', () => {
    const license = mock.db.licenses.findFirst((q) => q.where({ license_key: 'DEMO-OK-0001' }))
    expect(license).toMatchObject({ id: 1001, product: 'demo', times_activated: 5 })
    expect(mock.db.licenses.findMany((q) => q.where({ product: 'demo-user' })).map((record) => record.id)).toEqual([2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008])
    expect(mock.db.products.findFirst((q) => q.where({ short_code: 'demo-user' }))?.authorization_method).toBe('user')
    expect(mock.db.credentials.count()).toBeGreaterThan(0)
  })

  test('a deactivation is visible in the record right away', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'demo-device-2')))
    const license = mock.db.licenses.findFirst((q) => q.where({ license_key: 'DEMO-OK-0001' }))!
    expect(license.times_activated).toBe(4)
    expect(license.devices.find((device) => device.hardware_id === 'demo-device-2')).toMatchObject({ active: false })
  })

  test('a license disabled with update is refused by the next request', async () => {
    await mock.db.licenses.update((q) => q.where({ license_key: 'DEMO-OK-0001' }), {
      data(license) {
        license.enabled = false
      },
    })
    const answer = await send(keyBody('DEMO-OK-0001'))
    expectError(answer, 'license_not_enabled', 'The license is not enabled')
    expect((await mock.state.get()).licenses?.find((license) => license.id === 1001)?.enabled).toBe(false)
  })

  test('a device added with update can be deactivated; a user given a password must send it', async () => {
    await mock.db.licenses.update((q) => q.where({ license_key: 'DEMO-OK-0001' }), {
      data(license) {
        license.devices.push({ hardware_id: 'added-in-test', active: true, blacklisted: false, is_vm: false, floating_in_use: false })
      },
    })
    expectSuccess(await send(keyBody('DEMO-OK-0001', 'added-in-test')))
    await mock.db.licenses.update((q) => q.where({ id: 2001 }), {
      data(license) {
        license.users[0].password = 'changed'
      },
    })
    expectError(await send(userBody('user@example.com', 'demo-device-1', { password: 'demo-password' })), 'license_not_found', 'License with the provided license user not found')
    expectSuccess(await send(userBody('user@example.com', 'demo-device-1', { password: 'changed' })))
  })

  test('an update that breaks the seed rules is refused and changes nothing', async () => {
    // @msw/data prints the reasons of a refused record before it throws.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const before = await mock.state.get()
    await expect(
      mock.db.licenses.update((q) => q.where({ license_key: 'DEMO-OK-0001' }), {
        data(license) {
          license.max_activations = -1
        },
      }),
    ).rejects.toThrow()
    await expect(
      mock.db.licenses.update((q) => q.where({ license_key: 'DEMO-OK-0001' }), {
        data(license) {
          license.license_key = 'DEMO-DISABLED'
        },
      }),
    ).rejects.toThrow()
    await expect(
      mock.db.licenses.update((q) => q.where({ license_key: 'DEMO-OK-0001' }), {
        data(license) {
          license.id = 1
        },
      }),
    ).rejects.toThrow(/id cannot change/)
    expect(printed.mock.calls.flat(2)).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/max_activations/) })]))
    printed.mockRestore()
    expect(await mock.state.get()).toEqual(before)
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
  })

  test('a license created or deleted through db is found, or not, by the next request', async () => {
    await mock.db.licenses.create({ id: 5000, product: 'demo', license_key: 'MADE-IN-TEST', devices: [{ hardware_id: 'box' }] })
    expectSuccess(await send(keyBody('MADE-IN-TEST', 'box')))
    expect(mock.db.licenses.findFirst((q) => q.where({ id: 5000 }))?.devices[0].active).toBe(false)
    mock.db.licenses.delete((q) => q.where({ license_key: 'DEMO-OK-0001' }))
    expectError(await send(keyBody('DEMO-OK-0001')), 'license_not_found', 'License with the provided license user not found')
    expect((await mock.state.get()).licenses?.some((license) => license.id === 1001)).toBe(false)
  })

  test('a credential created through db signs requests', async () => {
    await mock.db.credentials.create({ api_key: 'made-in-test', shared_key: 'its-shared-key' })
    expectSuccess(await send(keyBody('DEMO-OK-0001'), { credentials: { apiKey: 'made-in-test', sharedKey: 'its-shared-key' } }))
  })

  test('reset puts the seed back, and db shows the new state', async () => {
    expectSuccess(await send(keyBody('DEMO-OK-0001')))
    await mock.reset()
    expect(mock.db.licenses.findFirst((q) => q.where({ license_key: 'DEMO-OK-0001' }))?.times_activated).toBe(5)
  })
})
