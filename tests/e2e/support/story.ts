/** The story editor as the browser tests read it: by its accessible name, and as a reader sees its text. */
import type { Page } from 'playwright-core'

export const storyEditorOf = (page: Page) => page.getByRole('textbox', { name: 'Story text' })

/** The story's paragraphs as a reader sees them (other writers' caret flags left out). */
export const storyParagraphs = (page: Page) =>
  storyEditorOf(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.story-caret').forEach((caret) => caret.remove())
    return [...copy.children].map((block) => (block.textContent ?? '').trim()).filter(Boolean)
  })
