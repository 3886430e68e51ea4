// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import i18next from 'i18next'
import { setUiLanguage } from '../i18n/index.ts'
import { cleanup, render } from '../testing/render.ts'
import { CategoryTag } from './CategoryTag.tsx'
import { EmptyState } from './EmptyState.tsx'
import { LiveAnnouncer, useAnnounce, type Announce } from './LiveAnnouncer.tsx'
import { PersonChip } from './PersonChip.tsx'

afterEach(cleanup)

describe('CategoryTag', () => {
  it('carries the category as words as well as colour, in the UI language', () => {
    const en = render(<CategoryTag category="environmental" />)
    expect(en.querySelector('.tag.tag--environmental')?.textContent).toBe('Environmental')
    cleanup()
    expect(render(<CategoryTag category="political" />, { language: 'fi' }).textContent).not.toBe('Political')
  })

  it('renders nothing for a signal without a category', () => {
    expect(render(<CategoryTag category="" />).innerHTML).toBe('')
  })
})

describe('PersonChip', () => {
  it('shows the name as text beside a decorative dot, and "Someone" for no name', () => {
    const named = render(<PersonChip name="Anna" color="#0072B2" />)
    expect(named.textContent).toBe('Anna')
    expect(named.querySelector('.ui-person__dot')?.getAttribute('aria-hidden')).toBe('true')
    expect(render(<PersonChip name="  " color="#0072B2" />).textContent).toBe('Someone')
  })
})

describe('EmptyState', () => {
  it('teaches: title as a heading at the given level, text, example and action', () => {
    const container = render(
      <EmptyState headingLevel={2} title="No signals yet" text="Add the first one." example={<i>example</i>} action={<button type="button">add</button>} />,
    )
    expect(container.querySelector('h2')?.textContent).toBe('No signals yet')
    expect(container.querySelector('.ui-empty__example')?.textContent).toBe('example')
    expect(container.querySelector('button')?.textContent).toBe('add')
  })
})

describe('LiveAnnouncer', () => {
  /** A LiveAnnouncer with one component that speaks through it: its region, and `announce` in act. */
  function renderAnnouncer() {
    let announce: Announce = () => {}
    function Speaker() {
      announce = useAnnounce()
      return null
    }
    const container = render(
      <LiveAnnouncer>
        <Speaker />
      </LiveAnnouncer>,
    )
    return { region: container.querySelector('[aria-live="polite"]')!, say: (text: string) => act(() => announce(text)) }
  }

  it('speaks through one polite region, and says a repeated message again', () => {
    const { region, say } = renderAnnouncer()
    expect(region.textContent).toBe('')
    say('Card added')
    const first = region.firstElementChild
    expect(region.textContent).toBe('Card added')
    say('Card added')
    expect(region.textContent).toBe('Card added')
    expect(region.firstElementChild).not.toBe(first) // a new node is announced again
  })

  it('empties the region when the page switches language: an old message is not read in the language left', async () => {
    const { region, say } = renderAnnouncer()
    say('Cards revealed on the wall.')
    expect(region.textContent).toBe('Cards revealed on the wall.')
    await act(async () => {
      setUiLanguage('fi')
      await i18next.changeLanguage('fi')
    })
    expect(region.textContent).toBe('')
    await act(async () => {
      setUiLanguage('en')
      await i18next.changeLanguage('en')
    })
  })
})
