/**
 * Pure readers of future stories: what a body cites (and whether those items still exist), and a
 * body's summary for cards. Import from here; `shared/doc/index.ts` is unchanged.
 */
export { readCitations, resolveCitations, resolveCitation, citationSources, type CitableBoard, type ResolvedCitation, type CitationSource } from './citations'
export { summarizeStoryBody, sameSummary, type StoryBodySummary } from './summary'
export { yieldStarts, bringsStart, startStamp, STARTED_BY, STARTED_AT, MOVED_FROM, START_ORDER_ORIGIN, type StartMove } from './startOrder'
export { rescuesOf, applyRescues, type Rescue } from './yieldRescue'
export { watchStoryDeletion, watchStoryDeletions } from './deletedBody'
export { storiesWrittenIn } from './writtenIn'
