// The public API.
export { createLicenseMock, type LicenseMock, type LicenseMockOptions } from './mock.ts'
export { createHandlers } from './adapters/msw.ts'
export { createEngine, ACTIVATE_PATH, CHECK_PATH, DEACTIVATE_PATH, DEFAULT_TENANT, MAX_BODY_BYTES, type Engine, type EngineOptions, type Tenant } from './core/engine.ts'
export { ERRORS, ERROR_CODES, exampleBody, type ErrorBody, type ErrorCode, type ErrorSpec } from './core/errors.ts'
export { signDate, signedHeaders, type SignedHeaders } from './core/signature.ts'
export { createClock, parseDuration, type Clock, type ClockState } from './core/clock.ts'
export type { Fault, FaultSpec, Faults } from './core/faults.ts'
export type { JournalEntry, JournalFilter } from './core/journal.ts'
export type { Seed, SeedInput, SeedIssue } from './core/seed.ts'
export { snapshotSeed, snapshotSeedText, type SeedSnapshot } from './core/snapshot.ts'
export type {
  ActivateLicenseRequest,
  ActivateLicenseResponse,
  CheckLicenseQuery,
  CheckLicenseResponse,
  CoreRequest,
  CoreResponse,
  DeactivateLicenseRequest,
  ErrorEnvelope,
  LicenseObject,
} from './core/types.ts'
export { createSigner, generateSigningKey, SigningKeyError, type Signer } from './core/signing.ts'
export { InvalidSeedError, loadSeedFile, resolveSeed, DEMO_SEED } from './seed-file.ts'
export { demoSeedPath, demoSigningKeyPath, shippedScenariosPath } from './package-files.ts'
export { startMockServer, type MockServerOptions, type RunningServer } from './server.ts'
export { createHttpAdapter, type HttpAdapter, type HttpAdapterOptions } from './adapters/http.ts'
export { createAdmin, type Admin, type AdminRequest, type AdminResponse } from './adapters/admin.ts'
export { StateFileError } from './state-file.ts'
export * from './scenarios/index.ts'
