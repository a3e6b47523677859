/**
 * Reads a JSON fixture recorded by a Python generator (test helper; excluded from the build):
 * the strings "nan", "inf" and "-inf" stand for the non-finite numbers JSON cannot hold.
 */
import { readFileSync } from 'node:fs';

const NON_FINITE: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };

/** Parses the fixture at `url` (e.g. `new URL('./fixtures/x.json', import.meta.url)`). */
export function readFixture<T>(url: URL): T {
  return JSON.parse(readFileSync(url, 'utf8'), (_key, v: unknown) => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v)) as T;
}
