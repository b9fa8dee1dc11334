// The token endpoint's rows: the grant, then the client and its secret (Keycloak's order).
import { timingSafeEqual } from 'node:crypto'
import { fail } from '../errors.ts'
import { ok, type Result } from '../result.ts'
import type { CredentialRecord, Store } from '../store.ts'
import type { Rule } from './shared.ts'

export interface TokenRequest {
  grant_type?: string
  client_id?: string
  client_secret?: string
  scope?: string
}

export interface TokenFound {
  request: TokenRequest
  credential: CredentialRecord | undefined
}

/** O1: a grant is named; the client is looked up in the tenant the request reached (by its client_id). */
export function findClient(request: TokenRequest, store: Store): Result<TokenFound> {
  if (!request.grant_type) return fail('invalid_request', { param: 'grant_type' })
  const credential = request.client_id === undefined ? undefined : store.credentials().find((candidate) => candidate.client_id === request.client_id)
  return ok({ request, credential })
}

const same = (a: string, b: string) => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export const TOKEN_CHECKS: readonly Rule<TokenFound>[] = [
  { row: 'O2', code: 'unsupported_grant_type', check: ({ request }) => (request.grant_type === 'client_credentials' ? undefined : fail('unsupported_grant_type')) },
  {
    row: 'O3',
    code: 'invalid_client',
    check: ({ request, credential }) =>
      credential?.client_secret !== undefined && request.client_secret !== undefined && same(request.client_secret, credential.client_secret) ? undefined : fail('invalid_client'),
  },
  { row: 'O4', code: 'unauthorized_client', check: ({ credential }) => (credential!.revoked ? fail('unauthorized_client') : undefined) },
]
