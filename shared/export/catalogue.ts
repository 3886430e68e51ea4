/**
 * The words of the exported documents, in the workshop's language (`meta.language`): the method's
 * vocabulary, which the app shows too (`shared/method/vocabulary.ts`), and the phrases only a
 * report needs. An export must read the same on the server and in the browser, and `shared/`
 * cannot import the client's catalogues, so the report's own phrases live here.
 *
 * Numbers and dates are formatted by hand rather than with `Intl`: the same input must give the
 * same bytes on every runtime, and ICU builds differ in small ways (spaces, month forms).
 */
import { VOCABULARY, type Vocabulary } from '../method/vocabulary.ts'
import type { CitationKind, Language } from '../schema/index'

/** The method's words (shared with the app) and the report's own. */
export interface Phrases extends Vocabulary {
  readonly reportKind: string
  readonly untitledWorkshop: string
  readonly horizon: string
  readonly date: string
  readonly participants: string
  readonly contents: string
  readonly stories: string
  readonly trends: string
  readonly unsorted: string
  readonly wheels: string
  readonly takeaways: string
  readonly ageYears: (age: number) => string
  readonly story: string
  readonly noStoryText: string
  readonly drawsOn: string
  readonly references: string
  readonly backToText: string
  readonly removed: { readonly [K in CitationKind]: string }
  readonly assessment: string
  /** Beside a trend's median on one axis: where the middle half of the placements lies ("7–9"). */
  readonly middleHalf: (range: string) => string
  readonly notAssessed: string
  readonly signalsBehind: string
  readonly noSignals: string
  readonly source: string
  readonly wheelOf: string
  readonly ring: (ring: number) => string
  /** A printed wheel's part: "Branches 1–3 of 7" (first-order consequences). */
  readonly branches: (first: number, last: number, of: number) => string
  readonly who: string
  readonly linkedTo: string
  readonly none: string
  /** The grid's quarters as the app names them (assess locales, `assess.quadrant`): a name and what it means. */
  readonly quadrants: { readonly [K in 'critical' | 'predetermined' | 'watch' | 'background']: { readonly name: string; readonly hint: string } }
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
  ...VOCABULARY.en,
  reportKind: 'Futures workshop report',
  untitledWorkshop: 'Untitled workshop',
  horizon: 'Horizon',
  date: 'Date',
  participants: 'Participants',
  contents: 'Contents',
  stories: 'Future stories',
  trends: 'Trends and driving forces',
  unsorted: 'Unsorted signals',
  wheels: 'Futures wheels',
  takeaways: 'Takeaways',
  ageYears: (age) => `${age} years`,
  story: 'Story',
  noStoryText: 'The story has not been written yet.',
  drawsOn: 'Draws on',
  references: 'References',
  backToText: 'Back to the story',
  removed: { trend: 'Removed trend', signal: 'Removed signal', wheelNode: 'Removed consequence' },
  assessment: 'Assessment',
  middleHalf: (range) => `middle half ${range}`,
  notAssessed: 'Not assessed',
  signalsBehind: 'Signals behind this trend',
  noSignals: 'No signals were grouped under this trend.',
  source: 'Source',
  wheelOf: 'Futures wheel',
  ring: (ring) => `${ring}${['st', 'nd', 'rd'][ring - 1] ?? 'th'} order`,
  branches: (first, last, of) => (first === last ? `Branch ${first} of ${of}` : `Branches ${first}–${last} of ${of}`),
  who: 'Who',
  linkedTo: 'Linked to:',
  none: 'None.',
  quadrants: {
    critical: { name: 'Critical uncertainties', hint: 'high impact, uncertain' },
    predetermined: { name: 'Plan for these', hint: 'high impact, fairly certain' },
    watch: { name: 'Keep watching', hint: 'uncertain, smaller impact' },
    background: { name: 'Background', hint: 'smaller impact, fairly certain' },
  },
  count: {
    signals: plural('signal', 'signals'),
    trends: plural('trend', 'trends'),
    stories: plural('story', 'stories'),
    takeaways: plural('takeaway', 'takeaways'),
    placements: plural('placement', 'placements'),
    // As the app says them: dots given, people who +1 a takeaway.
    votes: plural('dot', 'dots'),
    plusOnes: (n) => (n === 1 ? '1 person agrees' : `${n} people agree`),
    participants: plural('participant', 'participants'),
  },
  csv: {
    title: 'Title',
    description: 'Description',
    whyItMatters: VOCABULARY.en.whyItMatters,
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
  ...VOCABULARY.fi,
  reportKind: 'Tulevaisuustyöpajan raportti',
  untitledWorkshop: 'Nimetön työpaja',
  horizon: 'Tavoitevuosi',
  date: 'Päivämäärä',
  participants: 'Osallistujat',
  contents: 'Sisältö',
  stories: 'Tulevaisuustarinat',
  trends: 'Trendit ja muutosvoimat',
  unsorted: 'Lajittelemattomat signaalit',
  wheels: 'Tulevaisuuspyörät',
  takeaways: 'Johtopäätökset',
  ageYears: (age) => `${age}-vuotias`,
  story: 'Tarina',
  noStoryText: 'Tarinaa ei ole vielä kirjoitettu.',
  drawsOn: 'Pohjautuu',
  references: 'Viitteet',
  backToText: 'Takaisin tarinaan',
  removed: { trend: 'Poistettu trendi', signal: 'Poistettu signaali', wheelNode: 'Poistettu seuraus' },
  assessment: 'Arvio',
  middleHalf: (range) => `keskimmäinen puolikas ${range}`,
  notAssessed: 'Ei arvioitu',
  signalsBehind: 'Trendin taustalla olevat signaalit',
  noSignals: 'Tämän trendin alle ei ryhmitelty signaaleja.',
  source: 'Lähde',
  wheelOf: 'Tulevaisuuspyörä',
  ring: (ring) => `${ring}. aste`,
  branches: (first, last, of) => (first === last ? `Haara ${first}/${of}` : `Haarat ${first}–${last}/${of}`),
  who: 'Kuka',
  linkedTo: 'Liittyy:',
  none: 'Ei yhtään.',
  quadrants: {
    critical: { name: 'Kriittiset epävarmuudet', hint: 'suuri vaikutus, epävarma' },
    predetermined: { name: 'Varaudu näihin', hint: 'suuri vaikutus, melko varma' },
    watch: { name: 'Seuraa näitä', hint: 'epävarma, pienempi vaikutus' },
    background: { name: 'Taustatekijät', hint: 'pienempi vaikutus, melko varma' },
  },
  count: {
    signals: plural('signaali', 'signaalia'),
    trends: plural('trendi', 'trendiä'),
    stories: plural('tarina', 'tarinaa'),
    takeaways: plural('johtopäätös', 'johtopäätöstä'),
    placements: plural('arvio', 'arviota'),
    votes: plural('piste', 'pistettä'),
    plusOnes: (n) => `${n} ${n === 1 ? 'henkilö' : 'henkilöä'} samaa mieltä`,
    participants: plural('osallistuja', 'osallistujaa'),
  },
  csv: {
    title: 'Otsikko',
    description: 'Kuvaus',
    whyItMatters: VOCABULARY.fi.whyItMatters,
    source: 'Lähde',
    theme: 'Teema',
    category: 'Luokka',
    author: 'Kirjoittaja',
    trends: 'Trendit',
    createdAt: 'Luotu',
  },
  footer: (date) => `Viety Signaaleista tulevaisuustarinoihin -työkalusta ${date}.`,
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

/**
 * The middle half of the placements on the 0–10 scale, as the Assess stage says it: "7–9", or "8"
 * when it is one point.
 *
 * @example
 * formatMiddleHalf([0.7, 0.9], phrasesFor('en')) // '7–9'
 */
export function formatMiddleHalf([low, high]: readonly [number, number], phrases: Phrases): string {
  const a = formatScale(low, phrases)
  const b = formatScale(high, phrases)
  return a === b ? a : `${a}–${b}`
}
