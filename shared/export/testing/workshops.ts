/**
 * Generated workshops for the export tests and the export benchmark: one with every record type
 * the board holds (optionally with every text field carrying an injection payload), and a large
 * one of plain signals. Built through the real commands, so they are what a real room makes.
 */
import * as Y from 'yjs'
import {
  addSignal,
  addSignalToTrend,
  addTakeaway,
  addWheelNode,
  castVote,
  closeAssessment,
  createStory,
  createTrend,
  createWorkshopControl,
  deleteTrend,
  getStoryBody,
  initBoard,
  joinAsParticipant,
  mergeSignals,
  placeAssessment,
  readControl,
  setReady,
  setThemes,
  toggleKeyDriver,
  togglePlusOne,
  type Actor,
} from '../../doc/index'
import { getTemplate } from '../../method/templates'
import type { Language } from '../../schema/index'
import { writeStoryBody, type BodySpec } from './storyBodies'

/** Strings that must come out of every export as inert text. */
export const INJECTION_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '](javascript:alert(1))',
  'javascript:alert(1)',
  '```unbalanced `tick',
  '<svg onload=alert(1)>',
  '[x](data:text/html,<script>alert(1)</script>)',
  '"><b onmouseover=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
] as const

export interface WorkshopFixture {
  readonly board: Y.Doc
  readonly control: Y.Doc
}

export interface FixtureOptions {
  readonly language?: Language
  /** Text for a field: the plain value, or the value wrapped in a payload. */
  readonly text?: (plain: string, max: number) => string
}

/** Every text field carries payloads around its plain value (cut to the field's limit). */
export function hostileText(): (plain: string, max: number) => string {
  let i = 0
  return (plain, max) => {
    const payload = INJECTION_PAYLOADS[i++ % INJECTION_PAYLOADS.length]!
    const next = INJECTION_PAYLOADS[i % INJECTION_PAYLOADS.length]!
    return `${payload} ${plain} ${next}`.slice(0, max).trim()
  }
}

const anna: Actor = { participantId: 'anna-participant-0001' }
const ben: Actor = { participantId: 'ben-participant-00002' }
const cai: Actor = { participantId: 'cai-participant-00003' }

/**
 * A workshop with every record type: participants, themes, signals with sources (one merged,
 * one unsorted, one backing two trends), trends with narratives, assessments and votes, key
 * drivers, wheel nodes of three orders, personas, stories with formatted bodies and citations
 * (one to a removed trend), takeaways in each "when" with links and +1s, and readiness.
 *
 * @example
 * const { board, control } = buildFullWorkshop({ text: hostileText() })
 */
