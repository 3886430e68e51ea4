import { describe, expect, it } from 'vitest'
import { SignalInputSchema } from '../../../shared/schema/signal.ts'
import { EMPTY_SIGNAL_FORM, changedFields, normaliseSourceUrl, validateSignalForm } from './signalForm.ts'

describe('source link validation', () => {
  it.each([
    ['', { url: '' }],
    ['   ', { url: '' }],
    ['https://yle.fi/a/74-20012345', { url: 'https://yle.fi/a/74-20012345' }],
    ['  http://example.org  ', { url: 'http://example.org/' }],
    // What people paste from a phone's address bar: completed with https://.
    ['yle.fi/uutiset', { url: 'https://yle.fi/uutiset' }],
    ['www.thl.fi', { url: 'https://www.thl.fi/' }],
    ['kunta.fi:8080/palvelut', { url: 'https://kunta.fi:8080/palvelut' }],
  ])('accepts %j', (input, expected) => {
    expect(normaliseSourceUrl(input)).toEqual(expected)
  })

  it.each([
    ['javascript:alert(1)', 'sourceScheme'],
    ['JavaScript:alert(document.cookie)', 'sourceScheme'],
    ['data:text/html,<script>alert(1)</script>', 'sourceScheme'],
    ['mailto:anna@example.org', 'sourceScheme'],
    ['ftp://files.example.org/a', 'sourceScheme'],
    ['https://user:secret@example.org/', 'sourceInvalid'],
    ['http://', 'sourceInvalid'],
    ['care robots', 'sourceInvalid'],
    ['yle', 'sourceInvalid'],
    [`https://example.org/${'a'.repeat(2000)}`, 'sourceTooLong'],
  ])('refuses %j with a clear reason', (input, error) => {
    expect(normaliseSourceUrl(input)).toEqual({ error })
  })

  it('only ever yields what the schema stores', () => {
    for (const input of ['yle.fi/x', 'www.thl.fi', 'http://a.example/b?c=d#e']) {
      const result = normaliseSourceUrl(input)
      expect('url' in result && SignalInputSchema.parse({ title: 't', sourceUrl: result.url }).sourceUrl).toBe('url' in result ? result.url : null)
    }
  })
})

describe('validateSignalForm', () => {
  it('requires a title that says something', () => {
    expect(validateSignalForm({ ...EMPTY_SIGNAL_FORM, title: '   ' })).toEqual({ ok: false, errors: { title: 'titleRequired' } })
  })

  it('reports every problem at once', () => {
    const result = validateSignalForm({ ...EMPTY_SIGNAL_FORM, title: '', sourceUrl: 'javascript:x' })
    expect(result).toEqual({ ok: false, errors: { title: 'titleRequired', sourceUrl: 'sourceScheme' } })
  })

  it('trims and normalises what it returns, and the result passes the command schema', () => {
    const result = validateSignalForm({
      ...EMPTY_SIGNAL_FORM,
      title: '  Care robots ',
      sourceUrl: 'yle.fi/a',
      category: 'technological',
      whyItMatters: ' Time for people ',
    })
    expect(result).toEqual({
      ok: true,
      input: { title: 'Care robots', description: '', sourceUrl: 'https://yle.fi/a', themeId: '', category: 'technological', whyItMatters: 'Time for people' },
    })
    if (result.ok) expect(() => SignalInputSchema.parse(result.input)).not.toThrow()
  })

  it('refuses a title over the limit', () => {
    expect(validateSignalForm({ ...EMPTY_SIGNAL_FORM, title: 'x'.repeat(201) })).toMatchObject({ ok: false, errors: { title: 'titleTooLong' } })
  })
})

describe('changedFields', () => {
  it('writes only what this person changed, so a concurrent edit of another field survives', () => {
    const opened = { ...EMPTY_SIGNAL_FORM, title: 'A', description: 'old' }
    expect(changedFields(opened, { ...opened, description: 'new' })).toEqual({ description: 'new' })
    expect(changedFields(opened, opened)).toEqual({})
  })
})
