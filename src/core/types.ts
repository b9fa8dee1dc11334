// Plain data at the engine boundary: adapters translate to and from these, nothing else crosses.
import type { components, operations } from '../generated/license-api.ts'

export type DeactivateLicenseRequest = components['schemas']['DeactivateLicenseRequest']
export type DeactivateLicenseResponse = components['schemas']['DeactivateLicenseResponse']
export type ErrorEnvelope = components['schemas']['Error']
export type SpecErrorCode = components['schemas']['ErrorCode']

export type NetworkFault = 'reset' | 'timeout' | 'empty'

export interface CoreRequest {
  method: string
  /** Path without the query string. */
  path: string
  /** The query string without "?"; read by GET check_license. */
  query?: string
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>
  /** The raw body text; undefined when none was sent. */
  body?: string
  /** The adapter stopped reading: the body was over the size limit (answered 413). */
  tooLarge?: boolean
  /** The target and headers come to more than Node's parser takes (answered 431, whatever the path). */
  headersTooLarge?: boolean
  /** Scheme and host the client reached, e.g. `http://127.0.0.1:4010`; else read from the Host header. */
  origin?: string
}

export interface CoreResponse {
  status: number
  headers: Record<string, string>
  /** Serialized JSON. */
  body: string
  /** The error code answered, or the success: "license_deactivated", "license_activated", "license_checked". */
  code: string
  /** Adapters wait this long before answering (fault `delay_ms`). */
  delayMs?: number
  /** Adapters misbehave this way instead of answering (fault `network`). */
  network?: NetworkFault
  /**
   * Set when the request changed state and the engine's `onChange` listener returned a promise
   * (with `--state-file`: the change log's fsync). Adapters send the answer only once it resolves;
   * when it rejects they send `unsaved(error)` instead (503 `state_not_saved`, see commit.ts).
   */
  commit?: Promise<void>
}

export type ActivateLicenseRequest = components['schemas']['ActivateLicenseRequest']
export type CheckLicenseQuery = Omit<NonNullable<operations['checkLicense']['parameters']['query']>, never>
export type LicenseObject = components['schemas']['License']
export type ActivateLicenseResponse = components['schemas']['ActivateLicenseResponse']
export type CheckLicenseResponse = components['schemas']['CheckLicenseResponse']
