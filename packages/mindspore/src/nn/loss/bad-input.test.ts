/**
 * The bad-input matrix of the MindSpore facade (issue 13): every loss class of `mindspore.nn`
 * (the 28 of `nn/loss/losses.ts`) × {too many / too few arguments, an unknown keyword at the call
 * and at construction, a bad `reduction`, a list / number / None / undefined / str where a Tensor
 * goes, mismatched shapes, a wrong dtype, class indices out of range (negative, = C, huge), a NaN /
 * +Inf / −Inf input, an empty batch}.
 *
 * Every outcome is asserted, as MindSpore 2.3.1 (tag v2.3.1 of mindspore-ai/mindspore, CPU, PyNative)
 * decides it: either an error at the call naming the class and the argument, worded as MindSpore's
 * check (the `src` of each case names the file and function), or MindSpore's value, computed here in
 * float64 from the formula of MindSpore's source (`loss.py`, `nn_func.py`, or the CPU kernel where the
 * class calls a primitive; GPU for the two classes without a CPU kernel), independently of Rosetta.
 *
 * Policies, stated once (each case's `src` gives the MindSpore behaviour it stands on):
 * - Arity and keywords: `Cell.__call__` runs `self.construct(*args, **kwargs)` (nn/cell.py), so CPython
 *   reports them; Rosetta uses CPython ≥ 3.10's qualified name (`L1Loss.construct() takes …`).
 * - Wrong dtype: a dtype outside the class's documented inputs. Where MindSpore's kernels would still
 *   compute (integer inputs of the elementwise losses), Rosetta refuses with the documented dtypes.
 * - Class indices outside [0, C): an error. MindSpore documents [0, C); its CPU `GatherD` raises for
 *   ≥ C but wraps −1, `OneHot` zero-fills: Rosetta raises for every out-of-range index.
 * - Empty batch: with reduction 'none' MindSpore returns an empty tensor; a reduced loss of an empty
 *   input has no value (the CPU reduce kernel warns `CheckShapeNull` and leaves the output
 *   unwritten), so Rosetta raises that warning's text.
 */
import * as core from '@rosetta/core';
import { OutcomeTally, err, escapeRegExp as esc, exact, judge, val, type MatrixExpect, type MatrixValues } from '@rosetta/core/testing';
import { describe, expect, it } from 'vitest';
import { Tensor, nn } from '../../index.js';

type DT = 'float32' | 'float64' | 'int32' | 'int64' | 'bool';
/** A tensor argument (flat row-major data), or a plain JS value passed as is. */
type Arg = { d: number[]; s: number[]; t?: DT } | { raw: unknown };
/** A reference result: values (row-major) and shape. */
type Out = MatrixValues;
type Expect = MatrixExpect;
interface Case { id: string; run: () => unknown; expect: Expect }

const A = (d: number[], s: number[], t: DT = 'float32'): Arg => ({ d, s, t });
const raw = (v: unknown): Arg => ({ raw: v });
const toTensor = (a: Arg): unknown => ('raw' in a ? a.raw : Tensor(core.tensor(a.d, { dtype: a.t ?? 'float32' }).reshape(a.s)));
const f32 = (a: number[]): number[] => a.map(Math.fround);
const data = (a: Arg): number[] => ('raw' in a ? [] : a.t === 'float32' || a.t === undefined ? f32(a.d) : a.d);

// ---- float64 reference helpers (MindSpore's kernels, as written in its C++/Python source) ----
const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);
const mean = (a: number[]): number => sum(a) / a.length;
const scalar = (v: number): Out => ({ v: [v], s: [] });
const rows = (a: number[], C: number): number[][] => Array.from({ length: a.length / C }, (_, i) => a.slice(i * C, i * C + C));
/** MindSpore CPU `Maximum(x, c)` = `x > c ? x : c` (maximum_cpu_kernel.h MaximumFunc): a NaN x gives c. */
const msMax = (x: number, c: number): number => (x > c ? x : c);
/** C++ `std::max(a, b)` = `(a < b) ? b : a`. */
const stdMax = (a: number, b: number): number => (a < b ? b : a);
const logSoftmaxRow = (r: number[]): number[] => {
  const m = Math.max(...r);
  const lse = m + Math.log(sum(r.map((v) => Math.exp(v - m))));
  return r.map((v) => v - lse);
};
const softmaxRow = (r: number[]): number[] => {
  const m = Math.max(...r);
  const e = r.map((v) => Math.exp(v - m));
  return e.map((v) => v / sum(e));
};

// ---- valid inputs ----
const X = [0.1, 0.5, -0.3, 0.2, -0.4, 0.9];
const Y = [0.3, -0.5, 0.2, 0.1, 0.4, 0.6];
const P = [0.2, 0.7, 0.4, 0.9, 0.1, 0.5];
const Bn = [0, 1, 1, 1, 0, 0];
const Sg = [1, -1, 1, -1, 1, -1];
const PD = [0.2, 0.3, 0.5, 0.6, 0.1, 0.3];
const S23 = [2, 3];
const LSM = rows(f32(X), 3).flatMap(logSoftmaxRow);
const CTC_LP = [-1.2, -0.9, -1.3, -0.8, -1.5, -1.1, -1.0, -1.2, -1.1];

interface MsClass {
  name: string;
  /** Constructs the loss with extra keywords (e.g. `{ reduction: 'avg' }`). */
  make: (kw?: Record<string, unknown>) => (...args: unknown[]) => unknown;
  args: Arg[];
  /** construct's optional parameters (None-able), counted in the arity message. */
  optional?: number;
  /** MindSpore's value for the given inputs (default options). */
  ref: (a: number[][]) => Out;
  /** Where NaN/±Inf go: [argument, flat index]. */
  poison?: [number, number];
  reduction: Expect;
  shape: { args: Arg[]; expect: Expect };
  dtype: { args: Arg[]; expect: Expect };
  index?: { args: (v: number) => Arg[]; C: number; arg: string; src: string; negative?: number; error?: (v: number) => RegExp };
  empty: { args: Arg[]; expect: Expect };
}

const LOSSBASE = 'nn/loss/loss.py: LossBase.__init__';
const baseRed = (cls: string): Expect => err(exact(`For '${cls}', the 'reduction' must be in ['mean', 'sum', 'none'], but got avg.`), LOSSBASE);
const strRed = (cls: string, list: string, src: string): Expect =>
  err(exact(`For '${cls}', the 'reduction' must be str and must be in '${list}', but got 'avg'.`), `_checkparam.py: check_string, via ${src}`);
const NSM = "['none', 'sum', 'mean']";
const noRed = (cls: string): Expect => err(new RegExp(`^${cls}\\(\\) got an unexpected keyword argument 'reduction'$`), `nn/loss/loss.py: ${cls}.__init__ takes no reduction`);
const bcast = (cls: string, a: string, b: string, src: string): Expect => err(new RegExp(`^For '${cls}', ${esc(a)}\\.shape and ${esc(b)}\\.shape need to broadcast`), `core/ops/op_utils.cc: CalBroadCastShape, via ${src}`);
const floatErr = (cls: string, arg: string, got: string, src: string): Expect =>
  err(new RegExp(`^For '${cls}', the '${arg}' should be one of \\[Float16, Float32, Float64\\], but got '${got}'\\.$`), src);
