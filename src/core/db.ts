// The @msw/data model of one tenant: the collections users query and change in-process
// (`mock.db.licenses.findFirst(...)`, `update(...)`, `create(...)`, `delete(...)`), kept in step
// with the store's indexes.
//
// Records the store makes are class instances (records.ts), which @msw/data keeps by reference;
// the engine changes them in place, so the collections always show the live state. A change made
// through the collections reaches the store through @msw/data's own extension points: each
// collection's schema validates what a user writes (with the seed's rules) and is the last step
// before the collection holds the new record, so the store re-indexes it there; the `update` hook
// says which record an update replaces (and refuses a change of its key); the `delete` hook
// un-indexes a removed record.
import { isDeepStrictEqual } from 'node:util'
import { Collection } from '@msw/data'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import { isRow, type CredentialRecord, type LicenseRecord, type ProductRecord, type SsoRecord } from './records.ts'
import type { SeedInput } from './seed.ts'

type Written<K extends keyof SeedInput> = NonNullable<SeedInput[K]>[number]

/** Each collection takes what a seed file holds (defaults filled in) and holds store records. */
export interface Db {
  credentials: Collection<StandardSchemaV1<Written<'credentials'>, CredentialRecord>>
  products: Collection<StandardSchemaV1<Written<'products'>, ProductRecord>>
  licenses: Collection<StandardSchemaV1<Written<'licenses'>, LicenseRecord>>
  sso: Collection<StandardSchemaV1<Written<'sso'>, SsoRecord>>
}

export type DbIssue = { message: string; path?: PropertyKey[] }

/** How a collection's records are checked, identified and followed by the store. */
export interface Synced<R> {
  /** A record a user wrote, as the store holds it (a class instance), or the reasons it is refused. */
  parse(value: unknown): { record: R } | { issues: DbIssue[] }
  /** The fields that identify a record (the first one present does); they cannot change through `update`. */
  key: keyof R & string | readonly (keyof R & string)[]
  /** The record with this key, if the store holds one. */
  find(key: unknown): R | undefined
  /**
   * The store is to hold `next` instead of the record with key `previous` (undefined: a new
   * record). Returns the issues that refuse it (then nothing changed), else re-indexes it.
   */
  accept(next: R, previous: unknown): DbIssue[] | undefined
  /** A record left the collection. */
  removed(record: R): void
}

/** A collection whose schema and hooks keep the store in step (see the top of this file). */
export function syncedCollection<R extends object, I = R>(synced: Synced<R>): Collection<StandardSchemaV1<I, R>> {
  // The key of the record the running update replaces: set by its `update` hook, which fires in
  // the same synchronous step as the schema's validate that follows it.
  let replacing: { key: unknown } | undefined
  const fields: readonly (keyof R & string)[] = typeof synced.key === 'string' ? [synced.key] : synced.key
  /** The identifying field a record has, and its value. */
  const keyOf = (record: R): [string, unknown] => {
    const field = fields.find((name) => record[name] !== undefined) ?? fields[0]
    return [field, record[field]]
  }
  const schema: StandardSchemaV1<I, R> = {
    '~standard': {
      version: 1,
      vendor: 'licensespring-mock',
      validate(value) {
        const previous = replacing
        replacing = undefined
        // The store's own records are indexed already.
        if (isRow(value)) return { value: value as R }
        const parsed = synced.parse(value)
        if ('issues' in parsed) return { issues: parsed.issues }
        const [field, key] = keyOf(parsed.record)
        let replaced = previous?.key
        if (replaced === undefined) {
          const existing = synced.find(key)
          // An update that changed nothing emits no hook: the same record again is no new one.
          if (existing !== undefined && isDeepStrictEqual({ ...existing }, { ...parsed.record })) replaced = key
          else if (existing !== undefined) return { issues: [{ message: `duplicate ${field} ${JSON.stringify(key)}`, path: [field] }] }
        }
        const issues = synced.accept(parsed.record, replaced)
        return issues ? { issues } : { value: parsed.record }
      },
    },
  }
  const collection = new Collection({ schema })
  collection.hooks.on('update', (event) => {
    const { prevRecord, path, nextValue, prevValue } = event.data
    if (fields.includes(path[0] as keyof R & string) && !isDeepStrictEqual(nextValue, prevValue)) {
      throw new TypeError(`${String(path[0])} cannot change through update (delete the record and create another)`)
    }
    replacing = { key: keyOf(prevRecord as R)[1] }
  })
  collection.hooks.on('delete', (event) => synced.removed(event.data.deletedRecord as R))
  return collection
}
