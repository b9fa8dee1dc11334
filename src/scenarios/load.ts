// Finding and reading scenario files: YAML → ${VAR} interpolation → schema → seeds resolved and
// merged. Every problem becomes an issue naming the file, the scenario and the path inside it;
// all of them are collected before anything runs.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { parseJsonDocument } from '../core/json-keys.ts'
import type { z } from 'zod'
import { formatPath, validateSeed, type SeedInput } from '../core/seed.ts'
import { interpolate, type Vars } from './interpolate.ts'
import {
  scenarioListSchema,
  scenarioSchema,
  type ScenarioDocument,
  type StateAssertion,
  type Step,
} from './schema.ts'

/** One runnable scenario, with its seed resolved. */
export interface Scenario {
  /** The file as given or found (relative to the working directory when inside it), `/`-separated. */
  file: string
  /** Position in the file (0 for a single-scenario file). */
  index: number
  name: string
  description?: string
  tags: string[]
  /** The merged seed (seed file + given), validated; undefined when the scenario seeds nothing. */
  seed?: SeedInput
  /** Start instant of the license clock (frozen). */
  clock?: string
  steps: Step[]
  then?: StateAssertion
}

export interface ConfigIssue {
  file?: string
  /** `"name"` or `#index` of the scenario inside the file. */
  scenario?: string
  path?: string
  message: string
}

/** A usage or configuration problem: the runner exits 2. */
export class ScenarioConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.name = 'ScenarioConfigError'
  }
}

export function formatIssue(issue: ConfigIssue): string {
  const where = [issue.file, issue.scenario && `scenario ${issue.scenario}`].filter(Boolean).join(': ')
  const what = issue.path ? `${issue.path}: ${issue.message}` : issue.message
  return where ? `${where}: ${what}` : what
}

export interface LoadOptions {
  /** Values for `${NAME}`; the environment fills the rest. */
  vars?: Vars
  /** Keep only scenarios that have at least one of these tags. */
  tags?: readonly string[]
  /** Resolve relative inputs against this directory (default: the working directory). */
  cwd?: string
}

const SCENARIO_EXTENSIONS = /\.ya?ml$/i
const SKIPPED_DIRS = new Set(['seeds', 'node_modules'])

/**
 * Files, directories (searched recursively for *.yaml / *.yml, except under seeds/) and simple
 * globs (`*`, `**`, `?`) → sorted, de-duplicated scenario files.
 */
export function findScenarioFiles(inputs: readonly string[], cwd = process.cwd()): string[] {
  const found: string[] = []
  const issues: ConfigIssue[] = []
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const matches = expandGlob(input, cwd)
      if (matches.length === 0) issues.push({ message: `no scenario file matches ${input}` })
      found.push(...matches)
      continue
    }
    const absolute = path.resolve(cwd, input)
    let stats
    try {
      stats = statSync(absolute)
    } catch {
      issues.push({ message: `no such file or directory: ${input}` })
      continue
    }
    if (stats.isDirectory()) {
      const files = walk(absolute)
      if (files.length === 0) issues.push({ message: `no *.yaml or *.yml scenario files under ${input}` })
      found.push(...files)
    } else found.push(absolute)
  }
  if (issues.length > 0) throw new ScenarioConfigError(issues)
  return [...new Set(found)]
}

function walk(dir: string): string[] {
  const out: string[] = []
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...walk(full))
    } else if (entry.isFile() && SCENARIO_EXTENSIONS.test(entry.name)) out.push(full)
  }
  return out
}

function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, pattern).split(path.sep).join('/')
  const segments = absolute.split('/')
  const firstWild = segments.findIndex((segment) => /[*?]/.test(segment))
  const base = segments.slice(0, firstWild).join('/') || '/'
  const regex = new RegExp(`^${globToRegex(absolute)}$`)
  let candidates: string[]
  try {
    candidates = walkAll(base)
  } catch {
    return []
  }
  return candidates.filter((file) => regex.test(file.split(path.sep).join('/')))
}

function walkAll(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walkAll(full))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

function globToRegex(glob: string): string {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]
    if (ch === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more directories
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?'
        i += 2
      } else {
        out += '.*'
        i += 1
      }
    } else if (ch === '*') out += '[^/]*'
    else if (ch === '?') out += '[^/]'
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return out
}

/** How a file is shown in messages and reports. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file)
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
  return shown.split(path.sep).join('/')
}

/** Finds, reads and validates every scenario; throws ScenarioConfigError listing all problems. */
export function loadScenarios(inputs: readonly string[], options: LoadOptions = {}): Scenario[] {
  const cwd = options.cwd ?? process.cwd()
  const files = findScenarioFiles(inputs, cwd)
  const scenarios: Scenario[] = []
  const issues: ConfigIssue[] = []
  const seeds = new SeedCache(options.vars ?? process.env, cwd)
  for (const file of files) {
    const result = loadScenarioFile(file, { ...options, cwd }, seeds)
    scenarios.push(...result.scenarios)
    issues.push(...result.issues)
  }
  if (issues.length > 0) throw new ScenarioConfigError(issues)
  const tags = options.tags?.filter(Boolean) ?? []
  if (tags.length === 0) return scenarios
  return scenarios.filter((scenario) => scenario.tags.some((tag) => tags.includes(tag)))
}

