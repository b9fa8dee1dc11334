// Files that ship with the package, found from this module's own location, never from the
// working directory: the sources (src/), the compiled API (dist/) and the CLI bundle
// (dist/licensespring-mock.mjs) all sit one level below the package root.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The demo seed (`scenarios/seeds/demo.yaml` in the package) as a file URL. */
export const DEMO_SEED = new URL('../scenarios/seeds/demo.yaml', import.meta.url)

/** Absolute path of the demo seed: what `serve` and `createLicenseMock()` load when given no seed. */
export const demoSeedPath = fileURLToPath(DEMO_SEED)

/**
 * Absolute path of the demo seed's signing key (`scenarios/seeds/demo-signing-key.pem`): public on
 * purpose, like the demo seed's api keys. Whatever serves the demo seed signs with it unless given a
 * key of its own, so an SDK configured once with its public key verifies every demo server's answers,
 * and a server starts without generating a key pair (0.1–0.7 s of RSA-2048 prime search).
 */
export const demoSigningKeyPath = fileURLToPath(new URL('../scenarios/seeds/demo-signing-key.pem', import.meta.url))

/** The demo signing key, PEM. */
export const demoSigningKey = (): string => readFileSync(demoSigningKeyPath, 'utf8')

/**
 * Absolute path of the scenarios folder that ships with the package (`scenarios/`: one file per
 * rule, plus flows; seeds/ inside it holds the seeds they use), e.g. `runScenarios(shippedScenariosPath)`.
 */
export const shippedScenariosPath = fileURLToPath(new URL('../scenarios/', import.meta.url))
