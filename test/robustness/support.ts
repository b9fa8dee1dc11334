// What the robustness tests share, by concern (fuzz/):
//   endpoints.ts  the endpoint table as the fuzz reads it: paths, methods, input fields, slot-taking checks
//   demo.ts       the demo seed's credentials and coherent identities
//   values.ts     hostile building blocks: strings, JSON, Date, Authorization and Prefer headers
//   requests.ts   request generators (plausible per endpoint, valid, hostile, mixed)
//   oracle.ts     the oracle every answer must pass
//   wire.ts       node:http and raw-socket senders
export { DEMO, DEMO_SEED_FILE, NEW_DEVICES } from './fuzz/demo.ts'
export { allowedAt, endpointsAtPath, ENDPOINTS, mayChangeState, routedTo, SLOT_TAKING } from './fuzz/endpoints.ts'
export { checkAnswer, codeOfAnswer, REQUIRED_OUTCOMES, stateDiff, type Answer, type OracleOptions, type Verdict } from './fuzz/oracle.ts'
export {
  ACTIVATE,
  CHECK,
  DEACTIVATE,
  isTooLarge,
  mixedRequests,
  plausibleRequests,
  plausibleRequestsTo,
  requests,
  splitTarget,
  targetOf,
  validActivations,
  validChecks,
  validDeactivations,
  validRequests,
  type FuzzRequest,
  type RequestShape,
} from './fuzz/requests.ts'
export { objectText } from './fuzz/values.ts'
export { send, sendRaw, type Reply } from './fuzz/wire.ts'

/** Runs per property: a few hundred in `npm test`, `FUZZ_RUNS` for `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
/** A property's time budget grows with its runs (about a millisecond each; ten allowed). */
export const FUZZ_TIMEOUT_MS = Math.max(30_000, RUNS * 10)
