/** The foresight method as data: stage definitions and workshop templates. */
export * from './stages'
export * from './templates'
