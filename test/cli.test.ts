// The CLI: `serve` as a real process (ready line, signals, exit codes), `validate`, help and
// usage errors. Fast cases call `main` in-process; process behaviour spawns the bin script.
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { main } from '../src/cli.ts'
import { signedHeaders } from '../src/core/signature.ts'
import { generateSigningKey } from '../src/core/signing.ts'
import { startMockServer } from '../src/server.ts'
import { tempFolder } from './support/files.ts'
import { ROOT, spawnCli, type Served as Spawned } from './support/processes.ts'
import { assertConformsToSpec } from './support/spec.ts'
import { DEMO } from './support/demo.ts'

const DEMO_SEED = join(ROOT, 'scenarios', 'seeds', 'demo.yaml')
const { dir, write } = tempFolder('cli')
const BROKEN = write('broken.yaml', 'products: [{ short_code: app }]\nlicenses:\n  - { product: missing, license_key: K }\n')
const GOOD = write('good.yaml', 'credentials: [{ api_key: k, shared_key: s }]\nproducts: [{ short_code: app }]\n')
const TWO_ISSUES = write('two.json', JSON.stringify({ credentials: [{ api_key: 'k' }], produtcs: [] }))
const NO_KEYS = write('no-keys.yaml', 'credentials: [{ api_key: r, shared_key: s, revoked: true }]\n')

/** main() with its output captured. */
async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) })
  return { code, out: out.join('\n'), err: err.join('\n'), outLines: out, errLines: err }
}

const READY = /^licensespring-mock ready at (http:\/\/127\.0\.0\.1:(\d+)) — (.*)\n/

async function waitForReady(spawned: Spawned, timeoutMs = 20_000): Promise<string> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const match = READY.exec(spawned.stdout())
    if (match) return match[1]
    if (spawned.child.exitCode !== null) throw new Error(`exited ${spawned.child.exitCode}: ${spawned.stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no ready line; stdout ${spawned.stdout()} stderr ${spawned.stderr()}`)
}

