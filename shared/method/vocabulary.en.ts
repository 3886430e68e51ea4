/** The method's words in English (see vocabulary.ts); a file of its own, so a page loads only its language. */
import type { Vocabulary } from './vocabulary.ts'

export const EN: Vocabulary = {
  focalQuestion: 'Focal question',
  themes: 'Themes',
  persona: 'Persona',
  personaFields: { name: 'Name', age: 'Age', household: 'Household', lifeSituation: 'Life situation', needs: 'Needs', values: 'Values' },
  untitledStory: 'Untitled story',
  storyOfPersona: '{{name}}’s day',
  unnamedTrend: 'Unnamed trend',
  kinds: { trend: 'Trend', signal: 'Signal', wheelNode: 'Consequence' },
  kindsPlural: { trend: 'Trends', signal: 'Signals', wheelNode: 'Consequences' },
  opportunities: 'Opportunities',
  challenges: 'Challenges',
  impact: 'Impact',
  uncertainty: 'Uncertainty',
  keyDriver: 'Key driver',
  whyItMatters: 'Why it matters',
  noTheme: 'No theme',
  valence: { positive: 'positive', negative: 'negative', mixed: 'mixed' },
  when: { now: 'Now', year: 'Within a year', fiveYears: 'Within five years' },
  steep: { social: 'Social', technological: 'Technological', economic: 'Economic', environmental: 'Environmental', political: 'Political' },
}
