/**
 * The words of the exported documents, in the workshop's language (`meta.language`). The
 * client's i18n catalogues cannot be imported from `shared/`, and an export must read the same
 * on the server and in the browser, so the few phrases a report needs live here.
 *
 * Numbers and dates are formatted by hand rather than with `Intl`: the same input must give the
 * same bytes on every runtime, and ICU builds differ in small ways (spaces, month forms).
 */
import type { CitationKind, Language, SteepCategory, Valence, When } from '../schema/index'

export interface Phrases {
  readonly reportKind: string
  readonly untitledWorkshop: string
  readonly focalQuestion: string
  readonly horizon: string
  readonly date: string
  readonly participants: string
  readonly themes: string
  readonly contents: string
  readonly stories: string
  readonly trends: string
  readonly unsorted: string
  readonly wheels: string
  readonly takeaways: string
  readonly persona: string
  readonly ageYears: (age: number) => string
  readonly personaFields: {
    readonly name: string
    readonly age: string
    readonly household: string
    readonly lifeSituation: string
    readonly needs: string
    readonly values: string
  }
  readonly story: string
  readonly untitledStory: string
  readonly unnamedTrend: string
  readonly noStoryText: string
  readonly drawsOn: string
  readonly references: string
  readonly backToText: string
  readonly kinds: { readonly [K in CitationKind]: string }
  readonly kindsPlural: { readonly [K in CitationKind]: string }
  readonly removed: { readonly [K in CitationKind]: string }
  readonly opportunities: string
  readonly challenges: string
  readonly assessment: string
  readonly impact: string
  readonly uncertainty: string
  readonly notAssessed: string
  readonly keyDriver: string
  readonly signalsBehind: string
  readonly noSignals: string
  readonly source: string
  readonly whyItMatters: string
  readonly noTheme: string
  readonly wheelOf: string
  readonly ring: (ring: number) => string
  readonly valence: { readonly [V in Exclude<Valence, ''>]: string }
  readonly when: { readonly [W in When]: string }
  readonly who: string
  readonly linkedTo: string
  readonly none: string
  readonly steep: { readonly [C in Exclude<SteepCategory, ''>]: string }
  readonly quadrants: { readonly highUncertain: string; readonly highCertain: string; readonly lowUncertain: string; readonly lowCertain: string }
  readonly count: {
    readonly [K in 'signals' | 'trends' | 'stories' | 'takeaways' | 'placements' | 'votes' | 'plusOnes' | 'participants']: (n: number) => string
  }
  readonly csv: { readonly [K in 'title' | 'description' | 'whyItMatters' | 'source' | 'theme' | 'category' | 'author' | 'trends' | 'createdAt']: string }
  readonly footer: (date: string) => string
  readonly formatDate: (date: Date) => string
  readonly decimalMark: string
}

