/**
 * Discrepancies the fuzz suite found that are someone else's to fix (test helper; excluded from the
 * build). Each entry names the class of programs it excludes from the fuzz run and a minimal
 * reproduction that asserts the discrepancy is still there, so the entry fails once it is fixed and
 * must then be removed (which puts the class back into the fuzz).
 */
import type { RunConfig } from './interpret.js';
import type { Program } from './program.js';

export interface KnownDiscrepancy {
  readonly name: string;
  /** What differs, where, expected vs got, and who owns the fix. */
  readonly description: string;
  /** Whether a generated program, run on `cfg`, falls in the excluded class. */
  matches(p: Program, cfg: RunConfig): boolean;
  /** Runs the minimal reproductions; lists those that no longer reproduce (empty while the discrepancy is fully present). */
  fixed(): string[];
}

/**
 * Empty: the fuzz suite's findings so far are fixed — wasm int32 results saturating instead of
 * wrapping, and float → int32 casts of NaN/±Inf/out-of-range values (fixed in backend/wasm with
 * int32.test.ts), and losses making helper tensors on the current backend (fixed by the engine lead).
 */
export const KNOWN_DISCREPANCIES: readonly KnownDiscrepancy[] = [];

/** The name of the known discrepancy a program on `cfg` falls under, or null. */
export function knownFor(p: Program, cfg: RunConfig): string | null {
  return KNOWN_DISCREPANCIES.find((k) => k.matches(p, cfg))?.name ?? null;
}
