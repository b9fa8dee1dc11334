// `licensespring-mock serve | validate | test`. Exit codes: 0 done, 1 a check failed,
// 2 usage / configuration error. Errors are one line each, never a stack trace.
import { readFileSync } from 'node:fs'
import { DEFAULT_HOST, DEFAULT_PORT, packageVersion, startMockServer, type RunningServer } from './server.ts'
import { CLOCK_RANGE, inClockRange, parseInstant } from './core/clock.ts'
import type { SeedIssue } from './core/seed.ts'
import { InvalidSeedError, loadSeedFile } from './seed-file.ts'
import { ADMIN_TOKEN } from './adapters/admin.ts'
import { SUMMARY } from './about.ts'
import { parseCommandArgs, PROGRAM, UsageError, usageLine } from './cli-args.ts'
import { stopWhenNpxIsGone } from './orphan.ts'
import { invalidAllowedHost, normalizeOrigin } from './adapters/hosts.ts'
import { StateFileError } from './state-file.ts'
import { SigningKeyError } from './core/signing.ts'

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

const processIo: CliIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
}

const USAGE = `Usage: ${PROGRAM} <command> [options]

${SUMMARY}.

Commands:
  serve      start the mock server (the demo seed unless --seed is given)
  validate   check seed files (YAML or JSON)
  test       run scenario files against the mock or another base URL

Options:
  -h, --help       show this help; "${PROGRAM} <command> --help" for a command
  -v, --version    print the version`

const SERVE_USAGE = `Usage: ${PROGRAM} serve [options]

Starts the mock server and prints one line with its URL and credentials when ready.
Stops on SIGINT (Ctrl-C) or SIGTERM.

Options:
  --port N            port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host H            address to bind (default ${DEFAULT_HOST}; 0.0.0.0 for every interface)
  --seed FILE         seed file, YAML or JSON (.json files are read as JSON);
                      default: demo, the demo seed that ships with the package
  --clock ISO         start the license clock at this instant, e.g. 2030-01-01T00:00:00Z
  --journal-size N    how many requests the journal keeps (default 10000)
  --journal-bytes N   how much memory the journal may take, e.g. 64MiB, 512KiB or bytes
                      (default 64MiB); the oldest entries go first
  --admin-token T     require "Authorization: Bearer T" on every /__admin route
                      (or set LICENSESPRING_MOCK_ADMIN_TOKEN; the flag wins)
  --allow-host H      also answer requests whose Host is H (repeat, or comma-separate;
                      .example.com = that domain and its subdomains). On loopback (the
                      default) other non-loopback Host headers get 421; on another
                      address the Host check applies only when this is given
  --admin-origin O    also let the web page at origin O (e.g. https://app.example.com)
                      use /__admin from a browser (repeat, or comma-separate); loopback
                      origins (http://localhost, 127.0.0.1, [::1], any port) always may
  --state-file FILE   keep the default tenant's state in FILE across restarts: loaded at
                      start when it exists (instead of the seed); every change is on
                      disk before it is answered (FILE.wal, compacted into FILE); one
                      server per file (FILE.lock)
  --token-lifetime S  seconds the OAuth tokens the token endpoint issues are valid, for
                      clients without their own token_lifetime in the seed (default 300)
  --signing-key FILE  PEM private key (RSA, >= 2048 bits) to sign activate_license and
                      check_license answers with (default: the demo seed's own key,
                      public on purpose, with the demo seed; else a new key pair each start);
                      the public key is printed at start and served at /__admin/public-key
  -h, --help          show this help`

const VALIDATE_USAGE = `Usage: ${PROGRAM} validate SEED...

Checks seed files (YAML or JSON). Prints "ok FILE" for a valid file and "FILE: path: reason"
for each issue of an invalid one. Exit code 0 when all are valid, 1 otherwise.

Options:
  -h, --help    show this help`

type Command = (args: string[], io: CliIo, env: NodeJS.ProcessEnv) => Promise<number>

const COMMANDS: Record<string, Command> = {
  serve,
  validate,
  async test(args, io) {
    const { runTestCommand } = await import('./scenarios/cli.ts')
    return runTestCommand(args, io)
  },
}

