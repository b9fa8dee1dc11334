// The files an air-gapped device is given: the answer to its activation request (a `.lic`, which
// is activate_offline's answer as base64) and refresh files (a check's License object, signed as
// the SDKs' update-offline paths verify it). Both carry their signatures in the body:
//
//   license_signature     v1 over hardware_id#license_key|username#validity_period
//   offline_signature     HMAC-SHA256(shared key | client secret,
//                         "licenseSpring\ndate: <date>\n<license_key|username>\n<hardware_id>\n<api key|client id>")
//   license_signature_v2  RSA over the compact JSON of the rest: without license_signature in an
//                         activation answer, with it in a refresh file (as each SDK verifies it)
import { renderActivation, renderCheck } from './license-view.ts'
import { offlineSignature } from './offline.ts'
import type { ActivationFound } from './rules/activation.ts'
import { activeDevice, type CheckFound } from './rules/check.ts'
import { v1Id, type Signer } from './signing.ts'
import type { CredentialRecord, DeviceRecord } from './store.ts'

/** The request fields an answer echoes and signs over. */
export interface EchoedFields {
  license_key?: string
  username?: string
  hardware_id: string
  request_id?: string
  /** The file was written by an OAuth client (its key pair signs the answer). */
  client_id?: string
}

/** The key and id the offline signature uses: the OAuth client's when the file came from one, else the API key's. */
function signingPair(credential: CredentialRecord, oauth: boolean): { key: string; client: string } {
  if ((oauth || credential.api_key === undefined) && credential.client_id !== undefined) return { key: credential.client_secret!, client: credential.client_id }
  return { key: credential.shared_key!, client: credential.api_key! }
}

export interface OfflineActivationView {
  found: ActivationFound
  device: DeviceRecord
  fields: EchoedFields
  credential: CredentialRecord
  signer: Signer
}

/** activate_offline's answer: the activation's License object, dated, with the three signatures. */
export function renderOfflineActivation({ found, device, fields, credential, signer }: OfflineActivationView): Record<string, unknown> {
  const { license, user, product, now } = found
  const signedId = v1Id(fields, user?.email)
  const online = renderActivation({ license, user, device, product, signedId, now }, signer)
  const date = now.toUTCString()
  const { key, client } = signingPair(credential, fields.client_id !== undefined)
  const answer: Record<string, unknown> = {
    ...online,
    date,
    ...(fields.request_id !== undefined ? { request_id: fields.request_id } : {}),
    // The Node SDK's v1 check of a .lic reads the identity from the file's own username.
    ...(user ? { username: user.email } : {}),
    offline_signature: offlineSignature(key, { date, identity: signedId, hardware_id: device.hardware_id, client }),
  }
  const { license_signature: _v1, ...signed } = answer
  return { ...answer, license_signature_v2: signer.signV2(JSON.stringify(signed)) }
}

export interface RefreshView {
  found: CheckFound
  credential: CredentialRecord
  /** Sign as for an OAuth client (client secret and client id) rather than the API key. */
  oauth: boolean
  signer: Signer
}

/** A refresh file's object: a check's License object, dated, v2 over all of it but license_signature_v2. */
export function renderRefresh({ found, credential, oauth, signer }: RefreshView): Record<string, unknown> {
  const { license, user, product, now, query } = found
  const device = activeDevice(found)
  const signedId = v1Id(query, user?.email)
  const online = renderCheck({ license, user, device, product, signedId, now }, signer)
  const date = now.toUTCString()
  const { key, client } = signingPair(credential, oauth)
  const answer: Record<string, unknown> = {
    ...online,
    hardware_id: device.hardware_id,
    ...(user ? { username: user.email } : {}),
    date,
    offline_signature: offlineSignature(key, { date, identity: signedId, hardware_id: device.hardware_id, client }),
  }
  return { ...answer, license_signature_v2: signer.signV2(JSON.stringify(answer)) }
}

/** A file's text as the SDKs read it: base64 of the JSON text. */
export const fileText = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64')

