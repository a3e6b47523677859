import { onBackend } from '../../backend/registry.js';
import { noGrad } from '../../autograd/grad-mode.js';
import { needsGrad, recordCustom } from '../../autograd/record.js';
import { isFloat } from '../../dtype.js';
import { DTypeError, IndexError, ShapeError, ValueError, fmtShape } from '../../errors.js';
import { realize } from '../../ir/schedule.js';
import { where } from '../../ops/elementwise.js';
import { scatterAdd, zerosLazyLike } from '../../ops/index-ops.js';
import { stack } from '../../ops/movement.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reduceLoss, type ReductionMode } from '../reduction.js';

/** Lengths: a tensor or a plain list of whole numbers, one per batch entry. */
export type CtcLengths = Tensor | readonly number[];

export interface CtcLossOptions {
  /** Valid time steps per batch entry (PyTorch `input_lengths`); default: all T. */
  inputLengths?: CtcLengths;
  /**
   * Target length per batch entry (PyTorch `target_lengths`). Required for concatenated 1-D targets;
   * for padded (N, S) targets it defaults to the position of the first negative (padding) value,
   * MXNet's rule for `blank_label='last'` (a blank inside the row is a label there, not padding).
   */
  targetLengths?: CtcLengths;
  /** Class index of the blank; default 0 (PyTorch, MindSpore). Negative counts from the end: −1 is Gluon's last class. */
  blank?: number;
  /** Losses of impossible alignments (+∞) and their gradients become 0; default false. */
  zeroInfinity?: boolean;
  /** Layout of the scores: 'TNC' (default, PyTorch) or 'NTC' (Gluon's default). */
  layout?: 'TNC' | 'NTC';
  /** Apply log-softmax over the classes first (Gluon's pred are unnormalized scores); default false. */
  logSoftmax?: boolean;
  /** Default 'mean': each loss ÷ max(its target length, 1), then the batch mean (PyTorch). */
  reduction?: ReductionMode;
  /**
   * The gradient w.r.t. log_probs: false (default) differentiates the recursion (the derivative of
   * the loss); true gives PyTorch's native `ctc_loss_backward` (see {@link ctcLoss}).
   */
  nativeBackward?: boolean;
  name?: string;
}

/** A stand-in for −∞ inside the differentiated recursion: finite, so unreachable states get a finite gradient (0). */
const NEG = -1e30;

/**
 * log Σ e^x over the stacked `xs`, shifted by their maximum as PyTorch's CTC kernels shift: a −∞
 * maximum shifts by 0, and a +∞ or NaN among the terms makes the sum NaN (`torch.logsumexp` would
 * give +∞ for a +∞). The shift is a constant to autograd.
 */
function kernelLogSumExp(xs: readonly Tensor[]): Tensor {
  const st = stack(xs, 0);
  const m = st.detach().max(0, true);
  const shift = where(m.eq(-Infinity), 0, m);
  return st.sub(shift).exp().sum(0).log().add(shift.squeeze(0));
}

/** Host-side bookkeeping of one call: extended labels l′ (2·max L + 1 positions) and masks. */
interface Plan {
  T: number; N: number; L: number;
  lens: number[]; inLens: number[];
  /** l′_s for every (t, n, s): gather indices into the classes, (T, N, L) int64. */
  extIdx: Tensor;
  /** (N, L): the s − 2 → s transition exists (a label unlike the label before it). */
  skip: Uint8Array;
  /** (N, 1) input lengths as float64, for the time masks. */
  lenCol: Tensor;
}

/**
 * The forward variables α_t(s) for t = 0 … T − 1 of eq. (6) (Graves et al. 2006), in log space with
 * `minusInf` for log 0; α stays at its last value past an entry's input length.
 */
function forwardVariables(emit: Tensor, p: Plan, minusInf: number): Tensor[] {
  const { T, N, L } = p;
  const at = (t: number): Tensor => emit.narrow(0, t, 1).reshape([N, L]);
  const skip = tensor(p.skip, { dtype: 'bool', shape: [N, L] });
  const init = tensor(Uint8Array.from({ length: N * L }, (_, k) => (k % L < 2 ? 1 : 0)), { dtype: 'bool', shape: [N, L] });
  let alpha = where(init, at(0), minusInf);
  const alphas = [alpha];
  for (let t = 1; t < T; t++) {
    const prev1 = L > 1 ? alpha.narrow(1, 0, L - 1).pad([0, 1], [0, 0], minusInf) : null;
    const prev2 = L > 2 ? where(skip, alpha.narrow(1, 0, L - 2).pad([0, 2], [0, 0], minusInf), minusInf) : null;
    const next = kernelLogSumExp([alpha, ...(prev1 ? [prev1] : []), ...(prev2 ? [prev2] : [])]).add(at(t));
    alpha = where(p.lenCol.gt(t), next, alpha);
    alphas.push(alpha);
  }
  return alphas;
}

