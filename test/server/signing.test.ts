// The response signatures through the real HTTP server (and once through the msw adapter):
// v1 (`license_signature`, over lowercase(hardware_id#id#validity_period)) and v2 (the
// `LicenseSignature` header, over the body bytes) verify with the key GET /__admin/public-key
// publishes, and with no other key.
import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { SeedInput } from '../../src/core/seed.ts'
import { signedHeaders } from '../../src/core/signature.ts'
import { generateSigningKey, SigningKeyError } from '../../src/core/signing.ts'
import type { CheckLicenseResponse, LicenseObject } from '../../src/core/types.ts'
import { createLicenseMock } from '../../src/mock.ts'
import { demoSeedPath, demoSigningKeyPath } from '../../src/package-files.ts'
import { startMockServer } from '../../src/server.ts'
import { assertConformsToSpec } from '../support/spec.ts'
import { admin, DEMO, startServer } from './support.ts'

const ACTIVATE = '/api/v4/activate_license'
const CHECK = '/api/v4/check_license'
const DEACTIVATE = '/api/v4/deactivate_license'

/** A product name outside ASCII, so that the body's bytes and its characters differ in number. */
const PRODUCT_NAME = 'Prodükt ✓ «ünïcode» 日本'

const SEED: SeedInput = {
  credentials: [{ api_key: DEMO.apiKey, shared_key: DEMO.sharedKey }],
  products: [
    { short_code: 'demo', name: PRODUCT_NAME, authorization_method: 'license-key' },
    { short_code: 'demo-user', authorization_method: 'user' },
  ],
  licenses: [
    { id: 1, product: 'demo', license_key: 'Key-One', max_activations: 10, devices: [{ hardware_id: 'hw-1' }] },
    { id: 2, product: 'demo', license_key: 'TIMED', license_type: 'time-limited', validity_period: '2099-06-30', max_activations: 2, devices: [{ hardware_id: 'hw-t' }] },
    { id: 3, product: 'demo', license_key: 'NOZONE', license_type: 'time-limited', validity_period: '2099-06-30T12:00:00', devices: [{ hardware_id: 'hw-z' }] },
    { id: 4, product: 'demo-user', users: [{ email: 'Dev@Example.com', password: 'pw' }] },
  ],
}

interface Wire {
  status: number
  headers: Headers
  /** The body exactly as received. */
  bytes: Buffer
  text: string
  body: unknown
}

/** One signed License API call; the answer is checked against the spec of its operation, required headers included. */
async function api(base: string, method: 'GET' | 'POST', path: string, payload: Record<string, string | boolean | number>): Promise<Wire> {
  const signed = signedHeaders(DEMO)
  const headers: Record<string, string> = { date: signed.Date, authorization: signed.Authorization }
  let url = `${base}${path}`
  let body: string | undefined
  if (method === 'GET') url += `?${new URLSearchParams(Object.entries(payload).map(([name, value]): [string, string] => [name, String(value)])).toString()}`
  else {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(payload)
  }
  const response = await fetch(url, { method, headers, body })
  const bytes = Buffer.from(await response.arrayBuffer())
  const text = bytes.toString('utf8')
  assertConformsToSpec(response.status, text, path, method.toLowerCase(), Object.fromEntries(response.headers))
  return { status: response.status, headers: response.headers, bytes, text, body: JSON.parse(text) as unknown }
}

const verifies = (publicKey: string, data: string | Buffer, signature: string) =>
  verify('RSA-SHA256', typeof data === 'string' ? Buffer.from(data, 'utf8') : data, publicKey, Buffer.from(signature, 'base64'))

/** The two signatures of a signed answer. */
function signaturesOf(answer: Wire): { v1: string; v2: string } {
  expect(answer.status).toBe(200)
  const v2 = answer.headers.get('licensesignature')
  if (!v2) throw new Error('no LicenseSignature header')
  return { v1: (answer.body as LicenseObject).license_signature, v2 }
}

const otherPublicKey = () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  return publicKey
}

