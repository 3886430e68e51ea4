import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '../../i18n/language.ts'

interface LanguageSwitchProps {
  value: Language
  onChange(language: Language): void
}

/** EN | FI toggle. Each button names its language in that language ("Suomi"), with `lang` set. */
export function LanguageSwitch({ value, onChange }: LanguageSwitchProps) {
  const { t } = useTranslation()
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button key={language} type="button" className="segmented__option" aria-pressed={value === language} lang={language} onClick={() => onChange(language)}>
          {/* Visible "EN", spoken "EN English": the accessible name contains the visible label. */}
          <span aria-hidden="true">{t(`language.short.${language}`)}</span>
          <span className="visually-hidden">{t(`language.name.${language}`)}</span>
        </button>
      ))}
    </div>
  )
}
