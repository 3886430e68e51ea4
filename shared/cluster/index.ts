/**
 * The clustering assistant: explainable grouping of sticky notes in English and Finnish, pure
 * and deterministic, so browser, server and command line agree. See `suggest.ts`.
 */
export { suggestClusters, findSimilar, CLUSTER_THRESHOLD, ATTACH_THRESHOLD, SIMILAR_THRESHOLD } from './suggest'
export type { AssistantOptions, NoteInput, SimilarNote, SuggestedCluster, Suggestions } from './suggest'
export { DEFAULT_VOCABULARY, Vocabulary, parseConcepts, parseOwnWords, type Concept } from './vocabulary/index'
export { detectLanguage, tokenize, words, stem, type Language, type LanguageChoice } from './text'
export { adjustedRandIndex, purity, assignment } from './evaluate'
export { similarityPool, type PoolNote } from './pool'
