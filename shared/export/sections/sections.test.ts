import { describe, expect, it } from 'vitest'
import { STAGE_KINDS } from '../../schema/stage'
import { exportHtml } from '../html'
import { buildFullWorkshop } from '../testing/workshops'
import { EXPORT_SECTIONS, REPORT_SECTIONS } from './index'

const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }

describe('the export sections, one per stage', () => {
  it('has a section for every stage kind, and renders each once, in the report order', () => {
    expect(Object.keys(EXPORT_SECTIONS).sort()).toEqual([...STAGE_KINDS].sort())
    expect(REPORT_SECTIONS).toHaveLength(STAGE_KINDS.length)
    expect(new Set(REPORT_SECTIONS).size).toBe(STAGE_KINDS.length)
    const positions = REPORT_SECTIONS.map((section) => section.position)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    // Stories open the report (after the sections that add nothing); the takeaways close it.
    expect(REPORT_SECTIONS.find((section) => section.position > 0)).toBe(EXPORT_SECTIONS.stories)
    expect(REPORT_SECTIONS.at(-1)).toBe(EXPORT_SECTIONS.takeaways)
  })

  it('lists the parts in the contents in the order the page shows them, each linking to its part', () => {
    const html = exportHtml(buildFullWorkshop(), options)
    const toc = html.slice(html.indexOf('<ol class="toc">'), html.indexOf('</nav>'))
    const linked = [...toc.matchAll(/<li><a href="#([a-z]+)">/g)].map((m) => m[1])
    const parts = [...html.matchAll(/<section id="([a-z]+)" class="part part-\1">/g)].map((m) => m[1])
    expect(parts).toEqual(['stories', 'trends', 'unsorted', 'wheels', 'takeaways'])
    expect(linked).toEqual(parts)
  })

  it('adds nothing for a stage whose work another part shows', () => {
    const report = { phrases: {} } as never
    for (const kind of ['frame', 'assess'] as const) {
      expect(EXPORT_SECTIONS[kind].markdown(report)).toEqual([])
      expect(EXPORT_SECTIONS[kind].html(report, new Set())).toEqual({ sections: [], contents: [] })
    }
  })
})
