/**
 * The future stories of the report: persona, body and what each story draws on. Citation chips
 * in the bodies become numbered footnotes, numbered across the whole report (Markdown footnote
 * labels are global to a document); a chip cited twice in one story reuses its number.
 */
import { sortedByOrder, storyName } from '../doc/index'
import type { CitationKind, Persona, Signal } from '../schema/index'
import type { Phrases } from './catalogue'
import type { RefItem, ReportLink, ReportSignal } from './report'
import type { ExportSnapshot } from './snapshot'
import type { Block, Inline } from './storyBody'

export interface ReportFootnote {
  readonly n: number
  readonly kind: CitationKind
  /** The item's current name, or the chip's label when the item was removed. */
  readonly name: string
  readonly removed: boolean
  /** The section the cited item is shown in, when it is shown. */
  readonly anchor: string | null
  /** Where a consequence sits ("2nd order · Ageing at home"); `''` for other kinds. */
  readonly context: string
  /** A cited signal's primary source. */
  readonly link: ReportLink | null
}

export type PersonaFields = Pick<Persona, 'name' | 'age' | 'household' | 'lifeSituation' | 'needs' | 'values'>

export interface ReportStory {
  readonly id: string
  readonly anchor: string
  readonly number: number
  /** Never empty: "Untitled story" stands in. */
  readonly title: string
  /** `null` when nobody filled in any field. */
  readonly persona: PersonaFields | null
  /** The body with each citation's `footnote` number and display label filled in. */
  readonly blocks: readonly Block[]
  readonly footnotes: readonly ReportFootnote[]
  /** The records the story links to, grouped by kind; empty groups left out. */
  readonly drawsOn: readonly { readonly kind: CitationKind; readonly items: readonly RefItem[] }[]
}

export interface StoryContext {
  readonly trendRefs: ReadonlyMap<string, RefItem & { readonly number: number }>
  readonly signalAnchors: ReadonlyMap<string, string>
  readonly nodeAnchors: ReadonlyMap<string, string>
  readonly toSignal: (signal: Signal) => ReportSignal
}

type Resolved = Omit<ReportFootnote, 'n'>

