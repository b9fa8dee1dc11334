// The License API request signature: base64(HMAC-SHA256(shared key, "licenseSpring\ndate: <Date>")).
// Used by auth to verify, and by clients (scenario runner, tests, your own code) to sign.
import { createHmac } from 'node:crypto'

export function signDate(sharedKey: string, date: string): string {
  return createHmac('sha256', sharedKey).update(`licenseSpring\ndate: ${date}`).digest('base64')
}

export interface SignedHeaders {
  Date: string
  Authorization: string
}

/** Headers exactly as LicenseSpring's SDKs send them (`apiKeyName: 'apiKey'` is the Python SDK's spelling). */
export function signedHeaders(
  credentials: { apiKey: string; sharedKey: string },
  options: { date?: Date | string; apiKeyName?: 'apikey' | 'apiKey'; spaces?: boolean } = {},
): SignedHeaders {
  const date = typeof options.date === 'string' ? options.date : (options.date ?? new Date()).toUTCString()
  const parts = [
    'algorithm="hmac-sha256"',
    'headers="date"',
    `signature="${signDate(credentials.sharedKey, date)}"`,
    `${options.apiKeyName ?? 'apikey'}="${credentials.apiKey}"`,
  ]
  return { Date: date, Authorization: parts.join(options.spaces ? ', ' : ',') }
}
