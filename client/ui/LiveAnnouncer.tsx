import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Says a message through the page's polite live region. */
export type Announce = (message: string) => void

const AnnounceContext = createContext<Announce>(() => {})
const ClearContext = createContext<() => void>(() => {})

/**
 * One polite live region for the page, and the provider behind `useAnnounce()`. Mount it once
 * around the workshop. Each message replaces the region's content with a new node, so saying the
 * same words twice ("Card added", "Card added") is read twice.
 *
 * @example
 * <LiveAnnouncer><WorkshopPage /></LiveAnnouncer>
 */
export function LiveAnnouncer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState({ text: '', serial: 0 })
  const serial = useRef(0)
  const announce = useCallback<Announce>((text) => {
    serial.current += 1
    setMessage({ text, serial: serial.current })
  }, [])
  const clear = useCallback(() => setMessage((was) => (was.text ? { text: '', serial: was.serial } : was)), [])
  // A message in the language just left would be read to someone who now reads the other one.
  const { i18n } = useTranslation()
  const language = i18n.language
  useEffect(() => clear(), [language, clear])
  return (
    <AnnounceContext.Provider value={announce}>
      <ClearContext.Provider value={clear}>{children}</ClearContext.Provider>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-live-announcer="">
        {message.text && <p key={message.serial}>{message.text}</p>}
      </div>
    </AnnounceContext.Provider>
  )
}

/**
 * The `announce(message)` function of the nearest `LiveAnnouncer` (a no-op outside one). For
 * changes someone may not see: "Card moved to Ageing at home", "3 cards revealed". Already
 * translated text only.
 *
 * @example
 * const announce = useAnnounce()
 * announce(t('trends.moved', { trend: trend.name }))
 */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext)
}

/**
 * Empties the live region: a message about one stage ("Voting is closed…") must not linger for
 * someone reading the next one.
 */
export function useClearAnnouncements(): () => void {
  return useContext(ClearContext)
}

/** For tests and stories: a provider whose messages go to `onAnnounce`. */
export function AnnounceCapture({ onAnnounce, children }: { onAnnounce: Announce; children: ReactNode }) {
  const value = useMemo(() => onAnnounce, [onAnnounce])
  return <AnnounceContext.Provider value={value}>{children}</AnnounceContext.Provider>
}
