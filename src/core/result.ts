// One way to express an outcome, in core and admin alike: a value, or an error as data.
import type { ErrorBody } from './errors.ts'

export type Result<T, E = ErrorBody> = { ok: true; value: T } | { ok: false; error: E }

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error })

/** A failure of an admin-level operation (tenants, state, faults, clock): HTTP status, message, seed issues. */
export interface Problem {
  status: 400 | 404 | 409 | 413
  message: string
  /** Where in a document and why, for seed and state documents. */
  issues?: { path: string; message: string }[]
}

export const problem = (status: Problem['status'], message: string, issues?: Problem['issues']): { ok: false; error: Problem } =>
  err(issues ? { status, message, issues } : { status, message })
