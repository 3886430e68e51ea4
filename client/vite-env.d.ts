/// <reference types="vite/client" />

/** The `hyphen` package's Finnish patterns (it ships no types): see client/ui/hyphenate.ts. */
declare module 'hyphen/fi' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string }
  export default patterns
}
