import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryStats } from '@rosetta/core';

/**
 * Issue 13, defect 11: in Chromium, 300 small synchronous training steps on wasm grew the wasm
 * memory from 1 to 753 MB, since FinalizationRegistry callbacks never run while the page does not
 * yield. Here a page runs 1,000 steps of each seed's training loop (`training-loops.ts`, served
 * transpiled) on wasm without yielding to the event loop, and the memory must stay flat.
 */

/** Debian's chromium (`apt-get install chromium`; `.ci/run` installs it). */
const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PACKAGES = ['core', 'torch', 'mindspore', 'mxnet'];

/** `@rosetta/<pkg>` and its subpaths → the built files, from each package's `exports`. */
function importMap(): Record<string, string> {
  const imports: Record<string, string> = {};
  for (const p of PACKAGES) {
    const pkg = JSON.parse(readFileSync(`${root}packages/${p}/package.json`, 'utf8')) as { name: string; exports: Record<string, { import: string }> };
    for (const [sub, e] of Object.entries(pkg.exports)) imports[pkg.name + sub.slice(1)] = `/packages/${p}/${e.import.slice(2)}`;
  }
  return imports;
}

const PAGE = `<!doctype html><script type="importmap">${JSON.stringify({ imports: importMap() })}</script>
<script type="module">
import * as core from '@rosetta/core';
import { recorder, mindsporeModelTrain, torchLoop, gluonTrainerLoop } from '/loops.js';
core.setBackend('wasm');
const result = {};
try {
  // No await of a timer or an event between steps: FinalizationRegistry callbacks cannot run.
  for (const [name, run] of [['mindspore', mindsporeModelTrain], ['torch', torchLoop], ['gluon', gluonTrainerLoop]]) {
    const r = recorder();
    await run(1000, r.probe);
    result[name] = r.at;
  }
} catch (e) {
  result.error = String(e && e.stack || e);
}
window.result = result;
</script>`;

/** The loops, transpiled for the page. */
function loopsJs(): string {
  const src = readFileSync(fileURLToPath(new URL('./training-loops.ts', import.meta.url)), 'utf8');
  return ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

function serve(): Promise<Server> {
  const loops = loopsJs();
  const server = createServer(async (req, res) => {
    const url = req.url ?? '';
    if (url === '/') {
      res.setHeader('Content-Type', 'text/html');
      res.end(PAGE);
    } else if (url === '/loops.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(loops);
    } else if (url.startsWith('/packages/') && url.includes('/dist/') && !url.includes('..')) {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(await readFile(root + url.slice(1)).catch(() => ''));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
beforeAll(async () => {
  // The facades' dist/ (and core's, through the project references).
  execSync(`npx tsc -b ${PACKAGES.map((p) => `packages/${p}`).join(' ')}`, { cwd: root, stdio: 'ignore' });
  server = await serve();
}, 300_000);
afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Bytes memory may differ by between step 100 and step 1,000. */
const SLACK = 256 * 1024;

describe('1,000 synchronous training steps on wasm in headless Chromium keep memory flat', () => {
  it('MindSpore Model.train, a torch loop in torch.memory_scope and a Gluon Trainer loop', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'commit' });
      await page.waitForFunction('window.result !== undefined', undefined, { timeout: 400_000 });
      expect(errors).toEqual([]);
      const { error, ...r } = (await page.evaluate('window.result')) as Record<string, Record<number, MemoryStats>> & { error?: string };
      expect(error).toBeUndefined();
      const mb = (b: number) => (b / 2 ** 20).toFixed(2);
      for (const [name, at] of Object.entries(r)) {
        console.log(`${name}: wasm memory ${[1, 100, 300, 1000].map((s) => `${s}: ${mb(at[s]!.memory)} MB`).join(', ')}; live ${[1, 100, 300, 1000].map((s) => mb(at[s]!.bytes)).join(' / ')} MB`);
        expect(at[1000]!.memory, name).toBeLessThanOrEqual(at[100]!.memory + SLACK);
        expect(at[1000]!.bytes, name).toBeLessThanOrEqual(at[100]!.bytes + SLACK);
        expect(at[1000]!.buffers, name).toBeLessThanOrEqual(at[100]!.buffers);
      }
      expect(Object.keys(r)).toEqual(['mindspore', 'torch', 'gluon']);
    } finally {
      await browser.close();
    }
  }, 480_000);
});
