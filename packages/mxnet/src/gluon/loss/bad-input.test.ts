/**
 * The bad-input matrix of the Gluon facade (issue 13): every loss class of `gluon.loss`
 * (`from mxnet.gluon import loss as gloss`) × {too many / too few arguments, an unknown keyword at the
 * call and at construction, bad option values, a list / number / None / undefined / str where an
 * NDArray goes, mismatched shapes, a wrong dtype, class indices out of range (negative, = C, huge),
 * a NaN / +Inf / −Inf input, an empty batch}.
 *
 * Every outcome is asserted as MXNet 1.x decides it (python/mxnet/gluon/loss.py of the late 1.x line
 * the facade follows, barry-jin/incubator-mxnet@ce38b09, which is apache/mxnet 1.9.1's plus a
 * `sample_weight` on TripletLoss; NDArray semantics outside `autograd.record`): either an error at the
 * call naming the class and the argument (the `src` of each case names MXNet's check), or MXNet's
 * value, computed here in float64 from the formula of loss.py and of the operators it calls
 * (src/operator/mshadow_op.h, softmax-inl.h, warp-ctc's cpu_ctc.h), independently of Rosetta.
 *
 * Policies, stated once:
 * - Arity: `Block.__call__(*args)` → `HybridBlock.forward(x, *args)` → `hybrid_forward(F, x, *args)`
 *   (gluon/block.py), so CPython reports it, counting `self` and `F`; Rosetta uses CPython ≥ 3.10's
 *   qualified name. NOTE: Gluon's `__call__` takes no keywords at all; Rosetta accepts the
 *   parameters' names and reports any other name against `hybrid_forward`.
 * - Options: Gluon checks `weight` when called (`_apply_weighting`: `assert isinstance(weight,
 *   numeric_types), "weight must be a number"`); Rosetta checks when the loss is constructed.
 * - Shapes: `_reshape_like` is `label.reshape(pred.shape)` (ndarray.cc `NDArray::Reshape`): fewer
 *   elements raise `target shape size is larger than the current shape`; more are truncated silently
 *   outside `record` and raise inside it. Rosetta raises for any other count.
 * - Dtypes: MXNet's elementwise operators need one dtype (elemwise_op_common.h: `Incompatible attr in
 *   node … expected float32, got float64`); Rosetta would promote, so the facade raises MXNet's words.
 * - Class indices outside the documented range: an error (`pick` clips them by default).
 */
import * as core from '@rosetta/core';
import { OutcomeTally, err, exact, judge, val, type MatrixExpect, type MatrixValues } from '@rosetta/core/testing';
import { describe, expect, it } from 'vitest';
import { gluon, nd } from '../../index.js';

const gloss = gluon.loss;
type DT = 'float32' | 'float64' | 'int32';
/** An array argument (flat row-major data), or None. */
type Arg = { d: number[]; s: number[]; t?: DT } | null;
type Out = MatrixValues;
type Expect = MatrixExpect;
interface Case { id: string; run: () => unknown; expect: Expect }
type LossFn = (...args: unknown[]) => unknown;

const A = (d: number[], s: number[], t: DT = 'float32'): Arg => ({ d, s, t });
const toArray = (a: Arg): unknown => (a === null ? null : nd.array(a.d, { dtype: a.t ?? 'float32' }).reshape(a.s));
const f32 = (a: number[]): number[] => a.map(Math.fround);
const data = (a: Arg): number[] => (a === null ? [] : a.t === 'float32' || a.t === undefined ? f32(a.d) : a.d);

