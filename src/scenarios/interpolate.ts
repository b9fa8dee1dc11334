// `${NAME}` in any string value of a scenario or seed document: from --var NAME=VALUE, then the
// environment. `$${` writes a literal `${`. An undefined name is a config error naming its path.
import { formatPath } from '../core/seed.ts'

export type Vars = Readonly<Record<string, string | undefined>>

export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const REFERENCE = /\$(\$?)\{([^}]*)\}/g

export interface InterpolationIssue {
  path: string
  message: string
}

/** A copy of `data` with every `${NAME}` replaced; issues for undefined or malformed names. */
export function interpolate(data: unknown, vars: Vars): { value: unknown; issues: InterpolationIssue[] } {
  const issues: InterpolationIssue[] = []
  const walk = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') return replace(value, vars, (message) => issues.push({ path: formatPath(path), message }))
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]))
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]))
    }
    return value
  }
  const value = walk(data, [])
  return { value, issues }
}

function replace(text: string, vars: Vars, report: (message: string) => void): string {
  if (!text.includes('${')) return text
  return text.replace(REFERENCE, (whole, escaped: string, name: string) => {
    if (escaped) return whole.slice(1)
    if (!VAR_NAME.test(name)) {
      report(`"\${${name}}" is not a variable name (letters, digits and _; write $\${ for a literal \${)`)
      return whole
    }
    const value = vars[name]
    if (value === undefined) {
      report(`undefined variable \${${name}}: pass --var ${name}=VALUE or set it in the environment`)
      return whole
    }
    return value
  })
}