const emptyErr = (cls: string, arg: string, shape = '(0, 3)'): Expect =>
  err(exact(`For '${cls}', the shape of '${arg}' cannot contain zero, but got ${shape}.`), 'ccsrc/kernel/kernel.h: CheckShapeNull (the reduce kernel leaves the output unwritten)');
const E23 = A([], [0, 3]);
const BAD23 = A([1, 2, 3, 4], [2, 2]);
const I23 = A([1, 2, 3, 4, 5, 6], S23, 'int32');

const classes: MsClass[] = [
  {
    name: 'L1Loss', make: (kw) => (kw ? nn.L1Loss(kw) : nn.L1Loss()), args: [A(X, S23), A(Y, S23)],
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => Math.abs(v - y![i]!)))), // nn_func.py: l1_loss → _get_loss mean
    reduction: baseRed('L1Loss'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('L1Loss', 'logits', 'labels', 'nn_func.py: l1_loss (Sub)') },
    dtype: { args: [I23, A(Y, S23)], expect: floatErr('L1Loss', 'logits', 'Int32', 'docs: logits float; Sub rejects Bool') },
    empty: { args: [E23, E23], expect: emptyErr('L1Loss', 'logits') },
  },
  {
    name: 'MAELoss', make: (kw) => (kw ? nn.MAELoss(kw) : nn.MAELoss()), args: [A(X, S23), A(Y, S23)],
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => Math.abs(v - y![i]!)))), // loss.py: MAELoss.construct, Abs then get_loss
    reduction: baseRed('MAELoss'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('MAELoss', 'logits', 'label', 'loss.py: MAELoss.construct (Sub)') },
    dtype: { args: [I23, A(Y, S23)], expect: floatErr('MAELoss', 'logits', 'Int32', 'docs: logits float16/float32') },
    empty: { args: [E23, E23], expect: emptyErr('MAELoss', 'logits') },
  },
  {
    name: 'MSELoss', make: (kw) => (kw ? nn.MSELoss(kw) : nn.MSELoss()), args: [A(X, S23), A(Y, S23)],
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => (v - y![i]!) ** 2))), // loss.py: MSELoss.construct, square then get_loss
    reduction: baseRed('MSELoss'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('MSELoss', 'logits', 'labels', 'loss.py: MSELoss.construct (Sub)') },
    dtype: { args: [I23, A(Y, S23)], expect: floatErr('MSELoss', 'logits', 'Int32', 'docs: logits float') },
    empty: { args: [E23, E23], expect: emptyErr('MSELoss', 'logits') },
  },
  {
    name: 'RMSELoss', make: (kw) => (kw ? nn.RMSELoss(kw) : nn.RMSELoss()), args: [A(X, S23), A(Y, S23)],
    ref: ([x, y]) => scalar(Math.sqrt(mean(x!.map((v, i) => (v - y![i]!) ** 2)))), // loss.py: RMSELoss.construct, sqrt(MSELoss)
    reduction: noRed('RMSELoss'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('RMSELoss', 'logits', 'label', 'loss.py: RMSELoss → MSELoss (Sub)') },
    dtype: { args: [I23, A(Y, S23)], expect: floatErr('RMSELoss', 'logits', 'Int32', 'docs: logits float') },
    empty: { args: [E23, E23], expect: emptyErr('RMSELoss', 'logits') },
  },
  {
    name: 'SmoothL1Loss', make: (kw) => (kw ? nn.SmoothL1Loss(kw) : nn.SmoothL1Loss()), args: [A(X, S23), A(Y, S23)],
    // smooth_l1_loss_cpu_kernel.cc: diff = |x − y|; diff < β ? ½diff²/β : diff − ½β (β = 1); reduction 'none'.
    ref: ([x, y]) => ({ v: x!.map((v, i) => { const d = Math.abs(v - y![i]!); return d < 1 ? 0.5 * d * d : d - 0.5; }), s: S23 }),
    reduction: baseRed('SmoothL1Loss'),
    shape: { args: [A(X, S23), BAD23], expect: err(/^For 'SmoothL1Loss', the shape of 'logits' \(2, 3\) and the shape of 'labels' \(2, 2\) should be same\.$/, 'core/abstract/param_validator.cc: CheckShapeSame') },
    dtype: { args: [I23, A(Y, S23)], expect: floatErr('SmoothL1Loss', 'logits', 'Int32', 'core/ops/smooth_l1_loss.cc: SmoothL1LossInferType (float16/32/64)') },
    empty: { args: [E23, E23], expect: val({ v: [], s: [0, 3] }, "reduction 'none': an empty tensor of logits' shape") },
  },
  {
    name: 'HuberLoss', make: (kw) => (kw ? nn.HuberLoss(kw) : nn.HuberLoss()), args: [A(X, S23), A(Y, S23)],
    // nn_func.py: huber_loss: z = |x − y|; z < δ ? ½z² : δ(z − ½δ); _get_loss mean.
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => { const z = Math.abs(v - y![i]!); return z < 1 ? 0.5 * z * z : z - 0.5; }))),
    reduction: baseRed('HuberLoss'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('HuberLoss', 'logits', 'labels', 'nn_func.py: huber_loss (Sub)') },
    dtype: { args: [I23, A(Y, S23)], expect: floatErr('HuberLoss', 'logits', 'Int32', 'docs: logits float16/float32') },
    empty: { args: [E23, E23], expect: emptyErr('HuberLoss', 'logits') },
  },
  {
    name: 'SoftMarginLoss', make: (kw) => (kw ? nn.SoftMarginLoss(kw) : nn.SoftMarginLoss()), args: [A(X, S23), A(Sg, S23)],
    // GPU kernel (no CPU kernel in 2.3): log(1 + exp(−y·x)), mean.
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => Math.log(1 + Math.exp(-y![i]! * v))))),
    reduction: strRed('SoftMarginLoss', NSM, 'ops/operations/nn_ops.py: SoftMarginLoss.__init__'),
    shape: { args: [A(X, S23), BAD23], expect: err(/^For 'SoftMarginLoss', the shape of 'logits' \(2, 3\) and the shape of 'labels' \(2, 2\) should be same\.$/, 'core/ops/soft_margin_loss.cc: SoftMarginLossInferShape') },
    dtype: { args: [I23, A(Sg, S23)], expect: floatErr('SoftMarginLoss', 'logits', 'Int32', 'core/ops/soft_margin_loss.cc: SoftMarginLossInferType') },
    empty: { args: [E23, E23], expect: emptyErr('SoftMarginLoss', 'logits') },
  },
  {
    name: 'MultiMarginLoss', make: (kw) => (kw ? nn.MultiMarginLoss(kw) : nn.MultiMarginLoss()), args: [A(X, S23), A([2, 0], [2], 'int64')], optional: 1,
    // multi_margin_loss_cpu_kernel.cc: Σ_{d≠t} (z = margin − x_t + x_d) if z > 0 (a NaN z is skipped), / C; mean.
    ref: ([x, t]) => scalar(mean(rows(x!, 3).map((r, i) => sum(r.map((v, d) => { const z = 1 + v - r[t![i]!]!; return d !== t![i] && z > 0 ? z : 0; })) / 3))),
    reduction: strRed('MultiMarginLoss', NSM, 'ops/operations/nn_ops.py: MultiMarginLoss.__init__'),
    shape: { args: [A(X, S23), A([2, 0, 1], [3], 'int64')], expect: err(/^For 'MultiMarginLoss', the shape of 'x' should be \(N, C\) and the shape of 'target' \(N,\), but got 'x' shape: \(2, 3\) and 'target' shape: \(3,\)\.$/, "core/ops/multi_margin_loss.cc: x_shape[0] and target_shape[0] should be the same") },
    dtype: { args: [A(X, S23), A([2, 0], [2], 'int32')], expect: err(/^For 'MultiMarginLoss', the 'target' should be Int64, but got 'Int32'\.$/, 'core/ops/multi_margin_loss.cc: CheckTensorTypeValid("target", {kInt64})') },
    index: { args: (v) => [A(X, S23), A([v, 0], [2], 'int64')], C: 3, arg: 'target', src: 'multi_margin_loss_cpu_kernel.cc: "Target out of range."' },
    empty: { args: [E23, A([], [0], 'int64')], expect: emptyErr('MultiMarginLoss', 'x') },
  },
  {
    name: 'SoftmaxCrossEntropyWithLogits', make: (kw) => (kw ? nn.SoftmaxCrossEntropyWithLogits(kw) : nn.SoftmaxCrossEntropyWithLogits()), args: [A(X, S23), A(PD, S23)],
    // mkldnn/softmax_cross_entropy_with_logits_cpu_kernel.cc: maxv = maxv > l ? maxv : l; loss = −Σ y·(l − maxv − log Σexp(l − maxv)); 'none'.
    ref: ([x, y]) => ({
      v: rows(x!, 3).map((r, i) => {
        let m = r[0]!;
        r.forEach((v) => { m = m > v ? m : v; });
        const lse = Math.log(sum(r.map((v) => Math.exp(v - m))));
        return -sum(r.map((v, j) => y![i * 3 + j]! * (v - m - lse)));
      }),
      s: [2],
    }),
    reduction: baseRed('SoftmaxCrossEntropyWithLogits'),
    shape: { args: [A(X, S23), BAD23], expect: err(/^For 'SoftmaxCrossEntropyWithLogits', evaluator arg 'label' shape must be consistent with 'logits' shape, but got 'label' shape: \(2, 2\), 'logits' shape: \(2, 3\)\.$/, 'core/ops/softmax_cross_entropy_with_logits.cc: InferShape') },
    dtype: { args: [I23, A(PD, S23)], expect: floatErr('SoftmaxCrossEntropyWithLogits', 'logits', 'Int32', 'softmax_cross_entropy_with_logits.cc: CheckTensorTypeSame(float16, float32)') },
    empty: { args: [E23, E23], expect: val({ v: [], s: [0] }, "reduction 'none': per-sample (N,) = (0,)") },
  },
  {
    name: 'CrossEntropyLoss', make: (kw) => (kw ? nn.CrossEntropyLoss(kw) : nn.CrossEntropyLoss()), args: [A(X, S23), A([2, 0], [2], 'int32')],
    // nn_func.py: cross_entropy → nll_loss(x − logsumexp(x)); mean = Σ l / Σ 1.
    ref: ([x, t]) => scalar(mean(rows(x!, 3).map((r, i) => -logSoftmaxRow(r)[t![i]!]!))),
    reduction: baseRed('CrossEntropyLoss'),
    shape: { args: [A(X, S23), A([2, 0, 1], [3], 'int32')], expect: err(exact("For 'CrossEntropyLoss', the shape of 'logits' should be (N, C, d_0, d_1, ...), and the shape of 'labels' should be (N, d_0, d_1, ...), but get 'logits' shape: (2, 3) and 'labels' shape: (3,)."), 'loss.py: _check_cross_entropy_inputs') },
    dtype: { args: [A(X, S23), A([2, 0], [2], 'int64')], expect: err(exact("For 'CrossEntropyLoss', the 'labels' should be Int32, but got 'Int64'."), 'loss.py: _check_cross_entropy_inputs → check_type_name') },
    index: { args: (v) => [A(X, S23), A([v, 0], [2], 'int32')], C: 3, arg: 'labels', src: "cpu/kernel/gather_d_cpu_kernel.cc: the value of 'index' must be in [-C, C)" },
    empty: { args: [E23, A([], [0], 'int32')], expect: emptyErr('CrossEntropyLoss', 'logits') },
  },
  {
    name: 'NLLLoss', make: (kw) => (kw ? nn.NLLLoss(kw) : nn.NLLLoss()), args: [A(LSM, S23), A([2, 0], [2], 'int32')],
    // nn_func.py: _nll_loss: −gather_d(x, −1, t); mean = Σ / Σ weights(= 1).
    ref: ([x, t]) => scalar(mean(rows(x!, 3).map((r, i) => -r[t![i]!]!))),
    reduction: baseRed('NLLLoss'),
    shape: { args: [A(LSM, S23), A([2, 0, 1], [3], 'int32')], expect: err(/^For 'NLLLoss', the shape of 'logits' should be \(N, C\) and the shape of 'labels' \(N,\)/, 'nn_func.py: _nll_loss (GatherD index shape)') },
    dtype: { args: [A(LSM, S23), A([2, 0], [2], 'int64')], expect: err(exact("For 'NLLLoss', the 'labels' should be Int32, but got 'Int64'."), 'docs (r2.3 NLLLoss): labels int32') },
    index: { args: (v) => [A(LSM, S23), A([v, 0], [2], 'int32')], C: 3, arg: 'labels', src: "gather_d_cpu_kernel.cc: the value of 'index' must be in [-C, C)" },
    empty: { args: [E23, A([], [0], 'int32')], expect: emptyErr('NLLLoss', 'logits') },
  },
  {
    name: 'BCELoss', make: (kw) => (kw ? nn.BCELoss(kw) : nn.BCELoss()), args: [A(P, S23), A(Bn, S23)],
    // binary_cross_entropy_cpu_kernel.cc: −(y·log(x + 1e−12) + (1 − y)·log(1 − x + 1e−12)), weight 1; mean.
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => -(y![i]! * Math.log(v + 1e-12) + (1 - y![i]!) * Math.log(1 - v + 1e-12))))),
    reduction: baseRed('BCELoss'),
    shape: { args: [A(P, S23), BAD23], expect: err(/^For 'BCELoss', the shape of 'logits' \(2, 3\) and the shape of 'labels' \(2, 2\) should be same\.$/, 'ops_func_impl/binary_cross_entropy.cc: input_shape must be equal to target_shape') },
    dtype: { args: [I23, A(Bn, S23)], expect: floatErr('BCELoss', 'logits', 'Int32', 'docs: logits float16/float32') },
    empty: { args: [E23, E23], expect: emptyErr('BCELoss', 'logits') },
  },
  {
    name: 'BCEWithLogitsLoss', make: (kw) => (kw ? nn.BCEWithLogitsLoss(kw) : nn.BCEWithLogitsLoss()), args: [A(X, S23), A(Bn, S23)],
    // nnacl/fp32/bce_with_loigts_loss_fp32.c: m = −x > 0 ? −x : 0; (1 − y)x + (log(e^{−m} + e^{−x−m}) + m); mean.
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => { const m = -v > 0 ? -v : 0; return (1 - y![i]!) * v + (Math.log(Math.exp(-m) + Math.exp(-v - m)) + m); }))),
    reduction: err(exact(`Failed to convert the value "avg" of input 'reduction' of 'BCEWithLogitsLoss' to enum.`), 'core/ops/op_enum.cc: StringToEnumImpl'),
    shape: { args: [A(X, S23), BAD23], expect: err(exact("For 'BCEWithLogitsLoss', two inputs 'input' and 'target' shape are not equal, 'input' shape: (2, 3), 'target' shape: (2, 2)"), 'ops_func_impl/binary_cross_entropy_with_logits.cc: InferShape') },
    dtype: { args: [I23, A(Bn, S23)], expect: floatErr('BCEWithLogitsLoss', 'input', 'Int32', 'docs: input float16/float32') },
    empty: { args: [E23, E23], expect: emptyErr('BCEWithLogitsLoss', 'input') },
  },
  {
    name: 'CosineEmbeddingLoss', make: (kw) => (kw ? nn.CosineEmbeddingLoss(kw) : nn.CosineEmbeddingLoss()), args: [A(X, S23), A(Y, S23), A([1, -1], [2])],
    // loss.py: CosineEmbeddingLoss.construct: cos = Σx1x2/(√Σx1²·√Σx2²); 1 − cos for 1, Maximum(cos − margin, 0) for −1; mean.
    ref: ([a, b, y]) => scalar(mean(rows(a!, 3).map((r, i) => {
      const q = b!.slice(i * 3, i * 3 + 3);
      const cos = sum(r.map((v, j) => v * q[j]!)) / (Math.sqrt(sum(r.map((v) => v * v))) * Math.sqrt(sum(q.map((v) => v * v))));
      return (y![i] === 1 ? 1 - cos : 0) + (y![i] === -1 ? msMax(cos - 0, 0) : 0);
    }))),
    reduction: baseRed('CosineEmbeddingLoss'),
    shape: { args: [A(X, S23), BAD23, A([1, -1], [2])], expect: err(exact("For 'CosineEmbeddingLoss', the logits_x1 shape should be = logits_x2 shape: (2, 2), but got (2, 3)."), 'ops/operations/_inner_ops.py: SameTypeShape.__call__') },
    dtype: { args: [I23, I23, A([1, -1], [2])], expect: floatErr('CosineEmbeddingLoss', 'logits_x1', 'Int32', 'docs: float16/float32') },
    empty: { args: [E23, E23, A([], [0])], expect: emptyErr('CosineEmbeddingLoss', 'logits_x1') },
  },
  {
    name: 'SampledSoftmaxLoss',
    make: (kw) => nn.SampledSoftmaxLoss(2, 4, { sampled_values: [Tensor([0, 2], 'int32'), Tensor([0.5, 0.5]), Tensor([0.5, 0.5])], ...kw }),
    args: [A([0.1, 0.2, 0.3, -0.1, 0.2, 0.5, -0.4, 0.1], [4, 2]), A([0.1, 0, -0.1, 0.2], [4]), A([1, 3], [2, 1], 'int32'), A([0.5, -0.2, 0.1, 0.3], [2, 2])],
    poison: [3, 1],
    // loss.py: _compute_sampled_logits (true/sampled logits − log expected counts) + _softmax_cross_entropy (log(p + 1e−20)).
    ref: ([w, b, y, x]) => ({
      v: rows(x!, 2).map((xi, i) => {
        const lg = (c: number) => xi[0]! * w![c * 2]! + xi[1]! * w![c * 2 + 1]! + b![c]! - Math.log(0.5);
        const logits = [lg(y![i]!), lg(0), lg(2)];
        const m = Math.max(...logits);
        const e = logits.map((v) => Math.exp(v - m));
        return -Math.log(e[0]! / sum(e) + 1e-20);
      }),
      s: [2],
    }),
    reduction: baseRed('SampledSoftmaxLoss'),
    shape: { args: [A([0.1, 0.2, 0.3, -0.1, 0.2, 0.5, -0.4, 0.1], [4, 2]), A([0.1, 0, -0.1, 0.2], [4]), A([1, 3], [2, 1], 'int32'), A([0.5, -0.2, 0.1], [1, 3])], expect: err(/^For 'SampledSoftmaxLoss', the shapes of 'weights' \(C, dim\), 'biases' \(C,\), 'labels' \(N, num_true\) and 'logits' \(N, dim\) do not match/, 'loss.py: _compute_sampled_logits (MatMul, Mul shapes)') },
    dtype: { args: [A([0.1, 0.2, 0.3, -0.1, 0.2, 0.5, -0.4, 0.1], [4, 2]), A([0.1, 0, -0.1, 0.2], [4]), A([1, 3], [2, 1]), A([0.5, -0.2, 0.1, 0.3], [2, 2])], expect: err(exact("For 'SampledSoftmaxLoss', the 'labels' should be one of [Int32, Int64], but got 'Float32'."), 'loss.py: _check_label_dtype') },
    index: { args: (v) => [A([0.1, 0.2, 0.3, -0.1, 0.2, 0.5, -0.4, 0.1], [4, 2]), A([0.1, 0, -0.1, 0.2], [4]), A([v, 3], [2, 1], 'int32'), A([0.5, -0.2, 0.1, 0.3], [2, 2])], C: 4, arg: 'labels', src: 'loss.py: Gather of weights by label (docs: labels < num_classes)' },
    empty: { args: [A([0.1, 0.2, 0.3, -0.1, 0.2, 0.5, -0.4, 0.1], [4, 2]), A([0.1, 0, -0.1, 0.2], [4]), A([], [0, 1], 'int32'), A([], [0, 2])], expect: err(/^SampledSoftmaxLoss: sampled_values must hold 2 sampled classes and counts and 0 true expected counts/, 'loss.py: _compute_sampled_logits: true_logits (0, 1) − log(true_expected_count) (2,) do not broadcast') },
  },
  {
    name: 'DiceLoss', make: (kw) => (kw ? nn.DiceLoss(kw) : nn.DiceLoss()), args: [A(P, S23), A(Bn, S23)],
    // loss.py: DiceLoss.construct: 1 − 2Σpq / (Σp² + Σq² + smooth).
    ref: ([x, y]) => scalar(1 - (2 * sum(x!.map((v, i) => v * y![i]!))) / (sum(x!.map((v) => v * v)) + sum(y!.map((v) => v * v)) + 1e-5)),
    reduction: noRed('DiceLoss'),
    shape: { args: [A(P, S23), BAD23], expect: err(exact("For 'DiceLoss', the 'logits_shape' should be = label_shape: (2, 2), but got (2, 3)."), 'loss.py: _check_dice_shape → _checkparam.check') },
    dtype: { args: [I23, I23], expect: floatErr('DiceLoss', 'logits', 'Int32', 'docs: logits float16/float32') },
    empty: { args: [E23, E23], expect: emptyErr('DiceLoss', 'logits') },
  },
  {
    name: 'MultiClassDiceLoss', make: (kw) => (kw ? nn.MultiClassDiceLoss(kw) : nn.MultiClassDiceLoss()), args: [A(X, S23), A(Bn, S23)],
    // loss.py: MultiClassDiceLoss.construct: softmax (axis −1), then the mean over channels of DiceLoss(logits[:, i], label[:, i]).
    ref: ([x, y]) => {
      const p = rows(x!, 3).map(softmaxRow);
      const dice = (i: number) => {
        const a = p.map((r) => r[i]!);
        const b = [y![i]!, y![3 + i]!];
        return 1 - (2 * sum(a.map((v, k) => v * b[k]!))) / (sum(a.map((v) => v * v)) + sum(b.map((v) => v * v)) + 1e-5);
      };
      return scalar((dice(0) + dice(1) + dice(2)) / 3);
    },
    reduction: noRed('MultiClassDiceLoss'),
    shape: { args: [A(X, S23), BAD23], expect: err(exact("For 'MultiClassDiceLoss', the 'logits_shape' should be = label_shape: (2, 2), but got (2, 3)."), 'loss.py: _check_shape → _checkparam.check') },
    dtype: { args: [I23, I23], expect: floatErr('MultiClassDiceLoss', 'logits', 'Int32', 'docs: logits float16/float32') },
    empty: { args: [E23, E23], expect: emptyErr('MultiClassDiceLoss', 'logits') },
  },
  {
    name: 'FocalLoss', make: (kw) => (kw ? nn.FocalLoss(kw) : nn.FocalLoss()), args: [A(X, S23), A([2, 0], [2, 1], 'int32')],
    // loss.py: FocalLoss.construct: log p = LogSoftmax(axis 1)[label]; −(1 − p)^γ·log p (γ = 2); mean.
    ref: ([x, t]) => scalar(mean(rows(x!, 3).map((r, i) => { const lp = logSoftmaxRow(r)[t![i]!]!; return -((1 - Math.exp(lp)) ** 2) * lp; }))),
    reduction: baseRed('FocalLoss'),
    shape: { args: [A(X, S23), A([2, 0], [2], 'int32')], expect: err(exact("For 'FocalLoss', the dimensions of 'labels' must be in [2, 4], but got dimension of 'labels' 1."), 'loss.py: _check_ndim') },
    dtype: { args: [A(X, S23), A([1, 0], [2, 1], 'bool')], expect: err(exact("For 'FocalLoss', the 'labels' should be one of [Int32, Int64, Float16, Float32], but got 'Bool'."), 'loss.py: _check_input_dtype') },
    index: { args: (v) => [A(X, S23), A([v, 0], [2, 1], 'int32')], C: 3, arg: 'labels', src: "gather_d_cpu_kernel.cc: the value of 'index' must be in [-C, C)" },
    empty: { args: [E23, A([], [0, 1], 'int32')], expect: emptyErr('FocalLoss', 'logits') },
  },
  {
    name: 'PoissonNLLLoss', make: (kw) => (kw ? nn.PoissonNLLLoss(kw) : nn.PoissonNLLLoss()), args: [A(X, S23), A(P, S23)],
    // loss.py: PoissonNLLLoss.construct (log_input): exp(x) − y·x; get_loss mean.
    ref: ([x, y]) => scalar(mean(x!.map((v, i) => Math.exp(v) - y![i]! * v))),
    reduction: baseRed('PoissonNLLLoss'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('PoissonNLLLoss', 'input', 'target', 'loss.py: PoissonNLLLoss.construct (Mul)') },
    dtype: { args: [I23, A(P, S23)], expect: floatErr('PoissonNLLLoss', 'input', 'Int32', 'docs: input float') },
    empty: { args: [E23, E23], expect: emptyErr('PoissonNLLLoss', 'input') },
  },
  {
    name: 'KLDivLoss', make: (kw) => (kw ? nn.KLDivLoss(kw) : nn.KLDivLoss()), args: [A(LSM, S23), A(PD, S23)],
    // kl_div_loss_cpu_kernel.cc: v = (log y − x)·y, a NaN v counts 0; nn_func.py: kl_div 'mean' = Σ / size.
    ref: ([x, y]) => scalar(sum(x!.map((v, i) => { const k = (Math.log(y![i]!) - v) * y![i]!; return Number.isNaN(k) ? 0 : k; })) / 6),
    reduction: strRed('KLDivLoss', "['none', 'mean', 'batchmean', 'sum']", 'ops/operations/nn_ops.py: KLDivLoss.__init__ (CPU)'),
    shape: { args: [A(LSM, S23), BAD23], expect: err(/^For 'KLDivLoss', the shape of 'logits' \(2, 3\) and the shape of 'labels' \(2, 2\) should be same\.$/, 'core/ops/kl_div_loss.cc: Check("x shape", …, kEqual, target shape)') },
    dtype: { args: [I23, A(PD, S23)], expect: floatErr('KLDivLoss', 'logits', 'Int32', 'core/ops/kl_div_loss.cc: CheckTensorTypeValid("x", float16/32/64)') },
    empty: { args: [E23, E23], expect: emptyErr('KLDivLoss', 'logits') },
  },
  {
    name: 'MarginRankingLoss', make: (kw) => (kw ? nn.MarginRankingLoss(kw) : nn.MarginRankingLoss()), args: [A([0.1, 0.5, -0.3], [3]), A([0.3, -0.5, 0.2], [3]), A([1, -1, 1], [3])],
    // nn_func.py: margin_ranking_loss: Maximum(−t(x1 − x2) + margin, 0) (a NaN first operand gives 0); mean.
    ref: ([a, b, t]) => scalar(mean(a!.map((v, i) => msMax(-t![i]! * (v - b![i]!) + 0, 0)))),
    reduction: baseRed('MarginRankingLoss'),
    shape: { args: [A([0.1, 0.5, -0.3], [3]), A([0.3, -0.5], [2]), A([1, -1, 1], [3])], expect: bcast('MarginRankingLoss', 'input1', 'input2', 'nn_func.py: margin_ranking_loss (Sub)') },
    dtype: { args: [A([0.1, 0.5, -0.3], [3]), A([0.3, -0.5, 0.2], [3], 'float64'), A([1, -1, 1], [3])], expect: err(exact("For 'MarginRankingLoss', the dtype of 'input2' (Float64) must be the same as 'input1' (Float32)."), 'nn_func.py: margin_ranking_loss → check_input_dtype') },
    empty: { args: [A([], [0]), A([], [0]), A([], [0])], expect: emptyErr('MarginRankingLoss', 'input1', '(0,)') },
  },
  {
    name: 'TripletMarginLoss', make: (kw) => (kw ? nn.TripletMarginLoss(kw) : nn.TripletMarginLoss()), args: [A(X, S23), A(Y, S23), A(P, S23)], optional: 1,
    // triplet_margin_loss_cpu_kernel.cc: d = (Σ|x − y + eps|²)^½; (dp + margin − dn > 0) ? … : 0 (NaN gives 0); mean.
    ref: ([x, p, n]) => scalar(mean(rows(x!, 3).map((r, i) => {
      const d = (o: number[]) => Math.sqrt(sum(r.map((v, j) => Math.abs(v - o[i * 3 + j]! + 1e-6) ** 2)));
      const z = d(p!) + 1 - d(n!);
      return z > 0 ? z : 0;
    }))),
    reduction: strRed('TripletMarginLoss', NSM, 'ops/operations/nn_ops.py: TripletMarginLoss.__init__'),
    shape: { args: [A(X, S23), BAD23, A(P, S23)], expect: bcast('TripletMarginLoss', 'x', 'positive', "core/ops/triplet_margin_loss.cc: inputs' shape can't broadcast") },
    dtype: { args: [I23, I23, I23], expect: floatErr('TripletMarginLoss', 'x', 'Int32', 'docs: float') },
    empty: { args: [E23, E23, E23], expect: emptyErr('TripletMarginLoss', 'x') },
  },
  {
    name: 'TripletMarginWithDistanceLoss', make: (kw) => (kw ? nn.TripletMarginWithDistanceLoss(kw) : nn.TripletMarginWithDistanceLoss()), args: [A(X, S23), A(Y, S23), A(P, S23)],
    // loss.py: pairwise_distance = LpNorm(axis 1, p 2)(|x − y|) (lp_norm_cpu_kernel.cc: std::max(√Σ, 1e−12)); Maximum(d1 − d2 + margin, 0); mean.
    ref: ([x, p, n]) => scalar(mean(rows(x!, 3).map((r, i) => {
      const d = (o: number[]) => stdMax(Math.sqrt(sum(r.map((v, j) => Math.abs(v - o[i * 3 + j]!) ** 2))), 1e-12);
      return msMax(d(p!) - d(n!) + 1, 0);
    }))),
    reduction: baseRed('TripletMarginWithDistanceLoss'),
    shape: { args: [A(X, S23), BAD23, A(P, S23)], expect: bcast('TripletMarginWithDistanceLoss', 'x', 'positive', 'loss.py: pairwise_distance (Sub)') },
    dtype: { args: [I23, I23, I23], expect: floatErr('TripletMarginWithDistanceLoss', 'x', 'Int32', 'docs: float') },
    empty: { args: [E23, E23, E23], expect: emptyErr('TripletMarginWithDistanceLoss', 'x') },
  },
  {
    name: 'HingeEmbeddingLoss', make: (kw) => (kw ? nn.HingeEmbeddingLoss(kw) : nn.HingeEmbeddingLoss()), args: [A(X, S23), A(Sg, S23)],
    // nn_func.py: hinge_embedding_loss: (t > 0)·x + clip_by_value(margin·(t < 0) − (t < 0)·x, 0) (Maximum); mean.
    ref: ([x, t]) => scalar(mean(x!.map((v, i) => { const pos = (t![i]! > 0 ? 1 : 0) * v; const neg = (t![i]! < 0 ? 1 : 0) * v; return pos + msMax(1 * (t![i]! < 0 ? 1 : 0) - neg, 0); }))),
    reduction: strRed('HingeEmbeddingLoss', NSM, 'loss.py: HingeEmbeddingLoss.__init__'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('HingeEmbeddingLoss', 'logits', 'labels', 'nn_func.py: hinge_embedding_loss (Mul)') },
    dtype: { args: [I23, A(Sg, S23)], expect: err(exact("For 'HingeEmbeddingLoss', the dtype of the first input must be float, but got Int32."), 'nn_func.py: _check_hinge_embedding_loss_type') },
    empty: { args: [E23, E23], expect: emptyErr('HingeEmbeddingLoss', 'logits') },
  },
  {
    name: 'MultilabelMarginLoss', make: (kw) => (kw ? nn.MultilabelMarginLoss(kw) : nn.MultilabelMarginLoss()), args: [A(X, S23), A([2, 0, -1, 1, -1, 0], S23, 'int32')],
    // GPU multilabel_margin_loss_impl.cu (no CPU kernel): targets up to the first negative; Σ (z = 1 − x_t + x_i) if z > 0 over non-targets, / C; mean.
    ref: ([x, t]) => scalar(mean(rows(x!, 3).map((r, i) => {
      const tg: number[] = [];
      for (const c of t!.slice(i * 3, i * 3 + 3)) { if (c < 0) break; tg.push(c); }
      return sum(tg.map((c) => sum(r.map((v, k) => { const z = 1 - r[c]! + v; return !tg.includes(k) && z > 0 ? z : 0; })))) / 3;
    }))),
    reduction: strRed('MultilabelMarginLoss', NSM, 'ops/operations/nn_ops.py: MultilabelMarginLoss.__init__'),
    shape: { args: [A(X, S23), A([2, 0, 1, -1], [2, 2], 'int32')], expect: err(exact('For MultilabelMarginLoss, x_shape and target_shape should be the same, while x_shape is : (2, 3), target_shape is : (2, 2).'), 'core/ops/multilabel_margin_loss.cc: InferShape') },
    dtype: { args: [A(X, S23), A([2, 0, -1, 1, -1, 0], S23, 'int64')], expect: err(exact("For 'MultilabelMarginLoss', the 'target' should be Int32, but got 'Int64'."), 'core/ops/multilabel_margin_loss.cc: CheckTensorTypeValid("target", {kInt32})') },
    index: { args: (v) => [A(X, S23), A([v, 0, -1, 1, -1, 0], S23, 'int32')], C: 3, negative: -2, arg: 'target', src: 'docs: target class indices in [0, C) padded with −1; the GPU kernel stops at any negative and writes out of bounds for ≥ C' },
    empty: { args: [E23, A([], [0, 3], 'int32')], expect: emptyErr('MultilabelMarginLoss', 'x') },
  },
  {
    name: 'MultiLabelSoftMarginLoss', make: (kw) => (kw ? nn.MultiLabelSoftMarginLoss(kw) : nn.MultiLabelSoftMarginLoss()), args: [A(X, S23), A(Bn, S23)],
    // nn_func.py: multilabel_soft_margin_loss: y·log(e^{−x} + 1) + (1 − y)·log(e^{x} + 1), Σ over C / C; mean.
    ref: ([x, y]) => scalar(mean(rows(x!, 3).map((r, i) => sum(r.map((v, j) => y![i * 3 + j]! * Math.log(Math.exp(-v) + 1) + (1 - y![i * 3 + j]!) * Math.log(Math.exp(v) + 1))) / 3))),
    reduction: baseRed('MultiLabelSoftMarginLoss'),
    shape: { args: [A(X, S23), BAD23], expect: bcast('MultiLabelSoftMarginLoss', 'x', 'target', 'nn_func.py: multilabel_soft_margin_loss (Mul)') },
    dtype: { args: [I23, A(Bn, S23)], expect: floatErr('MultiLabelSoftMarginLoss', 'x', 'Int32', 'docs: x float') },
    empty: { args: [E23, E23], expect: emptyErr('MultiLabelSoftMarginLoss', 'x') },
  },
  {
    name: 'GaussianNLLLoss', make: (kw) => (kw ? nn.GaussianNLLLoss(kw) : nn.GaussianNLLLoss()), args: [A(X, S23), A(Y, S23), A(P, S23)],
    // nn_func.py: gaussian_nll_loss: v = Maximum(var, eps) (a NaN var gives eps); ½(log v + (x − y)²/v); mean.
    ref: ([x, y, v]) => scalar(mean(x!.map((a, i) => { const m = msMax(v![i]!, 1e-6); return 0.5 * (Math.log(m) + (a - y![i]!) ** 2 / m); }))),
    reduction: strRed('GaussianNLLLoss', "['none', 'mean', 'sum']", 'loss.py: GaussianNLLLoss.__init__ (prim_name gaussian_nll_loss)'),
    shape: { args: [A(X, S23), BAD23, A(P, S23)], expect: bcast('GaussianNLLLoss', 'logits', 'labels', 'nn_func.py: gaussian_nll_loss (Sub)') },
    dtype: { args: [I23, A(Y, S23), A(P, S23)], expect: floatErr('GaussianNLLLoss', 'logits', 'Int32', 'docs: float') },
    empty: { args: [E23, E23, E23], expect: emptyErr('GaussianNLLLoss', 'logits') },
  },
  {
    name: 'CTCLoss', make: (kw) => (kw ? nn.CTCLoss(kw) : nn.CTCLoss()), args: [A(CTC_LP, [3, 1, 3]), A([1, 2], [1, 2], 'int32'), A([3], [1], 'int32'), A([2], [1], 'int32')],
    ref: ([lp, t, il, tl]) => scalar(msCtc(lp!, t!, il![0]!, tl![0]!) / Math.max(tl![0]!, 1)),
    reduction: strRed('CTCLoss', NSM, 'nn_func.py: ctc_loss → _check_ctc_loss_inputs'),
    shape: { args: [A(CTC_LP, [3, 1, 3]), A([1, 2], [2], 'int32'), A([3], [1], 'int32'), A([2], [1], 'int32')], expect: err(/^For 'CTCLoss', the dimension of 'targets' must be 2, but got 1/, 'core/ops/ctc_loss_v2.cc: CheckValue("dim of targets", …, kEqual, 2)') },
    dtype: { args: [A(CTC_LP, [3, 1, 3]), A([1, 2], [1, 2]), A([3], [1], 'int32'), A([2], [1], 'int32')], expect: err(exact("For 'CTCLoss', the 'targets' should be one of [Int32, Int64], but got 'Float32'."), 'core/ops/ctc_loss_v2.cc: CheckTypeValid("targets", {kInt32, kInt64})') },
    index: { args: (v) => [A(CTC_LP, [3, 1, 3]), A([v, 2], [1, 2], 'int32'), A([3], [1], 'int32'), A([2], [1], 'int32')], C: 3, arg: 'targets', src: 'ctcloss_v2_cpu_kernel.cc reads log_probs at each target (no range check): docs, targets in [0, C)',
      error: (v) => new RegExp(`^CTCLoss: targets holds ${v} at batch entry 0 \\(position 0\\), out of the class range \\[0, 3\\)$`) },
    empty: { args: [A([], [3, 0, 3]), A([], [0, 2], 'int32'), A([], [0], 'int32'), A([], [0], 'int32')], expect: emptyErr('CTCLoss', 'log_probs', '(3, 0, 3)') },
  },
];

