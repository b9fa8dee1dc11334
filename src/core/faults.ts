// Faults QA asks for at run time (admin API or in-process): match a request by its body fields,
// then answer an error, wait, or break the connection; optionally only `times` times.
import { z } from 'zod'
import { ENDPOINTS } from './endpoints/index.ts'
import { ERROR_CODES, type ErrorCode } from './errors.ts'
import { formatPath } from './seed.ts'
import { ok, problem, type Problem, type Result } from './result.ts'
import type { NetworkFault } from './types.ts'

export const faultSpecSchema = z
  .strictObject({
    match: z
      .strictObject({
        license_key: z.string().optional(),
        username: z.string().optional(),
        hardware_id: z.string().optional(),
        product: z.string().optional(),
        /** The OAuth client whose Bearer token a License API request carries. */
        client_id: z.string().optional(),
        endpoint: z.enum(ENDPOINTS.map((endpoint) => endpoint.name) as [string, ...string[]]).optional(),
      })
      .default({}),
    error: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).optional(),
    status: z.number().int().min(100).max(599).optional(),
    delay_ms: z.number().int().min(0).max(600_000).optional(),
    network: z.enum(['reset', 'timeout', 'empty']).optional(),
    times: z.number().int().min(1).optional(),
  })
  .refine((spec) => spec.error !== undefined || spec.delay_ms !== undefined || spec.network !== undefined, {
    message: 'a fault needs at least one of error, delay_ms or network',
  })
  .refine((spec) => spec.status === undefined || spec.error !== undefined, { message: 'status needs error', path: ['status'] })
  .refine((spec) => !(spec.error && spec.network), { message: 'choose error or network, not both', path: ['network'] })

const RETRIED: ReadonlySet<ErrorCode> = new Set(['oauth_token_expired', 'oauth_token_malformed'])

export type FaultSpec = z.input<typeof faultSpecSchema>
export type Fault = z.output<typeof faultSpecSchema> & { id: string; hits: number }

/** The request fields faults match on (from a lenient parse of the body, or check_license's query). */
export type FaultTarget = Partial<Record<'license_key' | 'username' | 'hardware_id' | 'product' | 'client_id', unknown>>

export interface FaultResult {
  error?: ErrorCode
  status?: number
  delayMs?: number
  network?: NetworkFault
}

export interface Faults {
  add(spec: unknown): Result<Fault, Problem>
  list(): Fault[]
  remove(id: string): boolean
  clear(): void
  /** No fault is set: the common case, answered without building a match target. */
  readonly empty: boolean
  /** The first matching fault whose error (if any) the endpoint answers (`answers`), counted as fired. */
  take(target: FaultTarget, endpoint?: string, answers?: (code: ErrorCode) => boolean): Fault | undefined
}

export function createFaults(): Faults {
  let faults: Fault[] = []
  let sequence = 0
  return {
    add(spec) {
      const parsed = faultSpecSchema.safeParse(spec)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return problem(400, `${formatPath(issue.path) || 'fault'}: ${issue.message}`)
      }
      // The Python SDK retries these two without bound: unless told otherwise they fire once.
      const times = parsed.data.times ?? (parsed.data.error !== undefined && RETRIED.has(parsed.data.error) ? 1 : undefined)
      const fault: Fault = { ...parsed.data, ...(times === undefined ? {} : { times }), id: `fault-${++sequence}`, hits: 0 }
      faults.push(fault)
      return ok(fault)
    },
    list: () => faults.map((fault) => ({ ...fault })),
    get empty() {
      return faults.length === 0
    },
    remove(id) {
      const before = faults.length
      faults = faults.filter((fault) => fault.id !== id)
      return faults.length < before
    },
    clear() {
      faults = []
    },
    take(target, endpoint, answers) {
      const fault = faults.find((candidate) => matches(candidate, target, endpoint) && (candidate.error === undefined || answers === undefined || answers(candidate.error)))
      if (!fault) return undefined
      fault.hits += 1
      if (fault.times !== undefined && fault.hits >= fault.times) faults = faults.filter((other) => other !== fault)
      return fault
    },
  }
}

function matches(fault: Fault, target: FaultTarget, endpoint: string | undefined): boolean {
  return Object.entries(fault.match).every(([field, value]) => {
    if (value === undefined) return true
    if (field === 'endpoint') return value === endpoint
    const actual = target[field as keyof FaultTarget]
    // Usernames are e-mails and match case-insensitively, as the license lookup does.
    return field === 'username' && typeof actual === 'string' ? actual.toLowerCase() === value.toLowerCase() : actual === value
  })
}
