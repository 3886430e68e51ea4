/**
 * The stories stage with a room's worth of stories (eight groups, each story with a persona and
 * some words), in English and in Finnish, whose words are long:
 * - on the projector at 1280×720 and 1920×1080, every story card is whole on the page shown, in
 *   projector-size type, and every story is on some page ("Page 2 of 2"): the exploratory test
 *   found the second row cut off at 1280×720 with no pages, and the last card cut at 1920×1080;
 * - one story shown large on the projector (90 words citing a trend, a signal and a consequence,
 *   a persona with her situation, needs and values), at 1280×720, 1920×1080 and 3840×2160: every
 *   line of the text and both panels whole on some page, nothing partly off the screen. The panels
 *   began at y = 1059 of 1080 (2105 of 2160) and only their top border showed, with no pages;
 * - on a phone (390×844), an open story's title is read whole while it is edited ("Aino keeps the
 *   town r" was all of it), and stays one line: Enter finishes it, a line break pasted in is a space.
 * Screenshots: tests/screenshots/stories/.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Page } from 'playwright-core'
import {
  addSignal,
  addWheelNode,
  createStory,
  createTrend,
  getStoryBody,
  goToStage,
  joinAsParticipant,
  pauseScreenPages,
  readBoard,
  setFocus,
  setGroups,
  stepScreenPages,
} from '../../shared/doc/index.ts'
import { writeStoryBody, type RunSpec } from '../../shared/export/testing/storyBodies.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot, VIEWPORTS, type ViewportName } from './support/browser.ts'
import { afterFrame } from './support/consoleRow.ts'
import { shownTexts } from './support/legible.ts'
import { facilitatedWorkshop, type FacilitatedWorkshop } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()

type Language = 'en' | 'fi'

interface StorySeed {
  group: string
  title: string
  name: string
  age: number
  household: string
  /** Words in the story's text: some groups are far along, some have just begun. */
  words: number
}

const STORIES: Record<Language, StorySeed[]> = {
  en: [
    {
      group: 'Riverside',
      title: 'Aino keeps the town running while the ferry is down',
      name: 'Aino',
      age: 78,
      household: 'Lives alone above the library; her grandson visits on Sundays',
      words: 240,
    },
    {
      group: 'Harbour',
      title: 'Mika between two jobs and three grandparents',
      name: 'Mika',
      age: 41,
      household: 'Shares a flat with his sister and her twins',
      words: 130,
    },
    {
      group: 'Old town',
      title: 'A Tuesday at the neighbourhood kitchen',
      name: 'Leena',
      age: 63,
      household: 'Runs the kitchen with four neighbours',
      words: 60,
    },
    {
      group: 'North hill',
      title: 'Farid’s first week as a remote nurse, from his kitchen table',
      name: 'Farid',
      age: 29,
      household: 'Lives with his partner and a very old cat',
      words: 310,
    },
    {
      group: 'Station',
      title: 'The day the care budget was decided in the school hall',
      name: 'Greta',
      age: 52,
      household: 'Council member, mother of two teenagers',
      words: 20,
    },
    {
      group: 'Lakeside',
      title: 'Jussi repairs his neighbours’ heat pumps before breakfast',
      name: 'Jussi',
      age: 35,
      household: 'Lives in a shared house of eight people',
      words: 180,
    },
    {
      group: 'Market square',
      title: 'Grandparents on the school run, paid by the town',
      name: 'Kaisa',
      age: 70,
      household: 'Widowed; minds her neighbour’s children twice a week',
      words: 95,
    },
    {
      group: 'Forest edge',
      title: 'Ines learns to live with a care robot that tells jokes',
      name: 'Ines',
      age: 88,
      household: 'Lives at home with a care robot and a parrot',
      words: 0,
    },
  ],
  fi: [
    {
      group: 'Jokiranta',
      title: 'Aino pitää kaupungin käynnissä, kun lautta on rikki',
      name: 'Aino',
      age: 78,
      household: 'Asuu yksin kirjaston yläkerrassa; lapsenlapsi käy sunnuntaisin',
      words: 240,
    },
    {
      group: 'Satama',
      title: 'Mikan päivä kahden työpaikan ja kolmen isovanhemman välissä',
      name: 'Mika',
      age: 41,
      household: 'Jakaa asunnon siskonsa ja tämän kaksosten kanssa',
      words: 130,
    },
    {
      group: 'Vanhakaupunki',
      title: 'Tiistai korttelikeittiössä ja terveyskeskuslääkärin etävastaanotolla',
      name: 'Leena',
      age: 63,
      household: 'Pyörittää keittiötä neljän naapurin kanssa',
      words: 60,
    },
    {
      group: 'Pohjoismäki',
      title: 'Faridin ensimmäinen viikko etäsairaanhoitajana keittiönpöydän ääressä',
      name: 'Farid',
      age: 29,
      household: 'Asuu puolisonsa ja hyvin vanhan kissan kanssa',
      words: 310,
    },
    {
      group: 'Asema',
      title: 'Päivä, jona hoivabudjetista päätettiin koulun juhlasalissa',
      name: 'Greta',
      age: 52,
      household: 'Valtuutettu, kahden teinin äiti',
      words: 20,
    },
    {
      group: 'Järvenranta',
      title: 'Jussi korjaa naapureiden maalämpöpumput ennen aamiaista',
      name: 'Jussi',
      age: 35,
      household: 'Asuu kahdeksan hengen yhteistalossa',
      words: 180,
    },
    {
      group: 'Torinkulma',
      title: 'Isovanhemmat koulumatkalla kaupungin palkkaamina lastenhoitajina',
      name: 'Kaisa',
      age: 70,
      household: 'Leski; hoitaa naapurin lapsia kahdesti viikossa',
      words: 95,
    },
    {
      group: 'Metsänreuna',
      title: 'Ines opettelee asumaan vitsejä kertovan hoivarobotin kanssa',
      name: 'Ines',
      age: 88,
      household: 'Asuu kotona hoivarobotin ja papukaijan kanssa',
      words: 0,
    },
  ],
}

