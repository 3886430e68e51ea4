/**
 * The clustering assistant (tokenisers, stemmers, the vocabulary) is loaded only when someone
 * uses it: a participant who never writes a similar card or opens "Suggest groups" never
 * downloads it. One promise per page, shared by every caller.
 */
type Assistant = typeof import('../../../../shared/cluster/index.ts')

let loading: Promise<Assistant> | null = null

export function loadAssistant(): Promise<Assistant> {
  loading ??= import('../../../../shared/cluster/index.ts').catch((error: unknown) => {
    loading = null // a dropped connection must not break the next try
    throw error
  })
  return loading
}
