/**
 * The report every readable format renders: one format-neutral model built from a snapshot, so
 * Markdown and HTML say the same things in the same order and differ only in markup. Names are
 * resolved, deleted links dropped, numbers computed and citations numbered here, once.
 */
import {
  assessmentResults,
  groupSignals,
  plusOnesByTakeaway,
  rankByDots,
  sortedByOrder,
  voteTotals,
  wheelTree,
  type TrendAssessment,
  type WheelTreeNode,
} from '../doc/index'
import { LANGUAGES, WHEN, type Language, type Signal, type SteepCategory, type Valence, type When } from '../schema/index'
import { safeHttpUrl } from '../util/url'
import { phrasesFor, type Phrases } from './catalogue'
import { buildStories, type ReportStory } from './reportStories'
import type { ExportOptions, ExportSnapshot } from './snapshot'

/** A link inside the report: a name and, when the item is shown, the anchor of its section. */
export interface RefItem {
  readonly name: string
  readonly anchor: string | null
}

/** An http(s) link, validated and normalised once, with the domain shown for it. */
export interface ReportLink {
  readonly url: string
  readonly domain: string
}

export interface ReportSignal {
  readonly anchor: string
  readonly title: string
  readonly description: string
  readonly whyItMatters: string
  /** http(s) only, primary source first, no duplicates. */
  readonly links: readonly ReportLink[]
  /** The theme's label, `''` for none. */
  readonly theme: string
  readonly category: SteepCategory
}

export interface ReportTrend {
  readonly anchor: string
  /**
   * 1-based rank by dots (ties in the board's order): with one assess stage (as every template
   * has) the number its badges show; with several, by their dots together.
   */
  readonly number: number
  /** Never empty: "Unnamed trend" stands in. */
  readonly name: string
  readonly narrative: string
  readonly opportunities: string
  readonly challenges: string
  readonly keyDriver: boolean
  /** Votes summed over every assess stage, each person counted up to that stage's budget. */
  readonly assessment: TrendAssessment
  readonly signals: readonly ReportSignal[]
}

export interface ReportWheelNode {
  readonly anchor: string
  readonly ring: number
  readonly text: string
  readonly valence: Valence
  readonly children: readonly ReportWheelNode[]
}

export interface ReportWheel {
  readonly anchor: string
  readonly trend: RefItem
  readonly nodes: readonly ReportWheelNode[]
}

export interface ReportTakeaway {
  readonly text: string
  readonly who: string
  readonly plusOnes: number
  readonly stories: readonly RefItem[]
  readonly trends: readonly RefItem[]
}

export interface Report {
  readonly language: Language
  readonly phrases: Phrases
  /** Never empty: "Untitled workshop" stands in. */
  readonly title: string
  readonly focalQuestion: string
  readonly horizonYear: number
  readonly generatedAt: Date
  readonly dateText: string
  /** Display names in alphabetical order; `null` when the export leaves them out. */
  readonly participants: readonly string[] | null
  readonly participantCount: number
  readonly themes: readonly string[]
  readonly stories: readonly ReportStory[]
  readonly trends: readonly ReportTrend[]
  readonly unsorted: readonly ReportSignal[]
  readonly signalCount: number
  readonly wheels: readonly ReportWheel[]
  /** Every "when", in order, even when empty (the reader sees nothing was planned for it). */
  readonly takeaways: readonly { readonly when: When; readonly items: readonly ReportTakeaway[] }[]
  readonly takeawayCount: number
}

export type { ReportStory } from './reportStories'

/**
 * Builds the report model from a snapshot.
 *
 * @example
 * const report = buildReport(readExportSnapshot({ board, control }), { includeParticipants: false, generatedAt: new Date() })
 * report.stories[0]?.footnotes
 */
