// A mock server for clients in other languages: started in this process on a free port with a
// signing key made for the run, its public key written to a file the clients read. Being in this
// process, the server ends with it whatever happens to the run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateSigningKey } from '../../src/core/signing.ts'
import { startMockServer } from '../../src/server.ts'

export interface ServedMock {
  url: string
  /** The PEM public key the answers are signed with. */
  publicKeyFile: string
  /** The demo seed's credentials, which the default tenant holds. */
  apiKey: string
  sharedKey: string
  /** A folder for the run's own files, removed by close(). */
  dir: string
  /** The environment the clients read (LICENSESPRING_MOCK_*). */
  env: Record<string, string>
  reset(): Promise<void>
  close(): Promise<void>
}

export async function serveMock(): Promise<ServedMock> {
  const dir = mkdtempSync(join(tmpdir(), 'licensespring-mock-clients-'))
  // A key of the run's own, as --signing-key gives one: clients get it from a file, not the admin API.
  const server = await startMockServer({ port: 0, signingKey: await generateSigningKey() }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true })
    throw error
  })
  const publicKeyFile = join(dir, 'public-key.pem')
  writeFileSync(publicKeyFile, server.engine.publicKey)
  const apiKey = 'demo-api-key'
  const sharedKey = 'demo-shared-key'
  return {
    url: server.url,
    publicKeyFile,
    apiKey,
    sharedKey,
    dir,
    env: {
      LICENSESPRING_MOCK_URL: server.url,
      LICENSESPRING_MOCK_PUBLIC_KEY_FILE: publicKeyFile,
      LICENSESPRING_MOCK_API_KEY: apiKey,
      LICENSESPRING_MOCK_SHARED_KEY: sharedKey,
    },
    async reset() {
      const response = await fetch(`${server.url}/__admin/reset`, { method: 'POST' })
      if (!response.ok) throw new Error(`POST /__admin/reset answered ${response.status}: ${await response.text()}`)
    },
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
