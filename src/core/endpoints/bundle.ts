// Bundles: one request activates, checks or deactivates every license of a bundle on a device.
// The answers are arrays of License objects, each with its v1 signature over the request's own
// identity (as the Node SDK's bundle manager verifies them), and the v2 header over the array.
import { renderActivation, renderCheck } from '../license-view.ts'
import { isFloating } from '../floating.ts'
import { activationEffect, type ActivationFound } from '../rules/activation.ts'
import { BUNDLE_ACTIVATION_CHECKS, BUNDLE_CHECK_CHECKS, BUNDLE_DEACTIVATION_CHECKS, findBundle, type BundleRequest } from '../rules/bundle.ts'
import { activeDevice, type CheckFound } from '../rules/check.ts'
import { deactivationEffect, type DeactivationFound } from '../rules/deactivation.ts'
import { holdSlot } from '../rules/floating.ts'
import { v1Id } from '../signing.ts'
import { defineEndpoint } from './define.ts'

export const activateBundle = defineEndpoint({
  name: 'activate_bundle',
  family: 'bundles',
  operationId: 'activateBundle',
  mutates: true,
  signing: 'v1+v2',
  success: 'bundle_activated',
  request: { identity: { password: true, sso: true } },
  find: (body: BundleRequest, { credential, store, now }) =>
    findBundle<ActivationFound>(body, credential, store, now, (license, product, user) => ({
      body: { ...body, product: product.short_code },
      license,
      user,
      product,
      devices: store.devices(license.id, body.hardware_id),
      freed: store.freedBy(license.id),
      now,
      store,
    })),
  rules: BUNDLE_ACTIVATION_CHECKS,
  apply: ({ members, store }) => members.map((member) => store.applyActivation(activationEffect(member))),
  answer: (found, devices, { signer }) =>
    found.members.map((member, i) =>
      renderActivation({ license: member.license, user: member.user, device: devices[i], product: member.product, signedId: v1Id(found.request, found.user?.email), now: found.now }, signer),
    ),
})

export const checkBundle = defineEndpoint({
  name: 'check_bundle',
  family: 'bundles',
  operationId: 'checkBundle',
  mutates: false,
  signing: 'v1+v2',
  success: 'bundle_checked',
  request: { identity: {} },
  find: (query: BundleRequest, { credential, store, now }) =>
    findBundle<CheckFound>(query, credential, store, now, (license, product, user) => ({
      query: { ...query, product: product.short_code },
      license,
      user,
      product,
      devices: store.devices(license.id, query.hardware_id),
      now,
      store,
    })),
  rules: BUNDLE_CHECK_CHECKS,
  // A floating license of the bundle takes (or renews) its slot, as a check does.
  apply: ({ members, store }) => {
    for (const member of members) if (isFloating(member.license)) store.applySlot(holdSlot(member, 'hold'))
  },
  changes: ({ members }) => members.some((member) => isFloating(member.license)),
  answer: (found, _applied, { signer }) =>
    found.members.map((member) =>
      renderCheck({ license: member.license, user: member.user, device: activeDevice(member), product: member.product, signedId: v1Id(found.request, undefined), now: found.now }, signer),
    ),
})

export const deactivateBundle = defineEndpoint({
  name: 'deactivate_bundle',
  family: 'bundles',
  operationId: 'deactivateBundle',
  mutates: true,
  signing: 'none',
  success: 'license_deactivated',
  example: 'license_deactivated',
  request: { identity: { sso: true } },
  find: (body: BundleRequest, { credential, store, now }) =>
    findBundle<DeactivationFound>(body, credential, store, now, (license, product, user) => ({
      body: { ...body, product: product.short_code },
      license,
      user,
      devices: store.devices(license.id, body.hardware_id),
      now,
      store,
    })),
  rules: BUNDLE_DEACTIVATION_CHECKS,
  apply: ({ members, store }) => {
    for (const member of members) store.applyDeactivation(deactivationEffect(member))
  },
  answer: () => 'license_deactivated',
})