/** log p(target) of eq. (8): logsumexp(α(2L), α(2L − 1)) at the last step, α(0) for an empty target (N). */
function logLikelihood(alphaLast: Tensor, p: Plan): Tensor {
  const { N, lens } = p;
  const ends = tensor(Float64Array.from(lens.flatMap((l) => [2 * l, Math.max(2 * l - 1, 0)])), { dtype: 'int64', shape: [N, 2] });
  const last = alphaLast.gather(1, ends);
  const end = last.narrow(1, 0, 1).reshape([N]);
  const hasLabel = tensor(Uint8Array.from(lens, (l) => (l > 0 ? 1 : 0)), { dtype: 'bool', shape: [N] });
  return where(hasLabel, kernelLogSumExp([end, last.narrow(1, 1, 1).reshape([N])]), end);
}

/**
 * PyTorch's `ctc_loss_backward` (ATen `LossCTC.cpp`; MindSpore's `CTCLossV2Grad` kernel is the same):
 * with the backward variables β_t(s) of eq. (10) (each including lp_t(l′_s), as α does),
 *   grad_t(c) = (e^{lp_t(c)} − Σ_{s: l′_s = c} e^{α_t(s) + β_t(s) + nll − lp_t(c)}) · g   for t < input length,
 * 0 after it, and 0 for the whole entry when zero_infinity and nll = +∞. It is the derivative w.r.t.
 * the logits of a log_softmax in front, not w.r.t. log_probs: the exact derivative lacks the
 * e^{lp}·g term, which a log_softmax's own backward cancels (Σ_c e^{lp} = 1).
 */
function nativeGradient(g: Tensor, lp: Tensor, emit: Tensor, alphas: Tensor, nll: Tensor, p: Plan, zeroInfinity: boolean): Tensor {
  const { T, N, L, lens, inLens } = p;
  const at = (t: number): Tensor => emit.narrow(0, t, 1).reshape([N, L]);
  const mask = (f: (n: number, s: number) => boolean): Tensor =>
    tensor(Uint8Array.from({ length: N * L }, (_, k) => (f(Math.floor(k / L), k % L) ? 1 : 0)), { dtype: 'bool', shape: [N, L] });
  const inside = mask((n, s) => s <= 2 * lens[n]!);
  const end = mask((n, s) => s === 2 * lens[n]! || (lens[n]! > 0 && s === 2 * lens[n]! - 1));
  const skipNext = mask((n, s) => s + 2 < L && p.skip[n * L + s + 2] === 1);
  const betas = new Array<Tensor>(T);
  for (let t = T - 1; t >= 0; t--) {
    let beta = where(end, at(t), -Infinity);
    if (t < T - 1) {
      const b = betas[t + 1]!;
      const next1 = L > 1 ? b.narrow(1, 1, L - 1).pad([0, 0], [0, 1], -Infinity) : null;
      const next2 = L > 2 ? where(skipNext, b.narrow(1, 2, L - 2).pad([0, 0], [0, 2], -Infinity), -Infinity) : null;
      const rec = kernelLogSumExp([b, ...(next1 ? [next1] : []), ...(next2 ? [next2] : [])]).add(at(t));
      beta = where(p.lenCol.eq(t + 1), beta, where(p.lenCol.gt(t + 1), rec, -Infinity));
    } else {
      beta = where(p.lenCol.eq(T), beta, -Infinity);
    }
    betas[t] = where(inside, beta, -Infinity);
  }
  const nll3 = nll.reshape([1, N, 1]);
  const occupancy = alphas.add(stack(betas, 0)).add(nll3).sub(emit).exp();
  const perClass = scatterAdd(zerosLazyLike(lp), 2, p.extIdx, where(inside, occupancy, 0));
  // PyTorch's sum for class c starts at log 0, so e^{−∞ + nll − lp} is in every entry: 0, or NaN
  // where nll is +∞ or NaN or lp is −∞ or NaN, as PyTorch's gradient is there.
  const start = nll3.add(-Infinity).sub(lp).exp();
  const live = tensor(Uint8Array.from({ length: T * N }, (_, k) => (Math.floor(k / N) < inLens[k % N]! ? 1 : 0)), { dtype: 'bool', shape: [T, N, 1] });
  const grad = where(live, lp.exp().sub(perClass.add(start)).mul(g.reshape([1, N, 1])), 0);
  return zeroInfinity ? where(nll3.eq(Infinity), 0, grad) : grad;
}

