import { useTranslation } from 'react-i18next'
import { dotsLeftMessage, type Message } from './assessModel.ts'
import { messageText } from './text.ts'

interface DotsSummaryProps {
  left: number
  total: number
  /** Why the last dot was not given (budget spent, voting closed), until the next vote. */
  refusal: Message | null
}

/** ●●●○○ "3 of 5 dots left": the budget at a glance, and a plain reason when a dot is refused. */
export function DotsSummary({ left, total, refusal }: DotsSummaryProps) {
  const { t } = useTranslation()
  return (
    <div className="dots-summary">
      <p className="dots-summary__count">
        <span className="dots-summary__dots" aria-hidden="true">
          {Array.from({ length: total }, (_, i) => (
            <span key={i} className={i < left ? 'dots-summary__dot' : 'dots-summary__dot dots-summary__dot--given'} />
          ))}
        </span>
        <span>{messageText(t, dotsLeftMessage(left, total))}</span>
      </p>
      {refusal && <p className="dots-summary__refusal">{messageText(t, refusal)}</p>}
    </div>
  )
}
