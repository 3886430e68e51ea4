/**
 * A workshop the size of a real room (60 signals, 8 trends, 30 consequences, 12 takeaways, two
 * stories) for the results tests: the full export fixture, grown with plausible cards.
 */
import { addSignal, addSignalToTrend, addTakeaway, addWheelNode, createTrend, readBoard, sortedByOrder, type Actor } from '../../../shared/doc/index.ts'
import { buildFullWorkshop, type WorkshopFixture } from '../../../shared/export/testing/workshops.ts'

const TOPICS = ['Robot', 'Library', 'Bus', 'School', 'Clinic', 'Sauna', 'Market', 'Park', 'Choir']
const CHANGES = ['goes digital', 'opens at night', 'run by volunteers', 'shared by two towns', 'on wheels']
const EXTRA_TRENDS = ['Neighbourhood care networks', 'Digital public services', 'Shared spaces', 'Learning for life', 'Local food']
const people: Actor[] = ['dana', 'eero', 'fatima', 'gus'].map((name) => ({ participantId: `${name}-${'0'.repeat(20 - name.length)}` }))

export function buildRoomWorkshop(): WorkshopFixture {
  const workshop = buildFullWorkshop()
  const { board } = workshop
  const trends = [...sortedByOrder(readBoard(board).trends).map((t) => t.id)]
  for (const name of EXTRA_TRENDS) trends.push(createTrend(board, { name, narrative: `${name}: a direction many signals point to.` }, people[0]!))
  let signals = readBoard(board).signals.size
  for (let i = 0; signals < 60; i++, signals++) {
    const author = people[i % people.length]!
    const id = addSignal(
      board,
      { title: `${TOPICS[i % TOPICS.length]} ${CHANGES[i % CHANGES.length]} (${i + 1})`, category: 'social', sourceUrl: `https://example.org/signal/${i}` },
      author,
    )
    if (i % 6 !== 0) addSignalToTrend(board, id, trends[i % trends.length]!, author)
  }
  let nodes = readBoard(board).wheelNodes.size
  for (let t = 3; nodes < 30; t++) {
    const trendId = trends[t % trends.length]!
    const first = addWheelNode(
      board,
      { trendId, parentId: null, text: `More ${EXTRA_TRENDS[t % EXTRA_TRENDS.length]!.toLowerCase()}`, valence: 'positive' },
      people[1]!,
    )!
    const second = addWheelNode(board, { trendId, parentId: first, text: 'Fewer trips to the centre', valence: 'mixed' }, people[2]!)!
    addWheelNode(board, { trendId, parentId: second, text: 'Quieter town centre in the evenings', valence: 'negative' }, people[3]!)
    nodes += 3
  }
  const whens = ['now', 'year', 'fiveYears'] as const
  for (let i = readBoard(board).takeaways.size; i < 12; i++)
    addTakeaway(
      board,
      { text: `Takeaway ${i + 1}: try it in one district first`, when: whens[i % 3]!, trendIds: [trends[i % trends.length]!] },
      people[i % people.length]!,
    )
  return workshop
}