function readInts(name: string, what: string, v: CtcLengths | Tensor): number[] {
  const raw = Array.isArray(v) ? (v as readonly number[]) : Array.from((v as Tensor).dataSync() as ArrayLike<number | bigint>, Number);
  if (!Array.isArray(v) && (v as Tensor).dtype === 'bool') throw new DTypeError(`${name}: ${what} must be integers, got bool`);
  raw.forEach((x, i) => {
    if (!Number.isInteger(x)) throw new DTypeError(`${name}: ${what} must hold whole numbers, got ${x} (at position ${i})`);
  });
  return [...raw];
}

/**
 * Connectionist temporal classification loss (`torch.nn.functional.ctc_loss`,
 * `torch.nn.CTCLoss`, MindSpore `nn.CTCLoss`; Gluon `CTCLoss` through {@link gluonCtcLoss}).
 *
 * logProbs: (T, N, C) log-probabilities (or (T, C) unbatched; (N, T, C) with `layout: 'NTC'`);
 * targets: padded (N, S) or concatenated (Σ target lengths). For each batch entry, with the extended
 * label l′ = (blank, y₁, blank, y₂, …, y_L, blank) of length 2L + 1, the forward variables are
 * α₀(0) = lp₀(blank), α₀(1) = lp₀(y₁) and
 *   α_t(s) = lp_t(l′_s) + logsumexp(α_{t−1}(s), α_{t−1}(s−1), α_{t−1}(s−2)),
 * the last term only at a label position whose label differs from the previous label. The loss is
 * −logsumexp(α_{T−1}(2L), α_{T−1}(2L−1)), +∞ when no alignment exists. The recursion runs in log
 * space over core ops, vectorised over the batch and the 2L + 1 positions, with PyTorch's shifted
 * logsumexp, so a +∞ or NaN log-probability that reaches an alignment's end makes that loss NaN.
 * The gradient is autograd's (0 for an infeasible +∞ loss), or with `nativeBackward` PyTorch's
 * kernel (custom VJP, {@link nativeGradient}): e^{lp}·g more than the derivative per element where
 * t < input length, NaN for an infeasible loss without zero_infinity and where lp = −∞; through a
 * log_softmax both give the same gradient.
 * NOTE: the torch facade and MindSpore's `CTCLoss` (whose `CTCLossV2Grad` is PyTorch's kernel) use
 * `nativeBackward`; Gluon's `CTCLoss` differentiates w.r.t. unnormalized scores (warp-ctc's
 * softmax − occupancy), which is autograd's gradient through the log_softmax. A target equal to the
 * blank is not rejected (PyTorch's and warp-ctc's recursions accept it and treat it as a label).
 */
