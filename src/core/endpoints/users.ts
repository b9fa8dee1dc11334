// License users, customers and SSO: what user-based apps ask beyond their own license.
import { renderUserLicense } from '../license-view.ts'
import { CUSTOMER_CHECKS, findCustomer, findPasswordUser, findSso, findUserLicenses, PASSWORD_CHECKS, SSO_CHECKS, type CustomerQuery, type PasswordRequest, type SsoQuery, type UserLicensesQuery } from '../rules/users.ts'
import { COMPANY, customerView, stableId, userView } from '../views.ts'
import { defineEndpoint } from './define.ts'

export const userLicenses = defineEndpoint({
  name: 'user_licenses',
  family: 'users and SSO',
  operationId: 'userLicenses',
  mutates: false,
  signing: 'v2',
  success: 'user_licenses',
  request: {},
  find: (query: UserLicensesQuery, { credential, store, now }) => findUserLicenses(query, credential, store, now),
  rules: [],
  answer: ({ product, licenses, now }) => licenses.map(({ license, user }) => ({ license: renderUserLicense({ license, product, user, now }), user: userView(user) })),
})

export const customerLicenseUsers = defineEndpoint({
  name: 'customer_license_users',
  family: 'users and SSO',
  operationId: 'customerLicenseUsers',
  mutates: false,
  signing: 'v2',
  success: 'customer_license_users',
  request: {},
  find: (query: CustomerQuery, { credential, store }) => findCustomer(query, credential, store),
  rules: CUSTOMER_CHECKS,
  answer: ({ licenses }) => ({
    company: COMPANY,
    customer: { ...customerView(licenses[0])!, customer_account: null },
    users: licenses.flatMap((license) =>
      license.users.map((user) => ({
        email: user.email,
        is_active: true,
        first_name: user.first_name ?? '',
        last_name: user.last_name ?? '',
        phone_number: user.phone_number ?? '',
        is_initial_password: user.is_initial_password ?? false,
        initial_password: user.is_initial_password ? (user.password ?? null) : null,
        max_activations: user.max_activations ?? 0,
        total_activations: user.total_activations,
        allow_unlimited_activations: user.allow_unlimited_activations || user.max_activations === undefined,
        license_id: license.id,
        order_store_id: null,
        order_id: stableId(`order:${license.id}`),
      })),
    ),
  }),
})

export const ssoUrl = defineEndpoint({
  name: 'sso_url',
  family: 'users and SSO',
  operationId: 'ssoUrl',
  mutates: false,
  signing: 'v2',
  success: 'sso_url',
  request: {},
  find: (query: SsoQuery, { credential, store }) => findSso(query, credential, store),
  rules: SSO_CHECKS,
  answer: ({ account, query }) => {
    const url = new URL(account!.authorize_url)
    url.searchParams.set('response_type', query.response_type === 'code' ? 'code' : 'id_token')
    url.searchParams.set('client_id', query.customer_account_code)
    if (query.redirect_uri) url.searchParams.set('redirect_uri', query.redirect_uri)
    url.searchParams.set('scope', 'openid email')
    return {
      url: url.toString(),
      openid_configuration: {
        issuer: account!.issuer ?? new URL(account!.authorize_url).origin,
        authorization_endpoint: account!.authorize_url,
        ...(account!.token_endpoint ? { token_endpoint: account!.token_endpoint } : {}),
      },
      alternate_urls: [],
    }
  },
})

export const changePassword = defineEndpoint({
  name: 'change_password',
  family: 'users and SSO',
  operationId: 'changePassword',
  mutates: true,
  signing: 'none',
  success: 'password_changed',
  example: 'password_changed',
  request: {},
  find: (body: PasswordRequest, { store }) => findPasswordUser(body, store),
  rules: PASSWORD_CHECKS,
  apply: ({ users, request }, { store }) => store.applyPassword({ users, password: request.new_password }),
  answer: () => 'password_changed',
})
