// `npm run test:package`: the package as its users get it. Packs this repository (`npm pack`,
// prepack builds), installs the tarball into a fresh project with msw and vitest at the versions
// this repository pins, and there:
//
// - checks that the tarball holds what users need and no tests;
// - loads the package with `import` and with `require` (Node >= 20.19 loads ES modules from
//   require());
// - runs every JavaScript, TypeScript and shell example of README.md and docs/**/*.md verbatim
//   (see examples.ts for how each kind runs; docs/contributing.md for writers), except blocks
//   marked `<!-- not run: reason -->`, which are listed with their reasons;
// - compiles the TypeScript examples with a strict tsc (module nodenext,
//   noUncheckedIndexedAccess, exactOptionalPropertyTypes): 0 errors;
// - times `npx licensespring-mock serve` from the install to its ready line.
//
// Slow (a build, an install, a few servers): not part of `npm test`; .ci/run calls it after.
// Prints one line per check and closes with "N passed, N failed, N skipped". LICENSESPRING_MOCK_KEEP=1
// keeps the temporary folder for a look.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { emittedFile, exampleOf, foreignHosts, typeErrors, type Example } from './examples.ts'
import { codeBlocks } from './markdown.ts'
import { missingFrom, pack, testFilesIn } from './pack.ts'
import { copyShippedFolders, createProject, importedPackages } from './project.ts'
import { shellSession } from './shell.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The port the docs' examples name. */
const DOCS_PORT = 4010
/** Start-up beyond which the check fails even on a loaded machine (the target is under 1 s; see timeServe). */
const STARTUP_FAILS_MS = 5000

interface Outcome {
  status: 'passed' | 'failed' | 'skipped'
  name: string
  detail?: string
}
const outcomes: Outcome[] = []

/** One line per check; a failure's detail (the output) under it. */
function report(status: Outcome['status'], name: string, detail?: string): void {
  outcomes.push({ status, name, detail })
  const mark = status === 'passed' ? '✓' : status === 'failed' ? '✗' : '-'
  console.log(`${mark} ${name}${status === 'failed' && detail ? `\n${indent(detail)}` : ''}`)
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .slice(-60)
    .map((line) => `    ${line}`)
    .join('\n')

/** The docs whose examples run: README.md, then docs/**\/*.md in path order. */
function docs(): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    if (!existsSync(join(ROOT, dir))) return
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) walk(`${dir}/${entry.name}`)
      else if (entry.name.endsWith('.md')) found.push(`${dir}/${entry.name}`)
    }
  }
  walk('docs')
  return ['README.md', ...found]
}

/** The environment a user's shell has: none of npm's own variables from `npm run test:package`. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LICENSESPRING_MOCK_ADMIN_TOKEN: '' }
  for (const name of Object.keys(env)) if (name.startsWith('npm_') || name === 'INIT_CWD') delete env[name]
  delete env.LICENSESPRING_MOCK_FROM_SOURCES
  return env
}

/** 4010 when it is free (the examples then run byte for byte as written), else any free port. */
function choosePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(0))
    probe.listen(DOCS_PORT, '127.0.0.1', () => probe.close(() => resolve(DOCS_PORT)))
  })
}

interface Started {
  url: string
  /** From spawning to the ready line, in ms. */
  readyMs: number
  stop(): Promise<void>
}

/** A command that prints the ready line, in a process group of its own (npx runs the server through a shell: the whole group is stopped). */
function startServer(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Started> {
  const started = performance.now()
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL')
      reject(new Error(`no ready line within 30 s:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /ready at (http:\/\/[^\s]+)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.stdout.resume()
      resolve({
        url: match[1],
        readyMs: performance.now() - started,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM')
          await exited
        },
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before the ready line:\n${output}`))
    })
  })
}

