// Offline request files as the SDKs write them, for scenario steps: base64 of JSON, wrapped
// (`{"request": {...}, "signature": HMAC of the request's exact text}`) or flat (the legacy
// form, its signature over the Date, identity, hardware_id and API key), in JavaScript's compact
// JSON or Python's json.dumps spacing.
import { hmac } from '../core/offline.ts'

export interface OfflineFileSpec {
  request: Record<string, unknown>
  form?: 'wrapped' | 'flat'
  spacing?: 'compact' | 'python'
  key: string
  signature?: string
}

/** Python's json.dumps with its default separators (", " and ": ") and ensure_ascii. */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([name, item]) => `${asciiJson(name)}: ${pythonJson(item)}`)
      .join(', ')}}`
  }
  return typeof value === 'string' ? asciiJson(value) : JSON.stringify(value)
}

const asciiJson = (text: string) => JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)

export function offlineFile(spec: OfflineFileSpec): string {
  const write = spec.spacing === 'python' ? pythonJson : (value: unknown) => JSON.stringify(value)
  if (spec.form === 'flat') {
    const fields = spec.request
    const identity = String(fields.license_key ?? fields.username)
    const client = String(fields.api_key ?? fields.client_id)
    const signature = spec.signature ?? hmac(spec.key, `licenseSpring\ndate: ${String(fields.date)}\n${identity}\n${String(fields.hardware_id)}\n${client}`)
    return Buffer.from(write({ ...fields, signature })).toString('base64')
  }
  const request = write(spec.request)
  const signature = spec.signature ?? hmac(spec.key, request)
  const sep = spec.spacing === 'python' ? ', ' : ','
  const colon = spec.spacing === 'python' ? ': ' : ':'
  return Buffer.from(`{"request"${colon}${request}${sep}"signature"${colon}${JSON.stringify(signature)}}`).toString('base64')
}
