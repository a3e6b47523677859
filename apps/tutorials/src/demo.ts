import { getBackend, listBackends, setBackend, tensor } from '@rosetta/core';

/** One line per backend: a loss and its gradient, computed the same way on each. */
export interface DemoRow {
  backend: string;
  l1: number;
  l1Grad: number[];
  crossEntropy: number;
  crossEntropyGrad: number[][];
}

/**
 * The demo the README's Quick start runs: the L1 loss (`mean(|x − y|)`) and the softmax
 * cross-entropy of a 2×3 batch with their gradients, on every registered backend.
 */
export function runDemo(): DemoRow[] {
  const start = getBackend().name;
  const rows: DemoRow[] = [];
  try {
    for (const backend of listBackends()) {
      setBackend(backend);
      const x = tensor([0.5, -1.5, 2.0, 3.0], { requiresGrad: true });
      const y = tensor([1.0, -1.0, 2.5, 0.0]);
      const l1 = x.sub(y).abs().mean();
      l1.backward();
      const logits = tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]], { requiresGrad: true });
      const labels = tensor([[1], [2]], { dtype: 'int32' });
      const ce = logits.logSoftmax(1).gather(1, labels).mean().neg();
      ce.backward();
      rows.push({
        backend,
        l1: l1.item(),
        l1Grad: x.grad!.tolist() as number[],
        crossEntropy: ce.item(),
        crossEntropyGrad: logits.grad!.tolist() as number[][],
      });
    }
  } finally {
    setBackend(start);
  }
  return rows;
}

function fmt(v: number): string {
  return v.toFixed(6);
}

/** The demo's printed report. */
export function formatDemo(rows: readonly DemoRow[]): string {
  return rows
    .map((r) =>
      [
        `backend ${r.backend}`,
        `  L1 loss             ${fmt(r.l1)}`,
        `  dL1/dx              [${r.l1Grad.map(fmt).join(', ')}]`,
        `  cross-entropy       ${fmt(r.crossEntropy)}`,
        `  dCE/dlogits         [${r.crossEntropyGrad.map((row) => `[${row.map(fmt).join(', ')}]`).join(', ')}]`,
      ].join('\n'),
    )
    .join('\n');
}
