// What this package is, in one sentence that `--help` prints and package.json's description
// repeats (a test keeps the two, and the spec's endpoints, in step). A new endpoint family is one
// more entry here.

/** Each endpoint under /api/v4 of the spec, and the family `--help` names it by. */
export const ENDPOINT_FAMILIES: Readonly<Record<string, string>> = {
  '/api/v4/activate_license': 'activation',
  '/api/v4/check_license': 'check',
  '/api/v4/deactivate_license': 'deactivation',
}

/** `activation, check, deactivation`: each family once, in the order of the table. */
export const FAMILY_LIST = [...new Set(Object.values(ENDPOINT_FAMILIES))].join(', ')

export const SUMMARY = `A stateful test double of LicenseSpring's License API (${FAMILY_LIST})`
