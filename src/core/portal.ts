// The portal's side of offline activation: the files an air-gapped customer downloads. An
// activation file answers the device's request file (or one made here for a license and machine)
// exactly as activate_offline does, with the same rules and effect; a refresh file is the
// license as a check reads it now. Both are signed as offline-answers.ts says.
import { z } from 'zod'
import type { Env } from './endpoints/define.ts'
import { activateBundle } from './endpoints/bundle.ts'
import { activateOffline } from './endpoints/offline.ts'
import { renderUserLicense } from './license-view.ts'
import { fail } from './errors.ts'
import { fileText, renderRefresh } from './offline-answers.ts'
import { decodeOffline, hmac } from './offline.ts'
import { MAX_BODY_BYTES } from './request.ts'
import { ok, type Result } from './result.ts'
import { CHECK_CHECKS, findCheck } from './rules/check.ts'
import { OFFLINE_FLOATING_RULE, offlineValidator, readOffline } from './rules/offline.ts'
import { firstFailure, identify } from './rules/shared.ts'
import { formatPath } from './seed.ts'
import type { CredentialRecord } from './store.ts'

/**
 * What the portal is asked for: the answer file to a device's request file (`request`: its text),
 * or a file for a license and machine (`activation`: the device is activated, as the request file
 * would have; `refresh`: an active device's current license). `client_id` / `api_key` choose the
 * credential whose keys sign it (default: the one a request file names, else the first one).
 */
export const portalRequestSchema = z.union([
  z.strictObject({ request: z.string().min(1).max(MAX_BODY_BYTES) }),
  z
    .strictObject({
      product: z.string().min(1).max(256),
      hardware_id: z.string().min(1).max(1024),
      license_key: z.string().min(1).max(1024).optional(),
      username: z.string().min(1).max(1024).optional(),
      password: z.string().max(1024).optional(),
      license_id: z.number().int().optional(),
      request_id: z.string().min(1).max(256).optional(),
      api_key: z.string().min(1).max(256).optional(),
      client_id: z.string().min(1).max(256).optional(),
    })
    .refine((input) => input.license_key !== undefined || input.username !== undefined, 'needs license_key or username'),
])
export type PortalRequest = z.output<typeof portalRequestSchema>

export interface PortalFile {
  /** The file's text: base64 of its JSON. */
  file: string
  /** The decoded file. */
  content: Record<string, unknown>
}

type Portal = (input: unknown, env: Omit<Env, 'credential'>) => Result<{ file: PortalFile; changed: boolean }>

/** The activation file (`.lic`): activate_offline's answer to the request file, given or made here. */
export const activationFile: Portal = (input, env) => {
  const parsed = parsePortal(input)
  if (!parsed.ok) return parsed
  const named = 'request' in parsed.value ? requestCredentialOf(parsed.value.request) : parsed.value
  const credential = pickCredential(env.store.credentials(), named)
  if (!credential.ok) return credential
  const text = 'request' in parsed.value ? parsed.value.request : requestFile(parsed.value, credential.value)
  const full = { ...env, credential: credential.value }
  const product = requestProductOf(text)
  const answered = product !== undefined && env.store.product(product)?.bundle_products ? bundleFile(text, full) : activateOffline.run(text, full)
  if (!answered.ok) return answered
  const content = answered.value.body as Record<string, unknown>
  return ok({ file: { file: fileText(content), content }, changed: answered.value.changed })
}

/**
 * A bundle's `.lic` (x-inferred: the format the Python SDK's BundleManager reads): `licenses`,
 * the bundle's own license first (the SDK compares its product with the bundle's), then each
 * license of the bundle as activate_bundle answers it, every one with the request's
 * `request_id`; and `bundle_signature_v2`, RSA over the JSON of `licenses`. The bundle is
 * activated on the machine as activate_bundle does, all or nothing.
 */
