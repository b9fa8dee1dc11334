// Which Python runs the Python suites: the repository's .venv when there is one, else the active
// virtual environment. Either must hold requirements.txt; the suites check the pins themselves.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const INSTALL = 'python3 -m venv .venv && .venv/bin/pip install -r requirements.txt'

export function findPython(): string | undefined {
  const candidates = [join(ROOT, '.venv', 'bin', 'python')]
  if (process.env.VIRTUAL_ENV) candidates.push(join(process.env.VIRTUAL_ENV, 'bin', 'python'))
  return candidates.find((path) => existsSync(path))
}
