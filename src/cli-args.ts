// Command-line options of every command (serve, validate, test): node's parseArgs, with each of
// its errors told as one short sentence, and one line format for every usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util'

export const PROGRAM = 'licensespring-mock'

/** A usage error: one line with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command it is about, for the hint; the program when absent. */
    readonly command?: string,
  ) {
    super(message)
  }
}

/** `licensespring-mock serve: --port needs a value (run "licensespring-mock serve --help" for usage)` */
export function usageLine(message: string, command?: string): string {
  const scope = command ? `${PROGRAM} ${command}` : PROGRAM
  return `${scope}: ${message} (run "${scope} --help" for usage)`
}

type Options = NonNullable<ParseArgsConfig['options']>
type WithHelp<T extends Options> = T & { help: { type: 'boolean'; short: 'h' } }
/** What parseArgs returns for these options (written out: declarations cannot name node's own type for it). */
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: WithHelp<T>; strict: true; allowPositionals: boolean }>>

/** parseArgs in strict mode, `-h`/`--help` added; throws UsageError with a message of our own. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T, allowPositionals = false): Parsed<T> {
  const all: WithHelp<T> = { ...options, help: { type: 'boolean', short: 'h' } }
  try {
    return parseArgs({ args: joinDashValues(args, all), options: all, strict: true, allowPositionals })
  } catch (error) {
    throw new UsageError(explain(error), command)
  }
}

/**
 * `--port -1` → `--port=-1`: parseArgs refuses a value that starts with a dash as ambiguous, and
 * the option's own check then says what is wrong with it. A following `--name` stays an option
 * (`--seed --port 0` is a missing value).
 */
function joinDashValues(args: string[], options: Options): string[] {
  const shorts = new Set(Object.values(options).flatMap((option) => (option.short ? [`-${option.short}`] : [])))
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const next = args[i + 1]
    const name = arg.startsWith('--') ? arg.slice(2) : undefined
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && !next.startsWith('--') && !shorts.has(next)) {
      out.push(`${arg}=${next}`)
      i++
    } else out.push(arg)
  }
  return out
}

/** parseArgs' error as one sentence, without its advice about `--`. */
function explain(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
  const option = quoted.split(' ')[0]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${option}"`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message) ? `${option} takes no value` : `${option} needs a value`
    default:
      return message.split(/\.\s/)[0].replace(/\.$/, '')
  }
}