const plural = (one: string, many: string) => (n: number) => `${n} ${n === 1 ? one : many}`
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const EN: Phrases = {
  reportKind: 'Futures workshop report',
  untitledWorkshop: 'Untitled workshop',
  focalQuestion: 'Focal question',
  horizon: 'Horizon',
  date: 'Date',
  participants: 'Participants',
  themes: 'Themes',
  contents: 'Contents',
  stories: 'Future stories',
  trends: 'Trends and driving forces',
  unsorted: 'Unsorted signals',
  wheels: 'Futures wheels',
  takeaways: 'Takeaways',
  persona: 'Persona',
  ageYears: (age) => `${age} years`,
  personaFields: { name: 'Name', age: 'Age', household: 'Household', lifeSituation: 'Life situation', needs: 'Needs', values: 'Values' },
  story: 'Story',
  untitledStory: 'Untitled story',
  unnamedTrend: 'Unnamed trend',
  noStoryText: 'The story has not been written yet.',
  drawsOn: 'Draws on',
  references: 'References',
  backToText: 'Back to the story',
  kinds: { trend: 'Trend', signal: 'Signal', wheelNode: 'Consequence' },
  kindsPlural: { trend: 'Trends', signal: 'Signals', wheelNode: 'Consequences' },
  removed: { trend: 'Removed trend', signal: 'Removed signal', wheelNode: 'Removed consequence' },
  opportunities: 'Opportunities',
  challenges: 'Challenges',
  assessment: 'Assessment',
  impact: 'Impact',
  uncertainty: 'Uncertainty',
  notAssessed: 'Not assessed',
  keyDriver: 'Key driver',
  signalsBehind: 'Signals behind this trend',
  noSignals: 'No signals were grouped under this trend.',
  source: 'Source',
  whyItMatters: 'Why it matters',
  noTheme: 'No theme',
  wheelOf: 'Futures wheel',
  ring: (ring) => `${ring}${['st', 'nd', 'rd'][ring - 1] ?? 'th'} order`,
  valence: { positive: 'positive', negative: 'negative', mixed: 'mixed' },
  when: { now: 'Now', year: 'Within a year', fiveYears: 'Within five years' },
  who: 'Who',
  linkedTo: 'Linked to:',
  none: 'None.',
  steep: { social: 'Social', technological: 'Technological', economic: 'Economic', environmental: 'Environmental', political: 'Political' },
  quadrants: {
    highUncertain: 'High impact, uncertain',
    highCertain: 'High impact, fairly certain',
    lowUncertain: 'Lower impact, uncertain',
    lowCertain: 'Lower impact, fairly certain',
  },
  count: {
    signals: plural('signal', 'signals'),
    trends: plural('trend', 'trends'),
    stories: plural('story', 'stories'),
    takeaways: plural('takeaway', 'takeaways'),
    placements: plural('placement', 'placements'),
    votes: plural('vote', 'votes'),
    plusOnes: (n) => `+${n}`,
    participants: plural('participant', 'participants'),
  },
  csv: {
    title: 'Title',
    description: 'Description',
    whyItMatters: 'Why it matters',
    source: 'Source',
    theme: 'Theme',
    category: 'Category',
    author: 'Author',
    trends: 'Trends',
    createdAt: 'Created at',
  },
  footer: (date) => `Exported from Signals to Stories on ${date}.`,
  formatDate: (d) => `${d.getUTCDate()} ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  decimalMark: '.',
}

const FI: Phrases = {
  reportKind: 'Tulevaisuustyöpajan raportti',
  untitledWorkshop: 'Nimetön työpaja',
  focalQuestion: 'Keskeinen kysymys',
  horizon: 'Tavoitevuosi',
  date: 'Päivämäärä',
  participants: 'Osallistujat',
  themes: 'Teemat',
  contents: 'Sisältö',
  stories: 'Tulevaisuustarinat',
  trends: 'Trendit ja muutosvoimat',
  unsorted: 'Lajittelemattomat signaalit',
  wheels: 'Tulevaisuuspyörät',
  takeaways: 'Johtopäätökset',
  persona: 'Henkilö',
  ageYears: (age) => `${age}-vuotias`,
  personaFields: { name: 'Nimi', age: 'Ikä', household: 'Kotitalous', lifeSituation: 'Elämäntilanne', needs: 'Tarpeet', values: 'Arvot' },
  story: 'Tarina',
  untitledStory: 'Nimetön tarina',
  unnamedTrend: 'Nimetön trendi',
  noStoryText: 'Tarinaa ei ole vielä kirjoitettu.',
  drawsOn: 'Pohjautuu',
  references: 'Viitteet',
  backToText: 'Takaisin tarinaan',
  kinds: { trend: 'Trendi', signal: 'Signaali', wheelNode: 'Seuraus' },
  kindsPlural: { trend: 'Trendit', signal: 'Signaalit', wheelNode: 'Seuraukset' },
  removed: { trend: 'Poistettu trendi', signal: 'Poistettu signaali', wheelNode: 'Poistettu seuraus' },
  opportunities: 'Mahdollisuudet',
  challenges: 'Haasteet',
  assessment: 'Arvio',
  impact: 'Vaikuttavuus',
  uncertainty: 'Epävarmuus',
  notAssessed: 'Ei arvioitu',
  keyDriver: 'Keskeinen muutosvoima',
  signalsBehind: 'Trendin taustalla olevat signaalit',
  noSignals: 'Tämän trendin alle ei ryhmitelty signaaleja.',
  source: 'Lähde',
  whyItMatters: 'Miksi tällä on merkitystä',
  noTheme: 'Ei teemaa',
  wheelOf: 'Tulevaisuuspyörä',
  ring: (ring) => `${ring}. kehä`,
  valence: { positive: 'myönteinen', negative: 'kielteinen', mixed: 'kaksijakoinen' },
  when: { now: 'Nyt', year: 'Vuoden sisällä', fiveYears: 'Viiden vuoden sisällä' },
  who: 'Kuka',
  linkedTo: 'Liittyy:',
  none: 'Ei yhtään.',
  steep: { social: 'Sosiaalinen', technological: 'Teknologinen', economic: 'Taloudellinen', environmental: 'Ekologinen', political: 'Poliittinen' },
  quadrants: {
    highUncertain: 'Suuri vaikutus, epävarma',
    highCertain: 'Suuri vaikutus, melko varma',
    lowUncertain: 'Pienempi vaikutus, epävarma',
    lowCertain: 'Pienempi vaikutus, melko varma',
  },
  count: {
    signals: plural('signaali', 'signaalia'),
    trends: plural('trendi', 'trendiä'),
    stories: plural('tarina', 'tarinaa'),
    takeaways: plural('johtopäätös', 'johtopäätöstä'),
    placements: plural('arvio', 'arviota'),
    votes: plural('ääni', 'ääntä'),
    plusOnes: (n) => `+${n}`,
    participants: plural('osallistuja', 'osallistujaa'),
  },
  csv: {
    title: 'Otsikko',
    description: 'Kuvaus',
    whyItMatters: 'Miksi tällä on merkitystä',
    source: 'Lähde',
    theme: 'Teema',
    category: 'Luokka',
    author: 'Kirjoittaja',
    trends: 'Trendit',
    createdAt: 'Luotu',
  },
  footer: (date) => `Viety Signals to Stories -työkalusta ${date}.`,
  formatDate: (d) => `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`,
  decimalMark: ',',
}

const CATALOGUE: { readonly [L in Language]: Phrases } = { en: EN, fi: FI }

/**
 * The phrases for a workshop language; English for anything unknown.
 *
 * @example
 * phrasesFor('fi').stories // 'Tulevaisuustarinat'
 */
export function phrasesFor(language: string): Phrases {
  return CATALOGUE[language as Language] ?? EN
}

/**
 * A 0..1 placement on the 0–10 scale the assess stage shows, to half a point ("7.5", "7,5").
 *
 * @example
 * formatScale(0.72, phrasesFor('fi')) // '7'
 */
export function formatScale(value: number, phrases: Phrases): string {
  const points = Math.round(Math.min(1, Math.max(0, value)) * 20) / 2
  return String(points).replace('.', phrases.decimalMark)
}
