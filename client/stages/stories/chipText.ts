/**
 * "Care moves home" → ["Care", " moves home"]. A chip keeps its icon and first word together
 * (never "↗" at a line end and the name on the next line) while a long name still wraps.
 */
export function splitFirstWord(text: string): [string, string] {
  const match = /^(\S*)([\s\S]*)$/u.exec(text)
  return match ? [match[1] ?? '', match[2] ?? ''] : [text, '']
}
