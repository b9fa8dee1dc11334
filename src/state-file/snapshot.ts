// FILE itself: the state in seed format (JSON), replaced atomically. Written license by license
// in chunks, so a large state never becomes one huge string and the event loop keeps serving
// while it is written; a license changed meanwhile is written as it is when its turn comes (the
// change log started before the snapshot covers every change after that).
import type { FileHandle } from 'node:fs/promises'
import type { Store } from '../core/store.ts'
import { writeAll, writeAtomically } from './files.ts'
import { CHUNK_CHARS, seedParts } from './records.ts'
import { licenseState } from '../core/records.ts'

/** Writes the store's current state to `file` atomically; resolves to its size in bytes. */
export function writeSnapshot(file: string, store: Store): Promise<number> {
  const { head, licenses } = seedParts(store)
  return writeAtomically(file, async (handle: FileHandle) => {
    let bytes = 0
    const write = async (text: string) => {
      bytes = await writeAll(handle, Buffer.from(text, 'utf8'), bytes)
    }
    let chunk = `{"credentials":${head.credentials},"products":${head.products},"licenses":[`
    for (let i = 0; i < licenses.length; i++) {
      chunk += `${i === 0 ? '' : ','}${JSON.stringify(licenseState(licenses[i]))}`
      if (chunk.length >= CHUNK_CHARS) {
        await write(chunk)
        chunk = ''
      }
    }
    await write(`${chunk}],"sso":${head.sso}${head.sso_accounts === undefined ? '' : `,"sso_accounts":${head.sso_accounts}`}}\n`)
    return bytes
  })
}
