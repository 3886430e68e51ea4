import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { mergeIntoSignal } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { usePrivateDraft } from '../PrivateDraft.tsx'
import { validateSignalForm, type SignalFormValues } from '../signalForm.ts'
import { useSimilar, type SimilarCard } from './useSimilar.ts'
import './similar.css'
import { KEYWORD_SEPARATOR } from '../../../ui/keywords.ts'

interface SimilarHintProps {
  values: SignalFormValues
  /** The draft went into an existing card: clear the form as after adding one. */
  onMerged(into: string): void
  /** The form has a problem (a bad link): let the form show it, as a submit would. */
  onInvalid(): void
}

/**
 * "Looks like ‘Neighbours share a care app’ (Ben)": while someone writes a card, the most similar
 * card already on the wall (or among their own private cards), with why it matched, and two
 * choices: merge what they wrote into it, or keep theirs. Quiet until there is a close match.
 */
export function SimilarHint({ values, onMerged, onInvalid }: SimilarHintProps) {
  const { t } = useTranslation()
  const similar = useSimilar(values.title, values.description)
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set())
  const shown = similar.filter((card) => !kept.has(card.signal.id))
  const merge = useMerge(values, onMerged, onInvalid)
  const looksLike = useLooksLike()
  return (
    <>
      {/* The live region stays in place, so a hint that appears is announced: only what it found,
          its reasons and buttons are there to read (all of it said at once, while typing, was a
          paragraph). */}
      <p className="visually-hidden" aria-live="polite">
        {shown.map(looksLike).join(' ')}
      </p>
      {shown.length !== 0 && (
        <div className="similar">
          {shown.map((card) => (
            <SimilarItem
              key={card.signal.id}
              card={card}
              looksLike={looksLike(card)}
              onMerge={() => merge(card)}
              onKeep={() => setKept((set) => new Set(set).add(card.signal.id))}
            />
          ))}
          <p className="similar__note">{t('signalSimilar.note')}</p>
        </div>
      )}
    </>
  )
}

/** "Looks like ‘…’ (Ben)": the card, and whose it is where names may be shown. */
function useLooksLike(): (card: SimilarCard) => string {
  const { t } = useTranslation()
  const hideNames = useStore((s) => s.control?.privateMode.hideNamesAfterReveal ?? false)
  const participants = useStore((s) => s.board?.participants)
  return (card) => {
    const author = participants?.get(card.signal.authorId)?.name ?? ''
    const who = card.private ? t('signalSimilar.yourPrivateCard') : hideNames || !author ? '' : author
    const title = card.signal.title
    return who ? t('signalSimilar.looksLikeBy', { title, who }) : t('signalSimilar.looksLike', { title })
  }
}

function SimilarItem({ card, looksLike, onMerge, onKeep }: { card: SimilarCard; looksLike: string; onMerge(): void; onKeep(): void }) {
  const { t } = useTranslation()
  const title = card.signal.title
  return (
    <div className="similar__item">
      <p className="similar__looks">{looksLike}</p>
      {card.match.keywords.length > 0 && (
        <p className="similar__why">
          {/* The shared concepts, not the word pairs behind them ("care ≈ hoivasovelluksen"): a
              participant deciding whether to merge reads what the cards are about, and a wrong
              pair would read as the app's mistake about their card. The facilitator's suggested
              groups show the pairs. */}
          {t('signalSimilar.shared')}: {card.match.keywords.join(KEYWORD_SEPARATOR)}
        </p>
      )}
      <div className="similar__actions">
        <button type="button" className="button button--secondary" aria-label={t('signalSimilar.mergeNamed', { title })} onClick={onMerge}>
          {t('signalSimilar.merge')}
        </button>
        <button type="button" className="button button--ghost" aria-label={t('signalSimilar.keepNamed', { title })} onClick={onKeep}>
          {t('signalSimilar.keep')}
        </button>
      </div>
    </div>
  )
}

/** Writes the draft into the chosen card: on the board, or in the writer's own private draft. */
function useMerge(values: SignalFormValues, onMerged: (into: string) => void, onInvalid: () => void) {
  const { board } = useWorkshopDocs()
  const draft = usePrivateDraft().doc
  const participantId = useStore((s) => s.participant?.id ?? null)
  return (card: SimilarCard) => {
    const result = validateSignalForm(values)
    if (!result.ok) return onInvalid()
    const doc = card.private ? draft : board
    if (!doc || !participantId) return
    if (mergeIntoSignal(doc, card.signal.id, result.input, { participantId })) onMerged(card.signal.title)
  }
}
