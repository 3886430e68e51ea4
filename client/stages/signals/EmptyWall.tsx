import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Signal } from '../../../shared/schema/signal.ts'
import { EmptyState } from '../../ui/index.ts'
import { useCardText } from './cardText.ts'
import { SignalCard } from './SignalCard.tsx'

const EXAMPLE_ID = 'example-signal'

/**
 * The empty wall teaches: what to do, and one example card of what a good signal looks like
 * (care robots in elderly homes, the handbook's own example). The projector says the same to
 * the room, without the "add" part.
 */
export function EmptyWall({ forScreen = false }: { forScreen?: boolean }) {
  const { t, i18n } = useTranslation()
  const text = useCardText()
  const example = useMemo<Signal>(
    () => ({
      id: EXAMPLE_ID,
      title: t('signals.empty.example.title'),
      // On the projector the title and its category say it: with the rest the card ran off the screen.
      description: forScreen ? '' : t('signals.empty.example.description'),
      sourceUrl: '',
      themeId: '',
      category: 'technological',
      whyItMatters: forScreen ? '' : t('signals.empty.example.why'),
      authorId: EXAMPLE_ID,
      authorIds: [],
      sources: [],
      order: 'a0',
      createdAt: 0,
      updatedAt: 0,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- The example is rebuilt when the language changes.
    [t, i18n.language, forScreen],
  )
  return (
    <EmptyState
      className="empty-wall"
      title={forScreen ? t('signals.empty.screenTitle') : t('signals.empty.title')}
      text={forScreen ? t('signals.empty.screenText') : t('signals.empty.text')}
      example={<SignalCard signal={example} themeLabel={null} text={text} canEdit={false} canMerge={false} isExample />}
    />
  )
}
