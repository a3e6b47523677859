/** Seeded inputs: every worker regenerates the same arrays from (sizes, seed). */

/** mulberry32: a small, fast 32-bit PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n standard-normal float32 values (Box–Muller), scaled by `scale`. */
export function normals(n: number, seed: number, scale = 1): Float32Array {
  const rand = prng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rand())) * scale;
    const th = 2 * Math.PI * rand();
    out[i] = r * Math.cos(th);
    if (i + 1 < n) out[i + 1] = r * Math.sin(th);
  }
  return out;
}

/** n integer labels in [0, classes). */
export function labels(n: number, classes: number, seed: number): Int32Array {
  const rand = prng(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * classes);
  return out;
}

/** Row-major one-hot float32 matrix [labels.length, classes]. */
export function oneHot(lab: Int32Array, classes: number): Float32Array {
  const out = new Float32Array(lab.length * classes);
  for (let i = 0; i < lab.length; i++) out[i * classes + lab[i]!] = 1;
  return out;
}

/** Inputs of the MLP step: batch, labels and initial parameters (W ~ N(0,1)/sqrt(fan_in), b = 0). */
export interface MlpData {
  batch: number; inDim: number; hidden: number; classes: number;
  x: Float32Array; y: Int32Array;
  w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array;
}

export function mlpData(batch: number, seed: number): MlpData {
  const inDim = 784, hidden = 256, classes = 10;
  return {
    batch, inDim, hidden, classes,
    x: normals(batch * inDim, seed + 11),
    y: labels(batch, classes, seed + 12),
    w1: normals(inDim * hidden, seed + 13, 1 / Math.sqrt(inDim)),
    b1: new Float32Array(hidden),
    w2: normals(hidden * classes, seed + 14, 1 / Math.sqrt(hidden)),
    b2: new Float32Array(classes),
  };
}

/** Per-case inputs, derived from (size, seed) so every library sees identical data. */
export const inputs = {
  dispatch: (seed: number) => ({ a: normals(4, seed + 1), b: normals(4, seed + 2) }),
  l1: (n: number, seed: number) => ({ pred: normals(n, seed + 3), target: normals(n, seed + 4) }),
  /** Logits ~ N(0, 2²) and 0/1 targets, as float32. */
  bce: (n: number, seed: number) => ({ logits: normals(n, seed + 9, 2), targets: Float32Array.from(labels(n, 2, seed + 10)) }),
  sce: (rows: number, classes: number, seed: number) => ({ logits: normals(rows * classes, seed + 5), labels: labels(rows, classes, seed + 6) }),
  /** The seed's 160 samples y = 2x + 3 + N(0, 1), x ~ N(0, 5²), in ten batches of 16. */
  tiny: (seed: number) => {
    const x = normals(160, seed + 15, 5);
    const noise = normals(160, seed + 16);
    return { x, y: x.map((v, i) => 2 * v + 3 + noise[i]!), batches: 10, batch: 16 };
  },
  matmul: (n: number, seed: number) => ({ a: normals(n * n, seed + 7), b: normals(n * n, seed + 8) }),
};