const SENTENCE: Record<Language, string> = {
  en: 'The morning starts at the kitchen window, where the neighbours wave on their way to the shared garden',
  fi: 'Aamu alkaa keittiön ikkunalta, josta näkee naapurien kulkevan yhteiselle puutarhalle hoivarobotin perässä',
}

const STAGE_NAME: Record<Language, string> = { en: 'Future stories', fi: 'Tulevaisuustarinat' }

/** The eight groups' stories; from `copies` 2 on, each group has started another ("… (2)"), as "New story" allows. */
function storySeeds(language: Language, copies = 1): StorySeed[] {
  return Array.from({ length: copies }, (_, copy) =>
    STORIES[language].map((story) => (copy === 0 ? story : { ...story, title: `${story.title} (${copy + 1})`, words: story.words + copy * 40 })),
  ).flat()
}

/** A workshop on the stories stage with the groups' stories; the facilitator's documents stay live. */
async function roomWithStories(language: Language, copies = 1): Promise<FacilitatedWorkshop & { storyIds: string[] }> {
  const room = await facilitatedWorkshop(app.server, language === 'fi' ? { title: 'Hyvinvointi 2040', focalQuestion: 'Miltä arki näyttää?', language } : {})
  const writer = { participantId: 'SamSamSamSamSamSamSam1' }
  joinAsParticipant(room.board.doc, writer, 'Sam')
  const groups = setGroups(
    room.control.doc,
    STORIES[language].map((story) => ({ name: story.group })),
  )
  const sentence = SENTENCE[language].split(' ')
  const storyIds = storySeeds(language, copies).map((seed, i) => {
    const { storyId } = createStory(
      room.board.doc,
      { title: seed.title, groupId: groups[i % groups.length]!.id, persona: { name: seed.name, age: seed.age, household: seed.household } },
      writer,
    )
    if (seed.words > 0) {
      const words = Array.from({ length: seed.words }, (_, w) => sentence[w % sentence.length]!)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`${words.join(' ')}.`)])
      getStoryBody(room.board.doc, storyId)!.insert(0, [paragraph])
    }
    return storyId
  })
  goToStage(room.control.doc, room.stageId('stories'))
  return { ...room, storyIds }
}

