// `npx licensespring-mock serve &` then `kill $!`: npm exec runs the server through `sh -c` and
// forwards the signal to the shell only, so the server would live on, holding its port. npm exec
// waits on its child until it is itself stopped, so under it a new parent process means npx is
// gone, and the server stops as it would on SIGTERM. Elsewhere a new parent is normal (a CI step
// that backgrounds the server and exits), and nothing is watched.

/** Calls `stop` once the parent process is gone, when started by `npm exec`/`npx`; returns a function that stops watching. */
export function stopWhenNpxIsGone(env: NodeJS.ProcessEnv, stop: () => void, everyMs = 500): () => void {
  if (env.npm_command !== 'exec') return () => undefined
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop()
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
