/**
 * A minimal render helper for happy-dom component tests: mounts into a fresh container inside
 * `act`, and unmounts on `cleanup()`. Typing goes through Testing Library's `fireEvent`, which
 * sets a field's value the way React notices.
 */
import { fireEvent } from '@testing-library/react'
import { act, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { catalogues } from '../i18n/catalogues.ts'
import { initI18n, setUiLanguage } from '../i18n/index.ts'
import type { Language } from '../i18n/language.ts'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const mounted: { root: Root; container: HTMLElement }[] = []

export function render(ui: ReactElement, { language = 'en' }: { language?: Language } = {}): HTMLElement {
  initI18n(language, catalogues, ['main', 'tools'])
  setUiLanguage(language)
  const container = document.createElement('div')
  document.body.appendChild(container)
  const root = createRoot(container)
  act(() => root.render(ui))
  mounted.push({ root, container })
  return container
}

/**
 * Renders, then lets the parts the app loads as chunks of their own (React.lazy: the facilitator's
 * console, the projector's views, dialogs) arrive, until `loaded` holds for what was rendered.
 */
export async function renderLoaded(ui: ReactElement, loaded: (container: HTMLElement) => boolean, options: { language?: Language } = {}): Promise<HTMLElement> {
  const container = render(ui, options)
  // Generous: the first import of a chunk's modules is transformed on the spot, on a busy machine.
  const deadline = Date.now() + 15_000
  while (!loaded(container)) {
    if (Date.now() > deadline) throw new Error('a lazily loaded part never arrived')
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 5)))
  }
  return container
}

export function cleanup(): void {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount())
    container.remove()
  }
}

/** Runs `fn` inside act and lets pending promises settle. */
export async function actAsync(fn: () => unknown): Promise<void> {
  await act(async () => {
    await fn()
  })
}

/** Types `value` into a text field as one edit (an input event carrying the whole new value). */
export function typeInto(field: Element | null, value: string): void {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) throw new Error('not a text field')
  fireEvent.input(field, { target: { value } })
}
