import { isFloat } from '../../dtype.js';
import { DTypeError, ShapeError, ValueError, fmtShape } from '../../errors.js';
import { where } from '../../ops/elementwise.js';
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
  name?: string;
}

/** A stand-in for −∞ inside the recursion: finite, so logsumexp of unreachable states has a finite gradient (0). */
const NEG = -1e30;

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
 * space over core ops, vectorised over the batch and the 2L + 1 positions; gradients come from autograd.
 * NOTE: a target equal to the blank is not rejected (PyTorch's and warp-ctc's recursions accept it
 * and treat it as a label); the gradient of an infeasible (+∞) loss is 0.
 */
export function ctcLoss(logProbs: Tensor, targets: Tensor, opts: CtcLossOptions = {}): Tensor {
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
        if (l < 0 || l > S) throw new ValueError(`${name}: target length ${l} of batch entry ${n} must be in [0, ${S}] (the padded target length)`);
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
    if (l < 1 || l > T) throw new ValueError(`${name}: input length ${l} of batch entry ${n} must be in [1, ${T}] (the number of time steps)`);
  });
  rows.forEach((r, n) => {
    for (let i = 0; i < lens[n]!; i++) {
      const v = r[i]!;
      if (v < 0 || v >= C) throw new ValueError(`${name}: target ${v} of batch entry ${n} (position ${i}) is out of the class range [0, ${C})`);
    }
  });

  // Extended labels, skip transitions, final positions: host index arrays.
  const Smax = Math.max(0, ...lens);
  const L = 2 * Smax + 1;
  const ext = new Float64Array(N * L).fill(blank);
  const skip = new Uint8Array(N * L);
  const ends = new Float64Array(N * 2);
  const endOk = new Uint8Array(N * 2);
  for (let n = 0; n < N; n++) {
    const l = lens[n]!;
    for (let i = 0; i < l; i++) {
      ext[n * L + 2 * i + 1] = rows[n]![i]!;
      if (i > 0 && rows[n]![i] !== rows[n]![i - 1]) skip[n * L + 2 * i + 1] = 1;
    }
    ends[2 * n] = 2 * l;
    ends[2 * n + 1] = Math.max(2 * l - 1, 0);
    endOk[2 * n] = 1;
    endOk[2 * n + 1] = l > 0 ? 1 : 0;
  }
  const extIdx = tensor(ext, { dtype: 'int64', shape: [1, N, L] }).expand([T, N, L]);
  const skipMask = tensor(skip, { dtype: 'bool', shape: [N, L] });
  const initMask = tensor(Uint8Array.from({ length: N * L }, (_, k) => (k % L < 2 ? 1 : 0)), { dtype: 'bool', shape: [N, L] });
  const lenCol = tensor(Float64Array.from(inLens), { dtype: 'float64', shape: [N, 1] });

  // lp_t(l′_s) for every t, n, s; −∞ (and below) clamps to NEG so no gradient becomes 0·∞.
  const emit = where(lp.lt(NEG), NEG, lp).gather(2, extIdx);
  const at = (t: number): Tensor => emit.narrow(0, t, 1).reshape([N, L]);
  let alpha = where(initMask, at(0), NEG);
  for (let t = 1; t < T; t++) {
    const prev1 = L > 1 ? alpha.narrow(1, 0, L - 1).pad([0, 1], [0, 0], NEG) : null;
    const prev2 = L > 2 ? where(skipMask, alpha.narrow(1, 0, L - 2).pad([0, 2], [0, 0], NEG), NEG) : null;
    const next = stack([alpha, ...(prev1 ? [prev1] : []), ...(prev2 ? [prev2] : [])], 0).logsumexp(0).add(at(t));
    alpha = where(lenCol.gt(t), next, alpha);
  }
  const endIdx = tensor(ends, { dtype: 'int64', shape: [N, 2] });
  const last = where(tensor(endOk, { dtype: 'bool', shape: [N, 2] }), alpha.gather(1, endIdx), NEG);
  const ll = last.logsumexp(1);
  const feasible = ll.detach().gt(NEG / 2);
  let loss = where(feasible, ll.neg(), zeroInfinity ? 0 : Infinity);
  if (reduction === 'mean') {
    loss = loss.div(tensor(Float64Array.from(lens, (l) => Math.max(l, 1)), { dtype: loss.dtype, shape: [N] }));
  }
  if (unbatched) loss = loss.reshape([]);
  return reduceLoss(name, loss, reduction);
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
 */
export function gluonCtcLoss(pred: Tensor, label: Tensor, opts: GluonCtcLossOptions = {}): Tensor {
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
}