/** Runs the CLI; resolves to the exit code (for `serve`, once the server has shut down). */
export async function main(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv
  try {
    if (name === undefined) {
      io.err(USAGE)
      return 2
    }
    if (name === '-h' || name === '--help') {
      io.out(USAGE)
      return 0
    }
    if (name === 'help') return await main(args.length > 0 ? [args[0], '--help'] : ['--help'], io, env)
    if (name === '-v' || name === '--version') {
      io.out(packageVersion())
      return 0
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
    if (!command) throw new UsageError(name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`)
    return await command(args, io, env)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(usageLine(error.message, error.command))
      return 2
    }
    io.err(`${PROGRAM}: ${oneLine(error)}`)
    return 1
  }
}

function integer(command: string, flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!(value >= min && value <= max)) throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got "${text}"`, command)
  return value
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kib: 1024, kb: 1024, k: 1024, mib: 1024 ** 2, mb: 1024 ** 2, m: 1024 ** 2, gib: 1024 ** 3, gb: 1024 ** 3, g: 1024 ** 3 }

/** `64MiB`, `512KiB`, `1GiB` or a number of bytes. */
function byteSize(command: string, flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const match = /^(\d+)\s*([a-z]*)$/i.exec(text.trim())
  const unit = match ? BYTE_UNITS[match[2].toLowerCase()] : undefined
  const value = match && unit !== undefined ? Number(match[1]) * unit : NaN
  if (!Number.isSafeInteger(value)) throw new UsageError(`--${flag} must be a size such as 64MiB, 512KiB or a number of bytes, got "${text}"`, command)
  return value
}

/** A repeatable option's values, each of which may be a comma-separated list. */
const list = (values: string[] | undefined) => (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean)

async function serve(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseCommandArgs('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    clock: { type: 'string' },
    'journal-size': { type: 'string' },
    'journal-bytes': { type: 'string' },
    'admin-token': { type: 'string' },
    'allow-host': { type: 'string', multiple: true },
    'admin-origin': { type: 'string', multiple: true },
    'state-file': { type: 'string' },
    'signing-key': { type: 'string' },
    'token-lifetime': { type: 'string' },
  })
  if (values.help) {
    io.out(SERVE_USAGE)
    return 0
  }
  const port = integer('serve', 'port', values.port, 0, 65535) ?? DEFAULT_PORT
  const journalSize = integer('serve', 'journal-size', values['journal-size'], 0, 10_000_000)
  const journalBytes = byteSize('serve', 'journal-bytes', values['journal-bytes'])
  const tokenLifetime = values['token-lifetime'] === undefined ? undefined : integer('serve', 'token-lifetime', values['token-lifetime'], 1, 86_400)
  const allowHosts = list(values['allow-host'])
  for (const entry of allowHosts) {
    const problem = invalidAllowedHost(entry)
    if (problem) throw new UsageError(`--allow-host: ${problem}`, 'serve')
  }
  const adminOrigins = list(values['admin-origin'])
  for (const entry of adminOrigins) {
    if (!normalizeOrigin(entry)) throw new UsageError(`--admin-origin: "${entry}" is not an origin such as https://app.example.com (scheme, host and port only)`, 'serve')
  }
  const host = values.host ?? DEFAULT_HOST
  if (values.clock !== undefined && !parseInstant(values.clock)) {
    throw new UsageError(`--clock must be an ISO 8601 date or date-time such as 2030-01-01T00:00:00Z, got "${values.clock}"`, 'serve')
  }
  if (values.clock !== undefined && !inClockRange(parseInstant(values.clock)!.getTime())) {
    throw new UsageError(`--clock must be within ${CLOCK_RANGE}, got "${values.clock}"`, 'serve')
  }

  const fromEnv = env.LICENSESPRING_MOCK_ADMIN_TOKEN === '' ? undefined : env.LICENSESPRING_MOCK_ADMIN_TOKEN
  const adminToken = values['admin-token'] ?? fromEnv
  if (adminToken !== undefined && !ADMIN_TOKEN.test(adminToken)) {
    const source = values['admin-token'] !== undefined ? '--admin-token' : 'LICENSESPRING_MOCK_ADMIN_TOKEN'
    throw new UsageError(`${source} must be printable ASCII characters without spaces`, 'serve')
  }
  const stateFile = values['state-file']
  if (stateFile === '') throw new UsageError('--state-file needs a file path', 'serve')

  const keyFile = values['signing-key']
  if (keyFile === '') throw new UsageError('--signing-key needs a file path', 'serve')
  let signingKey: string | undefined
  if (keyFile !== undefined) {
    try {
      signingKey = readFileSync(keyFile, 'utf8')
    } catch (error) {
      io.err(`${PROGRAM}: signing key ${keyFile}: cannot be read (${(error as NodeJS.ErrnoException).code ?? oneLine(error)})`)
      return 2
    }
  }

  let server: RunningServer
  try {
    server = await startMockServer({ seed: values.seed, port, host, clock: values.clock, journalSize, journalBytes, tokenLifetime, adminToken, allowHosts, adminOrigins, stateFile, signingKey, log: (line) => io.err(line) })
  } catch (error) {
    if (error instanceof SigningKeyError) {
      io.err(`${PROGRAM}: signing key ${keyFile}: ${oneLine(error)}`)
    } else if (error instanceof StateFileError) {
      io.err(`${PROGRAM}: ${oneLine(error)}`)
    } else if (error instanceof InvalidSeedError) {
      for (const line of issueLines(error.source, error.issues)) io.err(`${PROGRAM}: invalid seed ${line}`)
    } else {
      io.err(`${PROGRAM}: ${listenFailure(error, host, port)}`)
    }
    return 2
  }

  const usable = server.engine
    .tenant()!
    .store.credentials()
    .filter((candidate) => !candidate.revoked && !candidate.read_only)
  const hmac = usable.find((candidate) => candidate.api_key !== undefined)
  const client = usable.find((candidate) => candidate.client_id !== undefined)
  const named = [
    ...(hmac ? [`api key ${hmac.api_key}, shared key ${hmac.shared_key}`] : []),
    ...(client ? [`OAuth client ${client.client_id}, secret ${client.client_secret}`] : []),
  ]
  const credentials = named.length > 0 ? named.join('; ') : `the seed has no usable api key (add credentials to it, or create a tenant: POST ${server.url}/__admin/tenants)`
  // Signals are caught before the ready line goes out: a client that stops the server as soon as
  // it reads the line must find the handler there (else the default action kills the process).
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      unwatch()
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    const unwatch = stopWhenNpxIsGone(env, stop)
  })
  // The ready line first (scripts wait for "ready at"), then the public key SDKs verify
  // signatures with, in one write so that whoever sees the ready line sees the key too.
  io.out(
    [
      `${PROGRAM} ready at ${server.url} — ${credentials}`,
      `activation and check answers are signed with this public key (also at ${server.url}/__admin/public-key?format=pem):`,
      server.engine.publicKey.trimEnd(),
    ].join('\n'),
  )
  await stopped
  await server.close()
  return 0
}

function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use (choose another with --port, or --port 0 for any free one)`
  if (code === 'EACCES') return `no permission to listen on ${host}:${port} (choose a port above 1023)`
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on host "${host}": no such local address`
  return `cannot start the server: ${oneLine(error)}`
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, {}, true)
  if (values.help) {
    io.out(VALIDATE_USAGE)
    return 0
  }
  if (positionals.length === 0) throw new UsageError('give at least one seed file', 'validate')
  let failed = false
  for (const file of positionals) {
    try {
      loadSeedFile(file)
      io.out(`ok ${file}`)
    } catch (error) {
      if (!(error instanceof InvalidSeedError)) throw error
      failed = true
      for (const line of issueLines(file, error.issues)) io.out(line)
    }
  }
  return failed ? 1 : 0
}

function issueLines(source: string, issues: readonly SeedIssue[]): string[] {
  return issues.map((issue) => (issue.path ? `${source}: ${issue.path}: ${issue.message}` : `${source}: ${issue.message}`))
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s*\n\s*/g, '; ').slice(0, 1000)
}
