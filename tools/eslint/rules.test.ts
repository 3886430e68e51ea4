import { ESLint, RuleTester } from 'eslint'
import { describe, expect, it } from 'vitest'
import tseslint from 'typescript-eslint'
import { noJsxLiterals } from './noJsxLiterals.js'

/**
 * The lint rules hold the architecture and the i18n promise; these tests show each check can
 * fail: a slip of each kind is reported, and the usual correct code is not.
 */
RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } })

tester.run('no-jsx-literals', noJsxLiterals, {
  valid: [
    'const a = <p className="note">{t("hello")}</p>',
    'const b = <input aria-label={t("close")} placeholder={t("type")} />',
    'const c = <span>{count} · {"×"} 2 →</span>',
    'const d = useRef<HTMLDivElement>(null)',
    'const e = <div data-kind="wheel" role="list" />',
  ],
  invalid: [
    { code: 'const a = <p className="x">Hello there</p>', errors: [{ messageId: 'text' }] },
    { code: 'const b = (\n  <span>\n    Plain words here\n  </span>\n)', errors: [{ messageId: 'text' }] },
    { code: 'const c = <p>{"Hello"}</p>', errors: [{ messageId: 'text' }] },
    { code: 'const d = <input aria-label="Close" />', errors: [{ messageId: 'attribute' }] },
    {
      code: "const e = <input placeholder={'Type'} title={`Tip`} alt='Logo' />",
      errors: [{ messageId: 'attribute' }, { messageId: 'attribute' }, { messageId: 'attribute' }],
    },
    { code: 'const f = <p>Sää</p>', errors: [{ messageId: 'text' }] },
  ],
})

describe('the layer rules in eslint.config.js', { timeout: 120_000 }, () => {
  // The project's own config, less the cycle search: it would walk the whole client from each probe.
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } })
  async function problems(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath })
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
  }

  it('report a layer that imports one above it', async () => {
    expect(await problems('client/sync/probe.ts', "import { useStore } from '../state/store.ts'\nexport const s = useStore\n")).toContain(
      'boundaries/dependencies',
    )
    expect(await problems('client/stages/probe.ts', "import { App } from '../app/App.tsx'\nexport const a = App\n")).toContain('boundaries/dependencies')
    expect(await problems('server/probe.ts', "import { App } from '../client/app/App.tsx'\nexport const a = App\n")).toContain('boundaries/dependencies')
    expect(await problems('client/probe/x.ts', "import { createServer } from '../../server/app.ts'\nexport const c = createServer\n")).toEqual([])
  })

  it('accept a layer that imports itself or one below', async () => {
    expect(await problems('client/stages/probe.ts', "import { useStore } from '../state/store.ts'\nexport const s = useStore\n")).toEqual([])
    expect(await problems('server/probe.ts', "import { API_WORKSHOPS } from '../shared/protocol.ts'\nexport const v = API_WORKSHOPS\n")).toEqual([])
  })

  it('keep shared/ free of platforms and of other layers', async () => {
    expect(await problems('shared/probe.ts', "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n")).toContain('no-restricted-imports')
    expect(
      await problems('shared/probe.ts', "import * as Y from 'yjs'\nimport { fromCharCode } from 'lib0/string'\nexport const y = [Y, fromCharCode]\n"),
    ).toEqual([])
  })

  it('keep the app and the server off the console: they log through their own channels', async () => {
    expect(await problems('client/ui/probe.ts', "console.log('hi')\n")).toContain('no-console')
  })
})
