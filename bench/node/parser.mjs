// eventsource-parser on the same bytes as bench/parser/bench_parser.cpp:
// the bytes are decoded with a streaming TextDecoder (as `eventsource`
// does) and fed chunk by chunk; `-nodecode` feeds pre-decoded strings.
// Usage: node parser.mjs --data DIR [--runs 5]
import { readFileSync } from 'node:fs';
import { createParser } from 'eventsource-parser';
import { args, emit } from './common.mjs';

const opt = args({ data: '', runs: '5' });
const runs = Number(opt.runs);
const MiB = 1024 * 1024;
const lf = readFileSync(`${opt.data}/stream-lf.sse`);
const cr = Buffer.from(lf);
for (let i = 0; i < cr.length; i++) if (cr[i] === 10) cr[i] = 13;

function prefix(buf, bytes) {
  const sep = buf.includes(10) ? '\n\n' : '\r\r';
  const cut = buf.lastIndexOf(sep, bytes);
  return buf.subarray(0, cut > 0 ? cut + 2 : bytes);
}

function longLines(lineBytes, count) {
  const one = Buffer.from(`id: 1\nevent: message.created\ndata: ${'x'.repeat(lineBytes)}\n\n`);
  return Buffer.concat(Array.from({ length: count }, () => one));
}

function parse(buf, chunk, decode = true) {
  let events = 0;
  let sink = 0;
  const parser = createParser({ onEvent(e) { events++; sink += e.data.length; } });
  let pieces = null;
  if (!decode) {
    const d = new TextDecoder('utf-8');
    pieces = [];
    for (let off = 0; off < buf.length; off += chunk)
      pieces.push(d.decode(buf.subarray(off, Math.min(off + chunk, buf.length)), { stream: true }));
  }
  const t0 = process.hrtime.bigint();
  if (decode) {
    const d = new TextDecoder('utf-8');
    for (let off = 0; off < buf.length; off += chunk)
      parser.feed(d.decode(buf.subarray(off, Math.min(off + chunk, buf.length)), { stream: true }));
  } else {
    for (const p of pieces) parser.feed(p);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink < 0) console.log(sink);
  return { seconds, events };
}

const cases = [
  ['lf-16k', lf, 16 * 1024, true, runs],
  ['lf-16k-nodecode', lf, 16 * 1024, false, runs],
  ['cr-16k', cr, 16 * 1024, true, runs],
  ['lf-1b-1MiB', prefix(lf, 1 * MiB), 1, true, 3],
  ['lf-1b-8MiB', prefix(lf, 8 * MiB), 1, true, 3],
  ['cr-1b-8MiB', prefix(cr, 8 * MiB), 1, true, 3],
  ['long-1b-4KiB', longLines(4096, 2048), 1, true, 3],
  ['long-1b-16KiB', longLines(16384, 512), 1, true, 3],
  ['long-1b-64KiB', longLines(65536, 128), 1, true, 3],
  ['long-1b-512KiB', longLines(524288, 16), 1, true, 3],
];
for (const [name, buf, chunk, decode, n] of cases) {
  parse(buf.subarray(0, Math.min(buf.length, 4 * MiB)), chunk, decode); // JIT warm-up
  for (let run = 0; run < n; run++) {
    const { seconds, events } = parse(buf, chunk, decode);
    emit('parser', 'eventsource-parser', name, buf.length / seconds / 1e6, 'MB/s',
      { run, bytes: buf.length, events });
  }
}
