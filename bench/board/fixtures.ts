/**
 * Believable content for a welfare-foresight board ("What will everyday welfare look like in our
 * town in 2040?"): signals as participants write them, trends as a group names them.
 */
import type { SignalInput } from '../../shared/schema/index.ts'

export const REALISTIC_SIGNALS: readonly SignalInput[] = [
  { title: 'Care robots help with night shifts in two elderly homes', category: 'technological', sourceUrl: 'https://yle.fi/a/care-robots' },
  { title: 'Grandparents learn video calls at the library', category: 'social' },
  { title: 'Village shop doubles as a parcel and pharmacy point', category: 'economic' },
  { title: 'Heat pumps replace oil in half of the detached houses', category: 'environmental' },
  { title: 'Municipality tries a four-day week in home care', category: 'political' },
  { title: 'Remote doctor appointments are now the default for prescriptions', category: 'technological' },
  { title: 'Young people move back to small towns to work remotely', category: 'social' },
  { title: 'Shared electric cars in three villages', category: 'environmental' },
  { title: 'Neighbours organise meal rings for people living alone', category: 'social' },
  { title: 'Wellbeing services county closes two health stations', category: 'political' },
  { title: 'Smart floor sensors alert relatives after a fall', category: 'technological' },
  { title: 'Migrant nurses staff a third of the night shifts', category: 'economic' },
  { title: 'School lunches cooked from local organic food', category: 'environmental' },
  { title: 'Pension savings move to ethical funds', category: 'economic' },
  { title: 'Loneliness named a public health risk in the regional strategy', category: 'political' },
  { title: 'Apps pay families for sharing care hours', category: 'economic' },
  { title: 'Heatwaves close the day care centre for a week', category: 'environmental' },
  { title: 'Citizens’ panel chooses where the health budget goes', category: 'political' },
  { title: 'AI chat answers the health centre phone at night', category: 'technological' },
  { title: 'Intergenerational housing block opens by the river', category: 'social' },
  { title: 'Community sauna reopens as a meeting place', category: 'social' },
  { title: 'Food bank queues longer than in the 1990s recession', category: 'economic' },
  { title: 'Language cafés run by retired teachers', category: 'social' },
  { title: 'Municipal solar park pays dividends to residents', category: 'environmental' },
  { title: 'Home care visits logged on a shared family calendar', category: 'technological' },
  { title: 'Basic income pilot for carers of relatives', category: 'political' },
  { title: 'Forest walks prescribed for mild depression', category: 'environmental' },
  { title: 'Second-hand market becomes the busiest shop in town', category: 'economic' },
  { title: 'Youth council gets a vote in the welfare board', category: 'political' },
  { title: 'Dementia-friendly training for bus drivers', category: 'social' },
]

export interface RealisticTrend {
  name: string
  narrative: string
  opportunities: string
  challenges: string
  /** Indices into REALISTIC_SIGNALS. */
  cards: readonly number[]
}

export const REALISTIC_TRENDS: readonly RealisticTrend[] = [
  {
    name: 'Care moves home',
    narrative: 'Care happens more and more at home, with sensors, video and family in the loop.',
    opportunities: 'People stay longer in their own homes and neighbourhoods.',
    challenges: 'Relatives carry more; privacy at home.',
    cards: [0, 10, 24, 5],
  },
  {
    name: 'Everyone is a neighbour',
    narrative: 'Informal help networks grow where public services thin out.',
    opportunities: 'Less loneliness; new meeting places.',
    challenges: 'Depends on active people; uneven between villages.',
    cards: [8, 20, 22, 1],
  },
  {
    name: 'Digital front door',
    narrative: 'The first contact with health services is on a screen, day and night.',
    opportunities: '',
    challenges: '',
    cards: [18, 5, 1],
  },
  {
    name: 'Local and low-carbon everyday life',
    narrative: 'Energy, food and mobility become local and shared.',
    opportunities: 'Lower costs for households; income for the town.',
    challenges: '',
    cards: [3, 7, 12, 23],
  },
  {
    name: 'Who cares for the carers?',
    narrative: 'Care work is reorganised: shorter weeks, migrant staff, paid family care.',
    opportunities: '',
    challenges: 'Staff shortage in home care.',
    cards: [4, 11, 15, 25],
  },
  {
    name: 'Welfare decided together',
    narrative: 'Residents get a direct say in welfare budgets.',
    opportunities: '',
    challenges: '',
    cards: [17, 28],
  },
  {
    name: 'Growing gaps',
    narrative: '',
    opportunities: '',
    challenges: '',
    cards: [21, 9],
  },
  { name: '', narrative: '', opportunities: '', challenges: '', cards: [16, 26] },
]
