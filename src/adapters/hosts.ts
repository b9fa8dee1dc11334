// Who may talk to the server: which `Host` headers it answers (DNS rebinding protection) and
// which browser origins may use the admin API. Plain functions over strings; the http adapter
// applies them.
import { BlockList, isIPv4, isIPv6 } from 'node:net'
import { remember } from '../core/remember.ts'

const LOOPBACK_V6 = new BlockList()
LOOPBACK_V6.addAddress('::1', 'ipv6')
LOOPBACK_V6.addSubnet('::ffff:7f00:0', 104, 'ipv6')

/**
 * 127.0.0.0/8 in every form the system resolver accepts (`127.1`, `0x7f.1`, `2130706433`), ::1
 * in any spelling (also IPv4-mapped ::ffff:127.x.x.x), `localhost` and names under `.localhost`.
 */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase().replace(/\.$/, '')
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true
  const v4 = ipv4Value(bare)
  if (v4 !== undefined) return v4 >>> 24 === 127
  return isIPv6(bare) && LOOPBACK_V6.check(bare, 'ipv6')
}

/** An IPv4 address written as `inet_aton` reads it (1 to 4 parts, decimal, 0x hex or 0 octal) → its 32-bit value. */
function ipv4Value(text: string): number | undefined {
  if (isIPv4(text)) return text.split('.').reduce((value, part) => value * 256 + Number(part), 0)
  const parts = text.split('.')
  if (parts.length > 4) return undefined
  const numbers: number[] = []
  for (const part of parts) {
    const value = /^0x[0-9a-f]*$/.test(part) ? parseInt(part.slice(2) || '0', 16) : /^0[0-7]*$/.test(part) ? parseInt(part, 8) : /^[1-9]\d*$/.test(part) ? Number(part) : NaN
    if (!Number.isFinite(value)) return undefined
    numbers.push(value)
  }
  const last = numbers.pop()!
  if (numbers.some((byte) => byte > 255) || last >= 256 ** (4 - numbers.length)) return undefined
  return numbers.reduce((value, byte, i) => value + byte * 256 ** (3 - i), 0) + last
}

function isIpLiteral(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  return ipv4Value(bare) !== undefined || isIPv6(bare)
}

/** The host name of a `Host` header value (`name:port`, `[v6]:port`), lower case, without a trailing dot. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase()
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) || value : value.split(':').length === 2 ? value.slice(0, value.indexOf(':')) : value
  return name.replace(/\.$/, '')
}

/**
 * Which Host headers a server bound to `bind` answers. On loopback (the default) only loopback
 * names and addresses, plus the `allow` entries: a web page that rebinds its own name to
 * 127.0.0.1 is refused. On another address every Host is answered unless `allow` is given; then
 * loopback, IP addresses, the bound name and the `allow` entries. An entry `.example.com` allows
 * that name and every name under it. A request without a Host header (HTTP/1.0) is answered:
 * browsers always send one.
 */
export function hostPolicy(bind: string, allow: readonly string[] = []): (header: string | undefined) => boolean {
  const loopback = isLoopback(bind)
  if (!loopback && allow.length === 0) return () => true
  const names = allow.map((entry) => entry.toLowerCase().replace(/\.$/, ''))
  if (!loopback && !['0.0.0.0', '::'].includes(bind)) names.push(bind.toLowerCase())
  const allowed = (name: string) => names.some((entry) => (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry))
  // Clients repeat their Host header: each value is judged once (a bounded memo).
  const decide = remember(256, (header) => {
    const name = hostName(header)
    return isLoopback(name) || allowed(name) || (!loopback && isIpLiteral(name))
  })
  return (header) => header === undefined || decide(header)
}

/** `--allow-host` entries: host names (or `.domain` for a domain and its subdomains), without port or scheme. */
export function invalidAllowedHost(entry: string): string | undefined {
  if (!/^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry) && !isIpLiteral(entry)) {
    return `"${entry}" is not a host name (give a name such as mock.internal, or .example.com for a domain and its subdomains; no scheme, no port)`
  }
  return undefined
}

/** The loopback origins the admin API always accepts: http://localhost, 127.0.0.1 and [::1], any port. */
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/

/** An `--admin-origin` entry as browsers send it (`scheme://host[:port]`), or undefined when it is not one. */
export function normalizeOrigin(entry: string): string | undefined {
  try {
    const url = new URL(entry)
    if (url.origin === 'null' || entry.replace(/\/$/, '') !== url.origin) return undefined
    return url.origin
  } catch {
    return undefined
  }
}

/** Whether a browser page of this origin may use the admin API (CORS, state changes). */
export function originPolicy(extra: readonly string[] = []): (origin: string) => boolean {
  const named = new Set(extra)
  return (origin) => LOOPBACK_ORIGIN.test(origin) || named.has(origin)
}