/** Waits until the projector's stories have their final layout: all cards drawn, the fit (if any) settled. */
async function storiesLaidOut(page: Page, count: number): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          (count) =>
            document.querySelectorAll('.screen-stories .story-card').length === count &&
            (!document.querySelector('.screen-stories .fit-flow') ||
              document.querySelector('.screen-stories [data-one-page], .screen-stories .page-indicator') !== null),
          count,
        ),
      SLOW,
    )
    .toBe(true)
}

/** The pages the projector turns through ("Page 2 of 3"), or 1 when all fits on one. */
const pageCount = (page: Page) => page.evaluate(() => Number(document.querySelector('.screen-stories .page-indicator')?.getAttribute('data-pages') ?? 1))

/** The smallest text in the cards, and the smallest title, in rem of the projector's root size. */
const smallestType = (page: Page) =>
  page.evaluate(() => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize)
    const sizeOf = (element: Element) => parseFloat(getComputedStyle(element).fontSize) / rem
    const texts = [...document.querySelectorAll('.screen-stories .story-card *')].filter((element) =>
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''),
    )
    return {
      text: Math.min(...texts.map(sizeOf)),
      title: Math.min(...[...document.querySelectorAll('.screen-stories .story-card__title')].map(sizeOf)),
    }
  })

/** The story the tester put on the projector: about 90 words, each paragraph citing one source. */
const SHOWN_STORY = {
  title: 'Aino pitää kaupungin käynnissä, kun lautta on rikki',
  persona: {
    name: 'Aino',
    age: 78,
    household: 'Asuu yksin kirjaston yläkerrassa; lapsenlapsi käy sunnuntaisin',
    lifeSituation: 'Eläkkeellä oleva kirjastonhoitaja, jonka polvet eivät enää kestä kirjaston portaita talvella.',
    needs: 'Apua kauppakasseihin, lääkkeet ajallaan ja joku, joka kysyy kuulumiset.',
    values: 'Itsenäisyys, naapuriapu ja lukeminen.',
  },
  trend: 'Hoiva siirtyy kotiin ja lähiyhteisöihin',
  signal: 'Korttelien viestiketjut korvaavat taloyhtiöiden ilmoitustaulut',
  consequence: 'Omaishoitajien jaksaminen nousee kuntien tärkeimmäksi hyvinvointitavoitteeksi',
  paragraphs: [
    'Aamu alkaa keittiön ikkunalta, josta Aino näkee naapurien kulkevan yhteiselle puutarhalle. Kotihoitaja soittaa videopuhelun kahdeksalta, kysyy unesta ja lääkkeistä ja muistuttaa, että lautta on yhä rikki, joten apteekkiauto tulee vasta iltapäivällä:',
    'Aino ei jää odottamaan. Hän kirjoittaa korttelin viestiketjuun, kuka tarvitsee kauppa-apua, ja jakaa vuorot naapureille niin kuin ennen kirjastossa jaettiin lainat:',
    'Illalla omaishoitajien vertaisryhmä kokoontuu kirjaston lukusaliin. Aino keittää kahvit ja kuuntelee, kun nuori isä kertoo ensimmäisestä vapaapäivästään kolmeen kuukauteen:',
  ],
}

/** A Finnish workshop on the stories stage with SHOWN_STORY on the projector, its three sources on the board. */
async function roomShowingOneStory(): Promise<FacilitatedWorkshop> {
  const room = await facilitatedWorkshop(app.server, { title: 'Hyvinvointi 2040', focalQuestion: 'Miltä arki näyttää vuonna 2040?', language: 'fi' })
  const writer = { participantId: 'SamSamSamSamSamSamSam1' }
  joinAsParticipant(room.board.doc, writer, 'Sam')
  const trendId = createTrend(room.board.doc, { name: SHOWN_STORY.trend }, writer)
  const signalId = addSignal(room.board.doc, { title: SHOWN_STORY.signal }, writer)
  const nodeId = addWheelNode(room.board.doc, { trendId, parentId: null, text: SHOWN_STORY.consequence, valence: 'positive' }, writer)!
  const { storyId } = createStory(room.board.doc, { title: SHOWN_STORY.title, persona: SHOWN_STORY.persona }, writer)
  const cited: RunSpec[] = [
    { citation: { kind: 'trend', refId: trendId, label: SHOWN_STORY.trend } },
    { citation: { kind: 'signal', refId: signalId, label: SHOWN_STORY.signal } },
    { citation: { kind: 'wheelNode', refId: nodeId, label: SHOWN_STORY.consequence } },
  ]
  writeStoryBody(
    getStoryBody(room.board.doc, storyId)!,
    SHOWN_STORY.paragraphs.map((text, i) => ({ type: 'paragraph', runs: [{ text: `${text} ` }, cited[i]!, { text: '.' }] })),
  )
  goToStage(room.control.doc, room.stageId('stories'))
  setFocus(room.control.doc, { kind: 'story', id: storyId })
  return room
}

