/**
 * A small in-tree WebAssembly assembler: LEB128 integers, f64 literals, vectors and sections, and
 * the opcodes the kernel code generator emits. No toolchain: modules are bytes built here.
 */

/** Unsigned LEB128. */
export function u32(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function s32(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** The 8 little-endian bytes of a float64. */
export function f64(v: number): number[] {
  const b = new Uint8Array(new Float64Array([v]).buffer);
  return Array.from(b);
}

/** A UTF-8 name with its length. */
export function name(s: string): number[] {
  const b = Array.from(new TextEncoder().encode(s));
  return [...u32(b.length), ...b];
}

/** A vector: its length, then the items' bytes. */
export function vec(items: readonly number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

/** A section: id, byte length, content. */
export function section(id: number, content: readonly number[]): number[] {
  return [id, ...u32(content.length), ...content];
}

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** The memory's maximum in 64 KiB pages (all of wasm32's 4 GiB). */
export const MAX_PAGES = 65536;

/** A SIMD128 instruction (0xFD prefix) with its immediates. */
export function simd(op: number, ...imm: number[]): number[] {
  return [0xfd, ...u32(op), ...imm];
}

/** `v128.const` of two equal f64 lanes. */
export function f64x2Const(v: number): number[] {
  return simd(0x0c, ...f64(v), ...f64(v));
}

/** i8x16.shuffle of a vector with itself (pushed twice) moving its high two f32 lanes to the low ones (for promotion). */
export const HIGH_TO_LOW = simd(0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);

/** `v128.const` of four equal f32 lanes (v rounded to float32). */
export function f32x4Const(v: number): number[] {
  const b = Array.from(new Uint8Array(new Float32Array([v]).buffer));
  return simd(0x0c, ...b, ...b, ...b, ...b);
}

/** `v128.const` of four equal i32 lanes. */
export function i32x4Const(v: number): number[] {
  const b = Array.from(new Uint8Array(new Int32Array([v]).buffer));
  return simd(0x0c, ...b, ...b, ...b, ...b);
}

/** SIMD128 opcodes (after the 0xFD prefix) the generator emits. */
export const V = {
  load: 0x00, store: 0x0b, const: 0x0c, shuffle: 0x0d, load64_zero: 0x5d, store64_lane: 0x5b, load32_zero: 0x5c, store32_lane: 0x5a, load32_splat: 0x09,
  f32x4_splat: 0x13, f64x2_splat: 0x14, f64x2_extract: 0x21,
  f64x2_eq: 0x47, f64x2_ne: 0x48, f64x2_lt: 0x49, f64x2_gt: 0x4a, f64x2_le: 0x4b, f64x2_ge: 0x4c,
  not: 0x4d, and: 0x4e, andnot: 0x4f, or: 0x50, xor: 0x51, bitselect: 0x52,
  f32x4_demote: 0x5e, f64x2_promote: 0x5f,
  f64x2_ceil: 0x74, f64x2_floor: 0x75, f64x2_trunc: 0x7a, f64x2_nearest: 0x94,
  i64x2_extend_low_i32x4_s: 0xc7, i64x2_shl: 0xcb, i64x2_shr_s: 0xcc, i64x2_shr_u: 0xcd, i64x2_add: 0xce, i64x2_sub: 0xd1,
  f32x4_extract: 0x1f, i32x4_splat: 0x11,
  f32x4_eq: 0x41, f32x4_ne: 0x42, f32x4_lt: 0x43, f32x4_gt: 0x44, f32x4_le: 0x45, f32x4_ge: 0x46,
  f32x4_ceil: 0x67, f32x4_floor: 0x68, f32x4_nearest: 0x6a,
  i32x4_shl: 0xab, i32x4_shr_s: 0xac, i32x4_shr_u: 0xad, i32x4_add: 0xae, i32x4_sub: 0xb1,
  f32x4_abs: 0xe0, f32x4_neg: 0xe1, f32x4_sqrt: 0xe3, f32x4_add: 0xe4, f32x4_sub: 0xe5, f32x4_mul: 0xe6, f32x4_div: 0xe7,
  f32x4_min: 0xe8, f32x4_max: 0xe9, f32x4_pmin: 0xea, f32x4_pmax: 0xeb, any_true: 0x53,
  f32x4_relaxed_madd: 0x105, i32x4_trunc_sat_f32x4_s: 0xf8, f32x4_convert_i32x4_s: 0xfa,
  f64x2_abs: 0xec, f64x2_neg: 0xed, f64x2_sqrt: 0xef, f64x2_add: 0xf0, f64x2_sub: 0xf1, f64x2_mul: 0xf2, f64x2_div: 0xf3,
  f64x2_min: 0xf4, f64x2_max: 0xf5,
  i32x4_trunc_sat_f64x2_s_zero: 0xfc, f64x2_convert_low_i32x4_s: 0xfe,
} as const;

/** Opcodes used by the generator (MVP plus the saturating truncations of 0xFC). */
export const OP = {
  drop: 0x1a, block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, br_if: 0x0d, call: 0x10, select: 0x1b,
  local_get: 0x20, local_set: 0x21, local_tee: 0x22,
  i32_load: 0x28, f32_load: 0x2a, f64_load: 0x2b, i32_load8_u: 0x2d,
  i32_store: 0x36, f32_store: 0x38, f64_store: 0x39, i32_store8: 0x3a,
  i32_const: 0x41, f64_const: 0x44,
  i32_eqz: 0x45, i32_lt_s: 0x48, i32_le_s: 0x4c, i32_ge_s: 0x4e,
  f64_eq: 0x61, f64_ne: 0x62, f64_lt: 0x63, f64_gt: 0x64, f64_le: 0x65, f64_ge: 0x66,
  i32_add: 0x6a, i32_sub: 0x6b, i32_mul: 0x6c, i32_and: 0x71, i32_or: 0x72, i32_shl: 0x74,
  f64_abs: 0x99, f64_neg: 0x9a, f64_ceil: 0x9b, f64_floor: 0x9c, f64_trunc: 0x9d, f64_nearest: 0x9e, f64_sqrt: 0x9f,
  f64_add: 0xa0, f64_sub: 0xa1, f64_mul: 0xa2, f64_div: 0xa3,
  f32_demote_f64: 0xb6, f64_convert_i32_s: 0xb7, f64_convert_i32_u: 0xb8, f64_promote_f32: 0xbb,
  prefix_fc: 0xfc,
} as const;

/** `i32.trunc_sat_f64_s` / `_u` (0xFC 2 / 3). */
export const I32_TRUNC_SAT_F64_S = [OP.prefix_fc, 2];
export const I32_TRUNC_SAT_F64_U = [OP.prefix_fc, 3];

/** The block type "one f64 result" and "no result". */
export const BLOCK_F64 = F64;
export const BLOCK_VOID = 0x40;

/** A function body: its local declarations (count, type) and code (without the final `end`). */
export interface FunctionBody {
  readonly locals: readonly [number, number][];
  readonly code: readonly number[];
}

function encodeBody(f: FunctionBody): number[] {
  const fn = [...vec(f.locals.map(([count, type]) => [...u32(count), type])), ...f.code, OP.end];
  return [...u32(fn.length), ...fn];
}

/**
 * A module whose exported function `run` takes `params` (value types) and returns nothing; it imports
 * `env.mem` (shared or not) and the host math functions, and holds `helpers` of type `(v128) → v128`
 * after `run` (function indices: imports, then run, then helpers).
 */
export function kernelModule(
  imports: readonly { name: string; arity: 1 | 2 }[], params: readonly number[], run: FunctionBody, helpers: readonly FunctionBody[] = [],
  shared = false,
): Uint8Array {
  const unary = [0x60, ...vec([[F64]]), ...vec([[F64]])];
  const binary = [0x60, ...vec([[F64], [F64]]), ...vec([[F64]])];
  const kernel = [0x60, ...vec(params.map((t) => [t])), ...vec([])];
  const vunary = [0x60, ...vec([[V128]]), ...vec([[V128]])];
  const types = section(1, vec([unary, binary, kernel, vunary]));
  // A shared memory must declare its maximum (the backend's: 65536 pages, all of wasm32).
  const limits = shared ? [0x03, ...u32(0), ...u32(MAX_PAGES)] : [0x00, ...u32(0)];
  const importEntries = [
    [...name('env'), ...name('mem'), 0x02, ...limits],
    ...imports.map((f) => [...name('env'), ...name(f.name), 0x00, ...u32(f.arity === 1 ? 0 : 1)]),
  ];
  const importSec = section(2, vec(importEntries));
  const funcSec = section(3, vec([u32(2), ...helpers.map(() => u32(3))]));
  const exportSec = section(7, vec([[...name('run'), 0x00, ...u32(imports.length)]]));
  const codeSec = section(10, vec([encodeBody(run), ...helpers.map(encodeBody)]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...importSec, ...funcSec, ...exportSec, ...codeSec]);
}
