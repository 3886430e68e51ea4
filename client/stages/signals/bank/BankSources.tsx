import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BankSignal, CsvProblem } from '../../../../shared/bank/csv.ts'
import { FileButton } from '../../../ui/FileButton.tsx'
import { fetchEarlierWorkshop } from './earlierWorkshop.ts'

export interface LoadedBank {
  /** Where they came from: a file name or a workshop title. */
  source: string
  signals: BankSignal[]
}

/**
 * The two places signals come from: a CSV file (checked whole before anything is shown), or an
 * earlier workshop on this server, by its facilitator link.
 */
export function BankSources({ onLoaded }: { onLoaded(bank: LoadedBank): void }) {
  const { t } = useTranslation()
  const id = useId()
  const [problems, setProblems] = useState<{ file: string; list: CsvProblem[] } | null>(null)
  const [link, setLink] = useState('')
  const [linkError, setLinkError] = useState<string | null>(null)
  const [fetching, setFetching] = useState(false)
  const [fileName, setFileName] = useState<string | null>(null)

  const readFile = async (file: File) => {
    setFileName(file.name)
    const { parseBankCsv } = await import('../../../../shared/bank/csv.ts')
    const result = parseBankCsv(await file.text())
    if (result.ok) {
      setProblems(null)
      onLoaded({ source: file.name, signals: result.signals })
    } else setProblems({ file: file.name, list: result.problems })
  }

  const fetchEarlier = async (event: FormEvent) => {
    event.preventDefault()
    setFetching(true)
    setLinkError(null)
    const result = await fetchEarlierWorkshop(link)
    setFetching(false)
    if (result.ok) onLoaded({ source: result.bank.title, signals: result.bank.signals })
    else setLinkError(t(`signalBank.${result.reason}`))
  }

  return (
    <div className="bank__sources">
      <section className="bank__source ui-stack" aria-labelledby={`${id}-csv`}>
        <h3 id={`${id}-csv`} className="bank__heading">
          {t('signalBank.csvHeading')}
        </h3>
        <p className="field__hint">{t('signalBank.csvHint')}</p>
        <div className="bank__pick">
          <FileButton accept=".csv,text/csv" className="button button--secondary" onFile={(file) => void readFile(file)} aria-describedby={`${id}-file`}>
            {t('signalBank.csvChoose')}
          </FileButton>
          <span id={`${id}-file`} className="bank__file">
            {fileName ?? t('signalBank.csvNone')}
          </span>
        </div>
        {problems && (
          <div className="bank__problems" role="alert">
            <p>{t('signalBank.fileProblems', { file: problems.file })}</p>
            <ul>
              {problems.list.map((problem, i) => (
                <li key={i}>
                  {t(`signalBank.problem.${problem.code}`, { row: problem.row, column: problem.column, value: problem.value, limit: problem.limit })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section className="bank__source ui-stack" aria-labelledby={`${id}-earlier`}>
        <h3 id={`${id}-earlier`} className="bank__heading">
          {t('signalBank.earlierHeading')}
        </h3>
        <form onSubmit={(event) => void fetchEarlier(event)} noValidate>
          <label className="field__label" htmlFor={`${id}-link`}>
            {t('signalBank.earlierLink')}
          </label>
          <p id={`${id}-link-hint`} className="field__hint">
            {t('signalBank.earlierHint')}
          </p>
          <input
            id={`${id}-link`}
            className="input"
            type="url"
            autoComplete="off"
            value={link}
            aria-invalid={linkError !== null}
            aria-describedby={linkError ? `${id}-link-error ${id}-link-hint` : `${id}-link-hint`}
            onChange={(event) => setLink(event.target.value)}
          />
          {linkError && (
            <p id={`${id}-link-error`} className="field__error" role="alert">
              {linkError}
            </p>
          )}
          <button type="submit" className="button button--secondary bank__fetch" disabled={fetching || link.trim() === ''}>
            {fetching ? t('signalBank.fetching') : t('signalBank.fetch')}
          </button>
        </form>
      </section>
    </div>
  )
}
