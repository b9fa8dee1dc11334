// Generated seeds for the benchmarks: one key-based product, `licenses` licenses with `devices`
// active devices each. License i has key BENCH-<i>; its devices are hw-<i>-<d>.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SeedInput } from '../../src/core/seed.ts'

export const BENCH_API_KEY = 'bench-api-key'
export const BENCH_SHARED_KEY = 'bench-shared-key'
export const BENCH_PRODUCT = 'bench'

export const licenseKey = (i: number) => `BENCH-${String(i).padStart(6, '0')}`
export const hardwareId = (i: number, d: number) => `hw-${i}-${d}`

export function generateSeed(licenses: number, devices: number): SeedInput {
  const seed: SeedInput = {
    credentials: [{ api_key: BENCH_API_KEY, shared_key: BENCH_SHARED_KEY }],
    products: [{ short_code: BENCH_PRODUCT, authorization_method: 'license-key' }],
    licenses: [],
  }
  for (let i = 0; i < licenses; i++) {
    seed.licenses!.push({
      id: 1001 + i,
      product: BENCH_PRODUCT,
      license_key: licenseKey(i),
      license_type: 'perpetual',
      enabled: true,
      validity_period: '2099-12-31',
      max_activations: devices,
      devices: Array.from({ length: devices }, (_, d) => ({ hardware_id: hardwareId(i, d), time_activated: '2025-01-01T10:00:00Z' })),
    })
  }
  return seed
}

/** Writes the seed as JSON; returns the file path. */
export function writeSeed(dir: string, licenses: number, devices: number): string {
  const file = join(dir, `seed-${licenses}x${devices}.json`)
  writeFileSync(file, JSON.stringify(generateSeed(licenses, devices)))
  return file
}

/**
 * The body of the k-th successful deactivation: licenses first (k mod n), then devices, so a
 * run of m < n requests touches m different licenses spread over the whole data set.
 */
export function successBody(k: number, licenses: number): string {
  const i = k % licenses
  const d = Math.floor(k / licenses)
  return `{"hardware_id":"${hardwareId(i, d)}","product":"${BENCH_PRODUCT}","license_key":"${licenseKey(i)}"}`
}

/** A valid request that ends in device_not_found (row 22): every check before it passes. */
export const errorBody = `{"hardware_id":"unknown-device","product":"${BENCH_PRODUCT}","license_key":"${licenseKey(0)}"}`
