import { useTranslation } from 'react-i18next'
import { endPrivateRound, startPrivateRound } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'
import { PrivateIcon, RevealIcon } from './consoleIcons.tsx'

/** Cards waiting in private drafts, as the server counts them ("Anna: 3 cards"). */
export function usePrivateCardsWaiting(): number {
  return useStore((s) => Object.values(s.control?.privateCounts ?? {}).reduce((sum, entry) => sum + entry.count, 0))
}

/** Whether the private-round control belongs in the toolbar now. */
export function usePrivateRoundShown(stageKind: string | undefined): boolean {
  const on = useStore((s) => s.control?.privateMode.on === true)
  const waiting = usePrivateCardsWaiting()
  return stageKind === 'signals' || on || waiting > 0
}

/**
 * Private writing in rounds, one control whose words say what it does: "Private round" starts
 * one (new cards stay with their writers, the room sees only how many); "Reveal 6 cards" ends it,
 * for everyone: the cards go on the wall, every private panel closes, and new cards are public
 * until the next round. The R key does the same.
 */
export function PrivateRoundButton() {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { control } = useWorkshopDocs()
  const on = useStore((s) => s.control?.privateMode.on === true)
  const waiting = usePrivateCardsWaiting()

  if (on || waiting > 0) {
    return (
      <button
        type="button"
        className="button button--primary console-button console-private console-private--on"
        onClick={() => control && revealNow(control, announce, t)}
        disabled={!control}
        aria-keyshortcuts="R"
        aria-label={t('console.private.revealRound', { count: waiting })}
        title={t('console.private.revealHint')}
      >
        <RevealIcon />
        <span className="console-button__label">{t('console.private.revealRound', { count: waiting })}</span>
      </button>
    )
  }
  return (
    <button
      type="button"
      className="button button--secondary console-button console-private"
      onClick={() => {
        if (!control) return
        startPrivateRound(control)
        announce(t('console.private.started'))
      }}
      disabled={!control}
      aria-label={t('console.private.start')}
      title={t('console.private.startHint')}
    >
      <PrivateIcon />
      <span className="console-button__label">{t('console.private.start')}</span>
    </button>
  )
}

/** Ends the private round for everyone (the button and the R key). */
export function revealNow(control: Parameters<typeof endPrivateRound>[0], announce: (message: string) => void, t: (key: string) => string): void {
  endPrivateRound(control)
  announce(t('console.private.revealed'))
}
