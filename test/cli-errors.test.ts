// One line per error, whatever the command: usage errors of serve, validate and test in one
// format (no raw parseArgs text), and seed files that are empty, or broken YAML or JSON, told in
// their own format's terms with a line and column.
import { describe, expect, test } from 'vitest'
import { main } from '../src/cli.ts'
import { tempFolder } from './support/files.ts'

const { write } = tempFolder('cli-errors')

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) })
  return { code, outLines: out, errLines: err }
}

const hint = (command: string) => `(run "licensespring-mock ${command} --help" for usage)`

describe('usage errors: one line, exit 2, the same for every command', () => {
  test.each([
    [['serve', '--port', '-1'], `licensespring-mock serve: --port must be an integer from 0 to 65535, got "-1" ${hint('serve')}`],
    [['serve', '--journal-size', '-5'], `licensespring-mock serve: --journal-size must be an integer from 0 to 10000000, got "-5" ${hint('serve')}`],
    [['serve', '--seed'], `licensespring-mock serve: --seed needs a value ${hint('serve')}`],
    [['serve', '--seed', '--port', '0'], `licensespring-mock serve: --seed needs a value ${hint('serve')}`],
    [['serve', '--bogus'], `licensespring-mock serve: unknown option "--bogus" ${hint('serve')}`],
    [['validate', '--strict', 'x.yaml'], `licensespring-mock validate: unknown option "--strict" ${hint('validate')}`],
    [['test', '--bogus'], `licensespring-mock test: unknown option "--bogus" ${hint('test')}`],
    [['test', '--target'], `licensespring-mock test: --target needs a value ${hint('test')}`],
    [['test', '--no-validate=yes'], `licensespring-mock test: --no-validate takes no value ${hint('test')}`],
    [['test', '--concurrency', '-1'], `licensespring-mock test: --concurrency expects a positive integer, got "-1" ${hint('test')}`],
    [['test', '-x'], `licensespring-mock test: unknown option "-x" ${hint('test')}`],
  ])('%j', async (argv, line) => {
    const result = await run(argv)
    expect(result.errLines).toEqual([line])
    expect(result.code).toBe(2)
  })
})

describe('seed files that cannot be read as seeds: one line each', () => {
  const brokenYaml = write('broken.yaml', 'products:\n  - short_code: a\n   bad: [\n')
  const brokenJson = write('broken.json', '{\n  "products": [\n    { "short_code": "a", }\n  ]\n}\n')
  const yamlInJson = write('yaml-inside.json', 'products:\n  - short_code: a\n')
  const empty = write('empty.yaml', '')
  const comments = write('comments.yaml', '# nothing here yet\n\n  # still nothing\n')
  const emptyJson = write('empty.json', '  \n')

  test('malformed YAML: the first error, with its line and column, no code frame', async () => {
    const result = await run(['validate', brokenYaml])
    expect(result.outLines).toEqual([`${brokenYaml}: not valid YAML: Sequence item without - indicator at line 3, column 1`])
    expect(result.code).toBe(1)
  })

  test('malformed JSON: told in JSON terms, with its line and column', async () => {
    const result = await run(['validate', brokenJson])
    expect(result.outLines).toEqual([`${brokenJson}: not valid JSON: unexpected "}" at line 3, column 26`])
    expect(result.code).toBe(1)
  })

  test('a .json file is read as JSON even when its text would be YAML', async () => {
    const result = await run(['validate', yamlInJson])
    expect(result.outLines).toEqual([`${yamlInJson}: not valid JSON: unexpected "p" at line 1, column 1`])
  })

  test('a .json file with a repeated key gets the seed policy for it', async () => {
    const file = write('repeated.json', '{"products": [{"short_code": "p", "short_code": "q"}]}')
    const result = await run(['validate', file])
    expect(result.outLines).toEqual([expect.stringMatching(/: Map keys must be unique: "short_code" appears twice in one object$/)])
    expect(result.outLines[0].startsWith(`${file}: `)).toBe(true)
  })

  test.each([
    ['an empty file', empty],
    ['a file of comments only', comments],
    ['an empty .json file', emptyJson],
  ])('%s is refused by validate', async (_name, file) => {
    const result = await run(['validate', file])
    expect(result.outLines).toEqual([`${file}: the file is empty (a seed with no data is written {})`])
    expect(result.code).toBe(1)
  })

  test('serve with a broken or empty seed: exit 2, one line', async () => {
    for (const [file, reason] of [
      [brokenYaml, 'not valid YAML: Sequence item without - indicator at line 3, column 1'],
      [empty, 'the file is empty (a seed with no data is written {})'],
    ]) {
      const result = await run(['serve', '--port', '0', '--seed', file])
      expect(result.errLines).toEqual([`licensespring-mock: invalid seed ${file}: ${reason}`])
      expect(result.code).toBe(2)
    }
  })

  test('an explicit empty data set is fine', async () => {
    expect((await run(['validate', write('nothing.yaml', '{}\n')])).code).toBe(0)
    expect((await run(['validate', write('nothing.json', '{}')])).code).toBe(0)
  })
})