// ---- float64 reference helpers: MXNet's operators as src/operator/mshadow_op.h writes them ----
const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);
const mean = (a: number[]): number => sum(a) / a.length;
const rows = (a: number[], C: number): number[][] => Array.from({ length: a.length / C }, (_, i) => a.slice(i * C, i * C + C));
/** `_batch_mean` over (N, C): the mean of each row. */
const batchMean = (a: number[], C = 3): Out => ({ v: rows(a, C).map(mean), s: [a.length / C] });
/** mshadow_op relu: `IsNan(a) || a > 0 ? a : 0`. */
const relu = (a: number): number => (Number.isNaN(a) || a > 0 ? a : 0);
/** mshadow_op softrelu: a > 20 ? a : log1p(exp(a)). */
const softrelu = (a: number): number => (a > 20 ? a : Math.log1p(Math.exp(a)));
/** softmax-inl.h log_softmax: m = running `m < x ? x : m` from x[0]; x − m − log Σ exp(x − m). */
const logSoftmaxRow = (r: number[]): number[] => {
  let m = r[0]!;
  r.forEach((v) => { if (m < v) m = v; });
  const l = Math.log(sum(r.map((v) => Math.exp(v - m))));
  return r.map((v) => v - m - l);
};
/** warp-ctc ctc_helper::log_plus. */
const logPlus = (a: number, b: number): number => (a === -Infinity ? b : b === -Infinity ? a : Math.log1p(Math.exp(-Math.abs(a - b))) + Math.max(a, b));

/**
 * MXNet's `ctc_loss` (warp-ctc cpu_ctc.h: softmax over classes with the max subtracted, blank = last
 * class, labels up to the first −1) for one sequence of pred (T, C): the negative log-likelihood.
 */
function gluonCtc(pred: number[], T: number, C: number, label: number[]): number {
  const lp = rows(pred, C).map((r) => {
    let m = r[0]!;
    r.forEach((v) => { m = Math.max(m, v); });
    const e = r.map((v) => Math.exp(v - m));
    return e.map((v) => Math.log(v / sum(e)));
  });
  const lab = label.slice(0, label.includes(-1) ? label.indexOf(-1) : label.length);
  const blank = C - 1;
  const ext = [blank, ...lab.flatMap((l) => [l, blank])];
  const S = ext.length;
  let alpha = ext.map((_, s) => (s === 0 ? lp[0]![blank]! : s === 1 ? lp[0]![ext[1]!]! : -Infinity));
  for (let t = 1; t < T; t++) {
    alpha = ext.map((l, s) => {
      let a = alpha[s]!;
      if (s > 0) a = logPlus(a, alpha[s - 1]!);
      if (s > 1 && l !== blank && l !== ext[s - 2]) a = logPlus(a, alpha[s - 2]!);
      return a + lp[t]![l]!;
    });
  }
  return -logPlus(alpha[S - 1]!, alpha[S - 2]!);
}

// ---- valid inputs ----
const X = [0.1, 0.5, -0.3, 0.2, -0.4, 0.9];
const Y = [0.3, -0.5, 0.2, 0.1, 0.4, 0.6];
const P = [0.2, 0.7, 0.4, 0.9, 0.1, 0.5];
const Bn = [0, 1, 1, 1, 0, 0];
const Sg = [1, -1, 1, -1, 1, -1];
const PD = [0.2, 0.3, 0.5, 0.6, 0.1, 0.3];
const S23 = [2, 3];
const LSM = rows(f32(X), 3).flatMap(logSoftmaxRow);
const CTC_PRED = [0.1, 0.2, 0.3, 0.4, 0.1, -0.2, 0.3, 0.2, 0.1];
const BAD = A([1, 2, 3, 4], [2, 2]);
const E = A([], [0, 3]);

interface GluonClass {
  name: string;
  make: (kw?: Record<string, unknown>) => LossFn;
  args: Arg[];
  /** hybrid_forward's optional parameters (passed as None in the arity case). */
  optional: number;
  ref: (a: number[][]) => Out;
  /** Bad option values: [what, keywords, expected]. */
  options: [string, Record<string, unknown>, Expect][];
  shape: { args: Arg[]; expect: Expect };
  dtype: { args: Arg[]; expect: Expect };
  index?: { args: (v: number) => Arg[]; C: number; expect: (v: number) => Expect };
  empty: { args: Arg[]; expect: Expect };
}

const WEIGHT = (cls: string): [string, Record<string, unknown>, Expect] =>
  ['weight', { weight: 'a' }, err(new RegExp(`^${cls}: weight must be a number`), 'gluon/loss.py: _apply_weighting asserts "weight must be a number"')];
const reshapeErr = (cls: string, arg: string, like = 'pred'): Expect =>
  err(new RegExp(`^${cls}: cannot reshape ${arg} of shape \\[2, 2\\] \\(4 elements\\) to the shape of ${like} \\[2, 3\\] \\(6 elements\\)$`), 'gluon/loss.py: _reshape_like → src/ndarray/ndarray.cc NDArray::Reshape ("target shape size is larger than the current shape")');
