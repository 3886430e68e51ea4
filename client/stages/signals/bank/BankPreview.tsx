import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { LoadedBank } from './BankSources.tsx'

interface BankPreviewProps {
  bank: LoadedBank
  chosen: ReadonlySet<number>
  onChange(chosen: ReadonlySet<number>): void
  unknownThemes: readonly string[]
}

/** The loaded signals, each with a checkbox: the facilitator chooses which to bring. */
export function BankPreview({ bank, chosen, onChange, unknownThemes }: BankPreviewProps) {
  const { t } = useTranslation()
  const id = useId()
  const toggle = (index: number) => {
    const next = new Set(chosen)
    if (next.has(index)) next.delete(index)
    else next.add(index)
    onChange(next)
  }
  return (
    <fieldset className="bank__preview ui-stack">
      <legend className="bank__heading">{t('signalBank.choose')}</legend>
      <p className="bank__from">{t('signalBank.from', { count: bank.signals.length, source: bank.source })}</p>
      <div className="bank__select">
        <button type="button" className="button button--ghost" onClick={() => onChange(new Set(bank.signals.map((_, i) => i)))}>
          {t('signalBank.selectAll')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => onChange(new Set())}>
          {t('signalBank.selectNone')}
        </button>
      </div>
      {unknownThemes.length > 0 && <p className="field__hint">{t('signalBank.unknownThemes', { themes: unknownThemes.join(', ') })}</p>}
      <ul className="bank__list ui-stack ui-list">
        {bank.signals.map((signal, index) => (
          <li key={index} className="bank__item">
            <input id={`${id}-${index}`} type="checkbox" checked={chosen.has(index)} onChange={() => toggle(index)} />
            <label htmlFor={`${id}-${index}`} className="bank__item-label">
              <span className="bank__item-title">{signal.title}</span>
              {signal.sourceUrl && <span className="bank__item-source">{hostOf(signal.sourceUrl)}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}
