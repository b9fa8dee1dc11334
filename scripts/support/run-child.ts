// Runs one client process (pytest, schemathesis, go, java) to its end: output shown as it comes
// (and kept, for checks), a generous time limit so a hung client cannot hang CI, and ended with
// this process on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process'

export interface ChildResult {
  /** The exit code; null when it was ended by a signal or the time limit. */
  code: number | null
  output: string
  timedOut: boolean
  /** Why it could not start (e.g. the command is not installed). */
  error?: string
  ms: number
}

export interface ChildOptions {
  cwd?: string
  env?: Record<string, string>
  /** Default 20 minutes: far above any run on a busy machine, below CI's own limit. */
  timeoutMs?: number
  /** Show the output as it comes (default true). */
  echo?: boolean
}

const running = new Set<ChildProcess>()
let stopped = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopped = true
    for (const child of running) child.kill('SIGTERM')
    process.exitCode = signal === 'SIGINT' ? 130 : 143
    // The children end, their 'close' events resolve the runs, and the callers clean up.
  })
}

/** True once SIGINT or SIGTERM came: callers start nothing more and clean up. */
export const interrupted = () => stopped

export function runChild(command: string, args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    running.add(child)
    let output = ''
    let timedOut = false
    let error: string | undefined
    const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString()
      if (options.echo !== false) stream.write(chunk)
    }
    child.stdout!.on('data', keep(process.stdout))
    child.stderr!.on('data', keep(process.stderr))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs ?? 20 * 60_000)
    child.on('error', (cause) => (error = cause.message))
    child.on('close', (code) => {
      clearTimeout(timer)
      running.delete(child)
      resolve({ code: timedOut ? null : code, output, timedOut, error, ms: Date.now() - started })
    })
  })
}