/**
 * CTCLossV2's CPU forward (ctcloss_v2_cpu_kernel.cc: LossCompute + LaunchKernel) for one sequence of
 * log_probs (T, 1, C), blank 0, with its `std::max` and −inf handling: the negative log-likelihood.
 */
function msCtc(lp: number[], t: number[], T: number, L: number): number {
  const C = 3;
  const S = 2 * L + 1;
  const at = (ti: number, c: number) => lp[ti * C + c]!;
  const lab = (s: number) => (s % 2 === 0 ? 0 : t[(s - 1) / 2]!);
  const alpha = Array.from({ length: T }, () => new Array<number>(S).fill(-Infinity));
  alpha[0]![0] = at(0, 0);
  if (L > 0) alpha[0]![1] = at(0, lab(1));
  for (let s = 0; s < S; s++) {
    const three = s > 1 && lab(s - 2) !== lab(s);
    let a1 = alpha[0]![s]!;
    for (let ti = 1; ti < T; ti++) {
      let m = a1;
      const a2 = s > 0 ? alpha[ti - 1]![s - 1]! : -Infinity;
      if (s > 0) m = stdMax(a2, m);
      const a3 = three ? alpha[ti - 1]![s - 2]! : -Infinity;
      if (three) m = stdMax(a3, m);
      if (m === -Infinity) m = 0;
      const v = Math.log(Math.exp(a1 - m) + Math.exp(a2 - m) + Math.exp(a3 - m)) + m + at(ti, lab(s));
      alpha[ti]![s] = v;
      a1 = v;
    }
  }
  const l1 = alpha[T - 1]![2 * L]!;
  const l2 = alpha[T - 1]![2 * L - 1]!;
  let m = stdMax(l1, l2);
  if (m === -Infinity) m = 0;
  return -(Math.log(Math.exp(l1 - m) + Math.exp(l2 - m)) + m);
}