describe('the standalone server', () => {
  let url: string
  let enginePublicKey: string
  beforeAll(async () => {
    const server = await startServer({ seed: SEED })
    url = server.url
    enginePublicKey = server.engine.publicKey
  })

  describe('GET /__admin/public-key', () => {
    test('JSON: the SPKI PEM, the algorithm and the format', async () => {
      const answer = await admin({ url }, 'GET', '/public-key')
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toBe('application/json')
      expect(Object.keys(answer.body).sort()).toEqual(['algorithm', 'format', 'public_key'])
      expect(answer.body).toMatchObject({ algorithm: 'RSA-SHA256', format: 'spki-pem' })
      const pem = answer.body.public_key as string
      expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/)
      expect(pem).toBe(enginePublicKey)
      const key = createPublicKey(pem)
      expect(key.asymmetricKeyType).toBe('rsa')
      expect(key.asymmetricKeyDetails?.modulusLength).toBeGreaterThanOrEqual(2048)
    })

    test('?format=pem: the same key as a .pem file', async () => {
      const json = await admin({ url }, 'GET', '/public-key?format=json')
      const response = await fetch(`${url}/__admin/public-key?format=pem`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/x-pem-file')
      expect(await response.text()).toBe(json.body.public_key)
    })

    test('another format → 400 admin_bad_request naming it', async () => {
      const answer = await admin({ url }, 'GET', '/public-key?format=der')
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ status: 400, code: 'admin_bad_request', message: 'format must be "json" or "pem", got "der"' })
    })
  })

  describe('signatures', () => {
    test('an activation: v1 and v2 verify with the JSON key and with the PEM file', async () => {
      const answer = await api(url, 'POST', ACTIVATE, { hardware_id: 'HW-Activate', product: 'demo', license_key: 'Key-One' })
      const { v1, v2 } = signaturesOf(answer)
      const fromJson = (await admin({ url }, 'GET', '/public-key')).body.public_key as string
      const fromPem = await (await fetch(`${url}/__admin/public-key?format=pem`)).text()
      for (const key of [fromJson, fromPem]) {
        expect(verifies(key, 'hw-activate#key-one#', v1)).toBe(true)
        expect(verifies(key, answer.bytes, v2)).toBe(true)
      }
    })

    test('a check with query parameters: v1 and v2 verify', async () => {
      const answer = await api(url, 'GET', CHECK, { hardware_id: 'hw-1', product: 'demo', license_key: 'Key-One', license_id: 1, include_expired_features: false })
      const { v1, v2 } = signaturesOf(answer)
      expect((answer.body as CheckLicenseResponse).license_active).toBe(true)
      expect(verifies(enginePublicKey, 'hw-1#key-one#', v1)).toBe(true)
      expect(verifies(enginePublicKey, answer.bytes, v2)).toBe(true)
    })

    test('a user-based activation: v1 over the username, lower-cased', async () => {
      const answer = await api(url, 'POST', ACTIVATE, { hardware_id: 'hw-u', product: 'demo-user', username: 'DEV@example.com', password: 'pw' })
      const { v1, v2 } = signaturesOf(answer)
      expect(verifies(enginePublicKey, 'hw-u#dev@example.com#', v1)).toBe(true)
      expect(verifies(enginePublicKey, answer.bytes, v2)).toBe(true)
    })

    test('neither verifies with another key, nor over other data', async () => {
      const answer = await api(url, 'GET', CHECK, { hardware_id: 'hw-1', product: 'demo', license_key: 'Key-One' })
      const { v1, v2 } = signaturesOf(answer)
      const other = otherPublicKey()
      expect(verifies(other, 'hw-1#key-one#', v1)).toBe(false)
      expect(verifies(other, answer.bytes, v2)).toBe(false)
      // v1 is not over the body, v2 not over the v1 string; one byte changed breaks v2.
      expect(verifies(enginePublicKey, answer.bytes, v1)).toBe(false)
      expect(verifies(enginePublicKey, 'hw-1#key-one#', v2)).toBe(false)
      const tampered = Buffer.from(answer.bytes)
      tampered[tampered.length - 2] ^= 1
      expect(verifies(enginePublicKey, tampered, v2)).toBe(false)
    })

    test('v2 is over the exact bytes sent: compact JSON, UTF-8, Content-Length = bytes', async () => {
      const answer = await api(url, 'GET', CHECK, { hardware_id: 'hw-1', product: 'demo', license_key: 'Key-One' })
      const { v2 } = signaturesOf(answer)
      expect(JSON.stringify(JSON.parse(answer.text))).toBe(answer.text)
      expect((answer.body as LicenseObject).product_details.product_name).toBe(PRODUCT_NAME)
      expect(answer.bytes.length).toBeGreaterThan(answer.text.length)
      expect(answer.headers.get('content-length')).toBe(String(answer.bytes.length))
      expect(verifies(enginePublicKey, answer.bytes, v2)).toBe(true)
      // Over the characters read as Latin-1 (not what was sent), it does not verify.
      expect(verifies(enginePublicKey, Buffer.from(answer.text, 'latin1'), v2)).toBe(false)
    })

    test('a date-only validity_period is sent as YYYY-MM-DDT00:00:00.000Z and signed so', async () => {
      const answer = await api(url, 'GET', CHECK, { hardware_id: 'hw-t', product: 'demo', license_key: 'TIMED' })
      const { v1 } = signaturesOf(answer)
      expect((answer.body as LicenseObject).validity_period).toBe('2099-06-30T00:00:00.000Z')
      expect(verifies(enginePublicKey, 'hw-t#timed#2099-06-30t00:00:00.000z', v1)).toBe(true)
      expect(verifies(enginePublicKey, 'hw-t#timed#2099-06-30', v1)).toBe(false)
      expect(verifies(enginePublicKey, 'hw-t#timed#', v1)).toBe(false)
    })

    test('a date-time validity_period without a zone is UTC (as the seed reads it), whatever the machine’s time zone', async () => {
      const saved = process.env.TZ
      process.env.TZ = 'America/New_York'
      try {
        const answer = await api(url, 'GET', CHECK, { hardware_id: 'hw-z', product: 'demo', license_key: 'NOZONE' })
        const { v1 } = signaturesOf(answer)
        expect((answer.body as LicenseObject).validity_period).toBe('2099-06-30T12:00:00.000Z')
        expect(verifies(enginePublicKey, 'hw-z#nozone#2099-06-30t12:00:00.000z', v1)).toBe(true)
      } finally {
        if (saved === undefined) delete process.env.TZ
        else process.env.TZ = saved
      }
    })

    test('CORS: signed answers expose LicenseSignature; unsigned ones do not', async () => {
      const signed = await api(url, 'GET', CHECK, { hardware_id: 'hw-1', product: 'demo', license_key: 'Key-One' })
      expect(signed.headers.get('access-control-expose-headers')).toBe('LicenseSignature')
      expect(signed.headers.get('access-control-allow-origin')).toBe('*')
      const activation = await api(url, 'POST', ACTIVATE, { hardware_id: 'hw-cors', product: 'demo', license_key: 'Key-One' })
      expect(activation.headers.get('access-control-expose-headers')).toBe('LicenseSignature')

      const error = await api(url, 'GET', CHECK, { hardware_id: 'unknown-device', product: 'demo', license_key: 'Key-One' })
      expect(error.status).toBe(400)
      expect(error.headers.get('licensesignature')).toBeNull()
      expect(error.headers.get('access-control-expose-headers')).toBeNull()
      expect(error.headers.get('access-control-allow-origin')).toBe('*')
      const deactivation = await api(url, 'POST', DEACTIVATE, { hardware_id: 'hw-cors', product: 'demo', license_key: 'Key-One' })
      expect(deactivation.body).toBe('license_deactivated')
      expect(deactivation.headers.get('access-control-expose-headers')).toBeNull()
    })
  })
})

