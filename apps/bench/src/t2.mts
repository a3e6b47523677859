import * as core from '@rosetta/core';
core.setBackend('wasm');
core.manualSeed(3);
const x = core.randn([1024, 4096]);
const w = core.rand([4096]);
const be = core.getBackend() as any;
for (const th of [1, 2, 1, 2]) {
  core.setNumThreads(th);
  const ts: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    const y = x.exp().mul(w); y.sum().item(); 
    ts.push(performance.now() - t0);
    y.dispose();
  }
  ts.sort((a, b) => a - b);
  console.log(th, 'ew median', ts[7].toFixed(2), 'min', ts[0].toFixed(2), core.kernelStats(), be.mem.reserved);
}
