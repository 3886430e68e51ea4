/**
 * The story open in this tab, per workshop, kept across a reload (sessionStorage: this tab only).
 * A writer who reloaded in the middle of a story came back to the list and had to find it again.
 */
const keyOf = (workshopId: string) => `s2s:open-story:${workshopId}`

export function rememberedOpenStory(workshopId: string | null): string | null {
  if (!workshopId) return null
  try {
    return sessionStorage.getItem(keyOf(workshopId))
  } catch {
    return null // storage refused (privacy modes): the list opens, as before
  }
}

export function rememberOpenStory(workshopId: string | null, storyId: string | null): void {
  if (!workshopId) return
  try {
    if (storyId) sessionStorage.setItem(keyOf(workshopId), storyId)
    else sessionStorage.removeItem(keyOf(workshopId))
  } catch {
    // Not kept: a reload opens the list.
  }
}