function bundleFile(text: string, env: Env): Result<{ body: unknown; changed: boolean }> {
  const offline = readOffline(text, bundleFields, env.credential, env.store)
  if (!offline.ok) return offline
  const { fields } = offline.value
  const body = { hardware_id: fields.hardware_id, product: fields.product, license_key: fields.license_key, username: fields.username, password: fields.password, license_id: fields.license_id, is_vm: fields.is_vm }
  const activated = activateBundle.run(body, env)
  if (!activated.ok) return activated
  const identified = identify(body, env.store)!
  const echo = fields.request_id === undefined ? {} : { request_id: fields.request_id }
  const bundle = { ...renderUserLicense({ license: identified.license, product: env.store.product(fields.product)!, user: identified.user, now: env.now }), ...echo }
  const licenses = [bundle, ...(activated.value.body as Record<string, unknown>[]).map((member) => ({ ...member, ...echo }))]
  return ok({ body: { licenses, bundle_signature_v2: env.signer.signV2(JSON.stringify(licenses)) }, changed: activated.value.changed })
}

const bundleFields = offlineValidator('OfflineActivationRequest')

/** The product a request file names, read leniently (the endpoint judges the file). */
function requestProductOf(text: string): string | undefined {
  const file = decodeOffline(text)
  return file.ok && typeof file.value.fields.product === 'string' ? file.value.fields.product : undefined
}

/** A refresh file: an active device's license as check_license reads it now, signed for the update-offline paths. */
export const refreshFile: Portal = (input, env) => {
  const parsed = parsePortal(input)
  if (!parsed.ok) return parsed
  if ('request' in parsed.value) return fail('validation_error', { field: 'request', reason: 'a refresh file is for a license and machine: give product, hardware_id and license_key or username' })
  const fields = parsed.value
  const credential = pickCredential(env.store.credentials(), fields)
  if (!credential.ok) return credential
  const query = { product: fields.product, hardware_id: fields.hardware_id, license_key: fields.license_key, username: fields.username, password: fields.password, license_id: fields.license_id }
  const found = findCheck(query, credential.value, env.store, env.now)
  if (!found.ok) return found
  const failure = firstFailure([OFFLINE_FLOATING_RULE, ...CHECK_CHECKS], found.value)
  if (failure) return failure
  const content = renderRefresh({ found: found.value, credential: credential.value, oauth: fields.client_id !== undefined, signer: env.signer })
  return ok({ file: { file: fileText(content), content }, changed: false })
}

function parsePortal(input: unknown): Result<PortalRequest> {
  const parsed = portalRequestSchema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  return fail('validation_error', { field: formatPath(issue.path) || 'body', reason: issue.message })
}

/** The credential a request file names (its api_key or client_id), read leniently: the endpoint judges the file. */
function requestCredentialOf(text: string): { api_key?: string; client_id?: string } {
  const file = decodeOffline(text)
  if (!file.ok) return {}
  const { api_key, client_id } = file.value.fields
  return { api_key: typeof api_key === 'string' ? api_key : undefined, client_id: typeof client_id === 'string' ? client_id : undefined }
}

function pickCredential(credentials: readonly CredentialRecord[], named: { api_key?: string; client_id?: string }): Result<CredentialRecord> {
  const credential =
    named.client_id !== undefined
      ? credentials.find((candidate) => candidate.client_id === named.client_id)
      : named.api_key !== undefined
        ? credentials.find((candidate) => candidate.api_key === named.api_key)
        : credentials.find((candidate) => !candidate.revoked)
  return credential ? ok(credential) : fail('invalid_api_key')
}

/** The request file an SDK would have written for these fields (the wrapped form), signed with the credential's key. */
function requestFile(fields: Exclude<PortalRequest, { request: string }>, credential: CredentialRecord): string {
  const oauth = fields.client_id !== undefined || credential.api_key === undefined
  const { api_key: _key, client_id: _client, ...identity } = fields
  const request = { ...identity, request: 'activation', schema_version: 2, ...(oauth ? { client_id: credential.client_id } : { api_key: credential.api_key }) }
  const text = JSON.stringify(request)
  return fileText({ request, signature: hmac(oauth ? credential.client_secret! : credential.shared_key!, text) })
}
