/** The contract each library module in ./libs implements for the worker. */
import { readFileSync } from 'node:fs';
import type { CaseId, Sizes } from './cases.js';

/** What a step read back: a loss value, or an array (summarised as a checksum, see measure.ts). */
export type Readback = number | ArrayLike<number> | ArrayLike<bigint>;

/** One prepared case: `step` does one timed unit of work, forces completion and returns what it read. */
export interface Prepared {
  step(): Readback | Promise<Readback>;
  /** Called once after timing; its result lands in the JSON as `extra`. */
  extra?(): Record<string, unknown> | Promise<Record<string, unknown>>;
  dispose?(): void;
}

export type CaseFactory = (sizes: Sizes, seed: number) => Prepared | Promise<Prepared>;

export interface LibAdapter {
  version: string;
  config: string;
  /** Missing entries are reported as n/a. */
  cases: Partial<Record<CaseId, CaseFactory>>;
}

/** Version of a direct dependency of this package. */
export function pkgVersion(name: string): string {
  const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
