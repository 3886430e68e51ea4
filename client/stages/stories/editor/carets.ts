/**
 * Other people's carets in the story: a thin line in their presence colour with their name on a
 * flag, so six people typing in one story can see who is where.
 */

const HEX = /^#[0-9a-fA-F]{6}$/

/** Dark or white text, whichever reads better on `color` (the palette has light and dark hues). */
export function textColorOn(color: string): string {
  if (!HEX.test(color)) return '#ffffff'
  const channel = (offset: number) => {
    const value = parseInt(color.slice(offset, offset + 2), 16) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  // Contrast with white is (1.05)/(L+0.05), with our ink ≈ (L+0.05)/(0.0107+0.05): pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0607 ? '#ffffff' : '#1b1815'
}

/**
 * The caret element for one remote person (y-tiptap calls this per awareness change). It sits
 * inside the editable text, so it is kept out of the story's accessible text: hidden from
 * assistive technology, and the name drawn by CSS from `data-name` rather than as a text node
 * (a screen reader must not read "Caisa" as part of the story, nor a copy carry it along).
 */
export function renderCaret(user: Record<string, unknown>, unnamed: string): HTMLElement {
  const color = typeof user.color === 'string' && HEX.test(user.color) ? user.color : '#6e6259'
  const name = typeof user.name === 'string' && user.name.trim() !== '' ? user.name.trim().slice(0, 60) : unnamed
  const caret = document.createElement('span')
  caret.className = 'story-caret'
  caret.setAttribute('aria-hidden', 'true')
  caret.style.borderColor = color
  const flag = document.createElement('span')
  flag.className = 'story-caret__name'
  flag.style.backgroundColor = color
  flag.style.color = textColorOn(color)
  flag.dataset.name = name
  caret.append(flag)
  return caret
}

/** Their selection, tinted in their colour. */
export function renderSelection(user: Record<string, unknown>): { style: string; class: string } {
  const color = typeof user.color === 'string' && HEX.test(user.color) ? user.color : '#6e6259'
  return { style: `background-color: ${color}33`, class: 'story-caret__selection' }
}
