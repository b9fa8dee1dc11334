// What the auth path's memos (src/core/remember.ts) save per request, measured on the engine's
// own functions: rows 2–9 of the rule table for a signed request whose Authorization and Date
// were seen just before (an SDK's requests within one second), and for one whose are new every
// time (each request another Date: every memo misses).
import { checkDate, checkSignature, parseAuthorization, type AuthHeader } from '../../src/core/auth.ts'
import { signedHeaders } from '../../src/core/signature.ts'

const CREDENTIAL = { api_key: 'demo-api-key', shared_key: 'demo-shared-key', revoked: false, read_only: false }

function authPath(date: string, authorization: string, now: number): boolean {
  const auth = parseAuthorization(date, authorization)
  if (!auth.ok) return false
  if (checkDate(date, now, Number.MAX_SAFE_INTEGER)) return false
  const signature = checkSignature({ auth: auth.value as AuthHeader, authorized: { credential: CREDENTIAL, proven: false }, date, mutates: true })
  return signature === undefined
}

/** µs per request for `count` requests of the same headers, and of headers new each time. */
export function measureAuthMemos(count: number): { repeatedUs: number; freshUs: number } {
  const now = Date.now()
  const fresh = Array.from({ length: count }, (_, i) => signedHeaders({ apiKey: CREDENTIAL.api_key, sharedKey: CREDENTIAL.shared_key }, { date: new Date(now - i * 1000) }))
  const repeated = signedHeaders({ apiKey: CREDENTIAL.api_key, sharedKey: CREDENTIAL.shared_key }, { date: new Date(now) })
  const time = (run: () => boolean): number => {
    const start = performance.now()
    for (let i = 0; i < count; i++) if (!run()) throw new Error('bench: the auth path refused a valid request')
    return ((performance.now() - start) * 1000) / count
  }
  let i = 0
  const freshUs = time(() => {
    const headers = fresh[i++]
    return authPath(headers.Date, headers.Authorization, now)
  })
  const repeatedUs = time(() => authPath(repeated.Date, repeated.Authorization, now))
  return { repeatedUs, freshUs }
}