export function buildReport(snapshot: ExportSnapshot, options: ExportOptions): Report {
  const { board, control } = snapshot
  const meta = control.meta
  const language: Language = (LANGUAGES as readonly string[]).includes(meta.language) ? meta.language : 'en'
  const phrases = phrasesFor(language)
  const themeLabels = new Map(meta.themes.map((theme) => [theme.id, theme.label]))

  const allSignals = sortedByOrder(board.signals)
  const signalAnchors = new Map(allSignals.map((signal, i) => [signal.id, `signal-${i + 1}`]))
  // A signal backing two trends is shown twice: build each once (URL parsing is the costly part).
  const shownSignals = new Map<string, ReportSignal>()
  const toSignal = (signal: Signal): ReportSignal => {
    let shown = shownSignals.get(signal.id)
    if (!shown) {
      shown = {
        anchor: signalAnchors.get(signal.id) ?? '',
        title: signal.title,
        description: signal.description,
        whyItMatters: signal.whyItMatters,
        links: reportLinks([signal.sourceUrl, ...signal.sources]),
        theme: themeLabels.get(signal.themeId) ?? '',
        category: signal.category,
      }
      shownSignals.set(signal.id, shown)
    }
    return shown
  }

  const groups = groupSignals(board)
  const results = assessmentResults(board, { votesPerPerson: 0 }, '')
  const votes = votesOverAssessStages(snapshot)
  const keyDrivers = new Set(control.keyDrivers)
  // Numbered and listed as the room ranked them (the assess stage's badges): most dots first.
  // (The badges count one stage's dots; a workshop given a second assess stage is ranked here by all.)
  const ranked = rankByDots(groups.trends, ({ trend }) => votes.get(trend.id) ?? 0)
  const trends: ReportTrend[] = ranked.map(({ trend, signals }, i) => ({
    anchor: `trend-${i + 1}`,
    number: i + 1,
    name: trend.name || phrases.unnamedTrend,
    narrative: trend.narrative,
    opportunities: trend.opportunities,
    challenges: trend.challenges,
    keyDriver: keyDrivers.has(trend.id),
    assessment: { ...(results.get(trend.id) as TrendAssessment), votes: votes.get(trend.id) ?? 0 },
    signals: signals.map(toSignal),
  }))
  const trendRefs = new Map(trends.map((trend, i) => [ranked[i]!.trend.id, { name: trend.name, anchor: trend.anchor, number: trend.number }]))

  let nodeCount = 0
  const nodeAnchors = new Map<string, string>()
  const toNode = ({ node, children }: WheelTreeNode): ReportWheelNode => {
    const anchor = `consequence-${++nodeCount}`
    nodeAnchors.set(node.id, anchor)
    return { anchor, ring: node.ring, text: node.text, valence: node.valence, children: children.map(toNode) }
  }
  const wheels: ReportWheel[] = []
  for (const { trend } of groups.trends) {
    const tree = wheelTree(board, trend.id)
    const ref = trendRefs.get(trend.id)!
    if (tree.length > 0) wheels.push({ anchor: `wheel-${ref.number}`, trend: { name: ref.name, anchor: ref.anchor }, nodes: tree.map(toNode) })
  }

  const stories = buildStories(snapshot, phrases, { trendRefs, signalAnchors, nodeAnchors, toSignal })
  const storyRefs = new Map(stories.map((story) => [story.id, { name: story.title, anchor: story.anchor, number: story.number }]))
  const plusOnes = plusOnesByTakeaway(board)
  const refsOf = (ids: readonly string[], refs: ReadonlyMap<string, RefItem & { number: number }>): RefItem[] =>
    ids
      .flatMap((id) => refs.get(id) ?? [])
      .sort((a, b) => a.number - b.number)
      .map(({ name, anchor }) => ({ name, anchor }))
  const takeaways = WHEN.map((when) => ({
    when,
    items: sortedByOrder(board.takeaways)
      .filter((takeaway) => takeaway.when === when)
      .map((takeaway) => ({
        text: takeaway.text,
        who: takeaway.who,
        plusOnes: plusOnes.get(takeaway.id)?.count ?? 0,
        stories: refsOf(takeaway.storyIds, storyRefs),
        trends: refsOf(takeaway.trendIds, trendRefs),
      })),
  }))

  const names = [...board.participants.values()].map((participant) => participant.name)
  return {
    language,
    phrases,
    title: meta.title || phrases.untitledWorkshop,
    focalQuestion: meta.focalQuestion,
    horizonYear: meta.horizonYear,
    generatedAt: options.generatedAt,
    dateText: phrases.formatDate(options.generatedAt),
    participants: options.includeParticipants ? names.sort((a, b) => a.localeCompare(b, language) || (a < b ? -1 : a > b ? 1 : 0)) : null,
    participantCount: names.length,
    themes: meta.themes.map((theme) => theme.label),
    stories,
    trends,
    unsorted: groups.unsorted.map(toSignal),
    signalCount: board.signals.size,
    wheels,
    takeaways,
    takeawayCount: board.takeaways.size,
  }
}

/** Dots per trend over every assess stage, each stage with its own budget per person. */
function votesOverAssessStages({ board, control }: ExportSnapshot): Map<string, number> {
  const totals = new Map<string, number>()
  for (const stage of control.stages) {
    if (stage.kind !== 'assess') continue
    for (const [trendId, count] of voteTotals(board.votes.values(), board.trends, stage.id, stage.settings.votesPerPerson)) {
      totals.set(trendId, (totals.get(trendId) ?? 0) + count)
    }
  }
  return totals
}

/**
 * Links as they may become an `href`: http(s) only, normalised, duplicates dropped. Checked
 * here although the schema checked them on write: the export is the last line before a reader.
 */
export function safeLinks(urls: readonly string[]): string[] {
  const out: string[] = []
  for (const url of urls) {
    const safe = url === '' ? null : safeHttpUrl(url)
    if (safe && !out.includes(safe)) out.push(safe)
  }
  return out
}

function reportLinks(urls: readonly string[]): ReportLink[] {
  return safeLinks(urls).map((url) => ({ url, domain: new URL(url).hostname.replace(/^www\./, '') }))
}

/** A URL as `safeHttpUrl` normalises it always starts like this; renderers re-check it cheaply. */
export function isHttpHref(url: string): boolean {
  return /^https?:\/\/[^\s"<>\\]+$/.test(url)
}
