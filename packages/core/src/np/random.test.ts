import { describe, expect, it } from 'vitest';
import { manualSeed } from '../random/generator.js';
import { np } from './index.js';

// Expected values are what NumPy's legacy np.random produces for the same calls.
describe('np.random reproduces NumPy legacy RandomState', () => {
  it('seed(0); rand(3)', () => {
    np.random.seed(0);
    expect(np.random.rand(3).tolist()).toEqual([0.5488135039273248, 0.7151893663724195, 0.6027633760716439]);
  });

  it('seed(0); randn(3), then rand(2), then randn(2)', () => {
    np.random.seed(0);
    expect(np.random.randn(3).tolist()).toEqual([1.764052345967664, 0.4001572083672233, 0.9787379841057392]);
    expect(np.random.rand(2).tolist()).toEqual([0.4236547993389047, 0.6458941130666561]);
    expect(np.random.randn(2).tolist()).toEqual([2.240893199201458, 0.9500884175255894]);
  });

  it('seed(1); uniform(0, 1, 3)', () => {
    np.random.seed(1);
    expect(np.random.uniform(0, 1, 3).tolist()).toEqual([0.417022004702574, 0.7203244934421581, 0.00011437481734488664]);
  });

  it('uniform with a tuple size gives a float64 array of that shape', () => {
    np.random.seed(42);
    const u = np.random.uniform(-10, 10, [3, 4]);
    expect(u.shape).toEqual([3, 4]);
    expect(u.dtype).toBe('float64');
    expect(u.tolist()).toEqual([
      [-2.50919762305275, 9.014286128198322, 4.639878836228101, 1.973169683940732],
      [-6.87962719115127, -6.880109593275947, -8.83832775663601, 7.323522915498703],
      [2.0223002348641756, 4.161451555920909, -9.588310114083951, 9.398197043239886],
    ]);
  });

  it('normal(loc, scale, size)', () => {
    np.random.seed(42);
    expect(np.random.normal(2, 3, 7).tolist()).toEqual([3.490142459033698, 1.585207096486446, 3.9430656143020775, 6.569089569224076, 1.297539875829992, 1.2975891291524584, 6.737638446522174]);
  });

  it('scalar draws as the tutorial get_data loop makes them', () => {
    np.random.seed(42);
    const got = [np.random.uniform(-10.0, 10.0), np.random.normal(0, 1), np.random.normal(-1, 1), np.random.uniform(-10.0, 10.0), np.random.normal(0, 1)];
    expect(got).toEqual([-2.50919762305275, -1.1118801180469204, -0.6810978153106166, -6.880109593275947, 1.5792128155073915]);
  });

  it('keyword objects: normal(size=2), normal(loc=5, scale=0.1, size=2), uniform(size=2), random((2,))', () => {
    np.random.seed(0);
    expect(np.random.normal({ size: [2] }).tolist()).toEqual([1.764052345967664, 0.4001572083672233]);
    expect(np.random.normal({ loc: 5, scale: 0.1, size: 2 }).tolist()).toEqual([5.097873798410574, 5.224089319920146]);
    np.random.seed(0);
    expect(np.random.uniform({ size: 2 }).tolist()).toEqual([0.5488135039273248, 0.7151893663724195]);
    expect(np.random.random([2]).tolist()).toEqual([0.6027633760716439, 0.5448831829968969]);
  });

  it('randint uses masked rejection sampling', () => {
    np.random.seed(0);
    const r = np.random.randint(0, 10, 5);
    expect(r.dtype).toBe('int64');
    expect(String(r)).toBe('[5 0 3 3 7]');
    np.random.seed(0);
    expect(np.random.randint(5, { size: 10 }).tolist()).toEqual([4, 0, 3, 3, 3, 1, 3, 2, 4, 0]);
    np.random.seed(3);
    expect(np.random.randint(1000, null, [2, 3]).tolist()).toEqual([[874, 664, 249], [643, 952, 968]]);
    np.random.seed(3);
    expect([0, 1, 2, 3, 4].map(() => np.random.randint(7))).toEqual([2, 0, 1, 3, 0]);
    np.random.seed(3);
    const r32 = np.random.randint(-3, 3, 8, np.int32);
    expect(r32.dtype).toBe('int32');
    expect(r32.tolist()).toEqual([-1, -3, -2, 0, -3, -3, -3, 2]);
  });

  it('randint over the full 32-bit range and beyond', () => {
    np.random.seed(3);
    expect(np.random.randint(0, 2 ** 32, 4).tolist()).toEqual([2365658986, 303761048, 3041471737, 3607553667]);
    np.random.seed(3);
    expect(np.random.randint(-5, 2 ** 40, 6).tolist()).toEqual([1073054410366, 867663915878, 593770158992, 511502908833, 646360949565, 298080869219]);
  });

  it('randint rejects an empty range', () => {
    expect(() => np.random.randint(3, 3)).toThrow(/low >= high/);
  });

  it('permutation and shuffle', () => {
    np.random.seed(0);
    expect(String(np.random.permutation(10))).toBe('[2 8 4 9 1 6 7 3 0 5]');
    np.random.seed(5);
    expect(np.random.permutation([1.5, 2.5, 3.5, 4.5, 5.5]).tolist()).toEqual([5.5, 1.5, 2.5, 3.5, 4.5]);
    np.random.seed(5);
    expect((np.random.permutation(1000).tolist() as number[]).slice(0, 5)).toEqual([544, 515, 193, 11, 279]);
    expect(np.random.rand()).toBe(0.5239796263130855);
    np.random.seed(1);
    const a = np.arange(12).reshape(4, 3);
    np.random.shuffle(a);
    expect(a.tolist()).toEqual([[9, 10, 11], [6, 7, 8], [0, 1, 2], [3, 4, 5]]);
    np.random.seed(1);
    const l = [0, 1, 2, 3, 4, 5];
    np.random.shuffle(l);
    expect(l).toEqual([2, 1, 4, 0, 3, 5]);
    np.random.seed(1);
    expect(np.random.permutation(np.array([[1, 2], [3, 4], [5, 6]])).tolist()).toEqual([[1, 2], [5, 6], [3, 4]]);
  });

  it('seed(2**32 - 1) is accepted; out-of-range seeds are not', () => {
    np.random.seed(2 ** 32 - 1);
    expect(np.random.rand(2).tolist()).toEqual([0.0976320289940138, 0.9123828453026218]);
    expect(() => np.random.seed(-1)).toThrow(RangeError);
  });

  it('shares its stream with the engine generator (manualSeed)', () => {
    manualSeed(0);
    expect(np.random.rand()).toBe(0.5488135039273248);
  });

  it('get_state / set_state round-trip', () => {
    np.random.seed(7);
    const s = np.random.get_state();
    expect(s[0]).toBe('MT19937');
    const a = np.random.randn(3).tolist();
    np.random.set_state(s);
    expect(np.random.randn(3).tolist()).toEqual(a);
  });
});
