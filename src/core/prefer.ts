// Prism's `Prefer: code=400, example=<error code>` grammar: force a documented response per request.
import { ERRORS, ERROR_CODES, fail, isErrorCode, type ErrorCode } from './errors.ts'
import { ok, type Result } from './result.ts'

export type Preference = { kind: 'success' } | { kind: 'error'; code: ErrorCode }

const NOTHING = ok(undefined)

/**
 * `undefined` when the header asks nothing of us (absent, or only `dynamic`/`seed`). `answers`
 * tells the codes the endpoint answers: `code=` alone means the first of them with that status,
 * as Prism takes the first example of the operation's own response.
 */
export function parsePrefer(header: string | undefined, answers: (code: ErrorCode) => boolean = () => true): Result<Preference | undefined> {
  if (!header) return NOTHING
  const params = new Map<string, string>()
  for (const part of header.split(/[,;]/)) {
    const [name, ...rest] = part.split('=')
    if (name.trim()) params.set(name.trim().toLowerCase(), rest.join('=').trim().replace(/^"(.*)"$/, '$1'))
  }
  const example = params.get('example')
  const codeText = params.get('code')
  if (example === undefined && codeText === undefined) return NOTHING
  const status = codeText === undefined ? undefined : /^\d{3}$/.test(codeText) ? Number(codeText) : NaN
  if (Number.isNaN(status)) return fail('invalid_prefer_header', { reason: `code must be a 3-digit status, got "${codeText}"` })
  if (example === 'license_deactivated' || (example === undefined && status === 200)) {
    return status === undefined || status === 200 ? ok({ kind: 'success' }) : fail('invalid_prefer_header', { reason: `example "license_deactivated" is a 200 response, not ${status}` })
  }
  if (example !== undefined) {
    if (!isErrorCode(example)) return fail('invalid_prefer_header', { reason: `no error example named "${example}"` })
    if (status !== undefined && ERRORS[example].status !== status) {
      return fail('invalid_prefer_header', { reason: `example "${example}" is a ${ERRORS[example].status} response, not ${status}` })
    }
    return ok({ kind: 'error', code: example })
  }
  // code alone: the first documented example of that status, as Prism does.
  const code = ERROR_CODES.find((candidate) => ERRORS[candidate].status === status && answers(candidate))
  return code ? ok({ kind: 'error', code }) : fail('invalid_prefer_header', { reason: `the spec has no ${status} response` })
}
