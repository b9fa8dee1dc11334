// Reading scenario files: the merge rule for seeds, ${VAR}, file discovery, and errors that
// point at the file, the scenario and the path inside it.
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { findScenarioFiles, loadScenarios, mergeSeeds, ScenarioConfigError, type ConfigIssue } from '../../src/scenarios/load.ts'
import { tempFolder } from '../support/files.ts'

const { dir, write } = tempFolder('load')

function issuesOf(inputs: string[], vars: Record<string, string> = {}): ConfigIssue[] {
  try {
    loadScenarios(inputs, { vars, cwd: dir })
  } catch (error) {
    if (error instanceof ScenarioConfigError) return error.issues
    throw error
  }
  throw new Error('expected a ScenarioConfigError')
}

const STEP = 'steps: [{ request: { sign: false }, expect: { code: missing_headers } }]'

write(
  'seeds/base.yaml',
  `credentials: [{ api_key: base-key, shared_key: base-secret }]
products: [{ short_code: app }]
licenses:
  - { id: 1, product: app, license_key: KEY-1, devices: [{ hardware_id: a }] }
  - { id: 2, product: app, license_key: KEY-2 }
`,
)

describe('seeds: file, given, and the merge rule', () => {
  test('given entries are appended; one with the identity of an earlier entry replaces it in place', () => {
    write(
      'merge/merge.yaml',
      `seed: ../seeds/base.yaml
given:
  credentials: [{ api_key: extra-key, shared_key: s }]
  licenses:
    - { id: 2, product: app, license_key: KEY-2, enabled: false }
    - { product: app, license_key: KEY-1, max_activations: 9 }
    - { id: 3, product: app, license_key: KEY-3 }
scenarios:
  - { name: merged, ${STEP} }
  - name: scenario given goes last
    given: { licenses: [{ id: 3, product: app, license_key: KEY-3, enabled: false }] }
    ${STEP}
`,
    )
    const [merged, last] = loadScenarios(['merge/merge.yaml'], { cwd: dir })
    expect(merged.seed!.credentials!.map((credential) => credential.api_key)).toEqual(['base-key', 'extra-key'])
    expect(merged.seed!.licenses!.map((license) => [license.id, license.license_key, license.enabled, license.max_activations])).toEqual([
      [undefined, 'KEY-1', undefined, 9],
      [2, 'KEY-2', false, undefined],
      [3, 'KEY-3', undefined, undefined],
    ])
    expect(last.seed!.licenses!.at(-1)).toEqual({ id: 3, product: 'app', license_key: 'KEY-3', enabled: false })
  })

  test('mergeSeeds maps a merged path back to where the entry came from', () => {
    const merged = mergeSeeds([
      { prefix: 'seed s.yaml: ', data: { licenses: [{ id: 1 }, { id: 2 }] } },
      { prefix: 'given.', data: { licenses: [{ id: 3 }] } },
    ])
    expect(merged.origin('licenses[2].product')).toEqual({ path: 'given.licenses[0].product' })
    expect(merged.origin('licenses[1]')).toEqual({ path: 'seed s.yaml: licenses[1]' })
  })

  test('a scenario without seed or given seeds nothing', () => {
    write('plain.yaml', `name: plain\n${STEP}\n`)
    expect(loadScenarios(['plain.yaml'], { cwd: dir })[0].seed).toBeUndefined()
  })

  test('a merged seed that breaks a cross-check names the given entry', () => {
    write('dup.yaml', `name: dup\nseed: seeds/base.yaml\ngiven:\n  licenses: [{ product: nope, license_key: X }]\n${STEP}\n`)
    expect(issuesOf(['dup.yaml'])).toContainEqual({
      file: 'dup.yaml',
      scenario: '"dup"',
      path: 'given.licenses[0].product',
      message: 'unknown product "nope" (declare it under products)',
    })
  })

  test('a broken seed file is named, with its own path', () => {
    write('seeds/broken.yaml', 'products: [{ short_code: app, colour: red }]\n')
    write('uses-broken.yaml', `name: b\nseed: seeds/broken.yaml\n${STEP}\n`)
    const [issue] = issuesOf(['uses-broken.yaml'])
    expect(issue).toMatchObject({ file: 'uses-broken.yaml', scenario: '"b"', path: 'seed' })
    expect(issue.message).toBe('seeds/broken.yaml: products[0]: Unrecognized key: "colour"')
    write('uses-missing.yaml', `name: m\nseed: seeds/none.yaml\n${STEP}\n`)
    expect(issuesOf(['uses-missing.yaml'])[0].message).toBe('seeds/none.yaml: file not found')
  })

  test('given is checked against the seed schema where it is written', () => {
    write('given-typo.yaml', `name: g\ngiven:\n  licences: []\n${STEP}\n`)
    expect(issuesOf(['given-typo.yaml'])).toContainEqual({ file: 'given-typo.yaml', scenario: '"g"', path: 'given', message: 'Unrecognized key: "licences"' })
  })
})

