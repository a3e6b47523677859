/**
 * Helpers the generated kernels call (passed in as `lib`, so every kernel shares one copy).
 * V8 inlines them into the hot loops.
 */

/** Round half to even (torch.round). */
function rint(a: number): number {
  let r = Math.round(a);
  if (r - a === 0.5 && r % 2 !== 0) r -= 1;
  return r;
}

/** 2^i for i in [−1075, 1024], so the exponent of exp is a table read. */
const POW2 = new Float64Array(2100);
for (let i = 0; i < POW2.length; i++) POW2[i] = Math.pow(2, i - 1075);
const LOG2E = 1.4426950408889634;
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/**
 * e^a for float32 kernels: a = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite split of ln2), e^r by its
 * degree-7 Taylor polynomial, times 2^k. Relative error below 1e-8 over the whole range, far under
 * float32's 6e-8 rounding; about twice as fast as Math.exp in V8. Float64 kernels keep Math.exp.
 */
function exp32(a: number): number {
  if (!(a > -745 && a < 709)) return Math.exp(a);
  const k = Math.round(a * LOG2E);
  const r = a - k * LN2_HI - k * LN2_LO;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040)))))));
  return p * POW2[k + 1075]!;
}

/**
 * log(1 + a) for float32 kernels: on [−0.3, 1] (where BCE's log1p(e^−|x|) lives) as
 * 2·atanh(s), s = a/(2 + a), |s| ≤ 1/3, by its odd series through s¹⁷ (relative error below 1e-8);
 * elsewhere Math.log1p. Float64 kernels keep Math.log1p.
 */
function log1p32(a: number): number {
  if (!(a >= -0.3 && a <= 1)) return Math.log1p(a);
  const s = a / (2 + a);
  const q = s * s;
  const p = 1 + q * (1 / 3 + q * (1 / 5 + q * (1 / 7 + q * (1 / 9 + q * (1 / 11 + q * (1 / 13 + q * (1 / 15 + q * (1 / 17))))))));
  return 2 * s * p;
}

export const kernelLib = { rint, exp32, log1p32 };
export const KERNEL_LIB_NAMES = Object.keys(kernelLib);
