/**
 * Shared by the injection suites of core and the facades (`@rosetta/core/testing`): payloads that
 * must never reach generated code, and the check that one was refused cleanly.
 */
import { RosettaError } from '../errors.js';

/** A payload and whether anything coerced it (only the object payload can tell). */
export interface InjectionPayload {
  readonly name: string;
  readonly value: unknown;
  readonly coerced: () => boolean;
}

/** The global a payload sets if it ever runs. */
export const PWNED = '__rosettaPwned';

/**
 * String (code and numeric), object (with a `valueOf`/`toString` that would run), BigInt, boolean,
 * array and array-holding-code payloads; each call makes fresh ones.
 */
export function injectionPayloads(): InjectionPayload[] {
  let coerced = false;
  const code = `0; globalThis.${PWNED} = 1; 0`;
  const obj = {
    valueOf: () => { coerced = true; return 3; },
    toString: () => { coerced = true; return code; },
  };
  return [
    { name: 'code string', value: code, coerced: () => false },
    { name: 'numeric string', value: '3', coerced: () => false },
    { name: 'object with valueOf/toString', value: obj, coerced: () => coerced },
    { name: 'BigInt', value: 3n, coerced: () => false },
    { name: 'boolean', value: true, coerced: () => false },
    { name: 'array', value: [3], coerced: () => false },
    { name: 'array holding code', value: [`(globalThis.${PWNED} = 1, 3)`], coerced: () => false },
  ];
}

/**
 * Runs `work(payload)` and returns what it threw; fails (throws) if the payload ran, was coerced,
 * or the work succeeded or threw anything but a RosettaError whose message names `fn`.
 */
export function refusal(fn: string, work: (p: unknown) => unknown, p: InjectionPayload): Error {
  const g = globalThis as Record<string, unknown>;
  let err: unknown = null;
  try {
    work(p.value);
  } catch (e) {
    err = e;
  }
  const ran = g[PWNED] !== undefined;
  delete g[PWNED];
  if (ran) throw new Error(`${fn} ← ${p.name}: the payload ran`);
  if (p.coerced()) throw new Error(`${fn} ← ${p.name}: the payload was coerced (valueOf/toString called)`);
  if (!(err instanceof RosettaError)) throw new Error(`${fn} ← ${p.name}: expected a RosettaError, got ${err === null ? 'no error' : String(err)}`);
  if (!err.message.includes(fn)) throw new Error(`${fn} ← ${p.name}: the message does not name ${fn}: ${err.message}`);
  return err;
}
