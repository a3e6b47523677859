/**
 * The floor: hand-fused single-pass JavaScript loops, written for this benchmark. Each step
 * allocates its outputs fresh, as every library must, so the row shows what plain JS costs on this
 * machine in this run (the absolute targets were set against such loops).
 */
import { inputs } from '../data.js';
import type { LibAdapter } from '../lib-adapter.js';

/** Branch-free sign: (d > 0) − (d < 0). */
const sign = (d: number): number => +(d > 0) - +(d < 0);

export function plainAdapter(): LibAdapter {
  return {
    version: process.version,
    config: 'hand-fused loops (Math.exp), float64 accumulation',
    cases: {
      dispatch: (s, seed) => {
        const d = inputs.dispatch(seed);
        return {
          step: () => {
            let out = new Float32Array(4);
            for (let i = 0; i < s.dispatchOps; i++) {
              out = new Float32Array(4);
              for (let j = 0; j < 4; j++) out[j] = d.a[j]! + d.b[j]!;
            }
            return out;
          },
        };
      },
      'l1-fwd': (s, seed) => {
        const { pred, target } = inputs.l1(s.l1N, seed);
        return { step: () => l1Forward(pred, target) };
      },
      'l1-fwdbwd': (s, seed) => {
        const { pred, target } = inputs.l1(s.l1N, seed);
        return {
          step: () => {
            const n = pred.length;
            const grad = new Float32Array(n);
            let acc = 0;
            for (let i = 0; i < n; i++) {
              const d = pred[i]! - target[i]!;
              acc += Math.abs(d);
              grad[i] = sign(d) / n;
            }
            return acc >= 0 ? grad : new Float32Array(0);
          },
        };
      },
      'mse-fwd': (s, seed) => {
        const { pred, target } = inputs.l1(s.l1N, seed);
        return {
          step: () => {
            let acc = 0;
            for (let i = 0; i < pred.length; i++) {
              const d = pred[i]! - target[i]!;
              acc += d * d;
            }
            return acc / pred.length;
          },
        };
      },
      'mse-fwdbwd': (s, seed) => {
        const { pred, target } = inputs.l1(s.l1N, seed);
        return {
          step: () => {
            const n = pred.length;
            const grad = new Float32Array(n);
            for (let i = 0; i < n; i++) grad[i] = (2 * (pred[i]! - target[i]!)) / n;
            return grad;
          },
        };
      },
      'bce-fwd': (s, seed) => {
        const { logits, targets } = inputs.bce(s.l1N, seed);
        return {
          step: () => {
            let acc = 0;
            for (let i = 0; i < logits.length; i++) {
              const x = logits[i]!;
              acc += Math.max(x, 0) - x * targets[i]! + Math.log1p(Math.exp(-Math.abs(x)));
            }
            return acc / logits.length;
          },
        };
      },
      'bce-fwdbwd': (s, seed) => {
        const { logits, targets } = inputs.bce(s.l1N, seed);
        return {
          step: () => {
            const n = logits.length;
            const grad = new Float32Array(n);
            for (let i = 0; i < n; i++) grad[i] = (1 / (1 + Math.exp(-logits[i]!)) - targets[i]!) / n;
            return grad;
          },
        };
      },
      'sce-fwd': (s, seed) => {
        const { logits, labels } = inputs.sce(s.sceRows, s.sceClasses, seed);
        return { step: () => sce(logits, labels, s.sceClasses, null) };
      },
      'sce-fwdbwd': (s, seed) => {
        const { logits, labels } = inputs.sce(s.sceRows, s.sceClasses, seed);
        return {
          step: () => {
            const grad = new Float32Array(logits.length);
            sce(logits, labels, s.sceClasses, grad);
            return grad;
          },
        };
      },
    },
  };
}

function l1Forward(pred: Float32Array, target: Float32Array): number {
  let a0 = 0, a1 = 0;
  const n = pred.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    a0 += Math.abs(pred[i]! - target[i]!);
    a1 += Math.abs(pred[i + 1]! - target[i + 1]!);
  }
  if (i < n) a0 += Math.abs(pred[i]! - target[i]!);
  return (a0 + a1) / n;
}

/** Mean softmax cross-entropy over rows; writes d/dlogits into `grad` when given. */
function sce(logits: Float32Array, labels: Int32Array, classes: number, grad: Float32Array | null): number {
  const rows = labels.length;
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let m = -Infinity;
    for (let c = 0; c < classes; c++) if (logits[o + c]! > m) m = logits[o + c]!;
    let s = 0;
    for (let c = 0; c < classes; c++) s += Math.exp(logits[o + c]! - m);
    const lse = m + Math.log(s);
    loss += lse - logits[o + labels[r]!]!;
    if (grad) {
      for (let c = 0; c < classes; c++) grad[o + c] = Math.exp(logits[o + c]! - lse) / rows;
      grad[o + labels[r]!]! -= 1 / rows;
    }
  }
  return loss / rows;
}
