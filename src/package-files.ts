// Files that ship with the package, found from this module's own location, never from the
// working directory: the sources (src/), the compiled API (dist/) and the CLI bundle
// (dist/licensespring-mock.mjs) all sit one level below the package root.
import { fileURLToPath } from 'node:url'

/** The demo seed (`scenarios/seeds/demo.yaml` in the package) as a file URL. */
export const DEMO_SEED = new URL('../scenarios/seeds/demo.yaml', import.meta.url)

/** Absolute path of the demo seed: what `serve` and `createLicenseMock()` load when given no seed. */
export const demoSeedPath = fileURLToPath(DEMO_SEED)

/**
 * Absolute path of the scenarios folder that ships with the package (`scenarios/`: one file per
 * rule, plus flows; seeds/ inside it holds the seeds they use), e.g. `runScenarios(shippedScenariosPath)`.
 */
export const shippedScenariosPath = fileURLToPath(new URL('../scenarios/', import.meta.url))