/** One file → its scenarios and its problems. */
export function loadScenarioFile(
  file: string,
  options: LoadOptions = {},
  seeds = new SeedCache(options.vars ?? process.env, options.cwd ?? process.cwd()),
): { scenarios: Scenario[]; issues: ConfigIssue[] } {
  const cwd = options.cwd ?? process.cwd()
  const shown = displayPath(file, cwd)
  const fail = (issues: ConfigIssue[]) => ({ scenarios: [], issues: issues.map((issue) => ({ file: shown, ...issue })) })
  const parsed = readYaml(file)
  if (!parsed.ok) return fail(parsed.issues)
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return fail([{ message: 'expected a scenario (name, steps, …) or a list under `scenarios:`' }])
  }
  const { value: raw, issues: varIssues } = interpolate(parsed.value, options.vars ?? process.env)
  const data = raw as Record<string, unknown>
  const isList = 'scenarios' in data
  const issues: ConfigIssue[] = varIssues.map((issue) => ({ ...locate(data, isList, issue.path), message: issue.message }))
  const schema = isList ? scenarioListSchema : scenarioSchema
  const checked = (schema as z.ZodType).safeParse(data)
  if (!checked.success) {
    for (const issue of checked.error.issues) issues.push({ ...locate(data, isList, formatPath(issue.path)), message: cleanMessage(issue.message) })
  }
  if (issues.length > 0) return fail(issues)

  const documents: { doc: ScenarioDocument; givens: SeedSource[]; seedFile?: string; clock?: string; tags: string[] }[] = []
  const given = (prefix: string, value: unknown): SeedSource[] => (value === undefined ? [] : [{ prefix, data: value as Record<string, unknown> }])
  if (isList) {
    const list = checked.data as z.output<typeof scenarioListSchema>
    const rawList = data.scenarios as Record<string, unknown>[]
    list.scenarios.forEach((doc, index) => {
      documents.push({
        doc,
        // The file's given is outside the scenario: its paths are shown from the file's root.
        givens: [...given('(file) given.', data.given), ...given('given.', rawList[index].given)],
        seedFile: doc.seed ?? list.seed,
        clock: doc.clock ?? list.clock,
        tags: [...new Set([...(list.tags ?? []), ...(doc.tags ?? [])])],
      })
    })
  } else {
    const doc = checked.data as ScenarioDocument
    documents.push({ doc, givens: given('given.', data.given), seedFile: doc.seed, clock: doc.clock, tags: doc.tags ?? [] })
  }

  const names = new Set<string>()
  const scenarios: Scenario[] = []
  documents.forEach(({ doc, givens, seedFile, clock, tags }, index) => {
    const scenarioLabel = `"${doc.name}"`
    if (names.has(doc.name)) issues.push({ scenario: scenarioLabel, path: isList ? `scenarios[${index}].name` : 'name', message: 'duplicate scenario name in this file' })
    names.add(doc.name)
    const sources: SeedSource[] = []
    if (seedFile !== undefined) {
      const loaded = seeds.load(path.resolve(path.dirname(file), seedFile))
      if (!loaded.ok) {
        issues.push(...loaded.issues.map((issue) => ({ scenario: scenarioLabel, path: 'seed', message: issue })))
        return
      }
      sources.push({ prefix: `seed ${displayPath(loaded.file, cwd)}: `, data: loaded.data })
    }
    sources.push(...givens)
    let seed: SeedInput | undefined
    if (sources.length > 0) {
      const merged = mergeSeeds(sources)
      const result = validateSeed(merged.seed)
      if (!result.ok) {
        issues.push(...result.issues.map((issue) => ({ scenario: scenarioLabel, ...merged.origin(issue.path), message: issue.message })))
        return
      }
      seed = merged.seed
    }
    scenarios.push({
      file: shown,
      index,
      name: doc.name,
      description: doc.description,
      tags,
      seed,
      clock,
      steps: doc.steps,
      then: doc.then,
    })
  })
  return issues.length > 0 ? fail(issues) : { scenarios, issues: [] }
}

/** Zod's "Invalid input: expected number, received string" → "expected number, received string". */
function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, '')
}

/** A document path → the scenario it belongs to and the path inside that scenario. */
function locate(data: Record<string, unknown>, isList: boolean, at: string): Pick<ConfigIssue, 'scenario' | 'path'> {
  const name = typeof data.name === 'string' ? `"${data.name}"` : undefined
  if (!isList) return { scenario: name, path: at || undefined }
  const match = /^scenarios\[(\d+)\]\.?(.*)$/.exec(at)
  if (!match) return { path: at || undefined }
  const index = Number(match[1])
  const entry = Array.isArray(data.scenarios) ? (data.scenarios[index] as { name?: unknown } | undefined) : undefined
  const label = typeof entry?.name === 'string' ? `"${entry.name}" (#${index})` : `#${index}`
  return { scenario: label, path: match[2] || undefined }
}

type YamlResult = { ok: true; value: unknown } | { ok: false; issues: ConfigIssue[] }

