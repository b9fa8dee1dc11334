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

/** The request's fields: the JSON body, an offline file's (decoded) fields, or the query string of a GET. */
function fieldsOf(request: WireRequest): Record<string, unknown> {
  if (request.body !== undefined) {
    const text = request.headers['content-type'] === 'text/plain' ? Buffer.from(request.body.trim(), 'base64').toString('utf8') : request.body
    try {
      const value: unknown = JSON.parse(text)
      if (typeof value === 'object' && value !== null) {
        const inner = (value as { request?: unknown }).request
        return (typeof inner === 'object' && inner !== null ? inner : value) as Record<string, unknown>
      }
    } catch {
      // not JSON: no fields
    }
  }
  return Object.fromEntries(new URLSearchParams(request.path.split('?')[1] ?? ''))
}

/**
 * `v2`: the LicenseSignature header over the body; `v1+v2`: also each License object's
 * `license_signature` (one object, or each of an array); `offline`: no header, but
 * `license_signature_v2` in the body over the rest without both license signatures, and v1 over
 * the decoded request file's identity (the endpoint table says which an endpoint's answer carries).
 */
export function checkSignatures(request: WireRequest, outcome: Extract<Outcome, { kind: 'response' }>, publicKey: string, signing: 'v2' | 'v1+v2' | 'offline' = 'v1+v2'): string[] {
  const problems: string[] = []
  if (signing !== 'offline') {
    const v2 = outcome.headers.licensesignature
    if (!v2) problems.push('signed: no LicenseSignature header')
    else if (!verify(publicKey, outcome.body, v2)) problems.push('signed: the LicenseSignature header does not verify over the body')
    if (signing === 'v2') return problems
  }
  let body: unknown
  try {
    body = JSON.parse(outcome.body)
  } catch {
    return [...problems, 'signed: the body is not JSON']
  }
  if (signing === 'offline') {
    const { license_signature: _v1, license_signature_v2: v2, ...rest } = (body ?? {}) as Record<string, unknown>
    if (typeof v2 !== 'string') problems.push('signed: no license_signature_v2 in the body')
    else if (!verify(publicKey, JSON.stringify(rest), v2)) problems.push('signed: license_signature_v2 does not verify over the body without its license signatures')
  }
  const licenses = Array.isArray(body) ? body : [body]
  if (licenses.length === 0) return [...problems, 'signed: no License object in the body']
  for (const license of licenses) problems.push(...checkV1(request, license, publicKey))
  return problems
}

function checkV1(request: WireRequest, license: unknown, publicKey: string): string[] {
  if (typeof license !== 'object' || license === null || typeof (license as { license_signature?: unknown }).license_signature !== 'string') return ['signed: no license_signature in the body']
  const fields = license as Record<string, unknown>
  const params = fieldsOf(request)
  const email = (fields.user as { email?: unknown } | undefined)?.email
  // As the SDKs do: the validity period re-rendered as an ISO instant.
  const validity = typeof fields.validity_period === 'string' ? new Date(fields.validity_period).toISOString() : null
  const text = v1Text(String(params.hardware_id ?? ''), v1Id(params, typeof email === 'string' ? email : undefined), validity)
  return verify(publicKey, text, fields.license_signature as string) ? [] : [`signed: license_signature does not verify over "${text}"`]
}
