/**
 * Makes an element that is not a control (a card, a trend) focusable for one landing of the
 * keyboard, when what had focus is gone: once the keyboard moves on, it is plain again, so a later
 * click on it does not focus (and outline) it, and Tab never stops there.
 */
export function focusableOnce(element: HTMLElement): HTMLElement {
  element.tabIndex = -1
  element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true })
  return element
}
