// How large a state may grow through the admin API: GET /__admin/state must be able to answer
// it as one JSON text, and the state file to hold it. A seed document is checked before it is
// validated or stored, from its own size and what the validator will add to each record.

/** The largest state the admin API creates, in characters of its JSON (seed format). */
export const MAX_STATE_CHARS = 256 * 1024 * 1024

/** Characters a record takes in seed format beyond what the document wrote: its defaults, spelt out (with room). */
const DEFAULTS = { credential: 100, product: 80, license: 600, user: 120, device: 160, sso: 80 }

const length = (value: unknown) => (Array.isArray(value) ? value.length : 0)

/**
 * An upper bound of the JSON size of the state a seed document becomes: twice its text (YAML or
 * compact JSON may grow by its quotes) plus every default the validator fills in.
 */
export function stateCharsBound(document: unknown, textLength: number): number {
  const seed = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>
  let chars = 2 * textLength
  chars += length(seed.credentials) * DEFAULTS.credential + length(seed.products) * DEFAULTS.product + length(seed.sso) * DEFAULTS.sso
  if (Array.isArray(seed.licenses)) {
    chars += seed.licenses.length * DEFAULTS.license
    for (const license of seed.licenses as unknown[]) {
      if (typeof license !== 'object' || license === null) continue
      const { users, devices } = license as Record<string, unknown>
      chars += length(users) * DEFAULTS.user + length(devices) * DEFAULTS.device
    }
  }
  return chars
}

/** Why this document is refused, or undefined when its state fits. */
export function tooLargeState(document: unknown, textLength: number): string | undefined {
  const bound = stateCharsBound(document, textLength)
  if (bound <= MAX_STATE_CHARS) return undefined
  const mib = (chars: number) => `${Math.ceil(chars / 1024 / 1024)} MiB`
  return `the state would take up to ${mib(bound)} as JSON once every default is filled in, more than the ${mib(MAX_STATE_CHARS)} a state may take (GET /__admin/state answers it as one document): send fewer licenses or devices, or split them over tenants`
}
