// Consumptions of a license and of its features.
import { COMPANY, stableId } from '../views.ts'
import { CONSUMPTION_CHECKS, consumptionsOf, FEATURE_CONSUMPTION_CHECKS, findFeature, type ConsumptionRequest, type FeatureRequest } from '../rules/consumption.ts'
import { findDevice } from '../rules/shared.ts'
import { defineEndpoint } from './define.ts'

export const addConsumption = defineEndpoint({
  name: 'add_consumption',
  family: 'consumptions',
  operationId: 'addConsumption',
  mutates: true,
  signing: 'v2',
  success: 'consumption_added',
  request: { identity: { sso: true } },
  find: (body: ConsumptionRequest, { credential, store, now }) => findDevice(body, credential, store, now),
  rules: CONSUMPTION_CHECKS,
  apply: ({ license, request }, { store }) => store.applyConsumption({ license, consumptions: consumptionsOf(request) }),
  answer: ({ license }) => ({
    // The license's id: the Node SDK merges this answer into its local license.
    id: license.id,
    max_consumptions: license.max_consumptions,
    total_consumptions: license.total_consumptions,
    allow_unlimited_consumptions: license.allow_unlimited_consumptions,
    allow_negative_consumptions: license.allow_negative_consumptions,
    allow_overages: license.allow_overages,
    max_overages: license.max_overages,
    reset_consumption: false,
    consumption_period: null,
    company: COMPANY,
  }),
})

export const addFeatureConsumption = defineEndpoint({
  name: 'add_feature_consumption',
  family: 'consumptions',
  operationId: 'addFeatureConsumption',
  mutates: true,
  signing: 'v2',
  success: 'feature_consumption_added',
  request: { identity: { sso: true } },
  find: (body: FeatureRequest & { consumptions?: number }, { credential, store, now }) => findFeature(body, credential, store, now),
  rules: FEATURE_CONSUMPTION_CHECKS,
  apply: ({ feature, request, license }, { store }) => store.applyConsumption({ license, feature: feature!.record, consumptions: consumptionsOf(request) }),
  answer: ({ license, feature }) => {
    const { code, record, ...resolved } = feature!
    return {
      id: stableId(`feature:${license.id}:${code}`),
      license_id: license.id,
      total_consumptions: record.total_consumptions,
      max_consumptions: resolved.max_consumption,
      allow_unlimited_consumptions: resolved.allow_unlimited_consumptions,
      allow_negative_consumptions: resolved.allow_negative_consumptions,
      allow_overages: resolved.allow_overages,
      max_overages: resolved.max_overages,
      reset_consumption: false,
      consumption_period: null,
      is_floating: false,
      is_floating_cloud: resolved.is_floating_cloud,
      floating_timeout: resolved.floating_timeout,
      ...(resolved.is_floating_cloud ? { floating_users: resolved.floating_users } : {}),
      company: COMPANY,
    }
  },
})
