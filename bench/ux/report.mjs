// Renders the results of cstar-bench-ux (RESULTS/ux.jsonl) as the section
// "User-felt figures (both UIs)" of docs/benchmarks.md. bench/run.sh calls
// it after bench/node/report.mjs has written the file; the section replaces
// the one between its markers, or goes before "## Notes from this run".
// Usage: node bench/ux/report.mjs --results DIR --doc docs/benchmarks.md [--load "1.2 0.9 0.8"]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';

const opt = { results: '', doc: '', load: '' };
for (let i = 2; i + 1 < process.argv.length; i += 2) opt[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];

const BEGIN = '<!-- bench-ux:begin (bench/ux/report.mjs) -->';
const END = '<!-- bench-ux:end -->';

const groups = new Map(); // "impl|metric" → {values, extras}
const notes = [];
const file = `${opt.results}/ux.jsonl`;
if (existsSync(file)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let o;
    try { o = JSON.parse(line); } catch { continue; }
    if (o.note) { notes.push(o.note); continue; }
    if (o.bench !== 'ux' || o.metric === undefined || !(o.value >= 0)) continue;
    const key = `${o.impl}|${o.metric}`;
    if (!groups.has(key)) groups.set(key, { values: [], extras: [] });
    groups.get(key).values.push(o.value);
    groups.get(key).extras.push(o);
  }
}

// Nearest-rank percentile, as bench/common.
function pct(values, p) {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const rank = Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1));
  return v[rank];
}
const get = (impl, metric) => groups.get(`${impl}|${metric}`) ?? { values: [], extras: [] };
const med = (impl, metric) => pct(get(impl, metric).values, 50);
function fmt(x, digits) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (digits !== undefined) return x.toFixed(digits);
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

const UIS = [['widgets', 'widgets (`ChatPanel`)'], ['qml', 'QML (`ChatView`)']];
const row = (what, cell, target = '–') => `| ${what} | ${UIS.map(([impl]) => cell(impl)).join(' | ')} | ${target} |`;
const startup = (metric) => (impl) => {
  const v = get(impl, metric).values;
  return v.length ? `**${fmt(pct(v, 50))}** / ${fmt(pct(v, 90))} ms (${v.length} runs)` : 'not measured';
};
const phases = (impl) => {
  const m = (x) => fmt(med(impl, x));
  return get(impl, 'start_to_painted_ms').values.length
    ? `${m('start_to_main_ms')} / ${m('start_to_shown_ms')} / ${m('start_to_rows_ms')} ms`
    : '–';
};
const extra = (impl, metric, key) => get(impl, metric).extras[0]?.[key];
const scroll = (impl) => {
  const p50 = med(impl, 'scroll_frame_p50_ms');
  const p99 = med(impl, 'scroll_frame_p99_ms');
  const max = med(impl, 'scroll_frame_max_ms');
  if (p99 === null) return 'not measured';
  return `${fmt(p50)} / **${fmt(p99)}** / ${fmt(max)} ms`;
};
const judge = (v) => (v === null ? 'not measured' : v < 16 ? 'met' : '**missed**');
const perMessage = (impl) => {
  const rows = extra(impl, 'heap_delta_open_mib', 'rows');
  const heap = med(impl, 'heap_delta_open_mib');
  return rows && heap !== null ? (heap * 1048576) / rows : null;
};

const load = opt.load || readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const cores = cpus().length;
const busy = Number(load.split(' ')[0]) > cores * 0.5;
const platformNote = notes.find((n) => n.startsWith('seeded')) ?? '';
const platform = (platformNote.match(/platform (\S+)/) ?? [])[1] ?? 'offscreen';

