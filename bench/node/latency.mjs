// The Node peer of bench/latency/bench_latency.cpp: the same devserver
// binary and set-up, the customers on Node's `eventsource` client: K =
// min(N, 10) measured EventSources (own session and ticket each) plus N-K
// background EventSources (own session each); the agent POSTs with fetch
// (keep-alive), one sample at a time, round-robin over the measured ones.
// send→cb: POST issued → 'message.created' listener; resp→cb: POST answered
// → listener (negative when the event beats the response).
// Usage: node latency.mjs --devserver BIN [--levels 1,100] [--samples 200] [--runs 3]
import { EventSource } from 'eventsource';
import { args, emit, note, percentile, startServer, sleep } from './common.mjs';

const opt = args({ devserver: '', levels: '1,100', samples: '200', warmup: '20', runs: '3' });
const levels = opt.levels.split(',').map(Number);
const samples = Number(opt.samples);
const warmup = Number(opt.warmup);

async function post(url, body, bearer) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

function open(base, token, onMessage) {
  return new Promise((resolve) => {
    const es = new EventSource(`${base}/api/v1/chat/acme/events`, {
      fetch: (input, init) =>
        fetch(input, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } }),
    });
    if (onMessage) es.addEventListener('message.created', onMessage);
    es.onopen = () => resolve(es);
    es.onerror = () => resolve(es);
  });
}

async function runLevel(level, run) {
  const server = await startServer(opt.devserver, ['--port', '0', '--db', ':memory:', '--rate-limit', '100000000']);
  const base = server.url;
  const chat = `${base}/api/v1/chat/acme`;
  const k = Math.min(level, 10);
  const measured = [];
  let current = -1;
  let cbNs = 0n;
  for (let i = 0; i < k; i++) {
    const token = (await post(`${chat}/sessions`, {})).json.data.token;
    const ticket = (await post(`${chat}/tickets`, { title: `Latency ${i}` }, token)).json.data.id;
    measured.push({ token, ticket });
  }
  const background = [];
  const tokens = await Promise.all(
    Array.from({ length: level - k }, () => post(`${chat}/sessions`, {}).then((r) => r.json.data.token)));
  for (let i = 0; i < tokens.length; i += 50)
    background.push(...(await Promise.all(tokens.slice(i, i + 50).map((t) => open(base, t)))));
  for (const m of measured) {
    m.es = await open(base, m.token, (e) => {
      if (JSON.parse(e.data).content === `lat-${current}`) cbNs = process.hrtime.bigint();
    });
  }
  const openCount = [...background, ...measured.map((m) => m.es)].filter((es) => es.readyState === 1).length;
  if (openCount < level) note('latency', `node level ${level}: ${openCount} streams open`);

  const sendToCb = [];
  const respToCb = [];
  for (let i = 0; i < warmup + samples; i++) {
    const m = measured[i % k];
    current = i;
    cbNs = 0n;
    const sendNs = process.hrtime.bigint();
    await post(`${base}/api/v1/teams/acme/tickets/${m.ticket}/messages`,
      { content: `lat-${i}`, senderName: 'Ana' }, 'sk_test_dev');
    const respNs = process.hrtime.bigint();
    const deadline = Date.now() + 10000;
    while (cbNs === 0n && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    if (cbNs === 0n) { note('latency', `node level ${level}: sample ${i} timed out`); continue; }
    if (i >= warmup) {
      sendToCb.push(Number(cbNs - sendNs) / 1e6);
      respToCb.push(Number(cbNs - respNs) / 1e6);
    }
  }
  const extra = { run, streams: level, samples: sendToCb.length };
  const impl = 'node-eventsource';
  emit('latency', impl, `p50_ms@${level}`, percentile(sendToCb, 50), 'ms', extra);
  emit('latency', impl, `p99_ms@${level}`, percentile(sendToCb, 99), 'ms', extra);
  emit('latency', impl, `max_ms@${level}`, percentile(sendToCb, 100), 'ms', extra);
  emit('latency', impl, `resp_to_cb_p50_ms@${level}`, percentile(respToCb, 50), 'ms', extra);
  emit('latency', impl, `resp_to_cb_p99_ms@${level}`, percentile(respToCb, 99), 'ms', extra);
  for (const es of [...background, ...measured.map((m) => m.es)]) es.close();
  server.stop();
  await sleep(100);
}

for (const level of levels)
  for (let run = 0; run < Number(opt.runs); run++) await runLevel(level, run);
