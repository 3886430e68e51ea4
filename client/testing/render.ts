/**
 * A minimal render helper for happy-dom component tests (no testing-library in this project):
 * mounts into a fresh container inside `act`, and unmounts on `cleanup()`.
 */
import { act, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { initI18n, setUiLanguage } from '../i18n/index.ts'
import type { Language } from '../i18n/language.ts'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const mounted: { root: Root; container: HTMLElement }[] = []

export function render(ui: ReactElement, { language = 'en' }: { language?: Language } = {}): HTMLElement {
  initI18n(language)
  setUiLanguage(language)
  const container = document.createElement('div')
  document.body.appendChild(container)
  const root = createRoot(container)
  act(() => root.render(ui))
  mounted.push({ root, container })
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
