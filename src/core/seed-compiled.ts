// The quick path of seed validation, compiled from the zod schema itself: ajv checks the JSON
// Schema zod derives (z.toJSONSchema; refinements it cannot carry are given to it as `format`
// and `anyOf` metadata), then one walk over the schema builds zod's output — fresh objects, keys
// in schema order, defaults filled, absent optional keys absent, the input never changed.
// Whatever it does not take (an invalid value, an explicit `undefined`, an object that is not a
// plain one) returns undefined, and zod decides, so issues are always zod's.
// Measured on the 100 000-license bench seed (34 license and 14 device properties): zod about
// 1.8–2.0 s, validateSeed through this path 0.7–1.0 s with its cross-checks.
import { Ajv, type ValidateFunction } from 'ajv'
import { z } from 'zod'

interface Node {
  type?: string | string[]
  properties?: Record<string, Node>
  additionalProperties?: Node | boolean
  items?: Node
  anyOf?: Node[]
  default?: unknown
  format?: string
}

/** A validator that returns zod's output for what it accepts, else undefined. */
export function compiledSeed<T>(schema: z.ZodType, formats: Record<string, (value: string) => boolean>): (input: unknown) => T | undefined {
  const { $schema: _draft, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node & { $schema?: string }
  const ajv = new Ajv({ allErrors: false, strict: false, formats })
  let validate: ValidateFunction | undefined
  let build: Builder | undefined
  return (input) => {
    validate ??= ajv.compile(json)
    build ??= builderOf(json)
    if (!validate(input)) return undefined
    const out = build(input, new Map<string, string>())
    return out === BAIL ? undefined : (out as T)
  }
}

const BAIL = Symbol('bail')

/** zod's output for a value the schema accepted, or BAIL; `strings` keeps each distinct instant once. */
type Builder = (value: unknown, strings: Map<string, string>) => unknown

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/**
 * A fresh copy of a default that is not written as a literal (see objectBuilder), for each output:
 * structuredClone of every default was 0.8 s of the 100 000-license bench seed.
 */
const freshOf = (value: unknown): (() => unknown) => () => structuredClone(value)

const same: Builder = (value) => value

/**
 * The schema walked once into one builder per node, instead of walking the schema for every value:
 * on the 100 000-license bench seed the walk per value took 1.5 s of a 3.4 s compiled load.
 */
function builderOf(node: Node): Builder {
  if (node.properties) return objectBuilder(node.properties)
  if (typeof node.additionalProperties === 'object') {
    // A record (name → value): every entry through the value's schema, into a fresh object.
    const entry = builderOf(node.additionalProperties)
    return (value, strings) => {
      if (!isPlain(value)) return BAIL
      const out: Record<string, unknown> = {}
      for (const key in value) {
        const built = entry(value[key], strings)
        if (built === BAIL) return BAIL
        out[key] = built
      }
      return out
    }
  }
  if (node.items) {
    const item = builderOf(node.items)
    return (value, strings) => {
      if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return BAIL
      const out: unknown[] = new Array(value.length)
      for (let i = 0; i < value.length; i++) {
        const built = item(value[i], strings)
        if (built === BAIL) return BAIL
        out[i] = built
      }
      return out
    }
  }
  if (node.anyOf) {
    // `nullable`, or a union of a text and an object: the branch of the value's own type.
    const branches = node.anyOf.map((option) => ({ type: option.type, build: builderOf(option) }))
    return (value, strings) => {
      if (value === null) return null
      const type = Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value
      const branch = branches.find((option) => option.type === type || (type === 'integer' && option.type === 'number'))
      return branch ? branch.build(value, strings) : value
    }
  }
  // Generated seeds repeat their dates a lot: each distinct instant is kept once.
  if (node.format === 'instant') {
    return (value, strings) => {
      if (typeof value !== 'string') return value
      const known = strings.get(value)
      if (known !== undefined) return known
      strings.set(value, value)
      return value
    }
  }
  return same
}

/**
 * An object's builder as generated code: one statement per property, defaults as literals, so
 * every output is built in the same order (one hidden class) and no loop walks the schema. On the
 * 100 000-license bench seed, in CPU profiles of `serve-target.ts phases`: a closure looping over
 * the properties spent 0.97 s, this code 0.25 s, and the seed's live heap after loading fell from
 * 380 to 255 MB.
 */
function objectBuilder(properties: Record<string, Node>): Builder {
  const children: Builder[] = []
  const freshes: (() => unknown)[] = []
  const lines = ['if (!isPlain(value)) return BAIL', 'const out = {}', 'let given, built']
  for (const [key, child] of Object.entries(properties)) {
    const name = JSON.stringify(key)
    const build = builderOf(child)
    lines.push(`given = value[${name}]`, 'if (given === undefined) {', `  if (${name} in value) return BAIL`)
    if ('default' in child) lines.push(`  out[${name}] = ${literalOf(child.default) ?? `freshes[${freshes.push(freshOf(child.default)) - 1}]()`}`)
    if (build === same) lines.push(`} else out[${name}] = given`)
    else if (isInstant(child)) lines.push('} else if (typeof given !== "string") out[' + name + '] = given', 'else {', '  built = strings.get(given)', '  if (built === undefined) strings.set(given, (built = given))', `  out[${name}] = built`, '}')
    else if (child.items && !child.properties) {
      // A list inline: its items' builder called in a loop here, not through the list's own closure.
      const item = children.push(builderOf(child.items)) - 1
      lines.push('} else {', '  if (!Array.isArray(given) || Object.getPrototypeOf(given) !== Array.prototype) return BAIL', '  const list = new Array(given.length)')
      lines.push('  for (let i = 0; i < given.length; i++) {', `    built = children[${item}](given[i], strings)`, '    if (built === BAIL) return BAIL', '    list[i] = built', '  }', `  out[${name}] = list`, '}')
    } else lines.push(`} else {`, `  built = children[${children.push(build) - 1}](given, strings)`, '  if (built === BAIL) return BAIL', `  out[${name}] = built`, '}')
  }
  lines.push('return out')
  const factory = new Function('isPlain', 'BAIL', 'children', 'freshes', `return function build(value, strings) {\n${lines.join('\n')}\n}`) as (...args: unknown[]) => Builder
  return factory(isPlain, BAIL, children, freshes)
}

/** A plain instant (`format: instant`, nothing else to walk): kept once per distinct text, inline. */
const isInstant = (node: Node): boolean => node.format === 'instant' && !node.properties && !node.items && !node.anyOf && node.additionalProperties === undefined

/** A default as source text, when it is a primitive or an empty array or object; else undefined. */
function literalOf(value: unknown): string | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value) && value.length === 0) return '[]'
  if (isPlain(value) && Object.keys(value).length === 0) return '{}'
  return undefined
}