/** Python's type name of a probe, as the message prints it. */
const PROBES: [string, unknown, string][] = [['list', [[1, 2]], 'list'], ['number', 1.5, 'float'], ['null', null, 'NoneType'], ['undefined', undefined, ''], ['string', 'x', 'str']];
const FIRST_ARG: Record<string, string> = {
  L1Loss: 'logits', MAELoss: 'logits', MSELoss: 'logits', RMSELoss: 'logits', SmoothL1Loss: 'logits', HuberLoss: 'logits', SoftMarginLoss: 'logits',
  MultiMarginLoss: 'x', SoftmaxCrossEntropyWithLogits: 'logits', CrossEntropyLoss: 'logits', NLLLoss: 'logits', BCELoss: 'logits', BCEWithLogitsLoss: 'input',
  CosineEmbeddingLoss: 'logits_x1', SampledSoftmaxLoss: 'weights', DiceLoss: 'logits', MultiClassDiceLoss: 'logits', FocalLoss: 'logits', PoissonNLLLoss: 'input',
  KLDivLoss: 'logits', MarginRankingLoss: 'input1', TripletMarginLoss: 'x', TripletMarginWithDistanceLoss: 'x', HingeEmbeddingLoss: 'logits',
  MultilabelMarginLoss: 'x', MultiLabelSoftMarginLoss: 'x', GaussianNLLLoss: 'logits', CTCLoss: 'log_probs',
};
const LAST_ARG: Record<string, string> = {
  MAELoss: 'label', RMSELoss: 'label', DiceLoss: 'label', MultiClassDiceLoss: 'label', MultiMarginLoss: 'target', BCEWithLogitsLoss: 'target', PoissonNLLLoss: 'target',
  CosineEmbeddingLoss: 'labels', SampledSoftmaxLoss: 'logits', MarginRankingLoss: 'target', TripletMarginLoss: 'negative', TripletMarginWithDistanceLoss: 'negative',
  MultilabelMarginLoss: 'target', MultiLabelSoftMarginLoss: 'target', GaussianNLLLoss: 'var', CTCLoss: 'target_lengths',
};
const CELL = 'nn/cell.py: Cell.__call__ → self.construct(*args, **kwargs) (CPython)';

