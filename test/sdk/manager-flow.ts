// An application's whole online licensing lifecycle through the official Node SDK's
// LicenseManager and License, unmodified: what an app written against it does, call by call,
// with the mock's public key so every signature is verified by the SDK's own code. Run over HTTP
// (node-manager.test.ts) and in-process through msw (node-manager-msw.test.ts).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { LicenseManager } from '@licensespring/node-sdk'
import type { SeedInput } from '../../src/index.ts'

export const API_KEY = 'manager-api-key'
export const SHARED_KEY = 'manager-shared-key'

/** Written with the seed field names of the project's design. */
export const MANAGER_SEED: SeedInput = {
  credentials: [{ api_key: API_KEY, shared_key: SHARED_KEY }],
  products: [
    {
      short_code: 'sdk',
      name: 'SDK product',
      allow_trial: true,
      trial_days: 30,
      max_borrow_time: 48,
      floating_timeout: 30,
      metadata: { edition: 'pro' },
      custom_fields: [{ name: 'tier', default_value: 'standard' }],
      features: [
        { code: 'reports', name: 'Reports', feature_type: 'consumption', max_consumption: 10 },
        { code: 'export', name: 'Export' },
        { code: 'seat', name: 'Seat', is_floating_cloud: true, floating_users: 1 },
      ],
      versions: [
        { version: '1.0.0', release_date: '2026-01-01', installation_file: 'https://downloads.example.com/sdk-1.0.0.zip', environment: 'linux', channel: 'stable' },
        { version: '1.1.0', release_date: '2026-06-01', installation_file: 'https://downloads.example.com/sdk-1.1.0.zip', environment: 'linux', channel: 'stable' },
      ],
    },
  ],
  licenses: [
    {
      id: 11,
      product: 'sdk',
      license_key: 'SDK-LIFECYCLE',
      license_type: 'consumption',
      max_consumptions: 100,
      max_activations: 2,
      features: [{ code: 'reports', total_consumptions: 1 }, 'export', 'seat'],
      customer: { email: 'buyer@example.com', company_name: 'Example Ltd' },
    },
    { id: 12, product: 'sdk', license_key: 'SDK-FLOATING', is_floating_cloud: true, floating_users: 1, max_activations: 3 },
  ],
}

export interface FlowTarget {
  /** Base of the License API, e.g. `http://127.0.0.1:4010/api/v4`. */
  apiPath: string
  publicKey: string
  /** The mock's state in seed format (the default tenant's). */
  state(): Promise<SeedInput>
  /** `METHOD path code` of every request the mock answered, oldest first. */
  journal(): string[]
}

type LicenseState = NonNullable<SeedInput['licenses']>[number]
const license = async (target: FlowTarget, id: number): Promise<LicenseState> => (await target.state()).licenses!.find((candidate) => candidate.id === id)!
const device = (state: LicenseState, hardwareId: string) => state.devices!.find((row) => row.hardware_id === hardwareId)!

function managerFor(target: FlowTarget, hardwareID: string, dir: string): LicenseManager {
  return new LicenseManager({
    apiKey: API_KEY,
    sharedKey: SHARED_KEY,
    productCode: 'sdk',
    appName: 'lifecycle-test',
    appVersion: '1.0.0',
    apiPath: target.apiPath,
    publicKey: target.publicKey,
    hardwareID,
    filePath: dir,
    // The default (24 h) turns failed syncs into silent grace periods: here they must surface.
    gracePeriod: 0,
  } as ConstructorParameters<typeof LicenseManager>[0])
}

