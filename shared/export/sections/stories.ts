import { bodyLines } from '../markdownBody'
import { continueLines, inlineText, link, midText, paragraphLines } from '../markdownText'
import { labelled } from '../markdownBlocks'
import { contentsEntry, noneHtml, partHtml, storyHtml } from '../htmlSections'
import { internalLink } from '../htmlText'
import type { Report } from '../report'
import type { ReportStory } from '../reportStories'
import type { ExportSection } from './section'

/** Stage 6, Future stories: first in the report, each with its persona, body, links and numbered citations. */
export const stories: ExportSection = {
  position: 1,
  markdown(report) {
    const blocks: string[][] = [[`## ${inlineText(report.phrases.stories)}`]]
    if (report.stories.length === 0) blocks.push([inlineText(report.phrases.none)])
    for (const story of report.stories) blocks.push(...storyBlocks(report, story))
    return blocks
  },
  html(report) {
    const p = report.phrases
    const content = report.stories.length > 0 ? report.stories.map((story) => storyHtml(report, story)).join('\n') : noneHtml(report)
    const list = report.stories.map((story) => `<li>${internalLink(story.anchor, story.title)}</li>`).join('')
    return {
      sections: [partHtml('stories', p.stories, content)],
      contents: [contentsEntry('stories', p.stories, p.count.stories(report.stories.length), list)],
    }
  },
}

function storyBlocks(report: Report, story: ReportStory): string[][] {
  const p = report.phrases
  const blocks: string[][] = [[`### ${story.number}. ${midText(story.title)}`]]
  if (story.persona) {
    const fields = p.personaFields
    const persona = story.persona
    const items: string[] = []
    const add = (label: string, value: string) => {
      if (value) items.push(...continueLines(labelled(label, paragraphLines(value)), '- ', 2))
    }
    add(fields.name, persona.name)
    if (persona.age !== null) add(fields.age, String(persona.age))
    add(fields.household, persona.household)
    add(fields.lifeSituation, persona.lifeSituation)
    add(fields.needs, persona.needs)
    add(fields.values, persona.values)
    blocks.push([`**${inlineText(p.persona)}**`], items)
  }
  const body = bodyLines(story.blocks, 4)
  blocks.push(body.length > 0 ? body : [`*${inlineText(p.noStoryText)}*`])
  if (story.drawsOn.length > 0) {
    const groups = story.drawsOn.map((group) => `${midText(p.kindsPlural[group.kind])}: ${group.items.map((item) => midText(item.name)).join('; ')}`)
    blocks.push([`**${midText(p.drawsOn)}:** ${groups.join(' · ')}`])
  }
  if (story.footnotes.length > 0) {
    blocks.push(
      story.footnotes.map((note) => {
        const kind = note.removed ? p.removed[note.kind] : p.kinds[note.kind]
        const context = note.context ? ` (${midText(note.context)})` : ''
        const source = note.link ? ` — ${link(note.link)}` : ''
        return `[^${note.n}]: ${midText(kind)}${context}: ${midText(note.name)}${source}`
      }),
    )
  }
  return blocks
}
