/** A PrettyTable-style text table (centred cells), as torchkeras prints each epoch's row. */

/** PrettyTable's centring: odd excess goes right for odd-length text, left for even. */
function centre(text: string, width: number): string {
  const excess = width - text.length;
  if (excess % 2 === 0) return ' '.repeat(excess / 2) + text + ' '.repeat(excess / 2);
  const half = Math.floor(excess / 2);
  return text.length % 2 ? ' '.repeat(half) + text + ' '.repeat(half + 1) : ' '.repeat(half + 1) + text + ' '.repeat(half);
}

/** The table of `header` and `rows`, each cell padded by one space. */
export function prettyTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  const rule = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const line = (cells: readonly string[]) => `|${cells.map((c, i) => centre(c, widths[i]!)).join('|')}|`;
  return [rule, line(header), rule, ...rows.map(line), rule].join('\n');
}
