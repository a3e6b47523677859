import type { Expr, Kernel } from '../../ir/kernel.js';
import { exprChildren } from '../../ir/kernel.js';
import { jsBinary, jsCast, jsNumber, jsUnary, reduceInit, reduceStep, RINT_SOURCE } from './js-expr.js';

/** Accumulators of the innermost reduced loop: independent chains run in parallel and sum more accurately. */
const UNROLL = 4;

/**
 * Generates the JavaScript body of a kernel: `(I, O, out)` with I the input arrays (body inputs,
 * then epilogue inputs), O their offsets, out the contiguous output. Nodes are emitted once each
 * (the IR is a DAG) at the outermost loop where their value is invariant.
 */
export function generateKernelSource(k: Kernel): string {
  const L = k.loops.length;
  const outer = L - k.nReduce;
  const nb = k.inputs.length;
  const lines: string[] = ['"use strict";'];
  for (let i = 0; i < nb; i++) lines.push(`const x${i} = I[${i}]; const b${i} = O[${i}];`);
  for (let i = 0; i < k.epiInputs.length; i++) lines.push(`const e${i} = I[${nb + i}]; const eb${i} = O[${nb + i}];`);
  if (usesRint(k)) lines.push(RINT_SOURCE);
  lines.push('let o = 0;');

  // Depth of each body node: the innermost loop its value varies in (-1: constant).
  const level = new Map<Expr, number>();
  const order: Expr[] = [];
  const visit = (e: Expr): number => {
    const known = level.get(e);
    if (known !== undefined) return known;
    let lv = -1;
    if (e.t === 'load') {
      const inp = k.inputs[e.i]!;
      for (let d = 0; d < L; d++) if (inp.strides[d] !== 0 || inp.masks?.[d]) lv = d;
    }
    for (const c of exprChildren(e)) lv = Math.max(lv, visit(c));
    level.set(e, lv);
    order.push(e);
    return lv;
  };
  visit(k.body);
  const ids = new Map<Expr, number>(order.map((e, i) => [e, i]));
  const unrolled = k.nReduce > 0 && k.loops[L - 1]! >= UNROLL;

  // Pointer of input i at depth d: the base plus the index terms of loops 0..d.
  const ptr = (i: number, d: number, u: number): string => {
    const inp = k.inputs[i]!;
    let s = `b${i}`;
    for (let j = 0; j <= d; j++) {
      const st = inp.strides[j]!;
      if (st === 0) continue;
      const idx = j === L - 1 && u > 0 ? `(i${j} + ${u})` : `i${j}`;
      s += st === 1 ? ` + ${idx}` : ` + ${idx} * ${st}`;
    }
    return s;
  };
  const name = (e: Expr, u: number): string => {
    if (e.t === 'const') return jsNumber(e.v);
    const lv = level.get(e)!;
    return lv === L - 1 && unrolled ? `v${ids.get(e)}_${u}` : `v${ids.get(e)}`;
  };
  const valueOf = (e: Expr, u: number, nm: (c: Expr) => string): string => {
    switch (e.t) {
      case 'load': {
        const inp = k.inputs[e.i]!;
        const read = `x${e.i}[${ptr(e.i, level.get(e)!, u)}]`;
        if (!inp.masks) return read;
        const conds = inp.masks.flatMap((m, d) => (m ? [`${idxAt(d, u)} >= ${m[0]} && ${idxAt(d, u)} < ${m[1]}`] : []));
        return conds.length ? `((${conds.join(' && ')}) ? ${read} : 0)` : read;
      }
      case 'eload': return k.epiInputs[e.i]!.stride ? `e${e.i}[eb${e.i} + o]` : `e${e.i}[eb${e.i}]`;
      case 'acc': return 'acc';
      case 'const': return jsNumber(e.v);
      case 'un': return jsUnary(e.op, nm(e.a));
      case 'bin': return jsBinary(e.op, nm(e.a), nm(e.b), e.b.t === 'const' ? e.b.v : null);
      case 'where': return `(${nm(e.c)} ? ${nm(e.a)} : ${nm(e.b)})`;
      case 'cast': return jsCast(nm(e.a), e.a.dtype, e.dtype);
    }
  };
  const idxAt = (d: number, u: number): string => (d === L - 1 && u > 0 ? `(i${d} + ${u})` : `i${d}`);
  const emitLevel = (lv: number, u = 0): string[] =>
    order.filter((e) => level.get(e) === lv && e.t !== 'const').map((e) => `const ${name(e, u)} = ${valueOf(e, u, (c) => name(c, u))};`);

  const body: string[] = [];
  const open = (d: number): void => {
    body.push(`for (let i${d} = 0; i${d} < ${k.loops[d]}; i${d}++) {`);
  };
  body.push(...emitLevel(-1));
  for (let d = 0; d < outer; d++) {
    open(d);
    body.push(...emitLevel(d));
  }
  const value = name(k.body, 0);
  if (k.reduceOp === null) {
    body.push(`out[o++] = ${value};`);
  } else {
    const op = k.reduceOp;
    const accs = unrolled ? Array.from({ length: UNROLL }, (_, u) => `a${u}`) : ['a0'];
    body.push(`let ${accs.map((a) => `${a} = ${reduceInit(op)}`).join(', ')};`);
    for (let d = outer; d < L - 1; d++) {
      open(d);
      body.push(...emitLevel(d));
    }
    if (k.nReduce === 0) {
      body.push(reduceStep(op, 'a0', value));
    } else if (unrolled) {
      const d = L - 1;
      body.push(`let i${d} = 0;`);
      body.push(`for (; i${d} <= ${k.loops[d]! - UNROLL}; i${d} += ${UNROLL}) {`);
      for (let u = 0; u < UNROLL; u++) {
        body.push(...emitLevel(d, u));
        body.push(reduceStep(op, `a${u}`, name(k.body, u)));
      }
      body.push('}');
      body.push(`for (; i${d} < ${k.loops[d]}; i${d}++) {`);
      body.push(...emitLevel(d, 0));
      body.push(reduceStep(op, 'a0', value));
      body.push('}');
    } else {
      open(L - 1);
      body.push(...emitLevel(L - 1));
      body.push(reduceStep(op, 'a0', value));
      body.push('}');
    }
    for (let d = outer; d < L - 1; d++) body.push('}');
    body.push(`let acc = a0;`);
    for (const a of accs.slice(1)) body.push(reduceStep(op, 'acc', a));
    const epi = epilogueSource(k.epilogue, (e, nm) => valueOf(e, 0, nm));
    body.push(...epi.lines, `out[o++] = ${epi.result};`);
  }
  for (let d = 0; d < outer; d++) body.push('}');
  return lines.concat(body).join('\n');
}

/** The epilogue's statements (each node bound once) and the stored value. */
function epilogueSource(epi: Expr | null, valueOf: (e: Expr, nm: (c: Expr) => string) => string): { lines: string[]; result: string } {
  if (!epi) return { lines: [], result: 'acc' };
  const memo = new Map<Expr, string>();
  const lets: string[] = [];
  const go = (e: Expr): string => {
    const hit = memo.get(e);
    if (hit) return hit;
    const v = valueOf(e, go);
    const nm = e.t === 'acc' || e.t === 'const' ? v : `t${memo.size}`;
    if (nm !== v) lets.push(`const ${nm} = ${v};`);
    memo.set(e, nm);
    return nm;
  };
  const result = go(epi);
  return { lines: lets, result };
}

function usesRint(k: Kernel): boolean {
  const seen = new Set<Expr>();
  const has = (e: Expr | null): boolean => {
    if (!e || seen.has(e)) return false;
    seen.add(e);
    return (e.t === 'un' && e.op === 'round') || exprChildren(e).some(has);
  };
  return has(k.body) || has(k.epilogue);
}