const dtypeErr = (cls: string, arg: string): Expect =>
  err(exact(`${cls}: Incompatible attr at input '${arg}': expected float32, got float64`), 'src/operator/elemwise_op_common.h: ElemwiseAttr ("Incompatible attr in node … expected float32, got float64")');
const EMPTY = (n = 0): Expect => val({ v: [], s: [n] }, "gluon/loss.py: _batch_mean of an (0, C) loss: mean over axis 1 → shape (0,)");

const classes: GluonClass[] = [
  {
    name: 'L2Loss', make: (kw) => (kw ? gloss.L2Loss(kw) : gloss.L2Loss()), args: [A(X, S23), A(Y, S23)], optional: 1,
    ref: ([p, l]) => batchMean(p!.map((v, i) => 0.5 * (l![i]! - v) ** 2)), // loss.py L2Loss: square(label − pred)·weight/2, _batch_mean
    options: [WEIGHT('L2Loss')],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('L2Loss', 'label') },
    dtype: { args: [A(X, S23), A(Y, S23, 'float64')], expect: dtypeErr('L2Loss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'L1Loss', make: (kw) => (kw ? gloss.L1Loss(kw) : gloss.L1Loss()), args: [A(X, S23), A(Y, S23)], optional: 1,
    ref: ([p, l]) => batchMean(p!.map((v, i) => Math.abs(l![i]! - v))), // loss.py L1Loss: abs(label − pred), _batch_mean
    options: [WEIGHT('L1Loss')],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('L1Loss', 'label') },
    dtype: { args: [A(X, S23), A(Y, S23, 'float64')], expect: dtypeErr('L1Loss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'SigmoidBinaryCrossEntropyLoss', make: (kw) => (kw ? gloss.SigmoidBinaryCrossEntropyLoss(kw) : gloss.SigmoidBinaryCrossEntropyLoss()), args: [A(X, S23), A(Bn, S23)], optional: 2,
    // loss.py: relu(x) − x·z + softrelu(−|x|) (from_sigmoid False, no pos_weight), _batch_mean.
    ref: ([p, l]) => batchMean(p!.map((x, i) => relu(x) - x * l![i]! + softrelu(-Math.abs(x)))),
    options: [WEIGHT('SigmoidBinaryCrossEntropyLoss')],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('SigmoidBinaryCrossEntropyLoss', 'label') },
    dtype: { args: [A(X, S23), A(Bn, S23, 'float64')], expect: dtypeErr('SigmoidBinaryCrossEntropyLoss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'SoftmaxCrossEntropyLoss', make: (kw) => (kw ? gloss.SoftmaxCrossEntropyLoss(kw) : gloss.SoftmaxCrossEntropyLoss()), args: [A(X, S23), A([2, 0], [2])], optional: 1,
    // loss.py: −pick(log_softmax(pred), label, keepdims) (sparse), _batch_mean over the kept axis.
    ref: ([p, l]) => ({ v: rows(p!, 3).map((r, i) => -logSoftmaxRow(r)[l![i]!]!), s: [2] }),
    options: [WEIGHT('SoftmaxCrossEntropyLoss')],
    shape: { args: [A(X, S23), A([2, 0, 1], [3])], expect: err(/^SoftmaxCrossEntropyLoss: a sparse label must have pred's shape without axis 1 \(2 elements, e\.g\. \[2\]\), got label of shape \[3\]$/, 'gluon/loss.py: pick(pred, label, axis) — the label is pred\'s shape without axis') },
    dtype: { args: [A(X, S23), A([2, 0], [2]), A([1, 1], [2, 1], 'float64')], expect: dtypeErr('SoftmaxCrossEntropyLoss', 'sample_weight') },
    index: { args: (v) => [A(X, S23), A([v, 0], [2])], C: 3, expect: (v) => err(exact(`SoftmaxCrossEntropyLoss: label ${v} is out of bounds for size 3 (at position 0)`), "docs: label values are integers in [0, C); pick's default mode 'clip' would clip them") },
    empty: { args: [E, A([], [0])], expect: EMPTY() },
  },
  {
    name: 'KLDivLoss', make: (kw) => (kw ? gloss.KLDivLoss(kw) : gloss.KLDivLoss()), args: [A(LSM, S23), A(PD, S23)], optional: 1,
    ref: ([p, l]) => batchMean(p!.map((v, i) => l![i]! * (Math.log(l![i]! + 1e-12) - v))), // loss.py: label·(log(label + 1e−12) − pred), _batch_mean
    options: [WEIGHT('KLDivLoss')],
    shape: { args: [A(LSM, S23), BAD], expect: err(exact('KLDivLoss: label of shape [2, 2] and pred of shape [2, 3] cannot be broadcast together'), 'src/operator/tensor/elemwise_binary_broadcast_op.h: "operands could not be broadcast together with shapes [2,2] [2,3]"') },
    dtype: { args: [A(LSM, S23), A(PD, S23, 'float64')], expect: dtypeErr('KLDivLoss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'CTCLoss', make: (kw) => (kw ? gloss.CTCLoss(kw) : gloss.CTCLoss()), args: [A(CTC_PRED, [1, 3, 3]), A([0, 1], [1, 2])], optional: 3,
    ref: ([p, l]) => ({ v: [gluonCtc(p!, 3, 3, l!)], s: [1] }), // loss.py CTCLoss → ctc_loss(blank_label='last'), no reduction
    options: [WEIGHT('CTCLoss'), ['layout', { layout: 'NCT' }, err(exact("CTCLoss: Only 'NTC' and 'TNC' layouts for pred are supported. Got: NCT"), 'gluon/loss.py: CTCLoss.__init__ assert')]],
    shape: { args: [A(CTC_PRED, [1, 3, 3]), A([0, 1, 0, 1], [2, 2])], expect: err(exact("CTCLoss: label of shape [2, 2] must be 2-D (NT) with pred's batch size 1 (pred [1, 3, 3], layout NTC)"), 'src/operator/nn/ctc_loss-inl.h: CTCLossOpShape (label batch = data batch)') },
    dtype: { args: [A(CTC_PRED, [1, 3, 3]), A([0, 1], [1, 2]), null, null, A([1], [1], 'float64')], expect: dtypeErr('CTCLoss', 'sample_weight') },
    index: { args: (v) => [A(CTC_PRED, [1, 3, 3]), A([v, 1], [1, 2])], C: 3, expect: (v) => err(exact(`CTCLoss: label holds ${v} (at position 0), out of the alphabet [0, 2) padded with -1 (class 2 is the blank)`), 'docs: labels in [0, alphabet_size − 1), padded with −1; warp-ctc reads any other without a check') },
    empty: { args: [A([], [0, 3, 3]), A([], [0, 2])], expect: val({ v: [], s: [0] }, 'ctc_loss: one loss per sequence, (N,) = (0,)') },
  },
  {
    name: 'HuberLoss', make: (kw) => (kw ? gloss.HuberLoss(kw) : gloss.HuberLoss()), args: [A(X, S23), A(Y, S23)], optional: 1,
    // loss.py: d = |label − pred|; where(d > ρ, d − ρ/2, 0.5/ρ·d²) (ρ = 1), _batch_mean.
    ref: ([p, l]) => batchMean(p!.map((v, i) => { const d = Math.abs(l![i]! - v); return d > 1 ? d - 0.5 : 0.5 * d * d; })),
    options: [WEIGHT('HuberLoss'), ['rho', { rho: 'a' }, err(/^HuberLoss: rho must be a positive number, got a$/, 'gluon/loss.py: HuberLoss compares loss > rho (a str rho raises there)')]],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('HuberLoss', 'label') },
    dtype: { args: [A(X, S23), A(Y, S23, 'float64')], expect: dtypeErr('HuberLoss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'HingeLoss', make: (kw) => (kw ? gloss.HingeLoss(kw) : gloss.HingeLoss()), args: [A(X, S23), A(Sg, S23)], optional: 1,
    ref: ([p, l]) => batchMean(p!.map((v, i) => relu(1 - v * l![i]!))), // loss.py: relu(margin − pred·label), _batch_mean
    options: [WEIGHT('HingeLoss')],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('HingeLoss', 'label') },
    dtype: { args: [A(X, S23), A(Sg, S23, 'float64')], expect: dtypeErr('HingeLoss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'SquaredHingeLoss', make: (kw) => (kw ? gloss.SquaredHingeLoss(kw) : gloss.SquaredHingeLoss()), args: [A(X, S23), A(Sg, S23)], optional: 1,
    ref: ([p, l]) => batchMean(p!.map((v, i) => relu(1 - v * l![i]!) ** 2)), // loss.py: square(relu(margin − pred·label)), _batch_mean
    options: [WEIGHT('SquaredHingeLoss')],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('SquaredHingeLoss', 'label') },
    dtype: { args: [A(X, S23), A(Sg, S23, 'float64')], expect: dtypeErr('SquaredHingeLoss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'LogisticLoss', make: (kw) => (kw ? gloss.LogisticLoss(kw) : gloss.LogisticLoss()), args: [A(X, S23), A(Sg, S23)], optional: 1,
    // loss.py ('signed'): z = (label + 1)/2; relu(x) − x·z + softrelu(−|x|), _batch_mean.
    ref: ([p, l]) => batchMean(p!.map((x, i) => { const z = (l![i]! + 1) / 2; return relu(x) - x * z + softrelu(-Math.abs(x)); })),
    options: [WEIGHT('LogisticLoss'), ['label_format', { label_format: 'x' }, err(exact('LogisticLoss: label_format can only be signed or binary, received x.'), 'gluon/loss.py: LogisticLoss.__init__ raises ValueError')]],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('LogisticLoss', 'label') },
    dtype: { args: [A(X, S23), A(Sg, S23, 'float64')], expect: dtypeErr('LogisticLoss', 'label') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'TripletLoss', make: (kw) => (kw ? gloss.TripletLoss(kw) : gloss.TripletLoss()), args: [A(X, S23), A(Y, S23), A(P, S23)], optional: 1,
    // loss.py: relu(Σ_{non-batch}[(pos − pred)² − (neg − pred)²] + margin) (late 1.x: weighting after, no mean).
    ref: ([p, a, n]) => ({ v: rows(p!, 3).map((r, i) => relu(sum(r.map((v, j) => (a![i * 3 + j]! - v) ** 2 - (n![i * 3 + j]! - v) ** 2)) + 1)), s: [2] }),
    options: [WEIGHT('TripletLoss')],
    shape: { args: [A(X, S23), BAD, A(P, S23)], expect: reshapeErr('TripletLoss', 'positive') },
    dtype: { args: [A(X, S23), A(Y, S23, 'float64'), A(P, S23)], expect: dtypeErr('TripletLoss', 'positive') },
    empty: { args: [E, E, E], expect: EMPTY() },
  },
  {
    name: 'PoissonNLLLoss', make: (kw) => (kw ? gloss.PoissonNLLLoss(kw) : gloss.PoissonNLLLoss()), args: [A(X, S23), A(P, S23)], optional: 2,
    ref: ([p, t]) => batchMean(p!.map((v, i) => Math.exp(v) - t![i]! * v)), // loss.py (from_logits): exp(pred) − target·pred, _batch_mean
    options: [WEIGHT('PoissonNLLLoss')],
    shape: { args: [A(X, S23), BAD], expect: reshapeErr('PoissonNLLLoss', 'target') },
    dtype: { args: [A(X, S23), A(P, S23, 'float64')], expect: dtypeErr('PoissonNLLLoss', 'target') },
    empty: { args: [E, E], expect: EMPTY() },
  },
  {
    name: 'CosineEmbeddingLoss', make: (kw) => (kw ? gloss.CosineEmbeddingLoss(kw) : gloss.CosineEmbeddingLoss()), args: [A(X, S23), A(Y, S23), A([1, -1], [2])], optional: 1,
    // loss.py: cos = Σx·y / broadcast_maximum(‖x‖‖y‖, 1e−12); where(label == 1, 1 − cos, clip(cos − margin, 0, 1 − margin)), _batch_mean.
    ref: ([a, b, l]) => ({
      v: rows(a!, 3).map((r, i) => {
        const q = b!.slice(i * 3, i * 3 + 3);
        const nn = Math.sqrt(sum(r.map((v) => v * v))) * Math.sqrt(sum(q.map((v) => v * v)));
        const cos = sum(r.map((v, j) => v * q[j]!)) / (Number.isNaN(nn) || nn > 1e-12 ? nn : 1e-12);
        const c = cos - 0;
        return l![i] === 1 ? 1 - cos : c > 1 ? 1 : c < 0 ? 0 : c;
      }),
      s: [2],
    }),
    options: [WEIGHT('CosineEmbeddingLoss')],
    shape: { args: [A(X, S23), BAD, A([1, -1], [2])], expect: err(/^CosineEmbeddingLoss: cannot reshape input1 of shape \[2, 3\] \(6 elements\) to the shape of input2 \[2, 2\] \(4 elements\)$/, 'gluon/loss.py: _reshape_like(input1, input2) → NDArray::Reshape') },
    dtype: { args: [A(X, S23), A(Y, S23, 'float64'), A([1, -1], [2])], expect: dtypeErr('CosineEmbeddingLoss', 'input2') },
    empty: { args: [E, E, A([], [0])], expect: EMPTY() },
  },
  {
    name: 'SDMLLoss', make: (kw) => (kw ? gloss.SDMLLoss(kw) : gloss.SDMLLoss()), args: [A(X, S23), A(Y, S23)], optional: 0,
    // loss.py SDMLLoss: KLDivLoss(from_logits)(log_softmax(−Σ(x1_i − x2_j)², axis 1), eye·(1 − s) + (1 − eye)·s/(N − 1)).
    ref: ([a, b]) => {
      const x1 = rows(a!, 3);
      const x2 = rows(b!, 3);
      const s = 0.3;
      return {
        v: x1.map((r, i) => {
          const lp = logSoftmaxRow(x2.map((q) => -sum(r.map((v, k) => (v - q[k]!) ** 2))));
          return mean(lp.map((v, j) => { const y = i === j ? 1 - s : s / (x1.length - 1); return y * (Math.log(y + 1e-12) - v); }));
        }),
        s: [x1.length],
      };
    },
    options: [['smoothing_parameter', { smoothing_parameter: 'a' }, err(/^SDMLLoss: smoothing_parameter must be a finite number, got a$/, "gluon/loss.py: SDMLLoss._compute_labels computes 1 − smoothing_parameter (a str raises there)")]],
    shape: { args: [A(X, S23), BAD], expect: err(exact('SDMLLoss: x1 and x2 must both have shape (batch_size, dim), got [2, 3] and [2, 2]'), 'gluon/loss.py: SDMLLoss.hybrid_forward asserts x1.shape == x2.shape') },
    dtype: { args: [A(X, S23), A(Y, S23, 'float64')], expect: dtypeErr('SDMLLoss', 'x2') },
    empty: { args: [E, E], expect: EMPTY() },
  },
];

const CALL = 'gluon/block.py: Block.__call__(*args) → HybridBlock.forward(x, *args) → hybrid_forward(F, x, *args) (CPython)';
const FIRST: Record<string, string> = { CosineEmbeddingLoss: 'input1', SDMLLoss: 'x1' };
const LAST: Record<string, string> = { TripletLoss: 'negative', PoissonNLLLoss: 'target', CosineEmbeddingLoss: 'label', SDMLLoss: 'x2' };
const PROBES: [string, unknown, string][] = [['list', [[1, 2]], 'list'], ['number', 1.5, 'float'], ['null', null, 'NoneType'], ['undefined', undefined, ''], ['string', 'x', 'str']];

function casesOf(c: GluonClass): Case[] {
  const run = (args: Arg[], kw?: Record<string, unknown>) => () => c.make(kw)(...args.map(toArray));
  const lo = 2 + c.args.length;
  const hi = lo + c.optional;
  const takes = c.optional ? `from ${lo} to ${hi} positional arguments` : `${lo} positional arguments`;
  const first = FIRST[c.name] ?? 'pred';
  const out: Case[] = [
    { id: 'too many arguments', run: () => c.make()(...c.args.map(toArray), ...new Array(c.optional).fill(null), toArray(c.args[0]!)),
      expect: err(exact(`${c.name}.hybrid_forward() takes ${takes} but ${hi + 1} were given`), CALL) },
    { id: 'too few arguments', run: run(c.args.slice(0, -1)), expect: err(exact(`${c.name}.hybrid_forward() missing 1 required positional argument: '${LAST[c.name] ?? 'label'}'`), CALL) },
    { id: 'unknown keyword at the call', run: () => c.make()(...c.args.map(toArray), { foo: 1 }), expect: err(exact(`${c.name}.hybrid_forward() got an unexpected keyword argument 'foo'`), `${CALL}; Gluon: Block.__call__() got an unexpected keyword argument`) },
    { id: 'unknown keyword at construction', run: () => c.make({ foo: 1 }), expect: err(new RegExp(`^${c.name}\\(\\) got an unexpected keyword argument 'foo'$`), 'CPython: HybridBlock.__init__() got an unexpected keyword argument') },
    ...c.options.map(([what, kw, e]): Case => ({ id: `bad option ${what}`, run: run(c.args, kw), expect: e })),
    ...PROBES.map(([what, v, py]): Case => ({
      id: `${what} where an NDArray goes`,
      run: () => c.make()(v, ...c.args.slice(1).map(toArray)),
      // `undefined` is JavaScript's "not passed" (`null` is None): CPython's missing-argument error.
      expect: what === 'undefined'
        ? err(exact(`${c.name}.hybrid_forward() missing 1 required positional argument: '${first}'`), CALL)
        : err(exact(`${c.name}: ${first} must be an NDArray, got ${py}`), 'gluon/block.py: HybridBlock.forward (no NDArray in the input) or an AttributeError inside hybrid_forward'),
    })),
    { id: 'mismatched shapes', run: run(c.shape.args), expect: c.shape.expect },
    { id: 'wrong dtype', run: run(c.dtype.args), expect: c.dtype.expect },
    { id: 'empty batch', run: run(c.empty.args), expect: c.empty.expect },
  ];
  if (c.index) {
    const ix = c.index;
    for (const [what, v] of [['negative', -2], ['= C', ix.C], ['huge', 2 ** 30]] as const) out.push({ id: `class index ${what}`, run: run(ix.args(v)), expect: ix.expect(v) });
  }
  for (const [what, bad] of [['NaN', NaN], ['+Inf', Infinity], ['-Inf', -Infinity]] as const) {
    const args = c.args.map((a, i) => (i === 0 && a ? { ...a, d: a.d.map((v, k) => (k === 1 ? bad : v)) } : a));
    out.push({ id: `${what} input`, run: run(args), expect: val(c.ref(args.map(data)), `the formula of gluon/loss.py and MXNet's operators, float64 (see ${c.name}.ref)`) });
  }
  return out;
}

const numbers = (r: unknown): Out => {
  const t = (r as { tensor: core.Tensor }).tensor;
  return { v: Array.from(t.dataSync() as ArrayLike<number>, Number), s: t.shape };
};

const tally = new OutcomeTally();

describe('gluon.loss: the bad-input matrix (MXNet 1.x outcomes)', () => {
  it('covers every loss class of gluon.loss (aliases are the same classes)', () => {
    expect(gloss.SigmoidBCELoss).toBe(gloss.SigmoidBinaryCrossEntropyLoss);
    expect(gloss.SoftmaxCELoss).toBe(gloss.SoftmaxCrossEntropyLoss);
    const exported = Object.keys(gloss).filter((k) => k !== 'Loss' && k !== 'SigmoidBCELoss' && k !== 'SoftmaxCELoss');
    expect(classes.map((c) => c.name).sort()).toEqual(exported.sort());
    expect(classes.length).toBe(14);
  });

  for (const c of classes) {
    describe(c.name, () => {
      for (const k of casesOf(c)) {
        const id = `${c.name}: ${k.id}`;
        it(k.id, () => {
          const { outcome, why } = judge(k.run, k.expect, numbers, 'MXNet');
          expect(why, id).toBeNull();
          tally.record(outcome);
        });
      }
    });
  }

  it('counts: no outcome is anything else', () => {
    console.log(tally.summary(`gluon bad-input matrix (${core.getBackend().name})`));
    tally.assertNoOther(classes.reduce((s, c) => s + casesOf(c).length, 0));
  });
});
