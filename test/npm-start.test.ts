// `npm start &` then `kill $!` stops the server: the start script execs it, so it is the process
// npm waits on and forwards the signal to (through `sh -c` without exec, npm's child was the
// shell, which died and left the server holding its port).
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { afterAll, expect, test } from 'vitest'
import { ROOT, urlOf, type Served } from './support/processes.ts'

/** `npm start -- <args>` from the repository root, as a user starts it. */
function npmStart(args: string[]): Served {
  const npm = process.env.npm_execpath
  const child = npm?.endsWith('.js')
    ? spawn(process.execPath, [npm, 'start', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LICENSESPRING_MOCK_ADMIN_TOKEN: '' } })
    : spawn('npm', ['start', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LICENSESPRING_MOCK_ADMIN_TOKEN: '' } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, stdout: () => stdout, stderr: () => stderr, exit }
}

/** Whether something accepts connections on the port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

/** The process ids below a process (Linux /proc; none elsewhere), to clean up after a failure. */
function descendants(pid: number): number[] {
  try {
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    )
    return children.flatMap((child) => [child, ...descendants(child)])
  } catch {
    return []
  }
}

const leftovers: number[] = []
afterAll(() => {
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone, as it should be
    }
  }
})

test('killing `npm start` stops the server: its port is free again', { timeout: 60_000 }, async () => {
  const started = npmStart(['--port', '0'])
  const port = Number(new URL(await urlOf(started, 40_000)).port)
  expect(await listening(port)).toBe(true)

  leftovers.push(...descendants(started.child.pid!))
  started.child.kill('SIGTERM')
  await started.exit
  // The server closes gracefully on the forwarded signal; give it a moment, then it must be gone.
  let open = true
  for (let attempt = 0; attempt < 100 && open; attempt++) {
    open = await listening(port)
    if (open) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(open, `port ${port} still taken after npm exited; npm output: ${started.stdout()} ${started.stderr()}`).toBe(false)
})
