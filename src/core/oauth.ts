// OAuth client credentials: the access tokens the token endpoint issues and how a Bearer token on
// the License API is read back. Tokens are JWTs (HS256) as Keycloak's are, so clients that peek
// into them find `exp`, `azp` and `iat`; the MAC key is the engine's own, so a token is valid only
// on the engine (or, with a fixed signing key, the server) that issued it. Expiry is on real time:
// clients time their tokens with their own clocks, as they sign the Date header.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { fail } from './errors.ts'
import { ok, type Result } from './result.ts'

export interface IssuedToken {
  access_token: string
  expires_in: number
  refresh_expires_in: 0
  token_type: 'Bearer'
  'not-before-policy': 0
  scope: string
}

export interface TokenIssuer {
  issue(clientId: string, lifetimeSeconds: number, nowMs: number): IssuedToken
  /** The client a token was issued to: `oauth_token_malformed` when it is not one of ours, `oauth_token_expired` past its `exp`. */
  read(token: string, nowMs: number): Result<string>
  /** The client a token names, unverified (faults and tenant lookup only). */
  peek(token: string): string | undefined
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')

/** An issuer keyed by `seed` (e.g. the signing key, so tokens outlive a restart), else by random bytes. */
export function createTokenIssuer(seed?: string): TokenIssuer {
  const key = seed === undefined ? randomBytes(32) : createHash('sha256').update(`oauth-token-key\n${seed}`).digest()
  const mac = (text: string) => createHmac('sha256', key).update(text).digest()
  const payloadOf = (token: string): { azp?: unknown; exp?: unknown } | undefined => {
    const parts = token.split('.')
    if (parts.length !== 3 || parts[0] !== HEADER) return undefined
    try {
      const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
      return typeof payload === 'object' && payload !== null ? (payload as { azp?: unknown; exp?: unknown }) : undefined
    } catch {
      return undefined
    }
  }
  return {
    issue(clientId, lifetimeSeconds, nowMs) {
      const iat = Math.floor(nowMs / 1000)
      const payload = Buffer.from(JSON.stringify({ exp: iat + lifetimeSeconds, iat, jti: randomUUID(), typ: 'Bearer', azp: clientId, scope: 'profile email' })).toString('base64url')
      const signed = `${HEADER}.${payload}`
      return {
        access_token: `${signed}.${mac(signed).toString('base64url')}`,
        expires_in: lifetimeSeconds,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        'not-before-policy': 0,
        scope: 'profile email',
      }
    },
    read(token, nowMs) {
      const at = token.lastIndexOf('.')
      const payload = payloadOf(token)
      const given = Buffer.from(token.slice(at + 1), 'base64url')
      const expected = mac(token.slice(0, at))
      if (!payload || typeof payload.azp !== 'string' || typeof payload.exp !== 'number' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return fail('oauth_token_malformed')
      }
      return payload.exp * 1000 <= nowMs ? fail('oauth_token_expired') : ok(payload.azp)
    },
    peek(token) {
      const azp = payloadOf(token)?.azp
      return typeof azp === 'string' ? azp : undefined
    },
  }
}
