import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTutorialProcess, TUTORIAL_TIMEOUT_MS, type TutorialRun } from '../run-in-process.js';

/** The NDArray prints of the run: `{ body, shape }` for each `\n[...]\n<NDArray s @cpu(0)>`. */
function ndPrints(stdout: string): { body: string; shape: string }[] {
  return [...stdout.matchAll(/\n(\[[^<]*\])\n<NDArray ([\dx]*) @cpu\(0\)>/g)].map((m) => ({ body: m[1]!, shape: m[2]! }));
}
const numbers = (body: string): number[] => body.replace(/[[\]]/g, ' ').trim().split(/\s+/).map(Number);

describe('gluon-loss tutorial (seed 003)', () => {
  let run: TutorialRun;
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'gluon-loss-'));
    run = runTutorialProcess('gluon-loss', out);
  }, TUTORIAL_TIMEOUT_MS);

  it('runs to the end', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints L2Loss(ones, twos) = [0.5 0.5] and the 0.5·(x − y)² identity', () => {
    const p = ndPrints(run.stdout);
    expect(p[0]).toEqual({ body: '[0.5 0.5]', shape: '2' });
    expect(p[1]).toEqual({ body: '[0.5 0.5]', shape: '2' });
  });

  it('prints the per-sample loss of the Dense net (2,) and the weight gradient (1, 4)', () => {
    const p = ndPrints(run.stdout);
    expect(p[2]!.shape).toBe('2');
    expect(p[3]!.shape).toBe('1x4');
    expect(numbers(p[3]!.body)).toHaveLength(4);
  });

  it('prints softmax CE of [[1, 10], [8, 2]] with labels [0, 1]', () => {
    const lse = (a: number, b: number) => Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
    const ce = numbers(ndPrints(run.stdout)[4]!.body);
    expect(ce[0]).toBeCloseTo(lse(1, 10) - 1, 5);
    expect(ce[1]).toBeCloseTo(lse(8, 2) - 2, 5);
  });

  it('prints the KL example: softmax of the output and a divergence ≈ 0.02', () => {
    const soft = run.stdout.match(/output\.softmax\(\): \[\[(.*)\]\]/)![1]!.split(', ').map(Number);
    [0.2, 0.5, 0.2, 0.1].forEach((v, i) => expect(soft[i]).toBeCloseTo(v, 6));
    const kl = Number(run.stdout.match(/loss \(kl divergence\): \[(.*)\]/)![1]);
    expect(kl).toBeCloseTo(0.0254242, 5);
  });

  it('prints cosine-embedding 0 for equal vectors (label 1) and for the −1 case, then the sample_weight example', () => {
    const p = ndPrints(run.stdout);
    expect(p[5]).toEqual({ body: '[0.]', shape: '1' });
    expect(p[6]).toEqual({ body: '[0.]', shape: '1' });
    expect(p[7]).toEqual({ body: '[0.5 1. ]', shape: '2' });
  });

  it('writes one SVG per plotted loss, each holding a curve of 100 points', () => {
    const files = readdirSync(out).filter((f) => f.endsWith('.svg')).sort();
    expect(files).toEqual(['figure-1.svg', 'figure-2.svg', 'figure-3.svg', 'figure-4.svg', 'figure-5.svg', 'figure-6.svg']);
    for (const f of files) {
      const svg = readFileSync(join(out, f), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      const path = svg.match(/<path[^>]*aria-roledescription="line mark"[^>]*d="([^"]+)"/) ?? svg.match(/class="mark-line[^"]*"[\s\S]*?<path[^>]*d="([^"]+)"/);
      expect(path).not.toBeNull();
      expect(path![1]!.split('L').length).toBe(100);
    }
  });
});
