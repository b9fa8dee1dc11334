// Offline files on the License API: the body decoded (offline.ts), its fields validated, its HMAC
// verified with the keys of the credential that sent it, then the activation or deactivation rules
// as online. Rows X1–X2 are its own (docs/rules.md, "Offline").
import { requestValidator, type Validate } from '../body.ts'
import { fail, type Failure } from '../errors.ts'
import { isFloating } from '../floating.ts'
import { decodeOffline, verifyOffline, type OfflineRequest } from '../offline.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, LicenseRecord, Store } from '../store.ts'
import type { Rule } from './shared.ts'

export type Variables = Record<string, string | number | boolean> | { variable: string; value: string | number | boolean }[]

export interface OfflineFields {
  hardware_id: string
  product: string
  license_key?: string
  username?: string
  password?: string
  license_id?: number
  request_id?: string
  api_key?: string
  client_id?: string
  is_vm?: boolean
  variables?: Variables
  consumptions?: number
  product_features?: { code: string; consumptions?: number }[] | Record<string, number>
}

export interface ReadOffline {
  file: OfflineRequest
  fields: OfflineFields
}

/**
 * Rows 10–12 for a file: the text decoded (`missing_content`, `authorization_missing_params`), the fields it must
 * carry (`authorization_missing_params`, as the docs say for a missing license_key or hardware_id)
 * and their types (`validation_error`), then row 8 for the file: its HMAC with the sender's shared key or OAuth
 * client secret (the Python SDK's OAuth deactivation file uses the client id) — `signature_mismatch`.
 */
export function readOffline(text: string, validate: Validate<OfflineFields>, credential: CredentialRecord, store: Store): Result<ReadOffline> {
  const file = decodeOffline(text)
  if (!file.ok) return file
  const fields = validate(file.value.fields, store.methodOf)
  if (!fields.ok) return asMissingParams(fields)
  const keys = [credential.shared_key, credential.client_secret, credential.client_id].filter((key): key is string => key !== undefined)
  if (!verifyOffline(file.value, keys)) return fail('signature_mismatch')
  return ok({ file: file.value, fields: fields.value })
}

const asMissingParams = (failure: Failure): Failure =>
  failure.error.code === 'missing_parameters' ? fail('authorization_missing_params', { params: failure.error.message.replace(/^Missing parameters: /, '') }) : failure

export const offlineValidator = (schema: 'OfflineActivationRequest' | 'OfflineDeactivationRequest'): Validate<OfflineFields> =>
  requestValidator<OfflineFields>({ operationId: schema === 'OfflineActivationRequest' ? 'activateOffline' : 'deactivateOffline', schema, identity: {} })

/** X1: floating cloud licenses take slots, which a device without a connection cannot renew. */
export const OFFLINE_FLOATING_RULE: Rule<{ license: LicenseRecord }> = {
  row: 'X1',
  code: 'offline_floating_cloud_not_supported',
  check: ({ license }) => (isFloating(license) ? fail('offline_floating_cloud_not_supported') : undefined),
}

/** Variables as a map, whichever way the file wrote them. */
export const variablesOf = (variables: Variables | undefined): Record<string, string | number | boolean> =>
  Array.isArray(variables) ? Object.fromEntries(variables.map(({ variable, value }) => [variable, value])) : (variables ?? {})

/** Feature consumptions as `[code, consumptions]`, whichever way the file wrote them; zero amounts left out. */
export const featureConsumptionsOf = (features: OfflineFields['product_features']): [string, number][] =>
  (Array.isArray(features) ? features.map(({ code, consumptions }): [string, number] => [code, consumptions ?? 0]) : Object.entries(features ?? {})).filter(([, amount]) => amount !== 0)
