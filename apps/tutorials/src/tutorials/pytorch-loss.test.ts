import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTutorialProcess, TUTORIAL_TIMEOUT_MS, type TutorialRun } from '../run-in-process.js';

describe('pytorch-loss tutorial (seed 002)', () => {
  let run: TutorialRun;
  let out: string;
  let lines: string[];
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'pytorch-loss-'));
    run = runTutorialProcess('pytorch-loss', out);
    lines = run.stdout.split('\n');
  }, TUTORIAL_TIMEOUT_MS);

  it('runs to the end', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints CE = LogSoftmax + NLL = tensor(0.5493) twice', () => {
    expect(lines.slice(0, 2)).toEqual(['tensor(0.5493)', 'tensor(0.5493)']);
  });

  it('prints the focal-loss and BCE values of the seed to 4 decimals', () => {
    expect(lines.slice(2, 6)).toEqual([
      'focal_loss(hard samples): tensor(0.0866)',
      'bce_loss(hard samples): tensor(0.6931)',
      'focal_loss(easy samples): tensor(0.0005)',
      'bce_loss(easy samples): tensor(0.1054)',
    ]);
  });

  it('prints the model summary table of the seed', () => {
    const i = lines.indexOf('        Layer (type)               Output Shape         Param #');
    expect(lines.slice(i + 2, i + 5)).toEqual([
      '            Linear-1                    [-1, 4]              12',
      '            Linear-2                    [-1, 8]              40',
      '            Linear-3                    [-1, 1]               9',
    ]);
    expect(lines).toContain('Total params: 61');
    expect(lines).toContain('Estimated Total Size (MB): 0.000340');
  });

  it('trains 30 epochs with FocalLoss + L1 + L2 and reaches validation accuracy ≥ 0.95', () => {
    const rows = lines.filter((l) => /^\|\s+\d+\s+\|/.test(l)).map((l) => l.split('|').slice(1, -1).map((c) => Number(c.trim())));
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.every((r) => r.length === 5 && r.every(Number.isFinite))).toBe(true);
    expect(rows[29]![4]).toBeGreaterThanOrEqual(0.95);
    expect(rows[29]![1]).toBeLessThan(rows[0]![1]!);
    expect(lines.filter((l) => /^\{'step': 30, 'loss': [\d.]+, 'accuracy': [\d.]+\}$/.test(l)).length).toBe(30);
    expect(Number(run.stdout.match(/final val_accuracy: ([\d.]+)/)![1])).toBeGreaterThanOrEqual(0.95);
  });

  it('builds the weight-decay parameter groups', () => {
    const groups = run.stdout.slice(run.stdout.indexOf('SGD ('));
    expect(groups).toMatch(/Parameter Group 0\n(?:.*\n)*? {4}momentum: 0\.9\n(?:.*\n)*? {4}weight_decay: 1e-05/);
    expect(groups).toMatch(/Parameter Group 1\n(?:.*\n)*? {4}weight_decay: 0\n\)/);
  });

  it('writes the data plot and the y_true / y_pred plot as SVG with both classes', () => {
    for (const f of ['circles-data.svg', 'focal-loss-prediction.svg']) {
      const svg = readFileSync(join(out, f), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('positive');
      expect(svg).toContain('negative');
      expect((svg.match(/<path[^>]*aria-roledescription="point"/g) ?? []).length).toBeGreaterThan(6000);
    }
    const pred = readFileSync(join(out, 'focal-loss-prediction.svg'), 'utf8');
    expect(pred).toContain('y_true');
    expect(pred).toContain('y_pred');
  });
});
