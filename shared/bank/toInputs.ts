/**
 * Bank signals as the import command takes them: a theme written as a label finds the workshop's
 * theme of that name (any case); one the workshop does not have is left out, and said so.
 */
import type { BankSignalInput } from '../doc/index'
import type { Theme } from '../schema/meta'
import type { BankSignal } from './csv'

export function toSignalInputs(signals: readonly BankSignal[], themes: readonly Theme[]): { inputs: BankSignalInput[]; unknownThemes: string[] } {
  const byLabel = new Map(themes.map((theme) => [theme.label.trim().toLowerCase(), theme.id]))
  const unknown = new Set<string>()
  const inputs = signals.map((signal) => {
    const themeId = signal.theme ? byLabel.get(signal.theme.trim().toLowerCase()) : undefined
    if (signal.theme && !themeId) unknown.add(signal.theme)
    return {
      title: signal.title,
      description: signal.description,
      whyItMatters: signal.whyItMatters,
      sourceUrl: signal.sourceUrl,
      sources: signal.sources,
      category: signal.category,
      themeId: themeId ?? '',
    }
  })
  return { inputs, unknownThemes: [...unknown].sort() }
}
