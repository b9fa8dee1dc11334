// Offline activation and deactivation: an air-gapped device's request file, brought to the License
// API by someone online. The rules are activation's and deactivation's; the activation answer
// carries its signatures in the body, so it can be handed back to the device as a file.
import { fail } from '../errors.ts'
import { licenseFeature } from '../features.ts'
import { renderOfflineActivation } from '../offline-answers.ts'
import { ok } from '../result.ts'
import { ACTIVATION_CHECKS, ACTIVATION_POOL_RULE, activationEffect, findActivation, type ActivationFound } from '../rules/activation.ts'
import { featureLimits } from '../rules/consumption.ts'
import { deactivationEffect, findDeactivation, LICENSE_CHECKS, type DeactivationFound } from '../rules/deactivation.ts'
import { featureConsumptionsOf, OFFLINE_FLOATING_RULE, offlineValidator, readOffline, variablesOf, type ReadOffline } from '../rules/offline.ts'
import { withinLimits, type Rule } from '../rules/shared.ts'
import type { ActivateLicenseRequest, DeactivateLicenseRequest } from '../types.ts'
import { defineEndpoint } from './define.ts'

const activationFields = offlineValidator('OfflineActivationRequest')
const deactivationFields = offlineValidator('OfflineDeactivationRequest')

type OfflineActivation = ActivationFound & { offline: ReadOffline }
type OfflineDeactivation = DeactivationFound & { offline: ReadOffline }

export const activateOffline = defineEndpoint({
  name: 'activate_offline',
  family: 'offline',
  operationId: 'activateOffline',
  mutates: true,
  signing: 'offline',
  success: 'license_activated_offline',
  request: {},
  find: (text: string, { credential, store, now }) => {
    const offline = readOffline(text, activationFields, credential, store)
    if (!offline.ok) return offline
    const { fields } = offline.value
    const body: ActivateLicenseRequest = { hardware_id: fields.hardware_id, product: fields.product, license_key: fields.license_key, username: fields.username, password: fields.password, license_id: fields.license_id, is_vm: fields.is_vm }
    const found = findActivation(body, credential, store, now)
    return found.ok ? ok<OfflineActivation>({ ...found.value, offline: offline.value }) : found
  },
  // O9 refuses every floating cloud license, the only kind with a pool of slots: A5 could never answer after it.
  rules: [OFFLINE_FLOATING_RULE, ...ACTIVATION_CHECKS.filter((rule) => rule !== ACTIVATION_POOL_RULE)] as readonly Rule<OfflineActivation>[],
  apply: (found, { store, now }) => {
    const device = store.applyActivation(activationEffect(found))
    const variables = variablesOf(found.offline.fields.variables)
    if (Object.keys(variables).length > 0) store.applyVariables({ license: found.license, device, variables, at: now })
    return device
  },
  answer: (found, device, { signer, credential }) => renderOfflineActivation({ found, device, fields: found.offline.fields, credential, signer }),
})

/** X2: each feature consumption the file reports is the license's, of consumption type, within its limits. */
const FEATURE_CONSUMPTIONS_RULE: Rule<OfflineDeactivation> = {
  row: 'X2',
  check: ({ license, store, body, offline }) => {
    const product = store.product(body.product)!
    for (const [code, amount] of featureConsumptionsOf(offline.fields.product_features)) {
      const feature = licenseFeature(license, product, code)
      if (!feature) return fail('invalid_license_feature_code', { feature: code.slice(0, 256) })
      if (feature.feature_type !== 'consumption') return fail('feature_not_consumption')
      if (!withinLimits(featureLimits(feature), amount)) return fail('license_not_enough_consumptions')
    }
    return undefined
  },
}

export const deactivateOffline = defineEndpoint({
  name: 'deactivate_offline',
  family: 'offline',
  operationId: 'deactivateOffline',
  mutates: true,
  signing: 'none',
  success: 'license_deactivated',
  example: 'license_deactivated',
  request: {},
  find: (text: string, { credential, store, now }) => {
    const offline = readOffline(text, deactivationFields, credential, store)
    if (!offline.ok) return offline
    const { fields } = offline.value
    const body: DeactivateLicenseRequest = { hardware_id: fields.hardware_id, product: fields.product, license_key: fields.license_key, username: fields.username, password: fields.password, license_id: fields.license_id, consumptions: fields.consumptions }
    const found = findDeactivation(body, credential, store, now)
    return found.ok ? ok<OfflineDeactivation>({ ...found.value, offline: offline.value }) : found
  },
  rules: [...(LICENSE_CHECKS as readonly Rule<OfflineDeactivation>[]), FEATURE_CONSUMPTIONS_RULE],
  apply: (found, { store, now }) => {
    const effect = deactivationEffect(found)
    const product = store.product(found.body.product)!
    for (const [code, consumptions] of featureConsumptionsOf(found.offline.fields.product_features)) {
      store.applyConsumption({ license: found.license, feature: licenseFeature(found.license, product, code)!.record, consumptions })
    }
    const variables = variablesOf(found.offline.fields.variables)
    if (Object.keys(variables).length > 0) store.applyVariables({ license: found.license, device: effect.device, variables, at: now })
    store.applyDeactivation(effect)
  },
  answer: () => 'license_deactivated',
})
