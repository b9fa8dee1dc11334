// Parses and verifies the License API Authorization header (rows 2–9 of the rule table).
// Lenient where the real server must be (spaces after commas, `apiKey` from the Python SDK),
// strict where it is documented (hmac-sha256, headers="date", 15-minute Date window).
import { timingSafeEqual } from 'node:crypto'
import { fail, type Failure } from './errors.ts'
import { remember } from './remember.ts'
import { ok, type Result } from './result.ts'
import type { TokenIssuer } from './oauth.ts'
import { signDate } from './signature.ts'

export type AuthHeader =
  | { kind: 'hmac'; algorithm: string; headers: string; signature: string; apiKey: string }
  | { kind: 'bearer'; token: string }

export interface Credential {
  /** HMAC keys; absent for an OAuth-only client. */
  api_key?: string
  shared_key?: string
  /** OAuth client credentials (the token endpoint issues Bearer tokens for them). */
  client_id?: string
  client_secret?: string
  /** Seconds the tokens issued to this client are valid. */
  token_lifetime?: number
  revoked?: boolean
  read_only?: boolean
  /** Product short codes this key may act on; absent = all. */
  products?: string[]
  /** OAuth access token accepted as `Authorization: Bearer <token>` instead of HMAC. */
  bearer_token?: string
}

export const DATE_WINDOW_MS = 15 * 60 * 1000
const REQUIRED = ['algorithm', 'headers', 'signature', 'apikey'] as const
const PAIR = /^\s*([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|([^\s",]+))\s*$/

/** Authorization header text → its parsed form (the objects are shared: read-only). */
const parsedHeader = remember(256, (authorization) => parseHeader(authorization))
/** Date header text → its instant in ms, or NaN when it is not an RFC 7231 date. */
const parsedDate = remember(256, (date) => (/[A-Za-z]{3},? /.test(date) ? Date.parse(date) : NaN))
/** `shared key\ndate` → the signature expected for that Date, as bytes. */
const expected = remember(256, (keyAndDate) => {
  const at = keyAndDate.lastIndexOf('\n')
  return Buffer.from(signDate(keyAndDate.slice(0, at), keyAndDate.slice(at + 1)))
})

/** Rows 2–5: header presence and shape. Does not look at keys or signatures. */
export function parseAuthorization(date: string | undefined, authorization: string | undefined): Result<AuthHeader> {
  if (!date?.trim() || !authorization?.trim()) return fail('missing_headers')
  return parsedHeader(authorization)
}

function parseHeader(authorization: string): Result<AuthHeader> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
  if (bearer) return ok({ kind: 'bearer', token: bearer[1] })
  const params = new Map<string, string>()
  for (const part of splitParams(authorization)) {
    const pair = PAIR.exec(part)
    if (!pair) return fail('authorization_invalid_headers', { reason: `cannot read ${JSON.stringify(part.trim().slice(0, 60))}; expected key="value"` })
    params.set(pair[1].toLowerCase(), pair[2] ?? pair[3])
  }
  const missing = REQUIRED.filter((name) => !params.get(name))
  if (missing.length > 0) return fail('authorization_missing_params', { params: missing.join(', ') })
  if (params.get('algorithm')!.toLowerCase() !== 'hmac-sha256') return fail('hmac_required')
  const signed = params.get('headers')!.toLowerCase().split(/\s+/)
  if (signed.length !== 1 || signed[0] !== 'date') {
    return fail('authorization_invalid_headers', { reason: 'headers must be "date"' })
  }
  return ok({ kind: 'hmac', algorithm: 'hmac-sha256', headers: 'date', signature: params.get('signature')!, apiKey: params.get('apikey')! })
}

/** Splits on commas outside double quotes. */
function splitParams(header: string): string[] {
  const parts: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < header.length; i++) {
    const ch = header.charCodeAt(i)
    if (ch === 34) quoted = !quoted
    else if (ch === 44 && !quoted) {
      parts.push(header.slice(start, i))
      start = i + 1
    }
  }
  parts.push(header.slice(start))
  return parts.filter((part, index) => part.trim() !== '' || index === 0)
}

/** Who a request's Authorization names; `proven` when the naming proved it (an issued token). */
export interface Authorized {
  credential: Credential | undefined
  proven: boolean
}

/**
 * Row 6: the credential an HMAC header's apikey, a fixed bearer_token, or an issued token's client
 * names. An issued token is verified here (its client is only known from it):
 * `oauth_token_malformed` / `oauth_token_expired` when it is not valid.
 */
export function authorize(credentials: readonly Credential[], auth: AuthHeader, tokens: TokenIssuer, realNowMs: number): Result<Authorized> {
  if (auth.kind === 'hmac') return ok({ credential: credentials.find((credential) => credential.api_key === auth.apiKey), proven: false })
  const fixed = credentials.find((credential) => credential.bearer_token !== undefined && safeEqual(auth.token, credential.bearer_token))
  if (fixed) return ok({ credential: fixed, proven: true })
  const client = tokens.read(auth.token, realNowMs)
  if (!client.ok) return client
  const credential = credentials.find((candidate) => candidate.client_id === client.value)
  // A token of a client removed since: not (any longer) one of ours.
  return credential ? ok({ credential, proven: true }) : fail('oauth_token_malformed')
}

/** Row 6. */
export function checkCredential(credential: Credential | undefined): Failure | undefined {
  if (!credential) return fail('invalid_api_key')
  if (credential.revoked) return fail('revoked_api_key')
  return undefined
}

/** Row 7: RFC 7231 date within ±15 minutes of real time. */
export function checkDate(date: string, realNowMs: number, windowMs = DATE_WINDOW_MS): Failure | undefined {
  const parsed = parsedDate(date)
  if (Number.isNaN(parsed) || Math.abs(parsed - realNowMs) > windowMs) {
    return fail('date_header_diff', { date: date.slice(0, 100) })
  }
  return undefined
}

export interface SignatureCheck {
  auth: AuthHeader
  authorized: Authorized & { credential: Credential }
  date: string
  /** The endpoint changes state: refused to read-only keys. */
  mutates: boolean
}

/** Rows 8–9. A read-only key may read (check_license), not change state: `mutates` says which. */
export function checkSignature({ auth, authorized, date, mutates }: SignatureCheck): Failure | undefined {
  const { credential } = authorized
  const valid = auth.kind === 'bearer' ? authorized.proven : credential.shared_key !== undefined && safeEqual(auth.signature, expected(`${credential.shared_key}\n${date}`))
  if (!valid) return fail('signature_mismatch')
  if (mutates && credential.read_only) return fail('read_only_api_key')
  return undefined
}

function safeEqual(a: string, b: string | Buffer): boolean {
  const left = Buffer.from(a)
  const right = typeof b === 'string' ? Buffer.from(b) : b
  return left.length === right.length && timingSafeEqual(left, right)
}
