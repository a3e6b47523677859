/** TensorFlow.js (union package, so gradients are registered) on backend-cpu or backend-wasm. */
import * as tf from '@tensorflow/tfjs';
import { inputs, mlpData, oneHot } from '../data.js';
import { pkgVersion, type LibAdapter } from '../lib-adapter.js';

/** Runs `f` in a tidy scope, reads the result back with dataSync and frees it. */
function read(f: () => tf.Tensor): Float32Array {
  const t = tf.tidy(f);
  const d = t.dataSync() as Float32Array;
  t.dispose();
  return d;
}

export async function tfjsAdapter(backend: 'cpu' | 'wasm'): Promise<LibAdapter> {
  let config = 'backend-cpu (JS)';
  if (backend === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    config = `backend-wasm, SIMD ${simd ? 'on' : 'off'}, 1 thread (Node)`;
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed to initialise`);
  await tf.ready();
  tf.enableProdMode();
  const version = `${pkgVersion('@tensorflow/tfjs-core')} (${pkgVersion(`@tensorflow/tfjs-backend-${backend}`)})`;

  return {
    version,
    config: `${config}, prod mode`,
    cases: {
      dispatch: (s, seed) => {
        const d = inputs.dispatch(seed);
        const a = tf.tensor1d(d.a), b = tf.tensor1d(d.b);
        return {
          step: () => {
            let out: ArrayLike<number> = [];
            for (let i = 0; i < s.dispatchOps; i++) {
              const c = tf.add(a, b);
              out = c.dataSync();
              c.dispose();
            }
            return out;
          },
          dispose: () => tf.dispose([a, b]),
        };
      },
      'l1-fwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tf.tensor1d(d.pred), y = tf.tensor1d(d.target);
        return { step: () => read(() => tf.mean(tf.abs(tf.sub(x, y))))[0]!, dispose: () => tf.dispose([x, y]) };
      },
      'l1-fwdbwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tf.tensor1d(d.pred), y = tf.tensor1d(d.target);
        const grad = tf.grad((p: tf.Tensor) => tf.mean(tf.abs(tf.sub(p, y))));
        return { step: () => read(() => grad(x)), dispose: () => tf.dispose([x, y]) };
      },
      'mse-fwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tf.tensor1d(d.pred), y = tf.tensor1d(d.target);
        return { step: () => read(() => tf.losses.meanSquaredError(y, x))[0]!, dispose: () => tf.dispose([x, y]) };
      },
      'mse-fwdbwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tf.tensor1d(d.pred), y = tf.tensor1d(d.target);
        const grad = tf.grad((p: tf.Tensor) => tf.losses.meanSquaredError(y, p));
        return { step: () => read(() => grad(x)), dispose: () => tf.dispose([x, y]) };
      },
      'bce-fwd': (s, seed) => {
        const d = inputs.bce(s.l1N, seed);
        const x = tf.tensor1d(d.logits), z = tf.tensor1d(d.targets);
        return { step: () => read(() => tf.losses.sigmoidCrossEntropy(z, x))[0]!, dispose: () => tf.dispose([x, z]) };
      },
      'bce-fwdbwd': (s, seed) => {
        const d = inputs.bce(s.l1N, seed);
        const x = tf.tensor1d(d.logits), z = tf.tensor1d(d.targets);
        const grad = tf.grad((p: tf.Tensor) => tf.losses.sigmoidCrossEntropy(z, p));
        return { step: () => read(() => grad(x)), dispose: () => tf.dispose([x, z]) };
      },
      'sce-fwd': (s, seed) => {
        const d = inputs.sce(s.sceRows, s.sceClasses, seed);
        const logits = tf.tensor2d(d.logits, [s.sceRows, s.sceClasses]);
        const onehot = tf.tensor2d(oneHot(d.labels, s.sceClasses), [s.sceRows, s.sceClasses]);
        return {
          step: () => read(() => tf.losses.softmaxCrossEntropy(onehot, logits))[0]!,
          dispose: () => tf.dispose([logits, onehot]),
        };
      },
      'sce-fwdbwd': (s, seed) => {
        const d = inputs.sce(s.sceRows, s.sceClasses, seed);
        const logits = tf.tensor2d(d.logits, [s.sceRows, s.sceClasses]);
        const onehot = tf.tensor2d(oneHot(d.labels, s.sceClasses), [s.sceRows, s.sceClasses]);
        const grad = tf.grad((l: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, l));
        return { step: () => read(() => grad(logits)), dispose: () => tf.dispose([logits, onehot]) };
      },
      'mlp-step': (s, seed) => {
        const d = mlpData(s.mlpBatch, seed);
        const x = tf.tensor2d(d.x, [d.batch, d.inDim]);
        const y = tf.tensor2d(oneHot(d.y, d.classes), [d.batch, d.classes]);
        const w1 = tf.variable(tf.tensor2d(d.w1, [d.inDim, d.hidden]));
        const b1 = tf.variable(tf.tensor1d(d.b1));
        const w2 = tf.variable(tf.tensor2d(d.w2, [d.hidden, d.classes]));
        const b2 = tf.variable(tf.tensor1d(d.b2));
        const opt = tf.train.sgd(0.01);
        const loss = () => {
          const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
          return tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(h, w2), b2)) as tf.Scalar;
        };
        return {
          step: () => {
            const cost = opt.minimize(loss, true, [w1, b1, w2, b2])!;
            const v = cost.dataSync()[0]!;
            cost.dispose();
            return v;
          },
          dispose: () => { tf.dispose([x, y, w1, b1, w2, b2]); opt.dispose(); },
        };
      },
      'tiny-step': (s, seed) => {
        const d = inputs.tiny(seed);
        const xs = Array.from({ length: d.batches }, (_, i) => tf.tensor2d(d.x.subarray(i * d.batch, (i + 1) * d.batch), [d.batch, 1]));
        const ys = Array.from({ length: d.batches }, (_, i) => tf.tensor2d(d.y.subarray(i * d.batch, (i + 1) * d.batch), [d.batch, 1]));
        const w = tf.variable(tf.tensor2d([[0.1]])), b = tf.variable(tf.tensor1d([0]));
        const opt = tf.train.momentum(0.005, 0.9);
        return {
          step: () => {
            let loss = 0;
            for (let i = 0; i < s.tinySteps; i++) {
              const x = xs[i % d.batches]!, y = ys[i % d.batches]!;
              const cost = opt.minimize(() => tf.losses.absoluteDifference(y, tf.add(tf.matMul(x, w), b)) as tf.Scalar, true, [w, b])!;
              if (i === s.tinySteps - 1) loss = cost.dataSync()[0]!;
              cost.dispose();
            }
            return loss;
          },
          dispose: () => { tf.dispose([...xs, ...ys, w, b]); opt.dispose(); },
        };
      },
      matmul: (s, seed) => {
        const d = inputs.matmul(s.matmulN, seed);
        const a = tf.tensor2d(d.a, [s.matmulN, s.matmulN]), b = tf.tensor2d(d.b, [s.matmulN, s.matmulN]);
        return { step: () => read(() => tf.matMul(a, b)), dispose: () => tf.dispose([a, b]) };
      },
    },
  };
}
