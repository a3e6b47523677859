import { describe, expect, it } from 'vitest';
import { defaultGenerator, fillNormal, fillUniform, manualSeed } from './generator.js';
import { MT19937 } from './mt19937.js';

describe('default generator', () => {
  it('manualSeed(1) + fillUniform equals np.random.seed(1); np.random.uniform(0, 1, 3)', () => {
    manualSeed(1);
    expect(Array.from(fillUniform(new Float64Array(3), 0, 1))).toEqual([0.417022004702574, 0.7203244934421581, 0.00011437481734488664]);
  });

  it('fillNormal equals np.random.seed(1); np.random.normal(0, 1, 3)', () => {
    manualSeed(1);
    expect(Array.from(fillNormal(new Float64Array(3), 0, 1))).toEqual([1.6243453636632417, -0.6117564136500754, -0.5281717522634557]);
  });

  it('Float32Array output is the float64 draw rounded (as .astype(np.float32))', () => {
    manualSeed(0);
    const out = fillUniform(new Float32Array(4), 0, 1);
    expect(Array.from(out)).toEqual([0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969].map(Math.fround));
  });

  it('interleaves with the shared stream like successive NumPy calls', () => {
    manualSeed(1);
    const gen = defaultGenerator();
    const u = fillUniform(new Float64Array(1), -10, 10)[0];
    const n = fillNormal(new Float64Array(2), 0, 1);
    expect([u, ...n]).toEqual([-1.6595599059485195, -0.8021728386486427, -0.4488778077207725]);
    expect(defaultGenerator()).toBe(gen);
  });

  it('accepts an explicit generator', () => {
    const g = new MT19937(0);
    expect(fillUniform(new Float64Array(1), 2, 4, g)[0]).toBe(2 + 2 * 0.5488135039273248);
  });
});