/** Runs a command to its end; output is stdout and stderr together. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`
      process.kill(-child.pid!, 'SIGKILL')
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ ok: code === 0, output })
    })
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const label = (example: Example) => `${example.doc}:${example.line} (${example.lang}, ${example.runner === 'shell' ? 'bash' : example.runner})`

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'licensespring-mock-package-'))
  const project = join(work, 'project')
  const env = userEnv()
  const servers: Started[] = []
  try {
    // The tarball.
    const packed = pack(ROOT, work)
    const documents = docs()
    console.log(`packed ${relative(work, packed.tarball)}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} KiB (${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked)`)
    const tests = testFilesIn(packed.files)
    report(tests.length === 0 ? 'passed' : 'failed', 'the tarball holds no tests', tests.join('\n'))
    const missing = missingFrom(packed.files, documents)
    report(missing.length === 0 ? 'passed' : 'failed', 'the tarball holds the API, its types, the CLI, the spec, scenarios, seeds, schema, README, docs and LICENSE', `missing: ${missing.join(', ')}`)

    // The examples, and the project that runs them.
    const blocks = documents.flatMap((doc) => codeBlocks(doc, readFileSync(join(ROOT, doc), 'utf8')))
    const examples = blocks.flatMap((block) => exampleOf(block) ?? [])
    const other = blocks.filter((block) => !exampleOf(block))
    const manifest = readJson(join(ROOT, 'package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
    const pins = { ...manifest.dependencies, ...manifest.devDependencies }
    // An example that would reach another machine fails instead of running.
    const toRun = examples.filter((example) => {
      if (example.notRun !== undefined) return false
      const hosts = foreignHosts(example)
      if (hosts.length > 0) report('failed', label(example), `names ${hosts.join(', ')}, not on this machine: it must not run here (mark it <!-- not run: reason -->)`)
      return hosts.length === 0
    })
    createProject(project, packed.tarball, importedPackages(toRun.filter((example) => example.runner !== 'shell').map((example) => example.code)), pins)
    copyShippedFolders(project)
    console.log(`installed it into a fresh project with ${Object.keys((readJson(join(project, 'package.json')) as { dependencies: object }).dependencies).join(', ')}`)

    await loadsInPlainNode(project, env)

    // One server from the install for the examples that talk to one; reset before each.
    const port = await choosePort()
    const server = await startServer(join(project, 'node_modules', '.bin', 'licensespring-mock'), ['serve', '--port', String(port)], project, env)
    servers.push(server)
    const served = new URL(server.url)
    const rewrite = (code: string) => (served.port === String(DOCS_PORT) ? code : code.replaceAll(`127.0.0.1:${DOCS_PORT}`, served.host).replaceAll(`localhost:${DOCS_PORT}`, served.host))
    if (served.port !== String(DOCS_PORT)) console.log(`port ${DOCS_PORT} is taken on this machine: the examples' ${DOCS_PORT} is rewritten to ${served.port}`)

    for (const example of toRun) {
      if (example.runner === 'shell') continue
      const file = join(project, 'docs-examples', example.dir, example.file)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, rewrite(example.code))
    }
    const typescript = toRun.filter((example) => example.typescript)
    let compiled = true
    if (typescript.length > 0) {
      const tsc = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project, env)
      const { ours, theirs } = typeErrors(tsc.output)
      compiled = ours.length === 0 && (tsc.ok || theirs.length > 0)
      report(compiled ? 'passed' : 'failed', `the ${typescript.length} TypeScript examples and the package's declarations compile with a strict tsc (module nodenext, noUncheckedIndexedAccess, exactOptionalPropertyTypes, skipLibCheck off): ${ours.length} errors`, ours.join('\n') || tsc.output)
      if (theirs.length > 0) console.log(`  (not counted: ${theirs.length} errors inside other packages' declarations, ${[...new Set(theirs.map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(line)?.[1]))].join(', ')}; skipLibCheck hides them)`)
    }

    // The examples that run on their own, in the docs' order (a later one may use what an earlier one made).
    const shell = shellSession(project, join(work, 'shell'), env)
    for (const example of toRun) {
      if (example.runner === 'vitest') continue
      if (example.typescript && !compiled) {
        report('failed', label(example), 'not run: the TypeScript examples do not compile')
        continue
      }
      const reset = await fetch(`${server.url}/__admin/reset`, { method: 'POST' })
      if (!reset.ok) throw new Error(`POST /__admin/reset answered ${reset.status}`)
      const result =
        example.runner === 'shell'
          ? await shell.run(rewrite(example.code), example.dir, 180_000)
          : await run(process.execPath, [...(example.runner === 'node-test' ? ['--test'] : []), example.typescript ? join('build', emittedFile(example)) : join('docs-examples', example.dir, example.file)], project, env)
      report(result.ok ? 'passed' : 'failed', label(example), result.output)
    }

    // The vitest examples, as test files of the project.
    const tests_ = toRun.filter((example) => example.runner === 'vitest')
    if (tests_.length > 0) {
      const outputFile = join(work, 'vitest.json')
      const vitest = await run(process.execPath, [join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'docs-examples/', '--reporter=json', `--outputFile=${outputFile}`], project, env, 300_000)
      const results = existsSync(outputFile) ? ((readJson(outputFile) as { testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] }).testResults ?? []) : []
      for (const example of tests_) {
        const file = join(project, 'docs-examples', example.dir, example.file)
        const result = results.find((candidate) => candidate.name === file)
        const failures = result?.assertionResults.filter((assertion) => assertion.status === 'failed') ?? []
        const passed = result !== undefined && result.status === 'passed' && failures.length === 0
        const count = result ? `: ${result.assertionResults.filter((assertion) => assertion.status === 'passed').length} tests passed` : ''
        report(passed ? 'passed' : 'failed', `${label(example)}${count}`, result ? [result.message ?? '', ...failures.flatMap((failure) => [failure.fullName, ...failure.failureMessages])].join('\n') : vitest.output)
      }
    }

    for (const example of examples.filter((candidate) => candidate.notRun !== undefined)) report('skipped', `${label(example)}: ${example.notRun}`)
    const languages = [...new Set(other.map((block) => block.lang || 'plain text'))].join(', ')
    console.log(`(${other.length} blocks in other languages are not examples this runs: ${languages})`)

    await servers.pop()!.stop()
    await timeServe(project, env)
  } catch (error) {
    report('failed', 'test:package', error instanceof Error ? (error.stack ?? error.message) : String(error))
  } finally {
    for (const server of servers) await server.stop()
    if (process.env.LICENSESPRING_MOCK_KEEP) console.log(`kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
  const count = (status: Outcome['status']) => outcomes.filter((outcome) => outcome.status === status).length
  console.log(`\n${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`)
  return count('failed') > 0 ? 1 : 0
}

/** The package from plain Node, as ESM and as CommonJS (require of an ES module, Node >= 20.19), with the demo seed found from the package. */
async function loadsInPlainNode(project: string, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = join(project, 'checks')
  mkdirSync(dir, { recursive: true })
  const body = `
assert.equal(typeof api.createLicenseMock, 'function')
assert.ok(fs.existsSync(api.demoSeedPath), api.demoSeedPath)
assert.ok(fs.existsSync(api.shippedScenariosPath), api.shippedScenariosPath)
const mock = api.createLicenseMock()
assert.ok(mock.handlers.length > 0)
`
  writeFileSync(join(dir, 'import.mjs'), `import assert from 'node:assert/strict'\nimport fs from 'node:fs'\nimport * as api from 'licensespring-mock'\n${body}\nconst server = await api.startMockServer({ port: 0 })\nassert.equal((await (await fetch(server.url + '/__admin/health')).json()).status, 'ok')\nawait server.close()\n`)
  writeFileSync(join(dir, 'require.cjs'), `const assert = require('node:assert/strict')\nconst fs = require('node:fs')\nconst api = require('licensespring-mock')\n${body}\nmock.state.get().then((state) => assert.equal(state.credentials[0].api_key, 'demo-api-key'))\n`)
  for (const [name, file] of [
    ['import', 'import.mjs'],
    ['require', 'require.cjs'],
  ] as const) {
    const result = await run(process.execPath, [join('checks', file)], project, env)
    const warned = /ExperimentalWarning|Warning:/.test(result.output)
    report(result.ok && !warned ? 'passed' : 'failed', `${name}('licensespring-mock') works in plain Node from the install, with no warning`, result.output)
  }
}