describe('serve (a real process)', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('prints one ready line with the demo credentials, serves, and exits 0 on %s', async (signal) => {
    const spawned = spawnCli(['serve', '--port', '0'])
    const url = await waitForReady(spawned)
    expect(spawned.stdout()).toMatch(/^[^\n]* — api key demo-api-key, shared key demo-shared-key; OAuth client demo-client-id, secret demo-client-secret\n/)
    const publicKey = await (await fetch(`${url}/__admin/public-key?format=pem`)).text()

    const signed = signedHeaders(DEMO)
    const response = await fetch(`${url}/api/v4/deactivate_license`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', date: signed.Date, authorization: signed.Authorization },
      body: JSON.stringify({ hardware_id: 'demo-device-1', product: 'demo', license_key: 'DEMO-OK-0001' }),
    })
    const text = await response.text()
    expect(response.status).toBe(200)
    expect(text).toBe('"license_deactivated"')
    assertConformsToSpec(response.status, text)

    spawned.child.kill(signal)
    expect(await spawned.exit).toEqual({ code: 0, signal: null })
    // The ready line, then the public key SDKs verify signatures with, and nothing else.
    const [ready, intro, ...pem] = spawned.stdout().split('\n').filter(Boolean)
    expect(`${ready}\n`).toMatch(READY)
    expect(intro).toBe(`activation and check answers are signed with this public key (also at ${url}/__admin/public-key?format=pem):`)
    expect(`${pem.join('\n')}\n`).toBe(publicKey)
    expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/)
    expect(spawned.stderr()).toBe('')
  })

  test('--seed, --clock and --journal-size are honoured', async () => {
    const seed = write('clocked.yaml', 'credentials: [{ api_key: ck, shared_key: cs }]\nproducts: [{ short_code: app }]\n')
    const spawned = spawnCli(['serve', '--port', '0', '--seed', seed, '--clock', '2031-02-03T04:05:06Z', '--journal-size', '1'])
    const url = await waitForReady(spawned)
    expect(spawned.stdout()).toContain('api key ck, shared key cs')
    const clock = (await (await fetch(`${url}/__admin/clock`)).json()) as { now: string }
    expect(clock.now.startsWith('2031-02-03T04:0')).toBe(true)
    await fetch(`${url}/api/v4/nothing`, { method: 'POST' })
    await fetch(`${url}/api/v4/nothing-else`, { method: 'POST' })
    const journal = (await (await fetch(`${url}/__admin/requests`)).json()) as { requests: { path: string }[] }
    expect(journal.requests.map((entry) => entry.path)).toEqual(['/api/v4/nothing-else'])
    spawned.child.kill('SIGTERM')
    expect((await spawned.exit).code).toBe(0)
  })

  test('a seed without a usable api key says so in the ready line', async () => {
    const spawned = spawnCli(['serve', '--port', '0', '--seed', NO_KEYS])
    await waitForReady(spawned)
    expect(spawned.stdout()).toMatch(/the seed has no usable api key \(.*POST http:\/\/127\.0\.0\.1:\d+\/__admin\/tenants\)/)
    spawned.child.kill('SIGTERM')
    expect((await spawned.exit).code).toBe(0)
  })

  test('a broken seed: exit 2, one line naming the file, the path and the reason', async () => {
    const spawned = spawnCli(['serve', '--port', '0', '--seed', BROKEN])
    expect((await spawned.exit).code).toBe(2)
    expect(spawned.stdout()).toBe('')
    expect(spawned.stderr()).toBe(`licensespring-mock: invalid seed ${BROKEN}: licenses[0].product: unknown product "missing" (declare it under products)\n`)
  })

  test('a missing seed file: exit 2, one line', async () => {
    const missing = join(dir, 'nope.yaml')
    const spawned = spawnCli(['serve', '--port', '0', '--seed', missing])
    expect((await spawned.exit).code).toBe(2)
    expect(spawned.stderr()).toBe(`licensespring-mock: invalid seed ${missing}: file not found\n`)
  })

  test('a port in use: exit 2, one clear line', async () => {
    const taken = await startMockServer({ port: 0 })
    try {
      const spawned = spawnCli(['serve', '--port', String(taken.port)])
      expect((await spawned.exit).code).toBe(2)
      expect(spawned.stderr()).toBe(`licensespring-mock: port ${taken.port} on 127.0.0.1 is already in use (choose another with --port, or --port 0 for any free one)\n`)
    } finally {
      await taken.close()
    }
  })

  test('--signing-key: answers are signed with that key, and its public key is the one printed', async () => {
    const key = write('signing.pem', await generateSigningKey())
    const spawned = spawnCli(['serve', '--port', '0', '--signing-key', key])
    const url = await waitForReady(spawned)
    const expected = createPublicKey(createPrivateKey(readFileSync(key, 'utf8'))).export({ type: 'spki', format: 'pem' }).toString()
    expect(spawned.stdout()).toContain(expected.trimEnd())
    expect(await (await fetch(`${url}/__admin/public-key`)).json()).toEqual({ public_key: expected, algorithm: 'RSA-SHA256', format: 'spki-pem' })
    spawned.child.kill('SIGTERM')
    expect((await spawned.exit).code).toBe(0)
  })

  test.each([
    ['not a key', 'hello', /^licensespring-mock: signing key .*: not a PEM private key \(.+\)\n$/],
    ['an EC key', generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey, /^licensespring-mock: signing key .*: the signing key must be RSA, got ec\n$/],
    ['a 1024-bit RSA key', generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey, /^licensespring-mock: signing key .*: the signing key must have at least 2048 bits, got 1024\n$/],
  ])('--signing-key with %s: exit 2, one line', async (name, content, message) => {
    const spawned = spawnCli(['serve', '--port', '0', '--signing-key', write(`${name.replaceAll(' ', '-')}.pem`, content)])
    expect((await spawned.exit).code).toBe(2)
    expect(spawned.stdout()).toBe('')
    expect(spawned.stderr()).toMatch(message)
  })

  test('--signing-key naming no file: exit 2, one line', async () => {
    const missing = join(dir, 'no-key.pem')
    const spawned = spawnCli(['serve', '--port', '0', '--signing-key', missing])
    expect((await spawned.exit).code).toBe(2)
    expect(spawned.stderr()).toBe(`licensespring-mock: signing key ${missing}: cannot be read (ENOENT)\n`)
  })

  test('validate through the bin script: exit codes 0 and 1', async () => {
    const ok = spawnCli(['validate', GOOD, DEMO_SEED])
    expect((await ok.exit).code).toBe(0)
    expect(ok.stdout()).toBe(`ok ${GOOD}\nok ${DEMO_SEED}\n`)
    const bad = spawnCli(['validate', BROKEN])
    expect((await bad.exit).code).toBe(1)
  })
})

