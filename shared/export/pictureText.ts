/**
 * Text in an exported picture (the futures wheel's SVG): how wide a line is, and where a long
 * word may break. Unlike the app's diagram, which measures with the font on the screen, a file is
 * read on machines we do not know, and the server prints the report with whatever fonts it has.
 */
import fi from 'hyphen/fi'
import enGb from 'hyphen/en-gb'
import type { Language } from '../schema/index'
import { hyphenateWith, type HyphenationPatterns } from '../util/hyphenation'
import { guessTextLanguage } from '../util/textLanguage'
import type { TextMeasure } from '../wheel/index'

/**
 * Advance widths in em, regular and bold, of the widest sans-serif a reader's machine is likely
 * to fall back to: DejaVu Sans (Linux's default, and the server's, so the PDF's), or Arial where it
 * is wider (the "J"). Segoe UI, Roboto and San Francisco are all narrower, so a line measured
 * with these fits its box in any of them. The app's estimate (`estimateTextWidth`) is 7–15 %
 * narrower than DejaVu Sans: exported boxes made with it were crossed by their own text.
 */
const WIDTHS: readonly (readonly [regular: number, bold: number, chars: string])[] = [
  [0, 0, '\u00AD'],
  [0.3, 0.38, "ijlI'"],
  [0.34, 0.4, ' .,’/|;:'],
  [0.42, 0.5, 'ftr-()[]!'],
  [0.53, 0.66, '"*Jz”“'],
  [0.6, 0.67, 'sckx–_§?L'],
  [0.62, 0.69, 'aeoväåöéyFT'],
  [0.64, 0.72, 'bdghnpquü{}0123456789€'],
  [0.69, 0.78, 'ABEKPSVXYZÄÅÉ'],
  [0.79, 0.88, 'CDGHNOQRUÖÜ&'],
  [0.84, 0.93, 'w+=#<>'],
  [1.03, 1.11, 'mMW%@—…'],
]
const EM = new Map(WIDTHS.flatMap(([regular, bold, chars]) => [...chars].map((char) => [char, [regular, bold] as const])))
/** Letters of other alphabets, as wide as the widest capitals; CJK and emoji take a whole em and more. */
const OTHER: readonly [number, number] = [0.8, 0.9]
const FULL: readonly [number, number] = [1.1, 1.15]

/**
 * A line's width in the picture's units, generous for every font the picture names.
 *
 * @example
 * pictureTextWidth('Omaishoitovapaa lakiin', 14, false) // ≈ 171
 */
export const pictureTextWidth: TextMeasure = (line, fontSize, bold) => {
  let em = 0
  for (const char of line) {
    const widths = EM.get(char) ?? (/\p{M}/u.test(char) ? [0, 0] : char.codePointAt(0)! >= 0x2e80 ? FULL : OTHER)
    em += widths[bold ? 1 : 0]
  }
  // A hair for the renderer's rounding, as the app's page-font measure has.
  return em * fontSize + 1
}

const PATTERNS: { readonly [L in Language]: HyphenationPatterns } = { fi, en: enGb }

/**
 * A picture's words break only where one is wider than a whole line (`wrapText`), so every word
 * that could be gets its break points: the shortest line a word can be broken on is the centre's
 * (160 units of 16-unit bold), and the widest letters fill it by nine.
 */
const MIN_WORD_LENGTH = 8

/**
 * `text` with soft hyphens at its syllables, in its own language where it says clearly which (a
 * Finnish consequence in an English workshop), else in the workshop's, as the projector does.
 *
 * @example
 * hyphenateForPicture('Mielenterveyspalvelujärjestelmä kuormittuu', 'fi') // 'Mie\u00ADlen\u00ADter\u00ADveys\u00ADpal…'
 */
export function hyphenateForPicture(text: string, workshop: Language): string {
  return hyphenateWith(PATTERNS[guessTextLanguage(text) ?? workshop], text, MIN_WORD_LENGTH)
}
