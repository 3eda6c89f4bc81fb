// Shared helpers of the Node peers: JSON-line output (the same shape as
// bench/common/benchcommon.cpp's emitResult), child servers, percentiles.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export function emit(bench, impl, metric, value, unit, extra = {}) {
  process.stdout.write(
    JSON.stringify({ ...extra, bench, impl, metric, value: Number.isFinite(value) ? value : -1, unit }) + '\n');
}

export function note(bench, text) {
  process.stdout.write(JSON.stringify({ bench, note: text }) + '\n');
}

export function args(defaults) {
  const out = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i + 1 < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

export const nowNs = () => process.hrtime.bigint();
export const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// Nearest-rank percentile, as CStar::Bench::percentile.
export function percentile(values, p) {
  if (values.length === 0) return -1;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(Math.max(Math.ceil((p / 100) * sorted.length), 1), sorted.length);
  return sorted[rank - 1];
}

// Starts a server that prints its base URL as its first stdout line.
export function startServer(program, argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`${program} printed no URL`)), 15000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve({ url: line.trim(), stop: () => child.kill('SIGTERM'), pid: child.pid });
    });
    child.once('error', reject);
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
