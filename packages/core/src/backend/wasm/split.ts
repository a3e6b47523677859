/** Splits [0, n) into `parts` contiguous ranges (threads' shares), each a multiple of `step` long except the last; trailing ones may be empty. */
export function splitRange(n: number, parts: number, step = 1): [number, number][] {
  const size = Math.ceil(n / parts / step) * step;
  return Array.from({ length: parts }, (_, t) => [Math.min(n, t * size), Math.min(n, (t + 1) * size)]);
}