export function buildFullWorkshop({ language = 'en', text = (plain) => plain }: FixtureOptions = {}): WorkshopFixture {
  const control = new Y.Doc()
  const board = new Y.Doc()
  createWorkshopControl(
    control,
    {
      title: text('Everyday welfare 2040', 200),
      focalQuestion: text('What will everyday welfare look like in our town in 2040?', 500),
      horizonYear: 2040,
      language,
    },
    getTemplate('signals-to-stories'),
  )
  const [olderPeople, work] = setThemes(control, [{ label: text('Older people', 60) }, { label: text('Work & livelihood', 60) }]) as [string, string]
  const stages = readControl(control).stages
  const assess = stages.find((stage) => stage.kind === 'assess')!

  initBoard(board)
  joinAsParticipant(board, anna, text('Anna Virtanen', 60))
  joinAsParticipant(board, ben, text('Ben Okafor', 60))
  joinAsParticipant(board, cai, text('Äijälä Cai', 60))

  const robots = addSignal(
    board,
    {
      title: text('Care robots in elderly homes', 200),
      description: text('Three homes in Turku trial robots that lift and remind.\nStaff say it frees time for talk.', 2000),
      sourceUrl: 'https://yle.fi/a/care-robots?x=1&y=(2)',
      themeId: olderPeople,
      category: 'technological',
      whyItMatters: text('Care work may change shape.', 1000),
    },
    anna,
  )
  const robotsDuplicate = addSignal(
    board,
    { title: text('Robots at the care home', 200), sourceUrl: 'https://www.hs.fi/robots', themeId: olderPeople, category: 'technological' },
    ben,
  )
  mergeSignals(board, robots, robotsDuplicate, anna)
  const fourDay = addSignal(
    board,
    {
      title: text('Four-day week pilots', 200),
      description: text('Municipal offices test shorter weeks.', 2000),
      sourceUrl: 'http://example.org/four-day',
      themeId: work,
      category: 'economic',
    },
    ben,
  )
  const village = addSignal(
    board,
    { title: text('Care villages', 200), description: text('Housing built around shared care.', 2000), themeId: olderPeople, category: 'social' },
    cai,
  )
  const heat = addSignal(
    board,
    { title: text('Heat waves close day-care centres', 200), category: 'environmental', sourceUrl: 'https://example.org/heat' },
    anna,
  )
  addSignal(board, { title: text('A council votes by app', 200), description: text('Unsorted: nobody grouped it yet.', 2000), category: 'political' }, cai)

  const ageing = createTrend(
    board,
    {
      name: text('Ageing at home', 120),
      narrative: text('More people grow old in their own homes, helped by technology and neighbours.', 2000),
      opportunities: text('Independence; new local services.', 2000),
      challenges: text('Loneliness; uneven access.\n\nCarers burn out.', 2000),
    },
    anna,
  )
  const worktime = createTrend(board, { name: text('Flexible working time', 120), narrative: text('Work bends around life.', 2000) }, ben)
  const climate = createTrend(board, { name: text('Climate adaptation of services', 120) }, cai)
  addSignalToTrend(board, robots, ageing, anna)
  addSignalToTrend(board, village, ageing, cai)
  addSignalToTrend(board, village, worktime, cai)
  addSignalToTrend(board, fourDay, worktime, ben)
  addSignalToTrend(board, heat, climate, anna)

  placeAssessment(board, { trendId: ageing, impact: 0.8, uncertainty: 0.3 }, anna)
  placeAssessment(board, { trendId: ageing, impact: 0.7, uncertainty: 0.4 }, ben)
  placeAssessment(board, { trendId: ageing, impact: 0.9, uncertainty: 0.2 }, cai)
  placeAssessment(board, { trendId: worktime, impact: 0.4, uncertainty: 0.7 }, anna)
  const rules = { votesPerPerson: assess.settings.votesPerPerson }
  castVote(board, { trendId: ageing, stageId: assess.id }, anna, rules)
  castVote(board, { trendId: ageing, stageId: assess.id }, ben, rules)
  castVote(board, { trendId: worktime, stageId: assess.id }, cai, rules)
  closeAssessment(control, assess.id)
  toggleKeyDriver(control, ageing)

  const first = addWheelNode(board, { trendId: ageing, parentId: null, text: text('Fewer care homes', 280), valence: 'mixed' }, anna)!
  const second = addWheelNode(board, { trendId: ageing, parentId: first, text: text('Homes adapted for care', 280), valence: 'positive' }, ben)!
  const third = addWheelNode(board, { trendId: ageing, parentId: second, text: text('Builders learn care design', 280), valence: 'positive' }, cai)!
  addWheelNode(board, { trendId: ageing, parentId: null, text: text('Carers stretched thin', 280), valence: 'negative' }, cai)
  addWheelNode(board, { trendId: worktime, parentId: null, text: text('Afternoons for family', 280), valence: '' }, ben)

  const gone = createTrend(board, { name: 'Soon removed' }, anna)
  const { storyId: aino } = createStory(
    board,
    {
      title: text('A Tuesday in 2040', 120),
      trendIds: [ageing, gone],
      wheelNodeIds: [second],
      signalIds: [robots],
      persona: {
        name: text('Aino', 60),
        age: 78,
        household: text('Lives alone; daughter nearby', 200),
        lifeSituation: text('Retired nurse, walks with a stick.', 1000),
        needs: text('Company; help with lifting.', 1000),
        values: text('Independence.', 1000),
      },
    },
    cai,
  )
  const { storyId: mika } = createStory(
    board,
    { title: text('Mika works four days', 120), trendIds: [worktime], persona: { name: text('Mika', 60), age: 41 } },
    ben,
  )
  writeStoryBody(getStoryBody(board, aino)!, storyOneBody(text, { ageing, gone, robots, third }))
  writeStoryBody(getStoryBody(board, mika)!, [
    {
      type: 'paragraph',
      runs: [{ text: text('Friday is for his father.', 500) }, { citation: { kind: 'trend', refId: worktime, label: 'Flexible working time' } }],
    },
  ])
  deleteTrend(board, gone)

  const act = addTakeaway(
    board,
    { text: text('Pilot a care-robot loan scheme', 500), who: text('Social services', 120), when: 'now', storyIds: [aino], trendIds: [ageing] },
    anna,
  )
  addTakeaway(board, { text: text('Map homes needing adaptation', 500), when: 'year', trendIds: [ageing, climate] }, ben)
  addTakeaway(board, { text: text('Plan day-care cooling', 500), who: text('Facilities', 120), when: 'fiveYears', storyIds: [mika] }, cai)
  togglePlusOne(board, act, ben)
  togglePlusOne(board, act, cai)
  setReady(board, assess.id, true, anna)
  return { board, control }
}

