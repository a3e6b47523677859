/**
 * jax-js on its wasm device, every case under `jit` (jax-js's fused path), following its
 * reference-counting rules: arguments are consumed, so kept inputs are passed as `.ref`.
 */
import { defaultDevice, grad, init, jit, nn, numpy as np, valueAndGrad } from '@jax-js/jax';
import { inputs, mlpData, oneHot } from '../data.js';
import { pkgVersion, type LibAdapter, type Prepared } from '../lib-adapter.js';

type A = np.Array;

/** Mean softmax cross-entropy against one-hot rows. */
const softmaxCe = (logits: A, onehot: A): A => np.negative(np.mean(np.sum(onehot.mul(nn.logSoftmax(logits, -1)), -1)));
/** Mean BCE-with-logits in its stable form max(x, 0) − x·z + log1p(e^−|x|). */
const bceWithLogits = (x: A, z: A): A =>
  np.mean(np.maximum(x.ref, 0).sub(x.ref.mul(z)).add(np.log1p(np.exp(np.negative(np.abs(x))))));
const l1 = (p: A, t: A): A => np.mean(np.abs(p.sub(t)));
const mse = (p: A, t: A): A => np.mean(np.square(p.sub(t)));

/** A loss value read back. */
function lossCase(f: (a: A, b: A) => A, a: A, b: A): Prepared {
  const fn = jit(f);
  return { step: () => fn(a.ref, b.ref).dataSync()[0]!, dispose: () => { a.dispose(); b.dispose(); } };
}

/** The gradient with respect to the first argument, read back. */
function gradCase(f: (a: A, b: A) => A, a: A, b: A): Prepared {
  const fn = jit(grad(f));
  return { step: () => fn(a.ref, b.ref).dataSync(), dispose: () => { a.dispose(); b.dispose(); } };
}

export async function jaxjsAdapter(): Promise<LibAdapter> {
  await init('wasm');
  defaultDevice('wasm');
  return {
    version: pkgVersion('@jax-js/jax'),
    config: 'wasm device, jit, 1 thread (Node)',
    cases: {
      dispatch: (s, seed) => {
        const d = inputs.dispatch(seed);
        const a = np.array(d.a), b = np.array(d.b);
        return {
          step: () => {
            let out: ArrayLike<number> = [];
            for (let i = 0; i < s.dispatchOps; i++) out = a.ref.add(b.ref).dataSync() as Float32Array;
            return out;
          },
          dispose: () => { a.dispose(); b.dispose(); },
        };
      },
      'l1-fwd': (s, seed) => { const d = inputs.l1(s.l1N, seed); return lossCase(l1, np.array(d.pred), np.array(d.target)); },
      'l1-fwdbwd': (s, seed) => { const d = inputs.l1(s.l1N, seed); return gradCase(l1, np.array(d.pred), np.array(d.target)); },
      'mse-fwd': (s, seed) => { const d = inputs.l1(s.l1N, seed); return lossCase(mse, np.array(d.pred), np.array(d.target)); },
      'mse-fwdbwd': (s, seed) => { const d = inputs.l1(s.l1N, seed); return gradCase(mse, np.array(d.pred), np.array(d.target)); },
      'bce-fwd': (s, seed) => { const d = inputs.bce(s.l1N, seed); return lossCase(bceWithLogits, np.array(d.logits), np.array(d.targets)); },
      'bce-fwdbwd': (s, seed) => { const d = inputs.bce(s.l1N, seed); return gradCase(bceWithLogits, np.array(d.logits), np.array(d.targets)); },
      'sce-fwd': (s, seed) => {
        const d = inputs.sce(s.sceRows, s.sceClasses, seed);
        const shape = [s.sceRows, s.sceClasses];
        return lossCase(softmaxCe, np.array(d.logits).reshape(shape), np.array(oneHot(d.labels, s.sceClasses)).reshape(shape));
      },
      'sce-fwdbwd': (s, seed) => {
        const d = inputs.sce(s.sceRows, s.sceClasses, seed);
        const shape = [s.sceRows, s.sceClasses];
        return gradCase(softmaxCe, np.array(d.logits).reshape(shape), np.array(oneHot(d.labels, s.sceClasses)).reshape(shape));
      },
      'mlp-step': (s, seed) => {
        const d = mlpData(s.mlpBatch, seed);
        const x = np.array(d.x).reshape([d.batch, d.inDim]);
        const y = np.array(oneHot(d.y, d.classes)).reshape([d.batch, d.classes]);
        let params: A[] = [
          np.array(d.w1).reshape([d.inDim, d.hidden]), np.array(d.b1), np.array(d.w2).reshape([d.hidden, d.classes]), np.array(d.b2),
        ];
        const lr = 0.01;
        const loss = (w1: A, b1: A, w2: A, b2: A, xb: A, yb: A): A =>
          softmaxCe(np.matmul(nn.relu(np.matmul(xb, w1).add(b1)), w2).add(b2), yb);
        const step = jit((w1: A, b1: A, w2: A, b2: A, xb: A, yb: A) => {
          const [value, g] = valueAndGrad(loss, { argnums: [0, 1, 2, 3] })(w1.ref, b1.ref, w2.ref, b2.ref, xb, yb);
          return [value, w1.sub(g[0].mul(lr)), b1.sub(g[1].mul(lr)), w2.sub(g[2].mul(lr)), b2.sub(g[3].mul(lr))] as A[];
        });
        return {
          step: () => {
            const [value, ...next] = step(params[0]!, params[1]!, params[2]!, params[3]!, x.ref, y.ref);
            params = next;
            return value!.dataSync()[0]!;
          },
          dispose: () => { params.forEach((p) => p.dispose()); x.dispose(); y.dispose(); },
        };
      },
      matmul: (s, seed) => {
        const d = inputs.matmul(s.matmulN, seed);
        const shape = [s.matmulN, s.matmulN];
        return matmulCase(np.array(d.a).reshape(shape), np.array(d.b).reshape(shape));
      },
    },
  };
}

/** The matmul case: the product read back. */
function matmulCase(a: A, b: A): Prepared {
  const fn = jit((u: A, v: A) => np.matmul(u, v));
  return { step: () => fn(a.ref, b.ref).dataSync(), dispose: () => { a.dispose(); b.dispose(); } };
}
