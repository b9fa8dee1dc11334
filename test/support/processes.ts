// Served processes for the tests that need a real one: the CLI's `serve` (bin script) and small
// fixture scripts, with their output captured.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BIN = join(ROOT, 'bin', 'licensespring-mock.js')

export interface Served {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

/** `node <args>` from the repository root, stdout and stderr captured. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv = {}): Served {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LICENSESPRING_MOCK_ADMIN_TOKEN: '', ...env } })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, stdout: () => stdout, stderr: () => stderr, exit }
}

/** `licensespring-mock <args>` through the bin script. */
export const spawnCli = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnNode([BIN, ...args], env)

/** The base URL once the process printed a line with it (the CLI's ready line, or a fixture's). */
export async function urlOf(served: Served, timeoutMs = 20_000): Promise<string> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(served.stdout())
    if (match) return match[1]
    if (served.child.exitCode !== null) throw new Error(`exited ${served.child.exitCode}: ${served.stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`no URL printed; stdout ${served.stdout()} stderr ${served.stderr()}`)
}
