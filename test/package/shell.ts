// The docs' shell blocks, run one after the other by bash as a reader would type them into one
// terminal: a variable a block sets (DATE, SIG, M, …) is there for the blocks after it. Each
// block runs with `set -e -o pipefail`, so a failing command fails it, and with `curl` made to
// fail on an admin API error (`--fail-with-body` for /__admin URLs): an example that changes the
// mock must succeed, while a License API error is often what an example shows.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const PRELUDE = `curl() {
  case " $* " in
    *"/__admin"*) command curl --fail-with-body "$@" ;;
    *) command curl "$@" ;;
  esac
}
`

/** Names the block assigns (`NAME=…`, `export NAME=…`), to carry to the next blocks. */
export function assignedNames(code: string): string[] {
  return [...new Set([...code.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/gm)].map(([, name]) => name))]
}

export interface ShellSession {
  run(code: string, name: string, timeoutMs: number): Promise<{ ok: boolean; output: string }>
}

export function shellSession(cwd: string, stateDir: string, env: NodeJS.ProcessEnv): ShellSession {
  mkdirSync(stateDir, { recursive: true })
  const prelude = join(stateDir, 'prelude.sh')
  const vars = join(stateDir, 'vars.sh')
  writeFileSync(prelude, PRELUDE)
  writeFileSync(vars, '')
  const carried = new Set<string>()
  return {
    run(code, name, timeoutMs) {
      const block = join(stateDir, `${name}.sh`)
      writeFileSync(block, code)
      for (const variable of assignedNames(code)) carried.add(variable)
      // Saved on exit, a failed block's too: the next blocks then fail for their own reasons only.
      const save = carried.size > 0 ? `trap 'declare -p ${[...carried].join(' ')} > ${quote(`${vars}.next`).replace(/'/g, `'\\''`)} 2>/dev/null' EXIT` : ''
      const script = `${save}\nset -e -o pipefail\nsource ${quote(prelude)}\nsource ${quote(vars)}\nsource ${quote(block)}\n`
      return new Promise((resolve) => {
        const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
        const timer = setTimeout(() => {
          output += `\n(killed after ${timeoutMs} ms)`
          process.kill(-child.pid!, 'SIGKILL')
        }, timeoutMs)
        child.on('close', (code) => {
          clearTimeout(timer)
          if (existsSync(`${vars}.next`)) renameSync(`${vars}.next`, vars)
          resolve({ ok: code === 0, output })
        })
      })
    },
  }
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`
