// The demo seed's credentials, named once for every suite (scenarios/seeds/demo.yaml).
import { fileURLToPath } from 'node:url'
import { DEMO_SEED } from '../../src/seed-file.ts'

/** The demo seed's key-based credential: api key and shared key. */
export const DEMO: Readonly<{ apiKey: string; sharedKey: string }> = { apiKey: 'demo-api-key', sharedKey: 'demo-shared-key' }
/** The demo seed's file on disk, for servers started with `--seed`. */
export const DEMO_SEED_FILE = fileURLToPath(DEMO_SEED)
/** The demo seed's fixed bearer token (credential demo-oauth-client). */
export const DEMO_BEARER = 'demo-bearer-token'