const out = [BEGIN, '## User-felt figures (both UIs)', '',
  `\`cstar-bench-ux\` against a real \`cstar-devserver\` on loopback (\`--db :memory:\`), seeded over its chat and agent
APIs: one identified customer with a 500-message ticket, a 10,000-message ticket and a one-message ticket; about
55 % agent messages in Markdown (bold, italics, numbered and bullet lists, inline code, code blocks, links, quotes),
the rest the customer's plain text. Both UIs at 900 × 700 on \`QT_QPA_PLATFORM=${platform}\`${platform === 'offscreen'
    ? ' (Qt Quick on its software renderer, `QT_QUICK_BACKEND=software`; widgets paint into a QImage backing store: no GPU, no vsync)' : ''}.`,
  '',
  `- **start → restored conversation painted**: a fresh process per run, timed from just before the benchmark starts it
  (CLOCK_MONOTONIC, read in both processes) to the first frame that shows the newest message of the 500-message
  ticket. The session is restored by \`ChatState\` from a copy of the stored token file (keychain off); the app opens
  the ticket at once (as an app reopening the last conversation); the model loads its newest page (50 rows, protocol
  §6 pages are at most 100 — the older 450 load when the reader scrolls up). Widgets: a \`Paint\` event of the message
  view's viewport while the last row is the newest message and inside the viewport, timed when control is back in
  the event loop (paint and flush done). QML: \`QQuickWindow::frameSwapped\` while the \`ListView\` holds every row,
  its last delegate exists and it is at its end. Median / p90; the phases are start → \`main()\` (exec, dynamic
  linking), → UI built and shown (application object, \`ChatClient\`, \`ChatState\`, \`ChatPanel\` / \`ChatView\`
  compiled and created), → first page in the model (a GET over loopback). The two UIs run interleaved.`,
  `- **scroll frame time**: one process per UI; the 10,000-message ticket fully loaded (\`pageSize\` 100,
  \`fetchOlder()\` until \`hasMore\` is false — "history load" below, which includes each view's reaction to 100
  prepends), then scrolled from the top to the end in fixed steps of ${extra('widgets', 'scroll_frame_p99_ms', 'stepPx')
    ?? extra('qml', 'scroll_frame_p99_ms', 'stepPx') ?? 120} px (a fast wheel scroll or fling). Widgets: one frame
  = the message view's scroll bar \`setValue()\` + \`processEvents()\` (layout, viewport paint, flush). QML: one
  frame = \`contentY\` set → \`frameSwapped\` (polish: delegates created and laid out; sync; render),
  \`QT_QPA_UPDATE_IDLE_TIME=0\` so the platform's 5 ms update timer is not counted. Target: p99 under 16 ms.`,
  `- **memory**: in the scroll process, VmRSS (/proc/self/status) and malloc'ed bytes (mallinfo2) with the
  one-message ticket open and painted (baseline), with the 10,000 messages loaded and painted at the end, and after
  scrolling through all of them.`,
  '',
  `**Machine**: ${cores} cores, load average ${load} when this section was written${busy
    ? ' — **the machine was busy** (a load above half its cores as the run began, from this run\'s own build or '
      + 'from other work): take the figures as an upper '
      + 'bound; rerun `bench/run.sh` on a quiet machine for the record'
    : ''}.`,
  '',
  `| figure | ${UIS.map(([, t]) => t).join(' | ')} | target |`,
  `|---|${UIS.map(() => '---|').join('')}---|`,
  row('start → restored 500-message conversation painted, **median** / p90', startup('start_to_painted_ms')),
  row('… phases (medians): start → main() / → UI shown / → first page in the model', phases),
  row('scroll 10,000 messages: frame p50 / **p99** / max', scroll, 'p99 < 16 ms'),
  row('… p99 under 16 ms?', (impl) => judge(med(impl, 'scroll_frame_p99_ms'))),
  row('… frames over 16 ms / frames', (impl) => {
    const o = med(impl, 'scroll_frames_over_16ms_pct');
    const n = extra(impl, 'scroll_frame_p99_ms', 'frames');
    return o === null ? '–' : `${fmt(o)} % of ${n}`;
  }),
  row('history load of 10,000 messages (100 pages, view attached)', (impl) => `${fmt(med(impl, 'history_load_all_ms'))} ms`),
  row('RSS with the 10,000-message conversation open', (impl) => `${fmt(med(impl, 'rss_open_mib'))} MiB`),
  row('… Δ RSS / Δ malloc\'ed vs one-message conversation', (impl) =>
    `${fmt(med(impl, 'rss_delta_open_mib'))} / ${fmt(med(impl, 'heap_delta_open_mib'))} MiB (${fmt(perMessage(impl))} B per message)`),
  row('… after scrolling through: RSS / Δ malloc\'ed', (impl) =>
    `${fmt(med(impl, 'rss_after_scroll_mib'))} / ${fmt(med(impl, 'heap_delta_after_scroll_mib'))} MiB`),
  '',
];
const details = UIS.map(([impl]) => extra(impl, 'scroll_frame_p99_ms', 'detail')).filter(Boolean);
if (details.length) out.push(`Scroll runs: ${UIS.map(([impl, t]) => `${t}: ${extra(impl, 'scroll_frame_p99_ms', 'detail') ?? '–'}`).join('; ')}.`, '');
const findingsFile = new URL('./findings.md', import.meta.url);
if (existsSync(findingsFile)) out.push(readFileSync(findingsFile, 'utf8').trim(), '');
if (notes.length) out.push('Notes: ' + [...new Set(notes)].join('; ') + '.', '');
out.push(END);

let doc = existsSync(opt.doc) ? readFileSync(opt.doc, 'utf8') : '# Benchmarks\n';
const section = out.join('\n');
const b = doc.indexOf(BEGIN);
const e = doc.indexOf(END);
if (b >= 0 && e > b) {
  doc = doc.slice(0, b) + section + doc.slice(e + END.length);
} else {
  const at = doc.indexOf('## Notes from this run');
  doc = at >= 0 ? `${doc.slice(0, at)}${section}\n\n${doc.slice(at)}` : `${doc.trimEnd()}\n\n${section}\n`;
}
writeFileSync(opt.doc, doc);
