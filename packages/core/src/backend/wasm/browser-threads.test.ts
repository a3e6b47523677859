import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Debian's chromium (`apt-get install chromium`; `.ci/run` installs it). */
const CHROMIUM = '/usr/bin/chromium';
const core = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The page: the wasm backend on 1 and on 2 threads, same seed, from the built `dist/`. A page's
 * workers start once it yields, so it first runs a kernel (which starts them; it runs on the main
 * thread meanwhile) and waits for a job to be split.
 */
const PAGE = `<!doctype html><script type="module">
import * as core from '/dist/index.js';
core.setBackend('wasm');
core.setNumThreads(2);
const big = core.randn([1000, 600]);
const threaded = () => { core.resetKernelStats(); big.exp().sum(1).dataSync(); return core.kernelStats().threaded; };
const fallback = threaded();
for (let i = 0; i < 200 && threaded() === 0; i++) await new Promise((r) => setTimeout(r, 25));
const run = (n) => {
  core.setNumThreads(n);
  core.manualSeed(3);
  core.resetKernelStats();
  const x = core.randn([1000, 600]);
  const rows = Array.from(x.exp().mul(2).sum(1).dataSync());
  const mm = Array.from(x.matmul(core.randn([600, 300])).dataSync());
  return { rows, mm, threads: core.getNumThreads(), threaded: core.kernelStats().threaded };
};
// Two threads first: going to one thread stops the workers.
const two = run(2);
window.result = { isolated: crossOriginIsolated, fallback, two, one: run(1) };
</script>`;

/** Serves the page and dist/ with the headers that make a page cross-origin isolated. */
function serve(): Promise<Server> {
  const server = createServer(async (req, res) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    if (req.url === '/') {
      res.setHeader('Content-Type', 'text/html');
      res.end(PAGE);
    } else if (req.url?.startsWith('/dist/') && !req.url.includes('..')) {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(await readFile(core + req.url.slice(1)).catch(() => ''));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
beforeAll(async () => {
  execSync('npx tsc -b', { cwd: core, stdio: 'ignore' });
  server = await serve();
}, 180_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('wasm backend threads in a cross-origin-isolated browser page (Web Workers)', () => {
  it('splits kernels and matmuls across workers and gives the same bits as one thread', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'commit' });
      await page.waitForFunction('window.result !== undefined', undefined, { timeout: 30_000 });
      expect(errors).toEqual([]);
      const r = (await page.evaluate('window.result')) as {
        isolated: boolean;
        fallback: number;
        one: { rows: number[]; mm: number[]; threads: number; threaded: number };
        two: { rows: number[]; mm: number[]; threads: number; threaded: number };
      };
      expect(r.isolated).toBe(true);
      // Before the workers started, the first kernel ran on the main thread.
      expect(r.fallback).toBe(0);
      expect([r.one.threads, r.one.threaded]).toEqual([1, 0]);
      expect(r.two.threads).toBe(2);
      expect(r.two.threaded).toBeGreaterThanOrEqual(2);
      expect(r.two.rows.findIndex((v, i) => !Object.is(v, r.one.rows[i]))).toBe(-1);
      expect(r.two.mm.findIndex((v, i) => !Object.is(v, r.one.mm[i]))).toBe(-1);
      expect(r.one.rows.length).toBe(1000);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
