/// <reference types="vite/client" />

/** The `hyphen` package's patterns (it ships no types): see client/ui/hyphenate.ts. */
declare module 'hyphen/fi' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string }
  export default patterns
}
declare module 'hyphen/en-gb' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string }
  export default patterns
}
