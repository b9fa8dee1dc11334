// `npm start &` or `npx licensespring-mock serve &`, then `kill $!`, stops the server. npm runs
// both through `sh -c` and forwards the signal to the shell only, which left the server holding
// its port. The start script execs the server, so npm's child is the server itself; under npx the
// server stops when its parent goes (src/orphan.ts).
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { afterAll, expect, test } from 'vitest'
import { ROOT, urlOf, type Served } from './support/processes.ts'

/** `npm <args>` from the repository root, as a user runs it. */
function npm(args: string[]): Served {
  const cli = process.env.npm_execpath
  const env = { ...process.env, LICENSESPRING_MOCK_ADMIN_TOKEN: '' }
  const child = cli?.endsWith('.js')
    ? spawn(process.execPath, [cli, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env })
    : spawn('npm', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env })
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

test.each([
  ['npm start', ['start', '--', '--port', '0']],
  ['npx licensespring-mock serve', ['exec', '--no-install', '--', 'licensespring-mock', 'serve', '--port', '0']],
])('killing `%s` stops the server: its port is free again', { timeout: 60_000 }, async (_name, args) => {
  const started = npm(args)
  const port = Number(new URL(await urlOf(started, 40_000)).port)
  expect(await listening(port)).toBe(true)

  leftovers.push(...descendants(started.child.pid!))
  started.child.kill('SIGTERM')
  await started.exit
  // The server closes gracefully once it learns; give it a moment, then it must be gone.
  let open = true
  for (let attempt = 0; attempt < 100 && open; attempt++) {
    open = await listening(port)
    if (open) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(open, `port ${port} still taken after npm exited; npm output: ${started.stdout()} ${started.stderr()}`).toBe(false)
})
