/** The method's words in Finnish (see vocabulary.ts); a file of its own, so a page loads only its language. */
import type { Vocabulary } from './vocabulary.ts'

export const FI: Vocabulary = {
  focalQuestion: 'Fokuskysymys',
  themes: 'Teemat',
  persona: 'Persoona',
  personaFields: { name: 'Nimi', age: 'Ikä', household: 'Kotitalous', lifeSituation: 'Elämäntilanne', needs: 'Tarpeet', values: 'Arvot' },
  untitledStory: 'Nimetön tarina',
  storyOfPersona: '{{name}} – yksi päivä',
  unnamedTrend: 'Nimetön trendi',
  kinds: { trend: 'Trendi', signal: 'Signaali', wheelNode: 'Seuraus' },
  kindsPlural: { trend: 'Trendit', signal: 'Signaalit', wheelNode: 'Seuraukset' },
  opportunities: 'Mahdollisuudet',
  challenges: 'Haasteet',
  impact: 'Vaikutus',
  uncertainty: 'Epävarmuus',
  keyDriver: 'Keskeinen muutosvoima',
  whyItMatters: 'Miksi tällä on merkitystä',
  noTheme: 'Ei teemaa',
  valence: { positive: 'myönteinen', negative: 'kielteinen', mixed: 'kaksijakoinen' },
  when: { now: 'Heti', year: 'Vuoden sisällä', fiveYears: 'Viiden vuoden sisällä' },
  steep: { social: 'Sosiaalinen', technological: 'Teknologinen', economic: 'Taloudellinen', environmental: 'Ekologinen', political: 'Poliittinen' },
}