function storyOneBody(text: (plain: string, max: number) => string, ids: { ageing: string; gone: string; robots: string; third: string }): BodySpec {
  return [
    { type: 'heading', level: 2, runs: [{ text: text('Morning', 100) }] },
    {
      type: 'paragraph',
      runs: [
        { text: text('Aino wakes at seven. ', 500) },
        { text: text('The robot', 100), bold: true },
        { text: ' reminds her of her ' },
        { text: text('pills', 100), italic: true },
        { text: '. ' },
        { citation: { kind: 'trend', refId: ids.ageing, label: 'Ageing at home' } },
      ],
    },
    {
      type: 'bulletList',
      items: [
        [{ text: text('Coffee with the neighbour', 200), bold: true, italic: true }],
        [{ text: 'Lifting help ' }, { citation: { kind: 'signal', refId: ids.robots, label: 'Care robots' } }],
      ],
    },
    { type: 'orderedList', items: [[{ text: text('Walk', 100) }], [{ text: 'Lunch' }, { break: true }, { text: text('with her daughter', 100) }]] },
    {
      type: 'blockquote',
      runs: [{ text: text('“I still decide my day.”', 200) }, { citation: { kind: 'wheelNode', refId: ids.third, label: 'Builders learn care design' } }],
    },
    {
      type: 'paragraph',
      runs: [
        { text: 'Later: ' },
        { citation: { kind: 'trend', refId: ids.gone, label: text('Soon removed', 200) } },
        { text: ' and again ' },
        { citation: { kind: 'trend', refId: ids.ageing, label: 'Ageing at home' } },
      ],
    },
  ]
}

/**
 * A board of `signalCount` signals in ten trends, with stories and takeaways: the size of a
 * large workshop, for timing the exports.
 */
export function buildLargeWorkshop(signalCount: number): WorkshopFixture {
  const control = new Y.Doc()
  const board = new Y.Doc()
  createWorkshopControl(control, { title: 'Large workshop', focalQuestion: 'How do exports scale?' }, getTemplate('signals-to-stories'))
  const [theme] = setThemes(control, [{ label: 'Everything' }])
  initBoard(board)
  const people: Actor[] = Array.from({ length: 30 }, (_, i) => ({ participantId: `person-${String(i).padStart(4, '0')}` }))
  people.forEach((person, i) => joinAsParticipant(board, person, `Person ${i}`))
  const trends = Array.from({ length: 10 }, (_, i) =>
    createTrend(board, { name: `Trend ${i}`, narrative: 'A direction of change many signals point to.' }, people[0]!),
  )
  for (let i = 0; i < signalCount; i++) {
    const author = people[i % people.length]!
    const id = addSignal(
      board,
      {
        title: `Signal ${i}: something new is happening`,
        description: 'An early, surprising sign of change that may grow, seen in the news this week.',
        sourceUrl: `https://example.org/news/${i}`,
        themeId: theme,
        category: 'social',
      },
      author,
    )
    if (i % 5 !== 0) addSignalToTrend(board, id, trends[i % trends.length]!, author)
  }
  for (const trendId of trends.slice(0, 3)) {
    const { storyId } = createStory(board, { title: 'A day in 2040', trendIds: [trendId], persona: { name: 'Aino', age: 70 } }, people[1]!)
    writeStoryBody(getStoryBody(board, storyId)!, [
      { type: 'paragraph', runs: [{ text: 'She wakes early. ', bold: true }, { citation: { kind: 'trend', refId: trendId, label: 'Trend' } }] },
    ])
    addTakeaway(board, { text: 'Act on it now', when: 'now', trendIds: [trendId] }, people[2]!)
  }
  return { board, control }
}
