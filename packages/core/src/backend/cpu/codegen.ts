import type { Expr, Kernel } from '../../ir/kernel.js';
import { bodyLevels } from '../../ir/kernel.js';
import { jsBinary, jsCast, jsNumber, jsUnary, reduceInit, reduceStep } from './js-expr.js';
import { KERNEL_LIB_NAMES } from './kernel-lib.js';

/** Accumulators of the innermost reduced loop: independent chains run in parallel and sum more accurately. */
const UNROLL = 4;

/** Whether the kernel reduces everything to one value (then `run` returns partial accumulators). */
export function isFullReduce(k: Kernel): boolean {
  return k.reduceOp !== null && k.nReduce === k.loops.length && k.nReduce > 0;
}

/**
 * Generates JavaScript for a kernel: a module (a function of the helper library `lib`) returning `{ run, fin }`. `run(I, O, out, lo, hi)`
 * covers indices [lo, hi) of the outermost loop (the cpu backend calls it in chunks, which keeps
 * V8's optimized code on its fast path and leaves room for threads). For a full reduction
 * `run(I, O, lo, hi)` returns the partial accumulator and `fin(I, O, out, acc)` applies the
 * epilogue. I holds the input arrays (body inputs, then epilogue inputs), O their offsets.
 * Nodes are emitted once each (the IR is a DAG) at the outermost loop where they are invariant.
 */
