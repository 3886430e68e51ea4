/** The `hyphen` package's patterns (it ships no types): see hyphenation.ts beside this file. */
declare module 'hyphen/fi' {
  const patterns: import('./hyphenation').HyphenationPatterns
  export default patterns
}
declare module 'hyphen/en-gb' {
  const patterns: import('./hyphenation').HyphenationPatterns
  export default patterns
}
