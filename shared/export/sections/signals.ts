import { inlineText } from '../markdownText'
import { signalList } from '../markdownBlocks'
import { contentsEntry, partHtml, signalCards } from '../htmlSections'
import type { ExportSection } from './section'

/** Stage 2, Signals: each signal is shown under its trend (`trends.ts`); here the ones in no trend. */
export const signals: ExportSection = {
  position: 3,
  markdown(report) {
    if (report.unsorted.length === 0) return []
    return [[`## ${inlineText(report.phrases.unsorted)}`], signalList(report, report.unsorted)]
  },
  html(report, anchored) {
    const p = report.phrases
    if (report.unsorted.length === 0) return { sections: [], contents: [] }
    return {
      sections: [partHtml('unsorted', p.unsorted, signalCards(report, report.unsorted, anchored))],
      contents: [contentsEntry('unsorted', p.unsorted, p.count.signals(report.unsorted.length), '')],
    }
  },
}