export function generateKernelSource(k: Kernel): string {
  const L = k.loops.length;
  const outer = L - k.nReduce;
  const full = isFullReduce(k);
  const nb = k.inputs.length;
  const unrolled = k.nReduce > 0 && (L > 1 ? k.loops[L - 1]! >= UNROLL : true);

  const { level, order } = bodyLevels(k);
  const ids = new Map<Expr, number>(order.map((e, i) => [e, i]));

  const idxAt = (d: number, u: number): string => (d === L - 1 && u > 0 ? `(i${d} + ${u})` : `i${d}`);
  const ptr = (i: number, d: number, u: number): string => {
    const inp = k.inputs[i]!;
    const terms = inp.zeroOffset ? [] : [`b${i}`];
    for (let j = 0; j <= d; j++) {
      const st = inp.strides[j]!;
      if (st !== 0) terms.push(st === 1 ? idxAt(j, u) : `${idxAt(j, u)} * ${st}`);
    }
    return terms.length ? terms.join(' + ') : '0';
  };
  const name = (e: Expr, u: number): string => {
    if (e.t === 'const') return jsNumber(e.v);
    return level.get(e) === L - 1 && unrolled ? `v${ids.get(e)}_${u}` : `v${ids.get(e)}`;
  };
  const valueOf = (e: Expr, u: number, nm: (c: Expr) => string): string => {
    switch (e.t) {
      case 'load': {
        const inp = k.inputs[e.i]!;
        const read = `x${e.i}[${ptr(e.i, level.get(e)!, u)}]`;
        const conds = (inp.masks ?? []).flatMap((m, d) => (m ? [`${idxAt(d, u)} >= ${m[0]} && ${idxAt(d, u)} < ${m[1]}`] : []));
        return conds.length ? `((${conds.join(' && ')}) ? ${read} : 0)` : read;
      }
      case 'eload': {
        const inp = k.epiInputs[e.i]!;
        const at = [inp.zeroOffset ? '' : `eb${e.i}`, inp.stride ? 'o' : ''].filter(Boolean).join(' + ') || '0';
        return `e${e.i}[${at}]`;
      }
      case 'acc': return 'acc';
      case 'const': return jsNumber(e.v);
      case 'un': return jsUnary(e.op, nm(e.a), e.dtype);
      case 'bin': return jsBinary(e.op, nm(e.a), nm(e.b), e.b.t === 'const' ? e.b.v : null);
      case 'where': return `(${nm(e.c)} ? ${nm(e.a)} : ${nm(e.b)})`;
      case 'cast': return jsCast(nm(e.a), e.a.dtype, e.dtype);
    }
  };
  const emitLevel = (lv: number, u = 0): string[] =>
    order.filter((e) => level.get(e) === lv && e.t !== 'const').map((e) => `const ${name(e, u)} = ${valueOf(e, u, (c) => name(c, u))};`);
  const bounds = (d: number): [string, string] => (d === 0 ? ['lo', 'hi'] : ['0', String(k.loops[d])]);
  const open = (d: number): string => {
    const [from, to] = bounds(d);
    return `for (let i${d} = ${from}; i${d} < ${to}; i${d}++) {`;
  };
  const inputs = [
    ...k.inputs.map((inp, i) => `const x${i} = I[${i}];${inp.zeroOffset ? '' : ` const b${i} = O[${i}];`}`),
  ];
  const epiInputs = k.epiInputs.map((inp, i) => `const e${i} = I[${nb + i}];${inp.zeroOffset ? '' : ` const eb${i} = O[${nb + i}];`}`);
  const perOuter = k.loops.slice(1, Math.max(outer, 1)).reduce((a, b) => a * b, 1);

  const body: string[] = [...inputs, ...(full ? [] : epiInputs), full ? '' : `let o = lo * ${perOuter};`, ...emitLevel(-1)];
  for (let d = 0; d < outer; d++) body.push(open(d), ...emitLevel(d));
  if (k.reduceOp === null) {
    body.push(`out[o++] = ${name(k.body, 0)};`);
  } else {
    const op = k.reduceOp;
    const accs = unrolled ? Array.from({ length: UNROLL }, (_, u) => `a${u}`) : ['a0'];
    body.push(`let ${accs.map((a) => `${a} = ${reduceInit(op)}`).join(', ')};`);
    for (let d = outer; d < L - 1; d++) body.push(open(d), ...emitLevel(d));
    if (k.nReduce === 0) {
      body.push(reduceStep(op, 'a0', name(k.body, 0)));
    } else if (unrolled) {
      const d = L - 1;
      const [from, to] = bounds(d);
      body.push(`let i${d} = ${from};`, `for (; i${d} <= ${to} - ${UNROLL}; i${d} += ${UNROLL}) {`);
      for (let u = 0; u < UNROLL; u++) body.push(...emitLevel(d, u), reduceStep(op, `a${u}`, name(k.body, u)));
      body.push('}', `for (; i${d} < ${to}; i${d}++) {`, ...emitLevel(d, 0), reduceStep(op, 'a0', name(k.body, 0)), '}');
    } else {
      body.push(open(L - 1), ...emitLevel(L - 1), reduceStep(op, 'a0', name(k.body, 0)), '}');
    }
    for (let d = outer; d < L - 1; d++) body.push('}');
    body.push('let acc = a0;', ...accs.slice(1).map((a) => reduceStep(op, 'acc', a)));
    if (full) body.push('return acc;');
    else {
      const epi = epilogueSource(k.epilogue, (e, nm) => valueOf(e, 0, nm));
      body.push(...epi.lines, `out[o++] = ${epi.result};`);
    }
  }
  for (let d = 0; d < outer; d++) body.push('}');

  const src = ['"use strict";', `const { ${KERNEL_LIB_NAMES.join(', ')} } = lib;`];
  src.push(`function run(I, O, ${full ? '' : 'out, '}lo, hi) {`, ...body, '}');
  if (full) {
    const epi = epilogueSource(k.epilogue, (e, nm) => valueOf(e, 0, nm));
    src.push('function fin(I, O, out, acc) {', ...epiInputs, 'const o = 0;', ...epi.lines, `out[0] = ${epi.result};`, '}');
  }
  src.push(`return { run, fin: ${full ? 'fin' : 'null'} };`);
  return src.join('\n');
}

/** The epilogue's statements (each node bound once) and the stored value. */
function epilogueSource(epi: Expr | null, valueOf: (e: Expr, nm: (c: Expr) => string) => string): { lines: string[]; result: string } {
  if (!epi) return { lines: [], result: 'acc' };
  const memo = new Map<Expr, string>();
  const lines: string[] = [];
  const go = (e: Expr): string => {
    const hit = memo.get(e);
    if (hit) return hit;
    const v = valueOf(e, go);
    const nm = e.t === 'acc' || e.t === 'const' ? v : `t${memo.size}`;
    if (nm !== v) lines.push(`const ${nm} = ${v};`);
    memo.set(e, nm);
    return nm;
  };
  return { lines, result: go(epi) };
}