export function ctcLoss(logProbs: Tensor, targets: Tensor, opts: CtcLossOptions = {}): Tensor {
  return onBackend(logProbs.backend, () => {
    const { zeroInfinity = false, layout = 'TNC', reduction = 'mean', name = 'CTCLoss' } = opts;
    if (!isFloat(logProbs.dtype)) throw new DTypeError(`${name}: log_probs must be a floating tensor, got ${logProbs.dtype}`);
    if (layout !== 'TNC' && layout !== 'NTC') throw new ValueError(`${name}: layout must be 'TNC' or 'NTC', got ${String(layout)}`);
    const unbatched = logProbs.ndim === 2;
    if (logProbs.ndim !== 3 && !unbatched) throw new ShapeError(`${name}: log_probs must be (T, N, C) or (T, C), got ${fmtShape(logProbs.shape)}`);
    let lp = unbatched ? logProbs.unsqueeze(1) : layout === 'NTC' ? logProbs.permute([1, 0, 2]) : logProbs;
    const [T, N, C] = lp.shape as [number, number, number];
    if (opts.logSoftmax) lp = lp.logSoftmax(2);
    const blank = opts.blank === undefined ? 0 : opts.blank < 0 ? opts.blank + C : opts.blank;
    if (!Number.isInteger(blank) || blank < 0 || blank >= C) throw new ValueError(`${name}: blank must be in label range [0, ${C}), got ${opts.blank}`);
    if (targets.dtype === 'bool') throw new DTypeError(`${name}: targets must be integers, got bool`);

    // Targets as host rows (index bookkeeping only; the differentiable path is log_probs alone).
    const flat = readInts(name, 'targets', targets);
    let rows: number[][];
    let lens: number[];
    const padded = targets.ndim === 2 || (unbatched && targets.ndim === 1 && opts.targetLengths === undefined);
    if (padded) {
      const S = targets.ndim === 2 ? targets.shape[1]! : targets.shape[0]!;
      const nRows = targets.ndim === 2 ? targets.shape[0]! : 1;
      if (nRows !== N) throw new ShapeError(`${name}: targets ${fmtShape(targets.shape)} must have ${N} rows (the batch size)`);
      rows = Array.from({ length: N }, (_, n) => flat.slice(n * S, n * S + S));
      if (opts.targetLengths !== undefined) {
        lens = readInts(name, 'target_lengths', opts.targetLengths);
        lens.forEach((l, n) => {
          if (l < 0 || l > S) throw new ValueError(`${name}: target_lengths[${n}] = ${l} must be in [0, ${S}] (the padded target length)`);
        });
      } else {
        lens = rows.map((r) => {
          const k = r.findIndex((v) => v < 0);
          return k < 0 ? r.length : k;
        });
      }
    } else if (targets.ndim === 1) {
      if (opts.targetLengths === undefined) throw new ValueError(`${name}: concatenated 1-D targets need target_lengths`);
      lens = readInts(name, 'target_lengths', opts.targetLengths);
      const total = lens.reduce((a, b) => a + b, 0);
      if (lens.some((l) => l < 0) || total !== flat.length) {
        throw new ValueError(`${name}: target_lengths must be ≥ 0 and sum to the ${flat.length} concatenated targets, got [${lens.join(', ')}]`);
      }
      let off = 0;
      rows = lens.map((l) => flat.slice(off, (off += l)));
    } else {
      throw new ShapeError(`${name}: targets must be (N, S) padded or 1-D concatenated, got ${fmtShape(targets.shape)}`);
    }
    if (lens.length !== N) throw new ShapeError(`${name}: target_lengths must have ${N} entries (the batch size), got ${lens.length}`);
    const inLens = opts.inputLengths === undefined ? new Array<number>(N).fill(T) : readInts(name, 'input_lengths', opts.inputLengths);
    if (inLens.length !== N) throw new ShapeError(`${name}: input_lengths must have ${N} entries (the batch size), got ${inLens.length}`);
    inLens.forEach((l, n) => {
      if (l < 1 || l > T) throw new ValueError(`${name}: input_lengths[${n}] = ${l} must be in [1, ${T}] (the number of time steps)`);
    });
    rows.forEach((r, n) => {
      for (let i = 0; i < lens[n]!; i++) {
        const v = r[i]!;
        if (v < 0 || v >= C) throw new IndexError(`${name}: targets holds ${v} at batch entry ${n} (position ${i}), out of the class range [0, ${C})`);
      }
    });

    // Extended labels and skip transitions: host index arrays.
    const L = 2 * Math.max(0, ...lens) + 1;
    const ext = new Float64Array(N * L).fill(blank);
    const skip = new Uint8Array(N * L);
    for (let n = 0; n < N; n++) {
      for (let i = 0; i < lens[n]!; i++) {
        ext[n * L + 2 * i + 1] = rows[n]![i]!;
        if (i > 0 && rows[n]![i] !== rows[n]![i - 1]) skip[n * L + 2 * i + 1] = 1;
      }
    }
    const plan: Plan = {
      T, N, L, lens, inLens, skip,
      extIdx: tensor(ext, { dtype: 'int64', shape: [1, N, L] }).expand([T, N, L]),
      lenCol: tensor(Float64Array.from(inLens), { dtype: 'float64', shape: [N, 1] }),
    };

    let nll: Tensor;
    if (opts.nativeBackward) {
      const recording = needsGrad([lp]);
      const { out, emit, alphas } = noGrad(() => {
        const emit = lp.gather(2, plan.extIdx);
        const alphas = forwardVariables(emit, plan, -Infinity);
        const all = stack(alphas, 0);
        if (recording) realize(all.lazy);
        return { out: logLikelihood(alphas[T - 1]!, plan).neg(), emit, alphas: all };
      });
      nll = recordCustom('ctcLoss', [lp], out, (g) => [nativeGradient(g, lp, emit, alphas, out, plan, zeroInfinity)]);
    } else {
      // lp_t(l′_s) for every t, n, s; −∞ (and below) clamps to NEG so no gradient becomes 0·∞.
      const alphas = forwardVariables(where(lp.lt(NEG), NEG, lp).gather(2, plan.extIdx), plan, NEG);
      const ll = logLikelihood(alphas[T - 1]!, plan);
      nll = where(ll.detach().le(NEG / 2), Infinity, ll.neg());
    }
    let loss = zeroInfinity ? where(nll.eq(Infinity), 0, nll) : nll;
    if (reduction === 'mean') {
      loss = loss.div(tensor(Float64Array.from(lens, (l) => Math.max(l, 1)), { dtype: loss.dtype, shape: [N] }));
    }
    if (unbatched) loss = loss.reshape([]);
    return reduceLoss(name, loss, reduction);
  });
}

