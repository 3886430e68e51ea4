/**
 * What a story is called wherever it is named (its stage, the projector, takeaways, the report):
 * its title; without one, after its persona ("Aino’s day"); without that either, "Untitled story".
 * Groups write before they title, and two untitled stories must still be told apart.
 */
export function storyName(title: string, personaName: string | undefined, words: { untitled: string; ofPersona(name: string): string }): string {
  const own = title.trim()
  if (own) return own
  const name = personaName?.trim()
  return name ? words.ofPersona(name) : words.untitled
}
