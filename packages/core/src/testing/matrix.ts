/**
 * Shared by the bad-input matrices of the facades (`@rosetta/core/testing`): comparing a result with
 * the framework's value, printing one, and tallying each case's outcome.
 */

/** A result as plain numbers: values in row-major order (NaN and ±Inf kept) and the shape. */
export interface MatrixValues {
  v: number[];
  s: number[];
}

/** A comparison tolerance: |got − want| ≤ atol + rtol·|want|. */
export interface Tolerance {
  rtol: number;
  atol: number;
}

/** float32's tolerance for values computed by the engine against a float64 reference. */
export const FLOAT32_TOLERANCE: Tolerance = { rtol: 2e-5, atol: 2e-6 };

/** `1, NaN, -Infinity shape (3)`: the values and the shape, for failure messages. */
export const show = (o: MatrixValues): string => `${o.v.map(String).join(', ')} shape (${o.s.join(', ')})`;

/**
 * Whether `got` is `want`: the same shape, NaN where `want` has NaN (and only there), the same
 * infinities, and every finite value within `atol + rtol·|want|`.
 */
export function sameValues(got: MatrixValues, want: MatrixValues, { rtol, atol }: Tolerance): boolean {
  if (got.s.join() !== want.s.join() || got.v.length !== want.v.length) return false;
  return got.v.every((g, i) => {
    const w = want.v[i]!;
    if (Number.isNaN(w) || Number.isNaN(g)) return Number.isNaN(w) && Number.isNaN(g);
    if (!Number.isFinite(w) || !Number.isFinite(g)) return g === w;
    return Math.abs(g - w) <= atol + rtol * Math.abs(w);
  });
}

/** How a bad-input case ended: the framework's error, the framework's value, or neither. */
export type Outcome = 'clear error' | 'framework value' | 'anything else';

/** Counts the outcomes of a matrix's cases, prints them and checks that none is anything else. */
export class OutcomeTally {
  readonly counts: Record<Outcome, number> = { 'clear error': 0, 'framework value': 0, 'anything else': 0 };

  record(outcome: Outcome): void {
    this.counts[outcome]++;
  }

  /** Cases recorded so far. */
  get total(): number {
    return this.counts['clear error'] + this.counts['framework value'] + this.counts['anything else'];
  }

  /** `<label>: N cases — clear error N, framework value N, anything else N`. */
  summary(label: string): string {
    const c = this.counts;
    return `${label}: ${this.total} cases — clear error ${c['clear error']}, framework value ${c['framework value']}, anything else ${c['anything else']}`;
  }

  /** Throws unless exactly `cases` outcomes were recorded and none of them is anything else. */
  assertNoOther(cases: number): void {
    if (this.counts['anything else'] !== 0) throw new Error(`${this.counts['anything else']} case(s) ended as anything else (${this.summary('tally')})`);
    if (this.total !== cases) throw new Error(`${this.total} of ${cases} cases recorded a clear error or the framework's value (${this.summary('tally')})`);
  }
}

/** What a case expects: the framework's error (its message matched) or its value; `src` cites where the expectation comes from. */
export type MatrixExpect = { error: RegExp; src: string } | { value: MatrixValues; src: string };

/** The expectation "raises an error whose message matches `error`". */
export const err = (error: RegExp, src: string): MatrixExpect => ({ error, src });
/** The expectation "gives `value`". */
export const val = (value: MatrixValues, src: string): MatrixExpect => ({ value, src });
/** `s` with the characters a RegExp would read as syntax escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern matching exactly `s`. */
export const exact = (s: string): RegExp => new RegExp(`^${escapeRegExp(s)}$`);

/**
 * Runs a case and judges it against `want`: the outcome it counts as, and why it is neither (null
 * when it matched). An expected error must be an `Error` whose message matches; an expected value
 * must be `sameValues` within float32's tolerance (`numbers` reads the facade's result).
 */
export function judge(run: () => unknown, want: MatrixExpect, numbers: (result: unknown) => MatrixValues, framework: string): { outcome: Outcome; why: string | null } {
  if ('error' in want) {
    let thrown: unknown;
    try {
      run();
    } catch (e) {
      thrown = e;
    }
    if (!(thrown instanceof Error)) return { outcome: 'anything else', why: `should raise (${want.src}), got ${thrown === undefined ? 'no error' : String(thrown)}` };
    if (!want.error.test(thrown.message)) return { outcome: 'anything else', why: `message ${JSON.stringify(thrown.message)} does not match ${want.error} (${want.src})` };
    return { outcome: 'clear error', why: null };
  }
  const got = numbers(run());
  if (!sameValues(got, want.value, FLOAT32_TOLERANCE)) return { outcome: 'anything else', why: `got ${show(got)}, ${framework} gives ${show(want.value)} (${want.src})` };
  return { outcome: 'framework value', why: null };
}