/** Every case of one class. */
function casesOf(c: MsClass): Case[] {
  const run = (args: Arg[], kw?: Record<string, unknown>) => () => c.make(kw)(...args.map(toTensor));
  const n = 1 + c.args.length;
  const opt = c.optional ?? 0;
  const takes = opt ? `from ${n} to ${n + opt} positional arguments` : `${n} positional arguments`;
  const first = FIRST_ARG[c.name]!;
  const last = LAST_ARG[c.name] ?? 'labels';
  const out: Case[] = [
    { id: 'too many arguments', run: () => c.make()(...c.args.map(toTensor), ...new Array(opt).fill(null), toTensor(c.args[0]!)),
      expect: err(exact(`${c.name}.construct() takes ${takes} but ${n + opt + 1} were given`), CELL) },
    { id: 'too few arguments', run: run(c.args.slice(0, -1)), expect: err(exact(`${c.name}.construct() missing 1 required positional argument: '${last}'`), CELL) },
    { id: 'unknown keyword at the call', run: () => c.make()(...c.args.map(toTensor), { foo: 1 }), expect: err(exact(`${c.name}.construct() got an unexpected keyword argument 'foo'`), CELL) },
    { id: 'unknown keyword at construction', run: () => c.make({ foo: 1 }), expect: err(new RegExp(`^${c.name}\\(\\) got an unexpected keyword argument 'foo'$`), `CPython: ${c.name}.__init__() got an unexpected keyword argument`) },
    { id: "reduction='avg'", run: () => c.make({ reduction: 'avg' }), expect: c.reduction },
    ...PROBES.map(([what, v, py]): Case => ({
      id: `${what} where a Tensor goes`,
      run: () => c.make()(v, ...c.args.slice(1).map(toTensor)),
      // `undefined` is JavaScript's "not passed" (`null` is None): CPython's missing-argument error.
      expect: what === 'undefined'
        ? err(exact(`${c.name}.construct() missing 1 required positional argument: '${first}'`), CELL)
        : err(exact(`For '${c.name}', the '${first}' must be a Tensor, but got ${py}.`), "nn_func.py: _check_is_tensor (For '…', the '…' must be a Tensor, but got …)"),
    })),
    { id: 'mismatched shapes', run: run(c.shape.args), expect: c.shape.expect },
    { id: 'wrong dtype', run: run(c.dtype.args), expect: c.dtype.expect },
    { id: 'empty batch', run: run(c.empty.args), expect: c.empty.expect },
  ];
  if (c.index) {
    const ix = c.index;
    for (const [what, v] of [['negative', ix.negative ?? -1], ['= C', ix.C], ['huge', 2 ** 30]] as const) {
      out.push({ id: `class index ${what}`, run: run(ix.args(v)), expect: err(ix.error?.(v) ?? exact(`For '${c.name}', the value of '${ix.arg}' must be in [0, ${ix.C}), but got: ${v}`), ix.src) });
    }
  }
  const [pi, pk] = c.poison ?? [0, 1];
  for (const [what, bad] of [['NaN', NaN], ['+Inf', Infinity], ['-Inf', -Infinity]] as const) {
    const args = c.args.map((a, i) => (i === pi && !('raw' in a) ? { ...a, d: a.d.map((v, k) => (k === pk ? bad : v)) } : a));
    out.push({ id: `${what} input`, run: run(args), expect: val(c.ref(args.map(data)), `the formula of MindSpore's source, float64 (see ${c.name}.ref)`) });
  }
  return out;
}

