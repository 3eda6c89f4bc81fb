// Node's `eventsource` client + JSON.parse on the same canned stream that
// bench/client/bench_client.cpp feeds our ChatClient (same server binary,
// same bytes): N message.created events, events/s until the N-th.
// Usage: node client.mjs --canned BIN --root DIR/canned [--runs 5]
import { readFileSync } from 'node:fs';
import { EventSource } from 'eventsource';
import { args, emit, note, startServer } from './common.mjs';

const opt = args({ canned: '', root: '', runs: '5' });
const meta = JSON.parse(readFileSync(`${opt.root}/../meta.json`, 'utf8'));
const events = meta.clientEvents;
const server = await startServer(opt.canned, ['--root', opt.root]);
const authorized = (input, init) =>
  fetch(input, { ...init, headers: { ...init.headers, Authorization: 'Bearer tok_bench' } });

for (let run = 0; run < Number(opt.runs); run++) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let count = 0;
  let sink = 0;
  const seconds = await new Promise((resolve) => {
    const es = new EventSource(`${server.url}/api/v1/chat/client/events`, { fetch: authorized });
    const guard = setTimeout(() => { es.close(); resolve(-1); }, 180000);
    es.addEventListener('message.created', (e) => {
      const message = JSON.parse(e.data);
      sink += message.id.length;
      if (++count === events) {
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        clearTimeout(guard);
        es.close();
        resolve(s);
      }
    });
  });
  const cpu = process.cpuUsage(cpu0);
  if (seconds < 0) {
    note('client', `node run ${run}: only ${count} of ${events} events arrived`);
    continue;
  }
  emit('client', 'node-eventsource', 'events_per_s', events / seconds, 'events/s', { run, events });
  emit('client', 'node-eventsource', 'cpu_us_per_event', (cpu.user + cpu.system) / events, 'µs',
    { run, events });
  if (sink < 0) console.log(sink);
}
server.stop();
