// Activation, check and deactivation: the license lifecycle of one device.
import { renderActivation, renderCheck } from '../license-view.ts'
import { ACTIVATION_CHECKS, activationEffect, findActivation } from '../rules/activation.ts'
import { activeDevice, CHECK_CHECKS, findCheck } from '../rules/check.ts'
import { isFloating } from '../floating.ts'
import { holdSlot } from '../rules/floating.ts'
import { deactivationEffect, findDeactivation, LICENSE_CHECKS } from '../rules/deactivation.ts'
import { v1Id } from '../signing.ts'
import type { ActivateLicenseRequest, CheckLicenseQuery, DeactivateLicenseRequest } from '../types.ts'
import { defineEndpoint } from './define.ts'

export const activateLicense = defineEndpoint({
  name: 'activate_license',
  family: 'activation',
  operationId: 'activateLicense',
  mutates: true,
  signing: 'v1+v2',
  success: 'license_activated',
  request: { identity: { password: true, sso: true } },
  find: (body: ActivateLicenseRequest, { credential, store, now }) => findActivation(body, credential, store, now),
  rules: ACTIVATION_CHECKS,
  apply: (found, { store }) => store.applyActivation(activationEffect(found)),
  answer: (found, device, { signer }) => {
    const { license, user, store, now, body } = found
    const view = { license, user, device, product: store.product(body.product)!, signedId: v1Id(body, user?.email), now }
    return renderActivation(view, signer)
  },
})

export const checkLicense = defineEndpoint({
  name: 'check_license',
  family: 'check',
  operationId: 'checkLicense',
  // A read-only API key may check: it only reads.
  mutates: false,
  signing: 'v1+v2',
  success: 'license_checked',
  request: { identity: {} },
  find: (query: CheckLicenseQuery, { credential, store, now }) => findCheck(query, credential, store, now),
  rules: CHECK_CHECKS,
  // A check of a floating license takes (or renews) the device's slot.
  apply: (found, { store }) => (isFloating(found.license) ? store.applySlot(holdSlot(found, 'hold')) : undefined),
  changes: (found) => isFloating(found.license),
  answer: (found, _applied, { signer }) => {
    const { license, user, store, now, query } = found
    const view = { license, user, device: activeDevice(found), product: found.product, signedId: v1Id(query, undefined), now }
    return renderCheck(view, signer)
  },
})

export const deactivateLicense = defineEndpoint({
  name: 'deactivate_license',
  family: 'deactivation',
  operationId: 'deactivateLicense',
  mutates: true,
  signing: 'none',
  success: 'license_deactivated',
  request: { identity: { sso: true } },
  example: 'license_deactivated',
  find: (body: DeactivateLicenseRequest, { credential, store, now }) => findDeactivation(body, credential, store, now),
  rules: LICENSE_CHECKS,
  apply: (found, { store }) => store.applyDeactivation(deactivationEffect(found)),
  answer: () => 'license_deactivated',
})
