/** Pure views derived from snapshots; nothing here is stored. */
export * from './board'
export * from './wall'
export * from './assessment'
export * from './wheel'
export * from './takeaways'
export * from './session'
export * from './storyName'
