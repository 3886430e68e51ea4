import type { ReactNode } from 'react'
import './ui.css'

export interface EmptyStateProps {
  /** What is missing, said as an invitation ("No signals yet"). */
  title: ReactNode
  /** One or two sentences: what to do first. */
  text?: ReactNode
  /** An example of what good looks like (e.g. one example card), shown in a dashed frame. */
  example?: ReactNode
  /** A button or link that starts the work. */
  action?: ReactNode
  /** Heading level of the title, to fit the page outline (default 3). */
  headingLevel?: 2 | 3 | 4
  className?: string
}

/**
 * An empty area that teaches: a title, the instruction and, when it helps, one example and the
 * first action. No illustration: the example does the teaching.
 *
 * @example
 * <EmptyState
 *   title={t('signals.empty.title')}
 *   text={t('signals.empty.text')}
 *   example={<SignalCard signal={EXAMPLE_SIGNAL} example />}
 *   action={<button className="button button--primary" onClick={add}>{t('signals.add')}</button>}
 * />
 */
export function EmptyState({ title, text, example, action, headingLevel = 3, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const
  return (
    <div className={['ui-empty ui-stack', className].filter(Boolean).join(' ')}>
      <Heading className="ui-empty__title">{title}</Heading>
      {text && <p className="ui-empty__text">{text}</p>}
      {example && <div className="ui-empty__example">{example}</div>}
      {action && <div className="ui-empty__action">{action}</div>}
    </div>
  )
}
