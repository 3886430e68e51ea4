/**
 * The report's stylesheet, inlined into the page (no external resources). It follows the app's
 * look (client/app/styles/tokens.css): warm paper, dark warm ink, the one terracotta accent, the
 * same sans serif, so the report reads as the workshop's own. Calm on screen, and
 * a clean A4 document in print: every story starts a page, cards are never cut across pages,
 * page numbers sit in the bottom margin, and external links show where they lead.
 *
 * Fonts are system stacks only: a report must look right offline, on any machine it is
 * forwarded to. Colour never carries meaning alone (tags, valence and key drivers have words).
 */
export const REPORT_CSS = `
:root {
  color-scheme: light;
  /* The app's design tokens, by the same names' meaning. */
  --ink: #24201c; --muted: #5c534b; --faint: #7a6f65; --line: #e2d9ce; --paper: #ffffff; --wash: #faf7f2;
  --accent: #8f3f1c; --accent-wash: #fbede5; --accent-line: #e9c3ae; --key: #a34a25; --key-wash: #fbede5;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  /* Story text stays in the app's sans serif too: one voice from the board to the report. */
  --serif: var(--sans);
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0 auto; max-width: 50rem; padding: 3rem 2.5rem 4rem; background: var(--paper); color: var(--ink);
  font: 1.0625rem/1.6 var(--serif); -webkit-font-smoothing: antialiased; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6, .kicker, .label, dt, .tag, .badge, .count, .meter-row, .toc, .glance, .meta, .draws-on, .footnotes, .colophon, .sources, .tree .ring, .valence, figure {
  font-family: var(--sans); }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 1.6rem; margin: 3.5rem 0 1.25rem; padding-bottom: .4rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 1.25rem 0 .4rem; }
p { margin: 0 0 .75rem; }
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
.muted { color: var(--muted); }
.label { display: inline-block; margin-right: .4em; font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.kicker { margin: 0 0 .35rem; font-size: .78rem; font-weight: 600; text-transform: uppercase; letter-spacing: .1em; color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.card { background: var(--wash); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.15rem; break-inside: avoid; page-break-inside: avoid; }
.card > :last-child { margin-bottom: 0; }

/* Cover */
.cover { padding: 1rem 0 2rem; border-bottom: 1px solid var(--line); }
.cover h1 { font-size: 2.6rem; line-height: 1.1; letter-spacing: -.01em; margin: 0 0 1.5rem; }
.question { margin: 0 0 1.75rem; padding: .25rem 0 .25rem 1.1rem; border-left: 4px solid var(--accent); }
.question p:not(.label) { font-size: 1.35rem; line-height: 1.4; font-style: italic; margin: 0; }
.question .label { display: block; margin-bottom: .3rem; }
.facts { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; margin: 0 0 1.25rem; }
.facts dt { font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.facts dd { margin: 0; font: 600 1.35rem/1.3 var(--sans); }
.people, .themes { font-size: .95rem; margin-bottom: .5rem; }

/* Overview */
.overview { margin: 2rem 0 0; }
.overview h2 { margin-top: 0; font-size: 1.1rem; border-bottom-width: 1px; }
.glance { list-style: none; display: grid; grid-template-columns: repeat(4, 1fr); gap: .75rem; padding: 0; margin: 0 0 1.5rem; }
.glance li { background: var(--accent-wash); border-radius: 10px; padding: .7rem .9rem; color: var(--accent); font-size: .85rem; }
.glance .big { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.1; }
.toc { padding-left: 1.5rem; margin: 0; }
.toc > li { margin: .35rem 0; font-weight: 600; }
/* Two to a row, in reading order: balanced columns put one of three stories on the left and two on
   the right, read as two groups. */
.toc ol { list-style: none; padding-left: 0; margin: .2rem 0 .6rem; font-weight: 400; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: 2rem; font-size: .92rem; }
.toc ol li { break-inside: avoid; margin: .1rem 0; }
.toc a { color: inherit; text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.count { display: inline-block; margin-left: .35rem; padding: 0 .5rem; border-radius: 999px; background: var(--wash); border: 1px solid var(--line); color: var(--muted); font-size: .75rem; font-weight: 500; }
.star { color: var(--key); }

/* Stories */
.story { margin: 0 0 3rem; }
.story-head h3 { font-size: 1.75rem; margin: 0 0 1.25rem; }
.persona { margin: 0 0 1.75rem; }
.persona-name { font: 600 1.3rem/1.3 var(--sans); margin: 0 0 .2rem; }
.household { color: var(--muted); margin: 0 0 .25rem; }
.persona-details { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem 1.5rem; margin: .75rem 0 0; padding-top: .75rem; border-top: 1px solid var(--line); }
.persona-details dt { font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-bottom: .15rem; }
.persona-details dd { margin: 0; font-size: .98rem; line-height: 1.5; }
.persona-details dd p { margin: 0 0 .25rem; }
.prose { font-size: 1.125rem; line-height: 1.7; }
.prose h4, .prose h5, .prose h6 { font-size: 1.05rem; text-transform: none; letter-spacing: 0; color: var(--ink); margin: 1.5rem 0 .5rem; }
.prose blockquote { margin: 1.25rem 0; padding: .1rem 0 .1rem 1.1rem; border-left: 3px solid var(--line); color: var(--muted); font-style: italic; }
.prose ul, .prose ol { padding-left: 1.4rem; }
/* A citation is set apart from the sentence, as its chip is in the editor (tinted, underlined where
   a printer leaves out backgrounds): plain in print, a cited title read as garbled prose. */
.cite { text-decoration: none; border-bottom: 1px dotted var(--accent); background: var(--accent-wash); border-radius: 3px; padding: 0 .15em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.cite sup { font: 600 .65em var(--sans); margin-left: .1em; }
.draws-on { font-size: .9rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: .75rem; margin-top: 1.5rem; }
.draws-kind { margin: 0 .25rem 0 .5rem; }
.chip { display: inline-block; margin: .1rem .15rem; padding: .05rem .55rem; border-radius: 999px; background: var(--accent-wash); color: var(--accent); text-decoration: none; font-size: .85rem; border: 1px solid transparent; }
.chip-story { background: var(--paper); border-color: var(--accent-line); font-style: italic; }
.footnotes { font-size: .85rem; color: var(--muted); }
.footnotes h4 { margin-top: 1rem; }
.footnotes ol { padding-left: 1.5rem; margin: 0; }
.footnotes .label { font-size: .68rem; }
.footnotes .back { text-decoration: none; margin-left: .25rem; }

/* Trends */
.trend { margin: 0 0 3rem; }
.trend-head { display: grid; grid-template-columns: 2rem minmax(0, 1fr); gap: .35rem .75rem; align-items: start; margin: 2.25rem 0 .9rem; }
.trend-head h3 { margin: 0; padding-top: .2rem; }
.trend-head .badge { grid-column: 2; justify-self: start; }
.trend-number { flex: none; display: inline-grid; place-items: center; width: 2rem; height: 2rem; border-radius: 50%; background: var(--ink); color: #fff; font: 700 .95rem var(--sans); }
.badge { display: inline-block; padding: .15rem .65rem; border-radius: 999px; font-size: .78rem; font-weight: 600; }
.badge.key { background: var(--key-wash); color: var(--accent); border: 1px solid var(--key); }
.trend-summary { background: var(--paper); }
.narrative { font-size: 1.1rem; }
.oc { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; margin: .5rem 0 .25rem; }
.oc h4 { margin-top: .5rem; }
.opportunities h4 { color: #1a6b3a; }
.challenges h4 { color: #9c3a1a; }
.assessment { border-top: 1px solid var(--line); margin-top: .75rem; padding-top: .25rem; }
.assessment:first-child { border-top: 0; margin-top: 0; padding-top: 0; }
.assessment:first-child h4 { margin-top: 0; }
/* The value on one line ("9/10 (keskimmäinen puolikas 8–9)"): in a fixed column it broke into four,
   "keskimmäinen" cut in two. The bar takes what is left. */
.meter-row { display: grid; grid-template-columns: 7.5rem minmax(5rem, 1fr) auto; align-items: center; gap: .75rem; font-size: .85rem; margin: .35rem 0; }
.meter { position: relative; height: .55rem; border-radius: 999px; background: #efe8df; }
.meter .spread { position: absolute; top: 0; bottom: 0; border-radius: 999px; background: var(--accent-line); }
.meter .median { position: absolute; top: 50%; width: .85rem; height: .85rem; margin: -.425rem 0 0 -.425rem; border-radius: 50%; background: var(--accent); border: 2px solid #fff; }
.meter-value { font-variant-numeric: tabular-nums; text-align: right; font-weight: 600; white-space: nowrap; }
.meter-range { font-weight: 400; color: var(--muted); }
.assessment-counts { font: .85rem var(--sans); color: var(--muted); margin: .4rem 0 0; }
.signals-title { display: flex; align-items: center; gap: .25rem; }
.signals { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
.signal { font-size: .95rem; line-height: 1.5; }
.signal-title { font: 600 1rem/1.35 var(--sans); margin-bottom: .35rem; }
.signal .desc { margin-bottom: .4rem; }
.signal .why p { display: inline; }
.signal .why { margin-bottom: .4rem; }
.tags { margin: 0 0 .45rem; display: flex; flex-wrap: wrap; gap: .35rem; }
.tag { display: inline-flex; align-items: center; gap: .35em; padding: .05rem .55rem; border-radius: 999px; border: 1px solid var(--line); background: var(--paper); font-size: .75rem; font-weight: 500; color: var(--muted); }
.steep::before { content: ""; width: .55em; height: .55em; border-radius: 50%; background: currentColor; }
.steep-social { color: #7a3e9d; } .steep-technological { color: #1f5fbf; } .steep-economic { color: #8a5a00; }
.steep-environmental { color: #1a6b3a; } .steep-political { color: #b02a37; }
.sources { font-size: .85rem; margin: 0; overflow-wrap: anywhere; }

/* Assessment matrix */
.matrix { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; margin: 0 0 1rem; background: var(--paper); }
.matrix-plot { position: relative; padding: 0 0 1.4rem 1.4rem; }
.grid { position: relative; aspect-ratio: 1; border: 1px solid var(--line); border-radius: 6px;
  background: linear-gradient(var(--line), var(--line)) 50% 0 / 1px 100% no-repeat, linear-gradient(var(--line), var(--line)) 0 50% / 100% 1px no-repeat, var(--wash); }
.q { position: absolute; width: 48%; padding: .4rem .5rem; font-size: .68rem; line-height: 1.25; color: var(--faint); }
.q strong { font-weight: 600; color: var(--muted); }
.q-tl { top: 0; left: 0; } .q-tr { top: 0; right: 0; text-align: right; } .q-bl { bottom: 0; left: 0; } .q-br { bottom: 0; right: 0; text-align: right; }
.dot { position: absolute; display: grid; place-items: center; width: 1.6rem; height: 1.6rem; margin: -.8rem 0 0 -.8rem; border-radius: 50%; background: var(--ink); color: #fff; font-size: .75rem; font-weight: 700; border: 2px solid #fff; }
.dot.key { background: var(--key); }
.axis { position: absolute; font-size: .7rem; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.axis-x { bottom: 0; right: 0; }
.axis-y { top: 0; left: 0; writing-mode: vertical-rl; transform: rotate(180deg); height: calc(100% - 1.4rem); text-align: right; }
.legend { list-style: none; padding: 0; margin: 0; font-size: .88rem; }
/* A name of two lines keeps clear of its number: the number hangs in the item's indent. */
.legend li { margin: 0 0 .45rem; padding-left: 1.65rem; text-indent: -1.65rem; }
.legend-number { display: inline-grid; place-items: center; width: 1.35rem; height: 1.35rem; border-radius: 50%; background: var(--ink); color: #fff; font-size: .7rem; font-weight: 700; margin-right: .3rem; text-indent: 0; }
.legend .muted { display: block; font-size: .78rem; text-indent: 0; }
figure { margin: 0; }

/* Futures wheels */
.wheel { margin: 0 0 1.25rem; background: var(--paper); }
.wheel h3 { margin-top: 0; font-size: 1.1rem; }
/* The futures wheel as a picture (shared/export/wheelSvg.ts), at most at its own size (the app's
   14 px text; stretched to the column, a wheel of one consequence had 40 px text). A full wheel
   holds every text whole and is far wider than the column, which shrank it to 6 px text: one
   that the column would shrink below 80 % takes the window's width instead, centred on the
   column (one just wider than the column stays in it: breaking out by a few pixels looked like a
   mistake), and where even the window is too narrow it stops at 60 % (8.4 px text) and scrolls
   sideways. \`--picture-width\` is set on each figure; "(… * .8 - 100%) * 1000" is the window's
   width where the column is below 80 % of the picture, and nothing where it is not. */
.wheel-figure { width: min(var(--picture-width), max(100%, min(100vw - 3rem, (var(--picture-width) * .8 - 100%) * 1000))); margin: .5rem 0 1rem 50%; transform: translateX(-50%); overflow-x: auto; }
.wheel-picture { display: block; width: 100%; min-width: calc(var(--picture-width) * .6); height: auto; background: var(--paper); border-radius: 10px; }
/* A wheel too large to print readably prints its branches again as trees (sections/wheel.ts,
   whose sizes these are); on screen the wheel itself can be as large as the reader makes it. */
.wheel-branches { display: none; }
/* Printed across the page: a full wheel is wider than tall (wheelSvg's aspect). Across, a 30-box
   wheel's text prints at about 5 pt; on a portrait page it was 3.6. */
@page wheels { size: A4 landscape; margin: 10mm 12mm 14mm; }
@media print {
  .part-wheels { page: wheels; }
  .wheel-figure { width: auto; margin: .25rem 0 .75rem; transform: none; overflow: visible; break-inside: avoid; page-break-inside: avoid; }
  .wheel-picture { width: auto; min-width: 0; max-width: 100%; max-height: 15cm; margin: 0 auto; }
  .wheel-branches { display: block; }
  .wheel-branch .wheel-picture { max-height: 16.5cm; }
  .wheel-branch__caption { margin: .25rem 0 0; font-size: .8rem; font-weight: 600; color: var(--muted); text-align: center; }
}
.tree, .tree ul { list-style: none; margin: 0; padding: 0; }
.tree ul { margin-left: .9rem; padding-left: 1rem; border-left: 2px solid var(--line); }
.tree li { margin: .4rem 0; }
.node { line-height: 1.45; }
.tree .ring { display: inline-block; min-width: 5.5rem; font-size: .7rem; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--faint); }
.valence { display: inline-flex; align-items: center; gap: .3em; margin-left: .35rem; padding: 0 .5rem; border-radius: 999px; font-size: .72rem; font-weight: 600; white-space: nowrap; }
.valence-positive { background: #e3f3e8; color: #1a6b3a; } .valence-negative { background: #fbe7e4; color: #9c2a1a; } .valence-mixed { background: #f1ebf7; color: #6a3e8f; }

/* Takeaways */
.when-groups { display: grid; gap: 1.5rem; }
.when h3 { margin: 0 0 .6rem; padding-left: .7rem; border-left: 4px solid var(--accent); }
.when-year h3 { border-color: #c77a55; } .when-fiveYears h3 { border-color: var(--accent-line); }
.takeaways { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
.takeaway .what { font-size: 1.05rem; margin-bottom: .4rem; }
.takeaway .meta { display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; align-items: center; font-size: .85rem; margin: 0; }
.plus { font-weight: 700; color: var(--accent); background: var(--accent-wash); padding: 0 .55rem; border-radius: 999px; }

.colophon { margin-top: 4rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--faint); font-size: .8rem; }

@media (max-width: 40rem) {
  body { padding: 1.5rem 1.1rem 3rem; }
  .cover h1 { font-size: 2rem; }
  .glance { grid-template-columns: repeat(2, 1fr); }
  .toc ol { grid-template-columns: minmax(0, 1fr); }
  .oc, .matrix { grid-template-columns: 1fr; }
  .meter-row { grid-template-columns: 6rem 1fr; row-gap: .1rem; }
  .meter-value { grid-column: 2; text-align: left; white-space: normal; }
}

@page { size: A4; margin: 18mm 17mm 20mm;
  @bottom-center { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; color: #7a6f65; } }
@media print {
  html, body { background: #fff; }
  /* Everything is sized in rem, so the root size sets the printed scale. */
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  .card, .trend-summary, .matrix, .wheel { background: #fff; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  /* The big parts start a page; the short ones after them follow on (no half-empty pages). */
  .part-stories, .part-trends { break-before: page; page-break-before: always; }
  .part h2 { margin-top: 1.5rem; }
  .part-stories h2, .part-trends h2 { margin-top: 0; }
  .story + .story { break-before: page; page-break-before: always; }
  .trend-head, .signals-title { break-after: avoid; page-break-after: avoid; }
  .persona, .signal, .takeaway, .wheel, .matrix, .footnotes, .trend-summary, .meter-row, .when h3 { break-inside: avoid; page-break-inside: avoid; }
  .prose p, .prose li { orphans: 3; widows: 3; }
  /* A wheel taller than a page breaks between its branches: one consequence's line alone on the
     last page had lost what it follows from. */
  .wheel .tree > li { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[data-domain]::after { content: " (" attr(data-domain) ")"; color: var(--muted); font-size: .85em; }
  .footnotes .back { display: none; }
  .overview { break-after: page; page-break-after: always; }
}
`