describe('${VAR}', () => {
  test('fills strings anywhere, from vars then the environment; $${ is a literal', () => {
    write('vars.yaml', `name: "\${WHO} and $\${literal}"\nsteps: [{ request: { sign: false, headers: { X-Who: "\${WHO}" } }, expect: { code: missing_headers } }]\n`)
    const [scenario] = loadScenarios(['vars.yaml'], { cwd: dir, vars: { WHO: 'qa' } })
    expect(scenario.name).toBe('qa and ${literal}')
    expect(scenario.steps[0].request!.headers).toEqual({ 'X-Who': 'qa' })
  })

  test('an undefined or malformed name is an issue with its path', () => {
    write('undefined-var.yaml', `name: u\nsteps: [{ request: { path: "/\${NOPE}", body: { k: "\${1bad}" } }, expect: { status: 404 } }]\n`)
    const issues = issuesOf(['undefined-var.yaml'])
    expect(issues).toContainEqual({
      file: 'undefined-var.yaml',
      scenario: '"u"',
      path: 'steps[0].request.path',
      message: 'undefined variable ${NOPE}: pass --var NOPE=VALUE or set it in the environment',
    })
    expect(issues.find((issue) => issue.path === 'steps[0].request.body.k')?.message).toContain('is not a variable name')
  })

  test('seed files are interpolated too', () => {
    write('seeds/var-seed.yaml', 'products: [{ short_code: "${PRODUCT}" }]\n')
    write('var-seed.yaml', `name: v\nseed: seeds/var-seed.yaml\n${STEP}\n`)
    expect(loadScenarios(['var-seed.yaml'], { cwd: dir, vars: { PRODUCT: 'p1' } })[0].seed!.products).toEqual([{ short_code: 'p1' }])
    expect(issuesOf(['var-seed.yaml'])[0].message).toContain('seeds/var-seed.yaml: products[0].short_code: undefined variable ${PRODUCT}')
  })
})