export function buildStories(snapshot: ExportSnapshot, phrases: Phrases, ctx: StoryContext): ReportStory[] {
  const { board } = snapshot
  const resolve = (kind: CitationKind, refId: string, label: string): Resolved => {
    const missing: Resolved = { kind, name: label, removed: true, anchor: null, context: '', link: null }
    if (kind === 'trend') {
      const ref = ctx.trendRefs.get(refId)
      return ref ? { ...missing, name: ref.name, removed: false, anchor: ref.anchor } : missing
    }
    if (kind === 'signal') {
      const signal = board.signals.get(refId)
      if (!signal) return missing
      const shown = ctx.toSignal(signal)
      return { ...missing, name: shown.title, removed: false, anchor: shown.anchor, link: shown.links[0] ?? null }
    }
    const node = board.wheelNodes.get(refId)
    const anchor = ctx.nodeAnchors.get(refId)
    if (!node || !anchor) return missing
    const trend = ctx.trendRefs.get(node.trendId)
    return { ...missing, name: node.text || label, removed: false, anchor, context: `${phrases.ring(node.ring)} · ${trend?.name ?? ''}` }
  }

  let nextFootnote = 1
  return sortedByOrder(board.stories).map((story, i) => {
    const footnotes: ReportFootnote[] = []
    const byKey = new Map<string, ReportFootnote>()
    const numberCitation = (inline: Inline): Inline => {
      if (inline.type !== 'citation') return inline
      const key = `${inline.kind}|${inline.refId}`
      let footnote = byKey.get(key)
      if (!footnote) {
        footnote = { n: nextFootnote++, ...resolve(inline.kind, inline.refId, inline.label) }
        byKey.set(key, footnote)
        footnotes.push(footnote)
      }
      return { ...inline, label: footnote.name, footnote: footnote.n }
    }
    const blocks = fromFirstLevel(mapInlines(snapshot.bodies.get(story.id) ?? [], numberCitation))

    const persona = board.personas.get(story.personaId)
    const fields: PersonaFields | null = persona
      ? {
          name: persona.name,
          age: persona.age,
          household: persona.household,
          lifeSituation: persona.lifeSituation,
          needs: persona.needs,
          values: persona.values,
        }
      : null
    // What a story draws on is what its body cites (the editor's chips), plus any ids linked on
    // the record itself.
    const cited = (kind: CitationKind, linked: readonly string[]) => [
      ...new Set([...linked, ...[...byKey.keys()].filter((key) => key.startsWith(`${kind}|`)).map((key) => key.slice(kind.length + 1))]),
    ]
    const signalOrder = (id: string) => Number(ctx.signalAnchors.get(id)?.slice('signal-'.length) ?? 0)
    const nodeOrder = (id: string) => Number(ctx.nodeAnchors.get(id)?.slice('consequence-'.length) ?? 0)
    const drawsOn = [
      {
        kind: 'trend' as const,
        items: cited('trend', story.trendIds)
          .flatMap((id) => ctx.trendRefs.get(id) ?? [])
          .sort((a, b) => a.number - b.number)
          .map(({ name, anchor }) => ({ name, anchor })),
      },
      {
        kind: 'wheelNode' as const,
        items: cited('wheelNode', story.wheelNodeIds)
          .filter((id) => ctx.nodeAnchors.has(id))
          .sort((a, b) => nodeOrder(a) - nodeOrder(b))
          .map((id) => ({ name: board.wheelNodes.get(id)?.text ?? '', anchor: ctx.nodeAnchors.get(id) ?? null })),
      },
      {
        kind: 'signal' as const,
        items: cited('signal', story.signalIds)
          .filter((id) => board.signals.has(id))
          .sort((a, b) => signalOrder(a) - signalOrder(b))
          .map((id) => ({ name: board.signals.get(id)!.title, anchor: ctx.signalAnchors.get(id) ?? null })),
      },
    ].filter((group) => group.items.length > 0)

    return {
      id: story.id,
      anchor: `story-${i + 1}`,
      number: i + 1,
      title: storyName(story.title, persona?.name, {
        untitled: phrases.untitledStory,
        ofPersona: (name) => phrases.storyOfPersona.replace('{{name}}', () => name),
      }),
      persona: fields && hasContent(fields) ? fields : null,
      blocks,
      footnotes,
      drawsOn,
    }
  })
}

function hasContent(persona: PersonaFields): boolean {
  return persona.age !== null || [persona.name, persona.household, persona.lifeSituation, persona.needs, persona.values].some((field) => field !== '')
}

/**
 * The blocks with their headings moved up so that the shallowest is level 1: the editor's one
 * heading button makes level 2, which the report set one level too deep under the story's title
 * (`#####` under `###`).
 */
function fromFirstLevel(blocks: readonly Block[]): Block[] {
  const levels: number[] = []
  const collect = (list: readonly Block[]): void =>
    list.forEach((block) => {
      if (block.type === 'heading') levels.push(block.level)
      else if (block.type === 'blockquote') collect(block.blocks)
      else if (block.type === 'bulletList' || block.type === 'orderedList') block.items.forEach(collect)
    })
  collect(blocks)
  const up = levels.length > 0 ? Math.min(...levels) - 1 : 0
  if (up === 0) return [...blocks]
  const shift = (list: readonly Block[]): Block[] =>
    list.map((block): Block => {
      switch (block.type) {
        case 'heading':
          return { ...block, level: block.level - up }
        case 'bulletList':
        case 'orderedList':
          return { ...block, items: block.items.map(shift) }
        case 'blockquote':
          return { ...block, blocks: shift(block.blocks) }
        default:
          return block
      }
    })
  return shift(blocks)
}

/** A copy of the blocks with `fn` applied to every inline, in document order. */
function mapInlines(blocks: readonly Block[], fn: (inline: Inline) => Inline): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return { ...block, content: block.content.map(fn) }
      case 'bulletList':
      case 'orderedList':
        return { ...block, items: block.items.map((item) => mapInlines(item, fn)) }
      case 'blockquote':
        return { ...block, blocks: mapInlines(block.blocks, fn) }
    }
  })
}