export interface GluonCtcLossOptions {
  /** Layout of pred: 'NTC' (default) or 'TNC'. */
  layout?: 'NTC' | 'TNC';
  /** Layout of label: 'NT' (default) or 'TN'. */
  labelLayout?: 'NT' | 'TN';
  /** Valid time steps per entry (Gluon `pred_lengths`); default all. */
  predLengths?: CtcLengths | null;
  /** Label length per entry (Gluon `label_lengths`); default: up to the first −1 padding. */
  labelLengths?: CtcLengths | null;
  /** Default 'none': the per-sample loss (N,) (the Gluon facade applies weighting). */
  reduction?: ReductionMode;
  name?: string;
}

/**
 * Gluon `CTCLoss`: pred are unnormalized scores (log-softmax over the last axis is applied),
 * the blank is the last class (`blank_label='last'`), labels are zero-based and padded with −1;
 * rows padded otherwise (e.g. with the blank) need `labelLengths`, as in MXNet, whose padding mask for
 * a last blank is −1 only. Output (N,). The recursion is {@link ctcLoss}'s.
 * NOTE: the gradient is autograd's through the log-softmax, softmax − occupancy: MXNet's `ctc_loss`
 * (warp-ctc's `cpu_ctc.h`, "computes gradient w.r.t UNNORMALIZED final layer activations") gives the
 * same, so Gluon needs no `nativeBackward`.
 */
export function gluonCtcLoss(pred: Tensor, label: Tensor, opts: GluonCtcLossOptions = {}): Tensor {
  return onBackend(pred.backend, () => {
    const { layout = 'NTC', labelLayout = 'NT', reduction = 'none', name = 'CTCLoss' } = opts;
    if (layout !== 'NTC' && layout !== 'TNC') throw new ValueError(`${name}: Only 'NTC' and 'TNC' layouts for pred are supported. Got: ${String(layout)}`);
    if (labelLayout !== 'NT' && labelLayout !== 'TN') throw new ValueError(`${name}: Only 'NT' and 'TN' layouts for label are supported. Got: ${String(labelLayout)}`);
    if (pred.ndim !== 3) throw new ShapeError(`${name}: pred must be 3-D (${layout}), got ${fmtShape(pred.shape)}`);
    if (label.ndim !== 2) throw new ShapeError(`${name}: label must be 2-D (${labelLayout}), got ${fmtShape(label.shape)}`);
    return ctcLoss(pred, labelLayout === 'TN' ? label.transpose(0, 1) : label, {
      layout: layout === 'NTC' ? 'NTC' : 'TNC',
      logSoftmax: true,
      blank: -1,
      ...(opts.predLengths ? { inputLengths: opts.predLengths } : {}),
      ...(opts.labelLengths ? { targetLengths: opts.labelLengths } : {}),
      reduction,
      name,
    });
  });
}
