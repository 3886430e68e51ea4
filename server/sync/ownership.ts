import * as Y from 'yjs'
import { DRAFT_ROOTS } from '../../shared/doc/roots.ts'
import {
  AUTHORED_RECORDS,
  claimedOwnerField,
  isAuthoredRoot,
  isPersonalRoot,
  keyOwner,
  mayWriteRecordOf,
  OWNER_FIELD,
  parentRecord,
  type Writer,
} from '../../shared/permissions.ts'
import type { DocKind } from '../../shared/protocol.ts'
import { checkAuthored, mayDeleteAuthored, noteWrite, type RecordWrites } from './authorship.ts'
import { findStruct, itemsByClient } from './structLookup.ts'
import type { DeleteSet, GuardVerdict, Refusal } from './updateGuard.ts'

/**
 * Per-person and authored records: the server's side of `mayWriteRecordOf` (shared/permissions.ts),
 * the rule the app reads too. A participant connection carries the participant id the server signed for
 * it (see workshops/identities.ts); an update from it may create, change or delete only records
 * that rule gives it. Which records are per-person, and where each names its owner, is
 * `PERSONAL_RECORDS` there; a draft's `owner` root names its owner in `participantId` (the server
 * counts the draft's cards under it). Facilitators are not checked (`changesAnyRecord`), screens
 * write nothing.
 *
 * Two things a person does touch other people's records, and stay allowed: deleting a trend (or
 * a takeaway) deletes everyone's placements and votes on it (or +1s), and undoing that brings
 * back the same records with the trend. Anything else is refused as a whole update.
 *
 * Authored records (`AUTHORED_RECORDS`: cards, consequences, takeaways): adding one is open;
 * changing or deleting one that the server holds is for its authors, read from the server's copy,
 * never from the update. A record's whole replacement is a change of it, whether or not the
 * update lists the old one as deleted (Yjs drops the loser of a key on its own). Open to all:
 * joining a card's co-authors with additions ("Merge into it"), and deleting consequences with
 * the trend or consequence they follow from (`goesWith`).
 *
 * Cost: each new struct and each deleted one is placed (root, record, field) by walking up its
 * parents, memoised, O(depth · log n) each, so a check is proportional to what Yjs itself would do
 * with the update; at most MAX_DELETED_VISITS deleted structs are looked at.
 */
const MAX_DELETED_VISITS = 200_000
const MAX_DEPTH = 64

/** Where a struct sits: its root, the record (key in the root) and the field (key in the record). */
interface Place {
  root: string
  key: string | null
  field: string | null
  /** 0: the record itself, 1: a field of it, 2: a member of a field's map (`member` its key), 3: deeper. */
  level: number
  member: string | null
}

export function checkOwnership(doc: Y.Doc, kind: DocKind, decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSet }, writer: Writer): GuardVerdict {
  if (kind !== 'board' && kind !== 'draft') return { ok: true }
  const places = new Places(doc, decoded.structs)
  const written = new Map<string, unknown>()
  const authoredWrites = new Map<string, RecordWrites>()
  /** Records (`root|key`) the update creates or changes. */
  const touched = new Set<string>()
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    const place = places.of(struct)
    if (!place) continue // depends on changes the server does not have: it waits and is checked again
    if (kind === 'draft') {
      // A write that arrives deleted names nobody: a page reloaded in the round names its owner
      // into an empty copy, then the stored copy wins the key, and the page's own write goes on
      // as deleted content. It can only take the owner away, as a deletion may in a draft.
      const naming = place.root === DRAFT_ROOTS.owner && place.key === OWNER_FIELD && !(struct.content instanceof Y.ContentDeleted)
      if (naming && !mayWriteRecordOf(writer, [valueOf(struct)])) return refuse('a draft belongs to the person who writes it', 'notYours')
      continue
    }
    if (place.key === null) continue
    const record = `${place.root}|${place.key}`
    touched.add(record)
    if (place.field !== null) written.set(`${record}|${place.field}`, valueOf(struct))
    if (isAuthoredRoot(place.root)) noteWrite(authoredWrites, record, place)
  }
  if (kind === 'draft') return { ok: true }
  /** Authored records the writer joins as a co-author in this update ("Merge into it"). */
  const joined = new Set<string>()
  for (const record of touched) {
    const split = record.indexOf('|')
    const root = record.slice(0, split)
    const key = record.slice(split + 1)
    if (isAuthoredRoot(root)) {
      const verdict = checkAuthored(doc, root, key, authoredWrites.get(record)!, writer)
      if (verdict === 'refused') return refuseOthers(root, writer)
      if (verdict === 'joins') joined.add(record)
      continue
    }
    if (!isPersonalRoot(root)) continue
    const field = (name: string) => written.get(`${record}|${name}`)
    const recordOwner = keyOwner(root, key) ?? liveField(doc, root, key, OWNER_FIELD) ?? field(OWNER_FIELD)
    const claimed = field(claimedOwnerField(root))
    if (mayWriteRecordOf(writer, [recordOwner]) && (claimed === undefined || mayWriteRecordOf(writer, [claimed]))) continue
    // Undoing a trend's deletion brings back everyone's placements and votes on it, as they were.
    const parent = parentRecord(root, key, field)
    const wasThere = doc.getMap(root)._map.get(key)?.deleted === true
    if (wasThere && parent !== null && touched.has(`${parent.root}|${parent.key}`) && !doc.getMap(parent.root).has(parent.key)) continue
    return refuseOthers(root, writer)
  }
  return checkDeletions(doc, places, decoded.ds, writer, joined)
}