interface StoryPage {
  /** For each text of the story (in document order), which of its line boxes are wholly on screen. */
  lines: boolean[][]
  /** Panels ("Persoona", "Lähteet 3") wholly on screen. */
  panels: string[]
  /** Line boxes and panels partly on screen: cut, by the screen's edge or the stage area's. */
  cut: string[]
  /** The smallest text of the story's columns, in rem of the projector's root size. */
  smallest: number
}

/**
 * Reads the story as the page shows it. What shows of an element is the window cut to every
 * ancestor that clips (the stage area, its pages); a box wholly outside that is on another page,
 * one across its edge is cut. Text is read a line box at a time: a paragraph may run on into the
 * next column, or page.
 */
function readStoryPage(page: Page): Promise<StoryPage> {
  return page.evaluate(() => {
    const shownOf = (element: Element) => {
      const shown = { left: 0, top: 0, right: innerWidth, bottom: innerHeight }
      for (let up = element.parentElement; up; up = up.parentElement) {
        const style = getComputedStyle(up)
        if (![style.overflowX, style.overflowY].some((overflow) => ['hidden', 'clip', 'auto', 'scroll'].includes(overflow))) continue
        const box = up.getBoundingClientRect()
        shown.left = Math.max(shown.left, box.left)
        shown.top = Math.max(shown.top, box.top)
        shown.right = Math.min(shown.right, box.right)
        shown.bottom = Math.min(shown.bottom, box.bottom)
      }
      return shown
    }
    const where = (box: DOMRect, shown: ReturnType<typeof shownOf>) => {
      if (box.right <= shown.left || box.left >= shown.right || box.bottom <= shown.top || box.top >= shown.bottom) return 'elsewhere'
      const inside = box.left >= shown.left - 0.5 && box.right <= shown.right + 0.5 && box.top >= shown.top - 0.5 && box.bottom <= shown.bottom + 0.5
      return inside ? 'shown' : 'cut'
    }
    const story = document.querySelector('.screen-story')!
    const cut: string[] = []
    const lines: boolean[][] = []
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize)
    let smallest = Infinity
    const walker = document.createTreeWalker(story.querySelector('.story-read')!, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const parent = node.parentElement
      if (!text || !parent?.checkVisibility()) continue
      smallest = Math.min(smallest, parseFloat(getComputedStyle(parent).fontSize) / rem)
      const shown = shownOf(parent)
      const range = document.createRange()
      range.selectNodeContents(node)
      const boxes = [...range.getClientRects()].filter((box) => box.width > 0 && box.height > 0)
      lines.push(boxes.map((box) => where(box, shown) === 'shown'))
      for (const box of boxes) if (where(box, shown) === 'cut') cut.push(`“${text.slice(0, 30)}…” at y ${Math.round(box.top)}–${Math.round(box.bottom)}`)
    }
    const panels: string[] = []
    for (const panel of story.querySelectorAll('.story-panel')) {
      const name = panel.querySelector('.story-panel__title')!.textContent!.replace(/\s+/g, ' ').trim()
      const box = panel.getBoundingClientRect()
      const at = where(box, shownOf(panel))
      if (at === 'shown') panels.push(name)
      else if (at === 'cut') cut.push(`${name} panel at y ${Math.round(box.top)}–${Math.round(box.bottom)}`)
    }
    return { lines, panels, cut, smallest }
  })
}

