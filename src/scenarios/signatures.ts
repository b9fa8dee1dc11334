// `expect.signed`: the two signatures LicenseSpring's SDKs verify, checked the way they check them
// (see src/core/signing.ts), so a scenario proves an SDK would accept the answer.
import { createVerify } from 'node:crypto'
import { v1Id, v1Text } from '../core/signing.ts'
import type { Outcome, WireRequest } from './http-client.ts'

const verify = (publicKey: string, text: string, signature: string) => {
  try {
    return createVerify('RSA-SHA256').update(text).verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}

/** The request's fields: the JSON body, or the query string of a GET. */
function fieldsOf(request: WireRequest): Record<string, unknown> {
  if (request.body !== undefined) {
    try {
      const value: unknown = JSON.parse(request.body)
      if (typeof value === 'object' && value !== null) return value as Record<string, unknown>
    } catch {
      // not JSON: no fields
    }
  }
  return Object.fromEntries(new URLSearchParams(request.path.split('?')[1] ?? ''))
}

/**
 * `v2`: the LicenseSignature header over the body; `v1+v2`: also each License object's
 * `license_signature` (the endpoint table says which an endpoint's answer carries).
 */
export function checkSignatures(request: WireRequest, outcome: Extract<Outcome, { kind: 'response' }>, publicKey: string, signing: 'v2' | 'v1+v2' = 'v1+v2'): string[] {
  const problems: string[] = []
  const v2 = outcome.headers.licensesignature
  if (!v2) problems.push('signed: no LicenseSignature header')
  else if (!verify(publicKey, outcome.body, v2)) problems.push('signed: the LicenseSignature header does not verify over the body')
  if (signing === 'v2') return problems
  let body: Record<string, unknown>
  try {
    body = JSON.parse(outcome.body) as Record<string, unknown>
  } catch {
    return [...problems, 'signed: the body is not JSON']
  }
  if (typeof body !== 'object' || body === null || typeof body.license_signature !== 'string') return [...problems, 'signed: no license_signature in the body']
  const params = fieldsOf(request)
  const email = (body.user as { email?: unknown } | undefined)?.email
  // As the SDKs do: the validity period re-rendered as an ISO instant.
  const validity = typeof body.validity_period === 'string' ? new Date(body.validity_period).toISOString() : null
  const text = v1Text(String(params.hardware_id ?? ''), v1Id(params, typeof email === 'string' ? email : undefined), validity)
  if (!verify(publicKey, text, body.license_signature)) problems.push(`signed: license_signature does not verify over "${text}"`)
  return problems
}