describe('the signingKey option', () => {
  let privateKey: string
  let url: string
  beforeAll(async () => {
    privateKey = await generateSigningKey()
    url = (await startServer({ seed: SEED, signingKey: privateKey })).url
  })

  test('the public key published is the one derived from the signing key', async () => {
    const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
    expect((await admin({ url }, 'GET', '/public-key')).body.public_key).toBe(derived)
    expect(await (await fetch(`${url}/__admin/public-key?format=pem`)).text()).toBe(derived)
  })

  test('answers are signed with it, not with the key a server without the option uses', async () => {
    const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
    const answer = await api(url, 'POST', ACTIVATE, { hardware_id: 'hw-k', product: 'demo', license_key: 'Key-One' })
    const { v1, v2 } = signaturesOf(answer)
    expect(verifies(derived, 'hw-k#key-one#', v1)).toBe(true)
    expect(verifies(derived, answer.bytes, v2)).toBe(true)
    const plain = await startMockServer({ port: 0, seed: SEED })
    try {
      expect(plain.engine.publicKey).not.toBe(derived)
      expect(verifies(plain.engine.publicKey, answer.bytes, v2)).toBe(false)
    } finally {
      await plain.close()
    }
  })

  test('a PKCS#1 PEM works too', async () => {
    const pkcs1 = createPrivateKey(privateKey).export({ type: 'pkcs1', format: 'pem' }).toString()
    expect(pkcs1).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/)
    const server = await startMockServer({ port: 0, seed: SEED, signingKey: pkcs1 })
    try {
      expect(server.engine.publicKey).toBe(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString())
    } finally {
      await server.close()
    }
  })

  test('not a key, a short RSA key or an EC key → SigningKeyError', async () => {
    await expect(startMockServer({ port: 0, seed: SEED, signingKey: 'not a pem' })).rejects.toThrow(SigningKeyError)
    const short = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
    await expect(startMockServer({ port: 0, seed: SEED, signingKey: short.privateKey })).rejects.toThrow('the signing key must have at least 2048 bits, got 1024')
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
    await expect(startMockServer({ port: 0, seed: SEED, signingKey: ec.privateKey })).rejects.toThrow('the signing key must be RSA, got ec')
  })
})