describe.skipIf(browserTestsSkipped)('the stories stage with eight groups’ stories', () => {
  for (const { language, copies } of [
    { language: 'en', copies: 1 },
    { language: 'fi', copies: 1 },
    { language: 'en', copies: 2 },
  ] as const) {
    const count = STORIES[language].length * copies
    it(`shows every story card whole on the projector, paged when they outgrow it (${count} stories, ${language})`, { timeout: 180_000 }, async () => {
      const room = await roomWithStories(language, copies)
      // Longest first: "Mika … grandparents (2)" is not taken for "Mika … grandparents".
      const titles = storySeeds(language, copies)
        .map((story) => story.title)
        .sort((a, b) => b.length - a.length)
      // Pages are turned by the test, not by the clock.
      pauseScreenPages(room.control.doc, true)
      const problems: string[] = []
      try {
        for (const viewport of ['smallProjector', 'projector'] as const satisfies ViewportName[]) {
          const screen = await openAs(app.browser, app.server, room.links.links.screen, { viewport, waitConnected: true })
          try {
            await expectStage(screen.page, STAGE_NAME[language], 'screen')
            await storiesLaidOut(screen.page, titles.length)
            const pages = await pageCount(screen.page)
            const seen = new Set<string>()
            for (let page = 1; page <= pages; page++) {
              if (page > 1) {
                stepScreenPages(room.control.doc, 1)
                await screen.page.locator(`.screen-stories .page-indicator[data-page="${page}"]`).waitFor(SLOW)
              }
              await screenshot(screen.page, `stories/projector-${language}-${count}-${screen.page.viewportSize()!.width}-page${page}`)
              for (const card of await shownTexts(screen.page, '.screen-stories .story-card')) {
                // Long Finnish words carry soft hyphens where they may break.
                const text = card.text.replace(/\u00AD/g, '')
                if (card.legible) seen.add(titles.find((title) => text.includes(title)) ?? text)
                else if (!card.elsewhere) problems.push(`${viewport} page ${page}: “${text.slice(0, 40)}…” ${card.why}`)
              }
            }
            for (const title of titles) if (!seen.has(title)) problems.push(`${viewport}: “${title}” on no page`)
            // The back row reads it: no text below the projector's smallest, titles at title size.
            const type = await smallestType(screen.page)
            if (type.text < 0.52 - 0.005) problems.push(`${viewport}: text at ${type.text.toFixed(2)} rem`)
            if (type.title < 0.64 - 0.005) problems.push(`${viewport}: titles at ${type.title.toFixed(2)} rem`)
            expect(screen.errors).toEqual([])
          } finally {
            await screen.close()
          }
        }
      } finally {
        room.close()
      }
      expect(problems).toEqual([])
    })
  }

  it('shows one story large on the projector with its persona and sources whole, beside the text or on a page of their own', { timeout: 180_000 }, async () => {
    const room = await roomShowingOneStory()
    pauseScreenPages(room.control.doc, true)
    const problems: string[] = []
    try {
      for (const size of [VIEWPORTS.smallProjector, VIEWPORTS.projector, { width: 3840, height: 2160 }]) {
        const screen = await openAs(app.browser, app.server, room.links.links.screen, { viewport: 'projector', waitConnected: true })
        try {
          await screen.page.setViewportSize(size)
          await expectStage(screen.page, STAGE_NAME.fi, 'screen')
          await screen.page.getByRole('heading', { name: SHOWN_STORY.title }).waitFor(SLOW)
          await screen.page.locator('.screen-story .sources').waitFor(SLOW)
          // The fit measures in layout effects, and again as the window's new size is observed.
          await afterFrame(screen.page)
          const indicator = screen.page.locator('.screen-story .page-indicator')
          const pages = (await indicator.count()) > 0 ? Number(await indicator.getAttribute('data-pages')) : 1
          const at = `${size.width}×${size.height}`
          let seenLines: boolean[][] | null = null
          const seenPanels = new Set<string>()
          for (let shown = 1; shown <= pages; shown++) {
            if (shown > 1) {
              stepScreenPages(room.control.doc, 1)
              await screen.page.locator(`.screen-story .page-indicator[data-page="${shown}"]`).waitFor(SLOW)
            }
            await screenshot(screen.page, `stories/projector-one-story-${size.width}-page${shown}`)
            const read = await readStoryPage(screen.page)
            for (const cut of read.cut) problems.push(`${at} page ${shown}: ${cut} cut`)
            // A citation read whole in one column: split at a column's foot, its end stood alone over the persona.
            const split = await screen.page.evaluate(() =>
              [...document.querySelectorAll('.screen-story .citation')]
                .filter((chip) => [...chip.getClientRects()].some((rect, i, rects) => i > 0 && rect.top < rects[i - 1]!.top - 1))
                .map((chip) => chip.textContent),
            )
            for (const chip of split) problems.push(`${at} page ${shown}: the citation “${chip}” split across two columns`)
            if (read.smallest < 0.52 - 0.005) problems.push(`${at}: text at ${read.smallest.toFixed(2)} rem`)
            read.panels.forEach((panel) => seenPanels.add(panel))
            seenLines = seenLines ? seenLines.map((lines, i) => lines.map((seen, j) => seen || read.lines[i]![j]!)) : read.lines
          }
          for (const panel of ['Persoona', 'Lähteet 3']) if (!seenPanels.has(panel)) problems.push(`${at}: the ${panel} panel whole on no page (of ${pages})`)
          const unseen = seenLines!.flat().filter((seen) => !seen).length
          if (unseen > 0) problems.push(`${at}: ${unseen} lines of the story on no page (of ${pages})`)
          expect(screen.errors).toEqual([])
        } finally {
          await screen.close()
        }
      }
    } finally {
      room.close()
    }
    expect(problems).toEqual([])
  })

  for (const language of ['en', 'fi'] as const) {
    it(`shows a long story title whole on a phone, kept to one line (${language})`, { timeout: 120_000 }, async () => {
      const room = await roomWithStories(language)
      const [first] = STORIES[language]
      const storyId = room.storyIds[0]!
      const storedTitle = () => readBoard(room.board.doc).stories.get(storyId)?.title
      const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Anna', viewport: 'phone' })
      try {
        const { page } = person
        await page.setViewportSize({ width: 390, height: 844 })
        await expectStage(page, STAGE_NAME[language])
        await screenshot(page, `stories/phone-${language}-list`)
        await page.getByRole('button', { name: first!.title }).click()
        const title = page.getByRole('textbox', { name: language === 'fi' ? 'Tarinan otsikko' : 'Story title' })
        await expect.poll(() => title.inputValue(), SLOW).toBe(first!.title)
        await screenshot(page, `stories/phone-${language}-story`)
        const size = await title.evaluate((field) => ({
          scrollWidth: field.scrollWidth,
          clientWidth: field.clientWidth,
          scrollHeight: field.scrollHeight,
          clientHeight: field.clientHeight,
          right: field.getBoundingClientRect().right,
        }))
        // Whole: nothing scrolled out sideways or below, and the field inside the phone's width.
        expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth)
        expect(size.scrollHeight).toBeLessThanOrEqual(size.clientHeight + 1)
        expect(size.right).toBeLessThanOrEqual(390)

        // Enter finishes the title (the field lets go of the keyboard) and adds no line.
        await title.click()
        // The end of the title, not of the line the caret is on: the title wraps.
        await title.press('Control+End')
        await title.pressSequentially(' 2040')
        await title.press('Enter')
        await expect.poll(() => title.evaluate((field) => field === document.activeElement), SLOW).toBe(false)
        await expect.poll(storedTitle, SLOW).toBe(`${first!.title} 2040`)
        // A line break pasted in is a space: the title is one line in the document.
        await title.fill('Two lines\nof a title')
        await title.blur()
        await expect.poll(storedTitle, SLOW).toBe('Two lines of a title')
        expect(await title.inputValue()).toBe('Two lines of a title')
        expect(person.errors).toEqual([])
      } finally {
        await person.close()
        room.close()
      }
    })
  }

  it('photographs an open story and the list on a laptop (1366×768)', { timeout: 120_000 }, async () => {
    const room = await roomWithStories('fi')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Anna', viewport: 'laptop' })
    try {
      await expectStage(person.page, STAGE_NAME.fi)
      await person.page.getByRole('button', { name: STORIES.fi[2]!.title }).waitFor(SLOW)
      await screenshot(person.page, 'stories/laptop-fi-list')
      await person.page.getByRole('button', { name: STORIES.fi[2]!.title }).click()
      await expect.poll(() => person.page.getByRole('textbox', { name: 'Tarinan otsikko' }).inputValue(), SLOW).toBe(STORIES.fi[2]!.title)
      await screenshot(person.page, 'stories/laptop-fi-story')
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.close()
    }
  })
})
