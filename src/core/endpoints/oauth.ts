// OAuth client credentials: where the token endpoint is, and the token endpoint itself (served on
// the same port at a Keycloak-shaped path, so `oauth_url` can name it at the address the client reached).
import { operations } from '../../generated/schemas.ts'
import { ok } from '../result.ts'
import { findClient, TOKEN_CHECKS, type TokenRequest } from '../rules/oauth.ts'
import { defineEndpoint } from './define.ts'

export const TOKEN_PATH = operations.oauthToken.path

export const oauthUrl = defineEndpoint({
  name: 'oauth_url',
  family: 'OAuth',
  operationId: 'oauthUrl',
  auth: 'none',
  mutates: false,
  signing: 'none',
  success: 'oauth_url',
  example: { url: `http://localhost:4010${TOKEN_PATH}`, login_type: 'client_credentials' },
  request: {},
  find: (query: { login_type: string }) => ok(query),
  rules: [],
  answer: (query, _applied, { origin }) => ({ url: `${origin()}${TOKEN_PATH}`, login_type: query.login_type }),
})

export const oauthToken = defineEndpoint({
  name: 'oauth_token',
  family: 'OAuth',
  operationId: 'oauthToken',
  auth: 'none',
  mutates: false,
  signing: 'none',
  success: 'token_issued',
  request: {},
  find: (request: TokenRequest, { store }) => findClient(request, store),
  rules: TOKEN_CHECKS,
  answer: ({ credential }, _applied, { tokens, realNow, tokenLifetime }) => tokens.issue(credential!.client_id!, credential!.token_lifetime ?? tokenLifetime, realNow),
})