/**
 * `npx licensespring-mock serve` from the install to its ready line, and the bin itself (npx adds
 * npm's own start): three runs each, printed with the machine's load. Start-up is a figure, not a
 * timed test: on a shared, loaded machine it says little, so the check fails only when even the
 * fastest run of the bin is past STARTUP_FAILS_MS (a hang, or a start far from the bundle's).
 */
async function timeServe(project: string, env: NodeJS.ProcessEnv): Promise<void> {
  const times = async (command: string, args: string[]) => {
    const runs: number[] = []
    for (let i = 0; i < 3; i++) {
      const server = await startServer(command, args, project, env)
      runs.push(server.readyMs)
      await server.stop()
    }
    return runs
  }
  const npx = await times('npx', ['--no-install', 'licensespring-mock', 'serve', '--port', '0'])
  const bin = await times(join(project, 'node_modules', '.bin', 'licensespring-mock'), ['serve', '--port', '0'])
  const figures = (runs: number[]) => `median ${median(runs).toFixed(0)} ms, fastest ${Math.min(...runs).toFixed(0)} ms (runs ${runs.map((ms) => ms.toFixed(0)).join(', ')})`
  const load = `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`
  console.log(`  ready line from the install (target < 1 s; ${load}):`)
  console.log(`    npx licensespring-mock serve: ${figures(npx)}`)
  console.log(`    node_modules/.bin/licensespring-mock serve: ${figures(bin)}`)
  const fastest = Math.min(...bin)
  report(fastest < STARTUP_FAILS_MS ? 'passed' : 'failed', `licensespring-mock serve from the install prints its ready line (fastest run ${fastest.toFixed(0)} ms; fails only past ${STARTUP_FAILS_MS} ms)`)
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))

process.exitCode = await main()
