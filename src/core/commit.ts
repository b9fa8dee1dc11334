// What a client gets for a change that could not be made durable: the documented 503
// `state_not_saved`. The change itself stays applied in memory (it is retried by the saver), so
// the answer says so instead of pretending it failed. Adapters call this when `commit` rejects.
import { fail } from './errors.ts'
import type { CoreResponse } from './types.ts'

export function unsaved(error: unknown): CoreResponse {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200)
  const { error: body } = fail('state_not_saved', { reason })
  return { status: body.status, headers: { 'content-type': 'application/json', 'retry-after': '1' }, body: JSON.stringify(body), code: body.code }
}
