/**
 * Future stories and their personas. The story text is a `Y.XmlFragment` beside the record,
 * bound to the client's editor; the record holds title, links and the persona.
 */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { PERSONA_DEFAULTS, PersonaPatchSchema, StoryPatchSchema, idSchema, type PersonaPatch, type Story, type StoryPatch } from '../../schema/index'
import { randomId } from '../../util/ids'
import { deleteRecord, getRecord, insertRecord, listRecords, orderFor, patchRecord } from '../collections'
import { storyBodiesRoot } from '../roots'
import { checkActor, command, now, type Actor } from './command'

export interface StoryInput extends StoryPatch {
  readonly groupId?: string | null
  readonly persona?: PersonaPatch
  /** Its text, for a story brought back after someone deleted it (`copyOfDeletedBody`); else empty. */
  readonly body?: Y.XmlFragment
}

/**
 * Creates a story with its persona and an empty body; returns both ids.
 *
 * @example
 * const { storyId } = createStory(board, { title: 'A Tuesday in 2040', trendIds: [trendId], persona: { name: 'Aino', age: 78 } }, me)
 */
export function createStory(doc: Y.Doc, input: StoryInput, actor: Actor): { storyId: string; personaId: string } {
  checkActor(actor)
  const story = StoryPatchSchema.parse({ title: input.title, trendIds: input.trendIds, wheelNodeIds: input.wheelNodeIds, signalIds: input.signalIds })
  const persona = PersonaPatchSchema.parse(input.persona ?? {})
  // Everything is checked before the transaction: two records are written, and Yjs would keep the
  // first if the second threw.
  const groupId = z.nullable(idSchema).parse(input.groupId ?? null)
  return command(doc, () => {
    const storyId = randomId()
    const personaId = randomId()
    insertRecord(doc, 'personas', { id: personaId, storyId, ...PERSONA_DEFAULTS, ...persona })
    insertRecord(doc, 'stories', {
      id: storyId,
      title: story.title ?? '',
      trendIds: story.trendIds ?? [],
      wheelNodeIds: story.wheelNodeIds ?? [],
      signalIds: story.signalIds ?? [],
      groupId,
      personaId,
      order: orderFor(doc, 'stories'),
      createdBy: actor.participantId,
      createdAt: now(),
    })
    storyBodiesRoot(doc).set(storyId, input.body ?? new Y.XmlFragment())
    return { storyId, personaId }
  })
}

/**
 * A story `participantId` started for `groupId` in which nothing has been written yet (no title,
 * persona, links or text), or undefined. Starting again opens it instead of adding another empty
 * one: a double tap, or a person going back to the list and starting again, left "Untitled story"
 * twice for the facilitator to clear away. Someone else's empty story is theirs to fill.
 */
export function untouchedStoryOf(doc: Y.Doc, participantId: string, groupId: string | null): string | undefined {
  for (const story of listRecords(doc, 'stories')) {
    if (story.createdBy === participantId && story.groupId === groupId && isUntouched(doc, story)) return story.id
  }
  return undefined
}

/**
 * The story to write in instead of `storyId`, which someone started for a group (or the whole
 * room) as its first: when another story of that group was started before it (by its time, then
 * its id), the earliest, as long as nothing has been written in `storyId` yet. Three people of a
 * group pressing "Start your group's story" together each made one and wrote alone; this way the
 * later starters join the first one, and every device comes to the same story.
 */
export function earlierStartOf(doc: Y.Doc, storyId: string): string | undefined {
  const mine = getRecord(doc, 'stories', storyId)
  if (!mine || !isUntouched(doc, mine)) return undefined
  const before = (a: Story, b: Story) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id)
  let earliest: Story | undefined
  for (const story of listRecords(doc, 'stories')) {
    if (story.groupId === mine.groupId && before(story, earliest ?? mine)) earliest = story
  }
  return earliest?.id
}

/** Nothing written in it yet: no title, persona, links or text. */
function isUntouched(doc: Y.Doc, story: Story): boolean {
  if (story.title !== '' || story.trendIds.length + story.wheelNodeIds.length + story.signalIds.length > 0) return false
  const persona = getRecord(doc, 'personas', story.personaId)
  if (persona && Object.entries(PERSONA_DEFAULTS).some(([field, empty]) => persona[field as keyof typeof PERSONA_DEFAULTS] !== empty)) return false
  const body = getStoryBody(doc, story.id)
  return !body || body.length === 0
}

/** Writes a story's title or links (`trendIds`, `wheelNodeIds`, `signalIds`). */
export function updateStory(doc: Y.Doc, id: string, patch: StoryPatch): boolean {
  const fields = StoryPatchSchema.parse(patch)
  return command(doc, () => patchRecord(doc, 'stories', id, fields))
}

/** Writes persona fields; each is its own entry, so co-writers filling different fields both keep theirs. */
export function updatePersona(doc: Y.Doc, personaId: string, patch: PersonaPatch): boolean {
  const fields = PersonaPatchSchema.parse(patch)
  return command(doc, () => patchRecord(doc, 'personas', personaId, fields))
}

/** Deletes a story with its persona and body. Takeaways that cite it simply stop showing the link. */
export function deleteStory(doc: Y.Doc, id: string): boolean {
  return command(doc, () => {
    const story = getRecord(doc, 'stories', id)
    if (story) deleteRecord(doc, 'personas', story.personaId)
    storyBodiesRoot(doc).delete(id)
    return deleteRecord(doc, 'stories', id)
  })
}

/**
 * The collaborative body of a story, for the client's editor binding; `null` when the story has
 * none. The only Yjs type handed out of `shared/doc`: rich text has no plain-value form to
 * snapshot without losing concurrent typing.
 */
export function getStoryBody(doc: Y.Doc, storyId: string): Y.XmlFragment | null {
  const body = storyBodiesRoot(doc).get(storyId)
  return body instanceof Y.XmlFragment ? body : null
}

/** The body as plain text, one paragraph per top-level element, for exports and previews. */
export function storyBodyText(body: Y.XmlFragment): string {
  const paragraphs: string[] = []
  for (const child of body.toArray()) paragraphs.push(textOf(child))
  return paragraphs.join('\n\n').trim()
}

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  // The delta, not toJSON(): toJSON() renders formatting marks as tags (<bold>…</bold>).
  if (node instanceof Y.XmlText) return (node.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join('')
  return ''
}
