// What a product offers: its details, its versions and their installation files; its trials.
import { findProductOf, findVersions, INSTALLATION_FILE_CHECKS, requestedVersion, VERSIONS_CHECKS, type ProductQuery, type VersionsQuery } from '../rules/product.ts'
import { findTrial, TRIAL_CHECKS, trialLicense, type TrialQuery } from '../rules/trial.ts'
import { isExpired } from '../rules/shared.ts'
import { COMPANY, featuresView, installationFileView, iso, latest, productId, productSummary, stableId, versionsFor, versionView } from '../views.ts'
import type { LicenseRecord } from '../store.ts'
import { defineEndpoint } from './define.ts'

export const productDetails = defineEndpoint({
  name: 'product_details',
  family: 'product details',
  operationId: 'productDetails',
  mutates: false,
  signing: 'v2',
  success: 'product_details',
  request: {},
  find: (query: ProductQuery, { credential, store }) => findProductOf(query, credential, store),
  rules: [],
  answer: ({ product, query }) => {
    const version = query.include_latest_version ? latest(versionsFor(product, query.env)) : undefined
    return {
      ...productSummary(product),
      // Overages are a license's and a feature's setting; the product has none of its own (x-inferred).
      allow_overages: false,
      max_overages: 0,
      company: COMPANY,
      ...(query.include_latest_version ? { latest_version: version ? versionView(product, version) : null } : {}),
      ...(query.include_custom_fields
        ? { custom_fields: product.custom_fields.map((field) => ({ id: stableId(`custom-field:${product.short_code}:${field.name}`), name: field.name, value: field.default_value, default_value: field.default_value })) }
        : {}),
    }
  },
})

export const versions = defineEndpoint({
  name: 'versions',
  family: 'versions',
  operationId: 'versions',
  mutates: false,
  signing: 'v2',
  success: 'versions',
  request: { identity: {} },
  find: (query: VersionsQuery, { credential, store, now }) => findVersions(query, credential, store, now),
  rules: VERSIONS_CHECKS,
  answer: ({ product, request }) => versionsFor(product, request.env, request.channel).map((version) => ({ version: version.version, release_date: iso(version.release_date) })),
})

export const installationFile = defineEndpoint({
  name: 'installation_file',
  family: 'versions',
  operationId: 'installationFile',
  mutates: false,
  signing: 'v2',
  success: 'installation_file',
  request: { identity: {} },
  find: (query: VersionsQuery, { credential, store, now }) => findVersions(query, credential, store, now),
  rules: INSTALLATION_FILE_CHECKS,
  answer: (found) => installationFileView(found.product, requestedVersion(found)!),
})

export const trialKey = defineEndpoint({
  name: 'trial_key',
  family: 'trials',
  operationId: 'trialKey',
  mutates: true,
  signing: 'v2',
  success: 'trial_key',
  request: {},
  find: (query: TrialQuery, { credential, store, now }) => findTrial(query, credential, store, now),
  rules: TRIAL_CHECKS,
  apply: (found, { store }) => found.existing ?? store.addLicense(trialLicense(found)),
  changes: (found) => found.existing === undefined,
  answer: (found, license: LicenseRecord) => {
    const user = license.users[0]
    const identity = user ? { license_user: user.email } : { license: license.license_key! }
    // This machine's trial again: the short answer.
    if (found.existing) return { license_type: license.license_type, is_trial: true, ...identity }
    const created = found.now.getTime()
    return {
      id: license.id,
      order_id: stableId(`order:${license.id}`),
      product_id: productId(found.product),
      created_at: created,
      updated_at: created,
      times_activated: 0,
      is_trial: true,
      active: false,
      enabled: true,
      is_expired: isExpired(license.validity_period, found.now),
      is_floating: false,
      is_floating_cloud: false,
      max_activations: license.max_activations,
      trial_days: found.product.trial_days,
      license_type: license.license_type,
      validity_period: iso(license.validity_period),
      max_transfers: 0,
      prevent_vm: license.prevent_vm,
      enable_maintenance_period: false,
      maintenance_duration: null,
      metadata: {},
      is_hardware_key_auth: false,
      company: COMPANY,
      product_features: featuresView(license, found.product, found.now),
      ...(user
        ? { license_user: user.email, initial_password: user.password!, license_user_id: stableId(`user:${user.email.toLowerCase()}`), max_license_users: license.users.length }
        : { license: license.license_key!, license_key: license.license_key! }),
    }
  },
})

export const root = defineEndpoint({
  name: 'root',
  family: 'online check',
  operationId: 'root',
  auth: 'none',
  mutates: false,
  signing: 'none',
  success: 'online',
  request: {},
  find: () => ({ ok: true, value: undefined }),
  rules: [],
  answer: () => ({ status: 'ok' }),
})