function checkDeletions(doc: Y.Doc, places: Places, ds: DeleteSet, writer: Writer, joined: ReadonlySet<string>): GuardVerdict {
  let visits = 0
  /** Authored records this update may delete whole: the writer's, or gone with their parent. */
  const deletable = new Map<string, boolean>()
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    const known = Y.getState(doc.store, client)
    for (const range of ranges) {
      if (range.clock >= known) continue
      let index = Y.findIndexSS(structs, range.clock)
      for (; index < structs.length; index++) {
        const struct = structs[index]!
        if (struct.id.clock >= range.clock + range.len) break
        if (++visits > MAX_DELETED_VISITS) return refuse(`deletes over ${MAX_DELETED_VISITS} items at once`, 'tooMuch')
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const place = places.of(struct)
        if (!place || place.key === null) continue
        if (isAuthoredRoot(place.root)) {
          const record = `${place.root}|${place.key}`
          let whole = deletable.get(record)
          if (whole === undefined)
            deletable.set(record, (whole = mayDeleteAuthored(doc, place.root, place.key, writer, (root, key) => parentGone(doc, ds, root, key))))
          // Joining a card overwrites the fields it adds to; the old values are what goes.
          const overwrite = joined.has(record) && place.level === 1 && AUTHORED_RECORDS[place.root]!.joinable?.values.has(place.field!) === true
          if (whole || overwrite) continue
          return refuseOthers(place.root, writer)
        }
        if (!isPersonalRoot(place.root)) continue
        const recordOwner = keyOwner(place.root, place.key) ?? liveField(doc, place.root, place.key, OWNER_FIELD)
        if (mayWriteRecordOf(writer, [recordOwner])) continue
        // Deleting a trend (a takeaway) takes everyone's placements and votes (+1s) with it.
        const parent = parentRecord(place.root, place.key, (field) => liveField(doc, place.root, place.key!, field))
        if (parent !== null && parentGone(doc, ds, parent.root, parent.key)) continue
        return refuseOthers(place.root, writer)
      }
    }
  }
  return { ok: true }
}

function refuseOthers(root: string, writer: Writer): GuardVerdict {
  return refuse(writer.participantId ? `${root} of another person` : `${root} need a participant identity`, 'notYours')
}

/** Whether the parent record is deleted already or by this update. */
function parentGone(doc: Y.Doc, ds: DeleteSet, root: string, key: string): boolean {
  const item = doc.getMap(root)._map.get(key)
  return !item || item.deleted || Y.isDeleted(ds, item.id)
}

function liveField(doc: Y.Doc, root: string, key: string, field: string): unknown {
  const record = doc.getMap(root).get(key)
  return record instanceof Y.Map ? record.get(field) : undefined
}

function valueOf(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined
}

function refuse(reason: string, kind: NonNullable<Refusal['forbidden']>): GuardVerdict {
  return { ok: false, reason, forbidden: kind }
}

/** Places structs of the update and of the document, each parent looked up once. */
class Places {
  private readonly memo = new Map<Y.Item, Place | null>()
  private readonly rootNames = new Map<unknown, string>()
  private readonly incoming: Map<number, Y.Item[]>

  constructor(
    private readonly doc: Y.Doc,
    structs: (Y.Item | Y.GC | Y.Skip)[],
  ) {
    for (const [name, type] of doc.share) this.rootNames.set(type, name)
    this.incoming = itemsByClient(structs)
  }

  of(item: Y.Item, depth = 0): Place | null {
    if (this.memo.has(item)) return this.memo.get(item)!
    const place = depth > MAX_DEPTH ? null : this.resolve(item, depth)
    this.memo.set(item, place)
    return place
  }

  private resolve(item: Y.Item, depth: number): Place | null {
    const parent: unknown = item.parent
    if (typeof parent === 'string') return { root: parent, key: item.parentSub, field: null, level: 0, member: null }
    if (parent instanceof Y.ID) return this.below(this.find(parent), item.parentSub, depth)
    if (parent instanceof Y.AbstractType) {
      const root = this.rootNames.get(parent)
      if (root !== undefined) return { root, key: item.parentSub, field: null, level: 0, member: null }
      return this.below(parent._item, item.parentSub, depth)
    }
    // Decoded with an origin: it sits where its neighbour sits.
    const neighbour = (item.origin && this.find(item.origin)) || (item.rightOrigin && this.find(item.rightOrigin))
    return neighbour ? this.of(neighbour, depth + 1) : null
  }

  private below(parentItem: Y.Item | null, sub: string | null, depth: number): Place | null {
    if (!parentItem) return null
    const place = this.of(parentItem, depth + 1)
    if (!place) return null
    if (place.key === null || place.level === 3) return place
    if (place.level === 0) return { ...place, field: sub ?? '', level: 1 }
    return place.level === 1 ? { ...place, level: 2, member: sub } : { ...place, level: 3, member: null }
  }

  /** The struct holding `id`, from the update first, then the document. */
  private find(id: Y.ID): Y.Item | null {
    return findStruct(this.doc, this.incoming, id)
  }
}
