// Device variables: stored per device, read back.
import { activeRow, DEVICE_RULES, findDevice, type Identity } from '../rules/shared.ts'
import { deviceId, iso, stableId } from '../views.ts'
import { defineEndpoint } from './define.ts'

type VariablesRequest = Identity & { hardware_id: string; variables?: Record<string, string | number | boolean> }

export const trackDeviceVariables = defineEndpoint({
  name: 'track_device_variables',
  family: 'device variables',
  operationId: 'trackDeviceVariables',
  mutates: true,
  signing: 'v2',
  success: 'device_variables_tracked',
  request: { identity: { sso: true } },
  find: (body: VariablesRequest, { credential, store, now }) => findDevice(body, credential, store, now),
  rules: DEVICE_RULES,
  apply: (found, { store }) => store.applyVariables({ license: found.license, device: activeRow(found), variables: found.request.variables ?? {}, at: found.now }),
  answer: (found) => {
    const device = deviceId(found.license, found.request.hardware_id)
    return Object.entries(found.request.variables ?? {}).map(([variable, value]) => ({ variable, value, device_id: device, created_at: found.now.getTime() }))
  },
})

export const getDeviceVariables = defineEndpoint({
  name: 'get_device_variables',
  family: 'device variables',
  operationId: 'getDeviceVariables',
  mutates: false,
  signing: 'v2',
  success: 'device_variables',
  request: { identity: {} },
  find: (query: Identity & { hardware_id: string }, { credential, store, now }) => findDevice(query, credential, store, now),
  rules: DEVICE_RULES,
  answer: (found) => {
    const row = activeRow(found)
    const device = deviceId(found.license, row.hardware_id)
    // One time for all: when the device's variables were last tracked (else when it was activated).
    const at = iso(row.variables_at ?? row.time_activated) ?? found.now.toISOString()
    return Object.entries(row.variables ?? {}).map(([variable, value]) => ({
      id: stableId(`variable:${found.license.id}:${row.hardware_id}:${variable}`),
      created_at: at,
      variable,
      value,
      device_id: device,
    }))
  },
})