/** Product details → activation (local file) → local and online checks → consumptions → features → variables → versions → deactivation. */
export async function runLicenseLifecycle(target: FlowTarget): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lsm-manager-'))
  try {
    const manager = managerFor(target, 'machine-a', dir)

    const details = await manager.getProductDetails({ include_latest_version: true, include_custom_fields: true } as never)
    expect(details).toMatchObject({ short_code: 'sdk', allow_trial: true, trial_days: 30, metadata: { edition: 'pro' }, latest_version: { version: '1.1.0' } })

    const activated = await manager.activateLicense({ license_key: 'SDK-LIFECYCLE' } as never)
    expect(activated).toMatchObject({ id: 11, license_type: 'consumption', product_features: expect.arrayContaining([expect.objectContaining({ code: 'reports', max_consumption: 10 })]) })
    expect(existsSync(join(dir, 'License.key'))).toBe(true)

    const local = manager.loadLicense()
    expect(await local.localCheck()).toBe(true)
    expect(await local.check()).toMatchObject({ license_active: true, license_enabled: true, customer: { email: 'buyer@example.com' } })

    local.addLocalConsumption(3)
    expect(await local.syncConsumption()).toBe(true)
    expect((await license(target, 11)).total_consumptions).toBe(3)

    await local.checkFeature('seat')
    expect(device(await license(target, 11), 'machine-a').floating_features).toEqual([expect.objectContaining({ code: 'seat' })])
    local.addLocalFeatureConsumption('reports', 2)
    expect(await local.syncFeatureConsumption(local.featureData('reports') as never)).toBe(true)
    expect((await license(target, 11)).features).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'reports', total_consumptions: 3 })]))
    await local.releaseFeature('seat')
    expect(device(await license(target, 11), 'machine-a').floating_features ?? []).toEqual([])

    local.setDeviceVariablesLocal({ theme: 'dark', launches: 3 })
    // Resolves to nothing on success (false when there is nothing to send).
    expect(await local.setDeviceVariables()).toBeUndefined()
    expect(device(await license(target, 11), 'machine-a').variables).toEqual({ theme: 'dark', launches: '3' })
    await local.getDeviceVariables()
    expect(local.getDeviceVariablesLocal()).toEqual(expect.arrayContaining([expect.objectContaining({ variable: 'theme', value: 'dark' })]))

    expect(await manager.getVersions({ license_key: 'SDK-LIFECYCLE', env: 'linux' } as never)).toEqual([
      { version: '1.0.0', release_date: '2026-01-01T00:00:00.000Z' },
      { version: '1.1.0', release_date: '2026-06-01T00:00:00.000Z' },
    ])
    expect(await manager.getInstallationFile({ license_key: 'SDK-LIFECYCLE', version: '1.0.0' } as never)).toMatchObject({ installation_file: 'https://downloads.example.com/sdk-1.0.0.zip' })

    await local.deactivate()
    expect(device(await license(target, 11), 'machine-a').active).toBe(false)
    await expect(manager.checkLicense({ license_key: 'SDK-LIFECYCLE' } as never)).rejects.toMatchObject({ status: 400, code: 'device_not_found' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A floating cloud license: activation takes the one slot; another machine's check waits for it;
 * a borrow holds it; the release frees it. The manager's floatingRelease sends the release and
 * then throws a RangeError of its own (an SDK bug: it reads a date out of null), so the test reads
 * the release from the mock's state.
 */
export async function runFloatingLifecycle(target: FlowTarget): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lsm-floating-'))
  const other = mkdtempSync(join(tmpdir(), 'lsm-floating-'))
  try {
    const manager = managerFor(target, 'float-a', dir)
    expect(await manager.activateLicense({ license_key: 'SDK-FLOATING' } as never)).toMatchObject({ is_floating_cloud: true, floating_users: 1, floating_in_use_devices: 1 })
    const second = managerFor(target, 'float-b', other)
    await expect(second.activateLicense({ license_key: 'SDK-FLOATING' } as never)).rejects.toMatchObject({ status: 400, code: 'floating_not_available' })

    const until = new Date(Date.now() + 3_600_000).toISOString()
    expect(await manager.floatingBorrow({ license_key: 'SDK-FLOATING', borrowed_until: until } as never)).toMatchObject({ borrowed_until: until, max_borrow_time: 48, license_id: 12 })
    expect(device(await license(target, 12), 'float-a')).toMatchObject({ floating_in_use: true, borrowed_until: until })

    await expect(manager.floatingRelease({ license_key: 'SDK-FLOATING' } as never)).rejects.toThrow(RangeError)
    expect(device(await license(target, 12), 'float-a')).toMatchObject({ floating_in_use: false })
    expect(target.journal()).toContain('POST /api/v4/floating/release floating_released')
    expect(await second.activateLicense({ license_key: 'SDK-FLOATING' } as never)).toMatchObject({ floating_in_use_devices: 1 })
  } finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(other, { recursive: true, force: true })
  }
}

/** A trial for a new machine, activated like any license; the feature borrow of a floating feature. */
export async function runTrialAndFeatureBorrow(target: FlowTarget): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lsm-trial-'))
  try {
    const manager = managerFor(target, 'trial-machine', dir)
    const trial = (await manager.getTrialKey({} as never)) as { license_key?: string; license?: string; is_trial: boolean; trial_days: number }
    expect(trial).toMatchObject({ is_trial: true, trial_days: 30, license_key: expect.stringMatching(/^TRIAL-/) })
    // The same machine gets the same trial back.
    expect(await manager.getTrialKey({} as never)).toMatchObject({ is_trial: true, license: trial.license_key })
    expect(await manager.activateLicense({ license_key: trial.license_key! } as never)).toMatchObject({ is_trial: true, license_type: 'time-limited', times_activated: 1 })
    expect(await manager.loadLicense().localCheck()).toBe(true)

    const until = new Date(Date.now() + 7_200_000).toISOString()
    expect(await manager.featureBorrow({ license_key: trial.license_key!, feature: 'seat', borrowed_until: until } as never)).toMatchObject({ borrowed_until: until })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
