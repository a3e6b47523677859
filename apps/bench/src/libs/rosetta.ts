/** Rosetta (@rosetta/core): its public tensor API, and its loss library for the loss cases. */
import {
  binaryCrossEntropyWithLogitsLoss, crossEntropyLoss, getBackend, getNumThreads, kernelStats, l1Loss, mseLoss, noGrad, resetKernelStats, setBackend, setNumThreads, sgdUpdate, tensor, type SgdState,
} from '@rosetta/core';
import { inputs, mlpData } from '../data.js';
import { pkgVersion, type LibAdapter, type Prepared, type Readback } from '../lib-adapter.js';

type Tensor = ReturnType<typeof tensor>;

/** Every top-level numeric field of kernelStats(), divided by the iteration count. */
function statsPerIteration(iterations: number): Record<string, unknown> {
  const raw = kernelStats() as unknown as Record<string, unknown>;
  const perIter: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'number') perIter[k] = v / iterations;
  return { iterations, kernelStatsPerIteration: perIter, kernelStatsRaw: raw };
}

function backendName(): string {
  const b = getBackend() as unknown;
  return typeof b === 'string' ? b : String((b as { name?: unknown } | null)?.name ?? b);
}

/** The adapter on the `cpu` backend, or on `backend` with `threads` (the `rosetta-wasm` and `rosetta-wasm-2t` columns). */
export function rosettaAdapter(backend = 'cpu', threads = 1): LibAdapter {
  setBackend(backend);
  setNumThreads(threads);
  return {
    version: pkgVersion('@rosetta/core'),
    config: `backend ${backendName()}${backend === 'wasm' ? `, ${getNumThreads()} thread${getNumThreads() > 1 ? 's' : ''}` : ''}`,
    cases: {
      dispatch: (s, seed) => {
        const d = inputs.dispatch(seed);
        const a = tensor(d.a), b = tensor(d.b);
        return {
          step: () => {
            let out: Readback = [];
            for (let i = 0; i < s.dispatchOps; i++) out = a.add(b).dataSync();
            return out;
          },
        };
      },
      'l1-fwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tensor(d.pred), y = tensor(d.target);
        const step = () => l1Loss(x, y).item();
        return {
          step,
          // Kernel launches per forward iteration show whether sub/abs/mean were fused.
          extra: () => {
            resetKernelStats();
            for (let i = 0; i < 3; i++) step();
            return statsPerIteration(3);
          },
        };
      },
      'l1-fwdbwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tensor(d.pred, { requiresGrad: true }), y = tensor(d.target);
        return gradStep(x, () => l1Loss(x, y));
      },
      'mse-fwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tensor(d.pred), y = tensor(d.target);
        return { step: () => mseLoss(x, y).item() };
      },
      'mse-fwdbwd': (s, seed) => {
        const d = inputs.l1(s.l1N, seed);
        const x = tensor(d.pred, { requiresGrad: true }), y = tensor(d.target);
        return gradStep(x, () => mseLoss(x, y));
      },
      'bce-fwd': (s, seed) => {
        const d = inputs.bce(s.l1N, seed);
        const x = tensor(d.logits), z = tensor(d.targets);
        return { step: () => binaryCrossEntropyWithLogitsLoss(x, z).item() };
      },
      'bce-fwdbwd': (s, seed) => {
        const d = inputs.bce(s.l1N, seed);
        const x = tensor(d.logits, { requiresGrad: true }), z = tensor(d.targets);
        return gradStep(x, () => binaryCrossEntropyWithLogitsLoss(x, z));
      },
      'sce-fwd': (s, seed) => {
        const d = inputs.sce(s.sceRows, s.sceClasses, seed);
        const logits = tensor(d.logits, { shape: [s.sceRows, s.sceClasses] });
        const labels = tensor(d.labels, { dtype: 'int32', shape: [s.sceRows] });
        return { step: () => crossEntropyLoss(logits, labels).item() };
      },
      'sce-fwdbwd': (s, seed) => {
        const d = inputs.sce(s.sceRows, s.sceClasses, seed);
        const logits = tensor(d.logits, { shape: [s.sceRows, s.sceClasses], requiresGrad: true });
        const labels = tensor(d.labels, { dtype: 'int32', shape: [s.sceRows] });
        return gradStep(logits, () => crossEntropyLoss(logits, labels));
      },
      'mlp-step': (s, seed) => {
        const d = mlpData(s.mlpBatch, seed);
        const x = tensor(d.x, { shape: [d.batch, d.inDim] });
        const labels = tensor(d.y, { dtype: 'int32', shape: [d.batch] });
        const leaf = (data: Float32Array, shape: number[]) => tensor(data, { requiresGrad: true, shape });
        const [w1, b1, w2, b2] = [
          leaf(d.w1, [d.inDim, d.hidden]), leaf(d.b1, [d.hidden]), leaf(d.w2, [d.hidden, d.classes]), leaf(d.b2, [d.classes]),
        ] as const;
        const params = [w1, b1, w2, b2];
        const lr = 0.01;
        return {
          step: () => {
            const loss = crossEntropyLoss(x.matmul(w1).add(b1).relu().matmul(w2).add(b2), labels);
            loss.backward();
            noGrad(() => {
              for (const p of params) { p.sub_(p.grad!.mul(lr)); p.grad = null; }
            });
            return loss.item();
          },
        };
      },
      'tiny-step': (s, seed) => {
        const d = inputs.tiny(seed);
        const xs = Array.from({ length: d.batches }, (_, i) => tensor(d.x.subarray(i * d.batch, (i + 1) * d.batch), { shape: [d.batch, 1] }));
        const ys = Array.from({ length: d.batches }, (_, i) => tensor(d.y.subarray(i * d.batch, (i + 1) * d.batch), { shape: [d.batch, 1] }));
        const w = tensor([[0.1]], { requiresGrad: true }), b = tensor([0], { requiresGrad: true });
        const states: SgdState[] = [{}, {}];
        return {
          step: () => {
            let loss = 0;
            for (let i = 0; i < s.tinySteps; i++) {
              const out = l1Loss(xs[i % d.batches]!.matmul(w).add(b), ys[i % d.batches]!);
              out.backward();
              [w, b].forEach((p, j) => { sgdUpdate(p, p.grad!, states[j]!, { lr: 0.005, momentum: 0.9 }); p.grad = null; });
              if (i === s.tinySteps - 1) loss = out.item();
            }
            return loss;
          },
        };
      },
      matmul: (s, seed) => {
        const d = inputs.matmul(s.matmulN, seed);
        const a = tensor(d.a, { shape: [s.matmulN, s.matmulN] }), b = tensor(d.b, { shape: [s.matmulN, s.matmulN] });
        return { step: () => a.matmul(b).dataSync() };
      },
    },
  };
}

function gradStep(leaf: Tensor, loss: () => Tensor): Prepared {
  return {
    step: () => {
      leaf.grad = null;
      loss().backward();
      return leaf.grad!.dataSync();
    },
  };
}