function readYaml(file: string): YamlResult {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, issues: [{ message: code === 'ENOENT' ? 'file not found' : `cannot read: ${(error as Error).message}` }] }
  }
  // JSON (which is YAML) under the one JSON policy: a repeated key is named with its path.
  if (/^\s*[{[]/.test(text)) {
    const json = parseJsonDocument(text)
    if (json.ok) return json.value === null ? { ok: false, issues: [{ message: 'the file is empty' }] } : json
    if (json.path) return { ok: false, issues: [{ path: json.path, message: json.message }] }
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const at = error.linePos?.[0]
        return { path: at ? `line ${at.line}, column ${at.col}` : undefined, message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') }
      }),
    }
  }
  try {
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown
    if (value === null || value === undefined) return { ok: false, issues: [{ message: 'the file is empty' }] }
    return { ok: true, value }
  } catch (error) {
    return { ok: false, issues: [{ message: error instanceof Error ? error.message : String(error) }] }
  }
}

/** Seed files read once per load, interpolated, checked on their own. */
export class SeedCache {
  private readonly cache = new Map<string, { ok: true; file: string; data: Record<string, unknown> } | { ok: false; issues: string[] }>()
  constructor(
    private readonly vars: Vars,
    private readonly cwd: string,
  ) {}

  load(file: string) {
    let entry = this.cache.get(file)
    if (!entry) {
      entry = this.read(file)
      this.cache.set(file, entry)
    }
    return entry
  }

  private read(file: string): { ok: true; file: string; data: Record<string, unknown> } | { ok: false; issues: string[] } {
    const shown = displayPath(file, this.cwd)
    const parsed = readYaml(file)
    if (!parsed.ok) return { ok: false, issues: parsed.issues.map((issue) => `${shown}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`) }
    const { value, issues } = interpolate(parsed.value, this.vars)
    if (issues.length > 0) return { ok: false, issues: issues.map((issue) => `${shown}: ${issue.path}: ${issue.message}`) }
    const result = validateSeed(value)
    if (!result.ok) return { ok: false, issues: result.issues.map((issue) => `${shown}: ${issue.path || '(root)'}: ${issue.message}`) }
    return { ok: true, file, data: value as Record<string, unknown> }
  }
}

interface SeedSource {
  /** Put before `licenses[3]…` in messages, e.g. "given." or "seed seeds/demo.yaml: ". */
  prefix: string
  data: Record<string, unknown>
}

const SEED_KEYS = ['credentials', 'products', 'licenses', 'sso', 'sso_accounts'] as const
type Entry = Record<string, unknown>

/** The identities by which a later entry replaces an earlier one. */
const IDENTITIES: Record<(typeof SEED_KEYS)[number], (entry: Entry) => string[]> = {
  credentials: (entry) => [...(entry.api_key !== undefined ? [`api_key:${String(entry.api_key)}`] : []), ...(entry.client_id !== undefined ? [`client_id:${String(entry.client_id)}`] : [])],
  products: (entry) => [String(entry.short_code)],
  licenses: (entry) => [
    ...(entry.id !== undefined ? [`id:${String(entry.id)}`] : []),
    ...(entry.license_key !== undefined ? [`key:${String(entry.product)}\u0000${String(entry.license_key)}`] : []),
  ],
  sso: (entry) => [`${String(entry.customer_account_code)}\u0000${String(entry.id_token ?? '')}\u0000${String(entry.code ?? '')}`],
  sso_accounts: (entry) => [String(entry.customer_account_code)],
}

/**
 * The merge rule: sources in order (seed file, the file's given, the scenario's given); for each
 * top-level array, entries are appended, except that an entry with the identity of an earlier
 * one (same api_key or client_id; same short_code; same license id or product + license_key; same
 * SSO identity; same SSO account) replaces it in place, wholesale.
 */
export function mergeSeeds(sources: readonly SeedSource[]): { seed: SeedInput; origin: (at: string) => Pick<ConfigIssue, 'path'> } {
  const seed: Record<string, Entry[]> = {}
  const origins: Record<string, string[]> = {}
  for (const key of SEED_KEYS) {
    const entries: Entry[] = []
    const from: string[] = []
    for (const source of sources) {
      const list = source.data[key]
      if (!Array.isArray(list)) continue
      list.forEach((entry: Entry, i) => {
        const ids = IDENTITIES[key](entry)
        const existing = entries.findIndex((other) => IDENTITIES[key](other).some((id) => ids.includes(id)))
        const label = `${source.prefix}${key}[${i}]`
        if (existing >= 0) {
          entries[existing] = entry
          from[existing] = label
        } else {
          entries.push(entry)
          from.push(label)
        }
      })
    }
    if (entries.length > 0) {
      seed[key] = entries
      origins[key] = from
    }
  }
  const origin = (at: string) => {
    const match = /^(\w+)\[(\d+)\](.*)$/.exec(at)
    const label = match ? origins[match[1]]?.[Number(match[2])] : undefined
    return { path: label ? `${label}${match![3]}` : `seed: ${at || '(root)'}` }
  }
  return { seed: seed as SeedInput, origin }
}
