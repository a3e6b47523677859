/**
 * The part of `matplotlib.pyplot` the seed tutorials use, drawn with Vega-Lite and rendered to SVG
 * without a browser: `plt.plot(x, y)`, `plt.scatter(x, y)`, labels, `plt.show()` (writes the figure to
 * `figure-<n>.svg` under the tutorial output folder and resolves to its path), `plt.savefig(name)`.
 */
import { writeFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { outputPath } from './tutorial-files.js';

type Values = ArrayLike<number> | { tolist(): unknown };

interface Series {
  mark: 'line' | 'point';
  x: number[];
  y: number[];
  label: string;
  color?: string;
}

let series: Series[] = [];
let labels: { x?: string; y?: string; title?: string } = {};
let figureCount = 0;

const flat = (v: Values): number[] => {
  const list = 'tolist' in v && typeof v.tolist === 'function' ? (v.tolist() as unknown) : Array.from(v as ArrayLike<number>);
  return (Array.isArray(list) ? list.flat(Infinity) : [list]).map(Number);
};

function add(mark: Series['mark'], x: Values, y: Values, opts: { label?: string; c?: string; color?: string }): void {
  const xs = flat(x);
  const ys = flat(y);
  if (xs.length !== ys.length) throw new Error(`plt.${mark === 'line' ? 'plot' : 'scatter'}: x and y must have the same length, got ${xs.length} and ${ys.length}`);
  series.push({ mark, x: xs, y: ys, label: opts.label ?? `series ${series.length}`, color: opts.color ?? opts.c });
}

/** `plt.plot(x, y, label=None, color=None)`: a line. */
export const plot = (x: Values, y: Values, opts: { label?: string; color?: string } = {}): void => add('line', x, y, opts);
/** `plt.scatter(x, y, c=None, label=None)`: points. */
export const scatter = (x: Values, y: Values, opts: { label?: string; c?: string } = {}): void => add('point', x, y, opts);
/** `plt.xlabel(s)`. */
export const xlabel = (s: string): void => void (labels.x = s);
/** `plt.ylabel(s)`. */
export const ylabel = (s: string): void => void (labels.y = s);
/** `plt.title(s)`. */
export const title = (s: string): void => void (labels.title = s);
/** `plt.figure()`: starts a new figure. */
export const figure = (_opts: object = {}): void => {
  series = [];
  labels = {};
};
/** `plt.legend()`: the legend is drawn whenever there are several series. */
export const legend = (): void => {};

/** The current figure as a Vega-Lite spec (one layer per series). */
function spec(): TopLevelSpec {
  const layers = series.map((s) => ({
    data: { values: s.x.map((x, i) => ({ x, y: s.y[i], series: s.label })) },
    mark: s.mark === 'line' ? { type: 'line' as const, color: s.color } : { type: 'point' as const, filled: true, size: 12, color: s.color },
    encoding: {
      x: { field: 'x', type: 'quantitative' as const, title: labels.x ?? '' },
      y: { field: 'y', type: 'quantitative' as const, title: labels.y ?? '' },
      ...(series.length > 1 && !s.color ? { color: { field: 'series', type: 'nominal' as const } } : {}),
    },
  }));
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: labels.title, width: 400, height: 300, layer: layers } as TopLevelSpec;
}

/** `plt.savefig(fname)`: renders the current figure to an SVG file under the output folder; resolves to its path. */
export async function savefig(fname: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec()).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const path = outputPath(fname.endsWith('.svg') ? fname : `${fname}.svg`);
  writeFileSync(path, svg);
  return path;
}

/** `plt.show()`: writes the figure to `figure-<n>.svg` (there is no window), then starts a new figure. */
export async function show(): Promise<string> {
  figureCount += 1;
  const path = await savefig(`figure-${figureCount}.svg`);
  figure();
  return path;
}
