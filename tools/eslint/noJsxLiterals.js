/**
 * Every word a person reads goes through `t()`: JSX text and the attributes a screen reader or a
 * tooltip speaks may not hold a literal with a letter in it. Punctuation, symbols and numbers
 * (`·`, `×`, `→`, `2`) stay literal: they read the same in every language.
 */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-valuetext',
  'aria-roledescription',
  'placeholder',
  'title',
  'alt',
  'label',
])
const LETTER = /\p{L}/u

/** The literal text of a node when it is a plain string, or undefined for anything computed. */
function literalText(node) {
  if (!node) return undefined
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? ''
  if (node.type === 'JSXExpressionContainer') return literalText(node.expression)
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const noJsxLiterals = {
  meta: {
    type: 'problem',
    docs: { description: 'User-facing words in JSX go through i18n (t()), never literals' },
    schema: [],
    messages: {
      text: 'Words in JSX go through t(): "{{text}}"',
      attribute: 'The {{name}} attribute is read to people: use t() instead of "{{text}}"',
    },
  },
  create(context) {
    return {
      JSXText(node) {
        const text = node.value.trim()
        if (LETTER.test(text)) context.report({ node, messageId: 'text', data: { text } })
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type !== 'JSXElement' && node.parent?.type !== 'JSXFragment') return
        const text = literalText(node.expression)
        if (text !== undefined && LETTER.test(text)) context.report({ node, messageId: 'text', data: { text: text.trim() } })
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : ''
        if (!SPOKEN_ATTRIBUTES.has(name)) return
        const text = literalText(node.value)
        if (text !== undefined && LETTER.test(text)) context.report({ node, messageId: 'attribute', data: { name, text } })
      },
    }
  },
}

export default { rules: { 'no-jsx-literals': noJsxLiterals } }
