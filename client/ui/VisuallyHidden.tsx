import type { ReactNode } from 'react'

/**
 * Text for screen readers only (the `.visually-hidden` utility as a component). Use it to finish
 * a sentence that the layout already says visually ("3 cards, by Anna").
 *
 * @example
 * <button><span aria-hidden="true">×</span><VisuallyHidden>{t('signals.delete')}</VisuallyHidden></button>
 */
export function VisuallyHidden({ children, as: Element = 'span' }: { children: ReactNode; as?: 'span' | 'div' | 'h2' | 'h3' }) {
  return <Element className="visually-hidden">{children}</Element>
}
