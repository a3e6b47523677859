import type { DType } from '../dtype.js';

/**
 * Every primitive the tape records, with the attributes its VJP needs. The VJP table in
 * `vjp.ts` is keyed by this mapped type, so adding a primitive without its rule does not compile.
 */
export interface PrimAttrs {
  neg: {}; exp: {}; log: {}; sqrt: {}; abs: {}; sign: {}; sin: {}; cos: {}; tanh: {};
  reciprocal: {}; log1p: {}; expm1: {}; floor: {}; ceil: {}; round: {}; logicalNot: {};
  add: {}; sub: {}; mul: {}; div: {}; pow: {}; maximum: {}; minimum: {};
  eq: {}; ne: {}; lt: {}; le: {}; gt: {}; ge: {}; logicalAnd: {}; logicalOr: {};
  where: {};
  cast: { from: DType };
  sum: { axes: number[] };
  /** `all`: a full reduction with no axis given (`torch.max()`), whose NaN gradient rule differs from `amax`. */
  max: { axes: number[]; all: boolean };
  min: { axes: number[]; all: boolean };
  reshape: {};
  permute: { perm: number[] };
  expand: {};
  slice: { starts: number[]; ends: number[]; steps: number[] };
  pad: { before: number[]; after: number[] };
  concat: { axis: number };
  gather: { axis: number };
  scatterAdd: { axis: number };
  matmul: {};
}

export type Primitive = keyof PrimAttrs;