describe("the demo seed's key", () => {
  const demoPublicKey = () => createPublicKey(readFileSync(demoSigningKeyPath, 'utf8')).export({ type: 'spki', format: 'pem' }).toString()

  test('a server of the demo seed (named, by path or by default) signs with it; one of another seed with a key of its own', async () => {
    const servers = await Promise.all([startMockServer({ port: 0 }), startMockServer({ port: 0, seed: 'demo' }), startMockServer({ port: 0, seed: demoSeedPath }), startMockServer({ port: 0, seed: SEED })])
    try {
      const [byDefault, named, byPath, other] = servers.map((server) => server.engine.publicKey)
      expect([byDefault, named, byPath]).toEqual([demoPublicKey(), demoPublicKey(), demoPublicKey()])
      expect(other).not.toBe(demoPublicKey())
      const answer = await api(servers[0].url, 'POST', ACTIVATE, { hardware_id: 'hw-demo-key', product: 'demo', license_key: 'DEMO-NEVER-ACTIVATED' })
      expect(answer.status).toBe(200)
      expect(verifies(demoPublicKey(), answer.bytes, signaturesOf(answer).v2)).toBe(true)
    } finally {
      await Promise.all(servers.map((server) => server.close()))
    }
  })

  test('a signingKey given with the demo seed wins', async () => {
    const privateKey = await generateSigningKey()
    const server = await startMockServer({ port: 0, signingKey: privateKey })
    try {
      expect(server.engine.publicKey).toBe(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString())
    } finally {
      await server.close()
    }
  })

  test('in-process: createLicenseMock() of the demo seed publishes it too', async () => {
    expect(await createLicenseMock().publicKey()).toBe(demoPublicKey())
    expect(await createLicenseMock({ seed: SEED }).publicKey()).not.toBe(demoPublicKey())
  })
})

describe('the msw adapter, in-process', () => {
  const mock = createLicenseMock({ seed: SEED })
  const server = setupServer(...mock.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  test('a check with query parameters answers the License with valid signatures', async () => {
    const answer = await api('https://api.licensespring.com', 'GET', CHECK, { hardware_id: 'hw-t', product: 'demo', license_key: 'TIMED', license_id: 2, sdk_ver: 'node-1.4.17' })
    const { v1, v2 } = signaturesOf(answer)
    expect(answer.body).toMatchObject({ id: 2, license_active: true, validity_period: '2099-06-30T00:00:00.000Z' })
    const publicKey = await mock.publicKey()
    expect(verifies(publicKey, 'hw-t#timed#2099-06-30t00:00:00.000z', v1)).toBe(true)
    expect(verifies(publicKey, answer.bytes, v2)).toBe(true)
    expect(verifies(otherPublicKey(), answer.bytes, v2)).toBe(false)
    expect(mock.requests.list()[0]).toMatchObject({ method: 'GET', path: CHECK, code: 'license_checked' })
  })

  test('an activation through msw is signed the same way', async () => {
    const answer = await api('https://api.licensespring.com', 'POST', ACTIVATE, { hardware_id: 'hw-m', product: 'demo', license_key: 'Key-One' })
    const { v1, v2 } = signaturesOf(answer)
    const publicKey = await mock.publicKey()
    expect(verifies(publicKey, 'hw-m#key-one#', v1)).toBe(true)
    expect(verifies(publicKey, answer.bytes, v2)).toBe(true)
  })
})
