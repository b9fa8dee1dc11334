// What this package is, in one sentence that `--help` prints and package.json's description
// repeats (a test keeps the two, and the spec's endpoints, in step). The families come from the
// endpoint table: a new endpoint names its family there.
import { ENDPOINTS } from './core/endpoints/index.ts'

/** Each endpoint under /api/v4 of the spec, and the family `--help` names it by. */
export const ENDPOINT_FAMILIES: Readonly<Record<string, string>> = Object.fromEntries(
  ENDPOINTS.filter((endpoint) => endpoint.path.startsWith('/api/v4/')).map((endpoint) => [endpoint.path, endpoint.family]),
)

/** `activation, check, deactivation, …`: each family once, in the order of the table. */
export const FAMILY_LIST = [...new Set(Object.values(ENDPOINT_FAMILIES))].join(', ')

export const SUMMARY = `A stateful test double of LicenseSpring's License API (${FAMILY_LIST})`