describe('the schema, as users meet it', () => {
  const cases: [string, string, Partial<ConfigIssue>][] = [
    ['a step doing two things', `name: s\nsteps: [{ reset: true, clock: { real: true } }]`, { path: 'steps[0]', message: 'a step does one thing: found clock and reset' }],
    ['a step doing nothing', `name: s\nsteps: [{ name: idle }]`, { path: 'steps[0]', message: 'a step needs one of request, clock, fault or reset' }],
    ['a request without expect', `name: s\nsteps: [{ request: {} }]`, { path: 'steps[0].expect', message: 'a request step needs expect' }],
    ['an empty expect', `name: s\nsteps: [{ request: {}, expect: {} }]`, { path: 'steps[0].expect' }],
    ['a bad regex', `name: s\nsteps: [{ request: {}, expect: { message: "/(/" } }]`, { path: 'steps[0].expect.message', message: 'not a valid /regular expression/' }],
    ['body and raw_body', `name: s\nsteps: [{ request: { body: {}, raw_body: "x" }, expect: { status: 400 } }]`, { path: 'steps[0].request.raw_body' }],
    ['a bad fault', `name: s\nsteps: [{ fault: { error: no_such_code } }]`, { path: 'steps[0].fault.error' }],
    ['a bad clock', `name: s\nclock: tomorrow\n${STEP}`, { path: 'clock' }],
    ['then without a license name', `name: s\n${STEP}\nthen: { licenses: [{ enabled: true }] }`, { path: 'then.licenses[0]', message: 'name the license by id or license_key' }],
    ['a missing name', STEP, { path: 'name' }],
    ['a list entry with an unknown key', `scenarios: [{ name: one, ${STEP}, colour: red }]`, { scenario: '"one" (#0)', message: 'Unrecognized key: "colour"' }],
  ]
  test.each(cases)('%s', (_label, text, expected) => {
    const file = `schema-${Math.random().toString(36).slice(2)}.yaml`
    write(file, `${text}\n`)
    expect(issuesOf([file])).toContainEqual(expect.objectContaining({ file, ...expected }))
  })

  test('duplicate scenario names in one file', () => {
    write('dupe-names.yaml', `scenarios:\n  - { name: same, ${STEP} }\n  - { name: same, ${STEP} }\n`)
    expect(issuesOf(['dupe-names.yaml'])).toContainEqual(expect.objectContaining({ path: 'scenarios[1].name', message: 'duplicate scenario name in this file' }))
  })

  test('an empty file and a file that is not a mapping', () => {
    write('empty.yaml', '# nothing\n')
    write('list.yaml', '- a\n- b\n')
    expect(issuesOf(['empty.yaml'])).toEqual([{ file: 'empty.yaml', message: 'the file is empty' }])
    expect(issuesOf(['list.yaml'])[0].message).toContain('expected a scenario')
  })
})

describe('finding files', () => {
  test('directories are searched recursively for *.yaml and *.yml, skipping seeds/ and dot-directories; globs work', () => {
    const root = path.join(dir, 'find')
    for (const name of ['a.yaml', 'b.yml', 'c.txt', 'sub/d.yaml', 'seeds/s.yaml', '.hidden/h.yaml', 'sub/deeper/e.YAML']) write(`find/${name}`, 'x: 1\n')
    const rel = (files: string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'))
    expect(rel(findScenarioFiles(['find'], dir))).toEqual(['a.yaml', 'b.yml', 'sub/d.yaml', 'sub/deeper/e.YAML'])
    expect(rel(findScenarioFiles(['find/**/*.yaml'], dir))).toEqual(['a.yaml', 'seeds/s.yaml', 'sub/d.yaml'])
    expect(rel(findScenarioFiles(['find/?.yml', 'find/a.yaml', 'find/*.y?ml'], dir))).toEqual(['b.yml', 'a.yaml'])
    expect(() => findScenarioFiles(['find/*.json'], dir)).toThrow('no scenario file matches find/*.json')
  })
})

describe('list files', () => {
  test('file-level seed, given, clock and tags apply to every scenario; a scenario can override or add', () => {
    write(
      'list-defaults.yaml',
      `seed: seeds/base.yaml
clock: 2030-01-01T00:00:00Z
tags: [suite]
given:
  products: [{ short_code: other }]
scenarios:
  - { name: inherits, ${STEP} }
  - name: overrides
    clock: 2031-01-01T00:00:00Z
    tags: [own]
    given: { products: [{ short_code: third }] }
    ${STEP}
`,
    )
    const [inherits, overrides] = loadScenarios(['list-defaults.yaml'], { cwd: dir })
    expect(inherits).toMatchObject({ clock: '2030-01-01T00:00:00Z', tags: ['suite'], index: 0 })
    expect(inherits.seed!.products).toEqual([{ short_code: 'app' }, { short_code: 'other' }])
    expect(overrides).toMatchObject({ clock: '2031-01-01T00:00:00Z', tags: ['suite', 'own'], index: 1 })
    expect(overrides.seed!.products).toEqual([{ short_code: 'app' }, { short_code: 'other' }, { short_code: 'third' }])
  })

  test("a problem in the file's given is shown as such", () => {
    write('list-given.yaml', `given:\n  licenses: [{ product: nope, license_key: X }]\nscenarios:\n  - { name: one, ${STEP} }\n`)
    expect(issuesOf(['list-given.yaml'])).toContainEqual(expect.objectContaining({ scenario: '"one"', path: '(file) given.licenses[0].product' }))
  })
})
