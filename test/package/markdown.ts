// The fenced code blocks of a Markdown document, with where they are and whether a marker says
// that one is not run. The marker is an HTML comment (invisible once rendered) on the last
// non-blank line before the fence:
//
//   <!-- not run: starts a server that runs until it is stopped -->
//   ```sh
//   npx licensespring-mock serve
//   ```

export interface CodeBlock {
  /** The document, as given (e.g. `README.md`, `docs/seeds.md`). */
  doc: string
  /** 1-based line of the opening fence. */
  line: number
  /** The first word of the info string, lower case (`ts`, `sh`, …); empty when there is none. */
  lang: string
  /** The block's text, without the fences and the fence's own indentation. */
  code: string
  /** The reason given by a `<!-- not run: … -->` marker before the block. */
  notRun?: string
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/
const MARKER = /^\s*<!--\s*not run:(.*?)-->\s*$/
const ANY_MARKER = /^\s*<!--\s*not run\b/

/** Every fenced block of the text; throws on a marker that has no reason or no block after it. */
export function codeBlocks(doc: string, text: string): CodeBlock[] {
  const lines = text.split(/\r?\n/)
  const blocks: CodeBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i])
    if (!open) {
      if (ANY_MARKER.test(lines[i]) && !FENCE.test(lines[nextContent(lines, i)] ?? '')) {
        throw new Error(`${doc}:${i + 1}: a "not run" marker must be the last line before a fenced block`)
      }
      continue
    }
    const [, indent, fence, info] = open
    const close = new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}\\s*$`)
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && !close.test(lines[j]); j++) body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart())
    const block: CodeBlock = { doc, line: i + 1, lang: info.trim().split(/\s+/)[0].toLowerCase(), code: `${body.join('\n')}\n` }
    const before = lines[previousContent(lines, i)] ?? ''
    if (ANY_MARKER.test(before)) {
      const reason = MARKER.exec(before)?.[1].trim() ?? ''
      if (reason === '') throw new Error(`${doc}:${previousContent(lines, i) + 1}: write why the block is not run: <!-- not run: reason -->`)
      block.notRun = reason
    }
    blocks.push(block)
    i = j
  }
  return blocks
}

/** The index of the nearest non-blank line before line i (-1 when none). */
function previousContent(lines: string[], i: number): number {
  let j = i - 1
  while (j >= 0 && lines[j].trim() === '') j--
  return j
}

/** The index of the nearest non-blank line after line i (lines.length when none). */
function nextContent(lines: string[], i: number): number {
  let j = i + 1
  while (j < lines.length && lines[j].trim() === '') j++
  return j
}
