import { beforeAll, describe, expect, it } from 'vitest';
import { runTutorialProcess, TUTORIAL_TIMEOUT_MS, type TutorialRun } from '../run-in-process.js';

const MONITOR = /^epoch: (\d+) step: (\d+), loss is (\d+\.\d+(?:e-\d+)?)$/;

describe('mindspore-loss tutorial (seed 000, r2.3)', () => {
  let run: TutorialRun;
  let lines: string[];
  beforeAll(() => {
    run = runTutorialProcess('mindspore-loss');
    lines = run.stdout.split('\n');
  }, TUTORIAL_TIMEOUT_MS);

  it('runs to the end', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines).toContain('Done!');
  });

  it('prints the built-in L1Loss values and both MAELoss forms exactly', () => {
    expect(lines.slice(0, 6)).toEqual(['loss: 1.5', 'loss_sum: 9.0', 'loss_none: [[1. 0. 2.]', ' [1. 2. 3.]]', '0.033333335', '0.033333335']);
  });

  it('trains with Model and LossMonitor(10): one well-formed line per epoch, the loss falling', () => {
    const mon = lines.filter((l) => MONITOR.test(l)).map((l) => l.match(MONITOR)!);
    expect(mon.map((m) => [Number(m[1]), Number(m[2])])).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, 10]));
    const losses = mon.map((m) => Number(m[3]));
    expect(losses[9]!).toBeLessThan(losses[0]! / 2);
  });

  it('trains the multi-label loss with value_and_grad, printing loss lines as the seed formats them', () => {
    const epochs = lines.filter((l) => /^Epoch \d$/.test(l));
    expect(epochs).toEqual(['Epoch 1', 'Epoch 2', 'Epoch 3', 'Epoch 4', 'Epoch 5']);
    const steps = lines.filter((l) => /^loss: +\d+\.\d{6} {2}\[ {2}\d\/ 10\]$/.test(l));
    expect(steps.length).toBe(25);
    const values = steps.map((l) => Number(l.slice(6, 15)));
    expect(Math.max(...values)).toBeLessThan(3);
  });
});

describe('mindspore-loss-r1 tutorial (seed 001, r1.x)', () => {
  let run: TutorialRun;
  let lines: string[];
  beforeAll(() => {
    run = runTutorialProcess('mindspore-loss-r1');
    lines = run.stdout.split('\n');
  }, TUTORIAL_TIMEOUT_MS);

  it('runs to the end and prints 1.5 and 0.033333335 for both custom L1 losses', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines.slice(0, 3)).toEqual(['1.5', '0.033333335', '0.033333335']);
  });

  it('prints a LossMonitor line for each of the 10 steps of both trainings', () => {
    const mon = lines.filter((l) => MONITOR.test(l)).map((l) => l.match(MONITOR)!);
    expect(mon.map((m) => `${m[1]}:${m[2]}`)).toEqual([...Array.from({ length: 10 }, (_, i) => `1:${i + 1}`), ...Array.from({ length: 10 }, (_, i) => `1:${i + 1}`)]);
    const losses = mon.map((m) => Number(m[3]));
    expect(losses.every((l) => l > 0 && l < 30)).toBe(true);
    const firstRun = losses.slice(0, 10);
    expect(firstRun.slice(7).reduce((a, b) => a + b, 0) / 3).toBeLessThan(firstRun.slice(0, 3).reduce((a, b) => a + b, 0) / 3);
  });
});
