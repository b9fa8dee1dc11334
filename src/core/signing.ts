// The mock's response signatures, as LicenseSpring's SDKs verify them (RSA-SHA256, base64):
//   v1, the body's `license_signature`: over lowercase(`${hardware_id}#${id}#${validity_period ?? ''}`)
//   v2, the `LicenseSignature` header: over the exact JSON text of the body.
// The key pair is the mock's own: generated at start, or read from a PEM file so a team can pin
// the public key in its SDK configuration.
import { createPrivateKey, createPublicKey, createSign, generateKeyPair, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'
import { remember } from './remember.ts'

export interface Signer {
  /** The public key, SPKI PEM: what SDKs are configured with. */
  readonly publicKeyPem: string
  /** v1: `id` is the username before "|", the SSO user's e-mail or the license key. */
  signV1(hardwareId: string, id: string, validityPeriod: string | null): string
  /** v2: over the JSON text exactly as sent. */
  signV2(json: string): string
}

export class SigningKeyError extends Error {}

/**
 * The id in the v1 signing string, as the SDKs build it from their request and the answer: the
 * username before "|", else (SSO) the user's e-mail before "|", else the license key.
 */
export function v1Id(params: { username?: unknown; id_token?: unknown; code?: unknown; license_key?: unknown }, userEmail: string | undefined): string {
  if (typeof params.username === 'string') return params.username.split('|')[0]
  if ((params.id_token !== undefined || params.code !== undefined) && userEmail !== undefined) return userEmail.split('|')[0]
  return String(params.license_key ?? '')
}

/** The text v1 signs. */
export const v1Text = (hardwareId: string, id: string, validityPeriod: string | null): string => `${hardwareId}#${id}#${validityPeriod ?? ''}`.toLowerCase()

/** A signer over a PEM private key (PKCS#1 or PKCS#8, RSA, at least 2048 bits). */
export function createSigner(privateKeyPem: string): Signer {
  let key: KeyObject
  try {
    key = createPrivateKey(privateKeyPem)
  } catch (error) {
    throw new SigningKeyError(`not a PEM private key (${error instanceof Error ? error.message : String(error)})`)
  }
  if (key.asymmetricKeyType !== 'rsa') throw new SigningKeyError(`the signing key must be RSA, got ${key.asymmetricKeyType ?? 'a symmetric key'}`)
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
  if (bits < 2048) throw new SigningKeyError(`the signing key must have at least 2048 bits, got ${bits}`)
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString()
  const sign = (text: string) => createSign('RSA-SHA256').update(text).sign(key, 'base64')
  // RSA signing costs about a millisecond. v1 depends on (device, license, validity) only, and a
  // check of an unchanged license answers the same body again: both are remembered (bounded).
  const signV1Text = remember(10_000, sign)
  return {
    publicKeyPem,
    signV1: (hardwareId, id, validityPeriod) => signV1Text(v1Text(hardwareId, id, validityPeriod)),
    signV2: remember(1_000, sign),
  }
}

/** A fresh RSA-2048 key pair, PKCS#8 PEM; generated off the main thread. */
export async function generateSigningKey(): Promise<string> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  return privateKey
}

let sharedSigner: Promise<Signer> | undefined
/**
 * One generated key pair per process: generating one per engine would cost every test run
 * seconds. Starting it early (before a seed is read) hides its 0.06–0.4 s behind the load.
 */
export function defaultSigner(): Promise<Signer> {
  sharedSigner ??= generateSigningKey().then(createSigner)
  return sharedSigner
}