/** Numbers of a result, NaN and ±Inf kept. */
const numbers = (r: unknown): Out => {
  const t = (r as { value: core.Tensor }).value;
  return { v: Array.from(t.dataSync() as ArrayLike<number>, Number), s: t.shape };
};

const tally = new OutcomeTally();

describe('mindspore.nn losses: the bad-input matrix (MindSpore 2.3.1 outcomes)', () => {
  it('covers every loss class of mindspore.nn', () => {
    // nn.Loss is the metric (train/metrics), MsLoss the shared base class of these.
    const exported = Object.keys(nn).filter((k) => /Loss$|^SoftmaxCrossEntropyWithLogits$/.test(k) && !['LossBase', 'Loss', 'MsLoss'].includes(k));
    expect(classes.map((c) => c.name).sort()).toEqual(exported.sort());
    expect(classes.length).toBe(28);
  });

  for (const c of classes) {
    describe(c.name, () => {
      for (const k of casesOf(c)) {
        const id = `${c.name}: ${k.id}`;
        it(k.id, () => {
          const { outcome, why } = judge(k.run, k.expect, numbers, 'MindSpore');
          expect(why, id).toBeNull();
          tally.record(outcome);
        });
      }
    });
  }

  it('counts: no outcome is anything else', () => {
    console.log(tally.summary(`mindspore bad-input matrix (${core.getBackend().name})`));
    tally.assertNoOther(classes.reduce((s, c) => s + casesOf(c).length, 0));
  });
});