describe('serve usage errors (in-process)', () => {
  test.each([
    [['serve', '--prot', '1'], 'licensespring-mock serve: unknown option "--prot" (run "licensespring-mock serve --help" for usage)'],
    [['serve', '--port', 'abc'], 'licensespring-mock serve: --port must be an integer from 0 to 65535, got "abc" (run "licensespring-mock serve --help" for usage)'],
    [['serve', '--port', '70000'], 'licensespring-mock serve: --port must be an integer from 0 to 65535, got "70000" (run "licensespring-mock serve --help" for usage)'],
    [['serve', '--journal-size=-1'], 'licensespring-mock serve: --journal-size must be an integer from 0 to 10000000, got "-1" (run "licensespring-mock serve --help" for usage)'],
    [['serve', '--clock', 'tomorrow'], 'licensespring-mock serve: --clock must be an ISO 8601 date or date-time such as 2030-01-01T00:00:00Z, got "tomorrow" (run "licensespring-mock serve --help" for usage)'],
    [['serve', '--port'], 'licensespring-mock serve: --port needs a value (run "licensespring-mock serve --help" for usage)'],
    [['serve', 'extra'], 'licensespring-mock serve: unexpected argument "extra" (run "licensespring-mock serve --help" for usage)'],
  ])('%j → exit 2 and one line', async (argv, line) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.errLines).toEqual([line])
    expect(result.out).toBe('')
  })
})

describe('validate', () => {
  test('all valid → exit 0, "ok FILE" per file', async () => {
    const result = await run(['validate', GOOD, DEMO_SEED])
    expect(result.code).toBe(0)
    expect(result.outLines).toEqual([`ok ${GOOD}`, `ok ${DEMO_SEED}`])
    expect(result.err).toBe('')
  })

  test('any invalid → exit 1, "FILE: path: message" per issue, valid files still reported', async () => {
    const result = await run(['validate', GOOD, BROKEN, TWO_ISSUES, join(dir, 'absent.yaml')])
    expect(result.code).toBe(1)
    expect(result.outLines).toEqual([
      `ok ${GOOD}`,
      `${BROKEN}: licenses[0].product: unknown product "missing" (declare it under products)`,
      expect.stringMatching(new RegExp(`^${TWO_ISSUES.replace(/[.\\]/g, '\\$&')}: credentials\\[0\\]\\.shared_key: `)),
      expect.stringMatching(new RegExp(`^${TWO_ISSUES.replace(/[.\\]/g, '\\$&')}: .*produtcs`)),
      `${join(dir, 'absent.yaml')}: file not found`,
    ])
  })

  test('no file → exit 2; an unknown flag → exit 2', async () => {
    const none = await run(['validate'])
    expect(none.code).toBe(2)
    expect(none.errLines).toEqual(['licensespring-mock validate: give at least one seed file (run "licensespring-mock validate --help" for usage)'])
    const flag = await run(['validate', '--strict', GOOD])
    expect(flag.code).toBe(2)
    expect(flag.errLines).toHaveLength(1)
  })
})

describe('help and usage', () => {
  test.each([['--help'], ['-h'], ['help']])('%s prints the program usage, exit 0', async (...argv) => {
    const result = await run(argv)
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^Usage: licensespring-mock <command> \[options\]/)
    expect(result.out).toContain('serve')
    expect(result.out).toContain('validate')
    expect(result.out).toContain('test')
  })

  test.each([
    [['serve', '--help'], /^Usage: licensespring-mock serve \[options\][\s\S]*--port N[\s\S]*--journal-size N/],
    [['serve', '-h'], /^Usage: licensespring-mock serve/],
    [['validate', '--help'], /^Usage: licensespring-mock validate SEED\.\.\./],
    [['help', 'validate'], /^Usage: licensespring-mock validate/],
  ])('%j prints the command usage, exit 0', async (argv, usage) => {
    const result = await run(argv)
    expect(result.code).toBe(0)
    expect(result.out).toMatch(usage)
  })

  test('--version prints the package version', async () => {
    const result = await run(['--version'])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^\d+\.\d+\.\d+/)
  })

  test('no command → usage on stderr, exit 2', async () => {
    const result = await run([])
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/^Usage: licensespring-mock/)
  })

  test.each([
    [['serv'], 'licensespring-mock: unknown command "serv" (run "licensespring-mock --help" for usage)'],
    [['--port', '1'], 'licensespring-mock: unknown option "--port" (run "licensespring-mock --help" for usage)'],
  ])('%j → exit 2, one line with a hint', async (argv, line) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.errLines).toEqual([line])
  })
})
