/** The state file cannot be used: unreadable, not JSON, not a valid state, locked by another server, or not writable. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`state file ${file}: ${reason}`)
    this.name = 'StateFileError'
  }
}

/** An error as one short line (for stderr and messages). */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s*\n\s*/g, '; ').slice(0, 300)
}
