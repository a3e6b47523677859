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

/** One plot area: its series and labels (matplotlib's `Axes`). */
export class Axes {
  series: Series[] = [];
  labels: { x?: string; y?: string; title?: string } = {};

  /** `ax.plot(x, y)`. */
  plot(x: Values, y: Values, opts: { label?: string; color?: string } = {}): void {
    this.add('line', x, y, opts);
  }
  /** `ax.scatter(x, y, c=None)`. */
  scatter(x: Values, y: Values, opts: { label?: string; c?: string } = {}): void {
    this.add('point', x, y, opts);
  }
  /** `ax.legend(labels)`: names the series in order. */
  legend(names?: readonly string[]): void {
    names?.forEach((n, i) => {
      if (this.series[i]) this.series[i]!.label = n;
    });
  }
  set_title(s: string): void {
    this.labels.title = s;
  }
  set_xlabel(s: string): void {
    this.labels.x = s;
  }
  set_ylabel(s: string): void {
    this.labels.y = s;
  }

  private add(mark: Series['mark'], x: Values, y: Values, opts: { label?: string; c?: string; color?: string }): void {
    const xs = flat(x);
    const ys = flat(y);
    if (xs.length !== ys.length) throw new Error(`${mark === 'line' ? 'plot' : 'scatter'}: x and y must have the same length, got ${xs.length} and ${ys.length}`);
    this.series.push({ mark, x: xs, y: ys, label: opts.label ?? `series ${this.series.length}`, color: colorName(opts.color ?? opts.c) });
  }
}

/** matplotlib's one-letter colours. */
const COLORS: Record<string, string> = { r: 'red', g: 'green', b: 'blue', k: 'black', c: 'cyan', m: 'magenta', y: 'gold' };
const colorName = (c?: string): string | undefined => (c === undefined ? undefined : (COLORS[c] ?? c));

let axes: Axes[] = [new Axes()];
let figureCount = 0;
const gca = (): Axes => axes[0]!;

const flat = (v: Values): number[] => {
  const list = 'tolist' in v && typeof v.tolist === 'function' ? (v.tolist() as unknown) : Array.from(v as ArrayLike<number>);
  return (Array.isArray(list) ? list.flat(Infinity) : [list]).map(Number);
};

/** `plt.plot(x, y, label=None, color=None)`: a line. */
export const plot = (x: Values, y: Values, opts: { label?: string; color?: string } = {}): void => gca().plot(x, y, opts);
/** `plt.scatter(x, y, c=None, label=None)`: points. */
export const scatter = (x: Values, y: Values, opts: { label?: string; c?: string } = {}): void => gca().scatter(x, y, opts);
/** `plt.xlabel(s)`. */
export const xlabel = (s: string): void => gca().set_xlabel(s);
/** `plt.ylabel(s)`. */
export const ylabel = (s: string): void => gca().set_ylabel(s);
/** `plt.title(s)`. */
export const title = (s: string): void => gca().set_title(s);
/** `plt.figure()`: starts a new figure. */
export const figure = (_opts: object = {}): void => {
  axes = [new Axes()];
};
/** `plt.legend(labels)`: names the current axes' series. */
export const legend = (names?: readonly string[]): void => gca().legend(names);
/** `plt.subplots(nrows=1, ncols=1, figsize=None)`: a new figure of side-by-side axes; returns `[fig, axes]`. */
export function subplots(opts: { nrows?: number; ncols?: number; figsize?: readonly number[] } = {}): [object, Axes[]] {
  axes = Array.from({ length: (opts.nrows ?? 1) * (opts.ncols ?? 1) }, () => new Axes());
  return [{}, axes];
}

/** One axes as a Vega-Lite layer spec (one layer per series, a legend when there are several). */
function axesSpec(ax: Axes) {
  const layers = ax.series.map((s) => ({
    data: { values: s.x.map((x, i) => ({ x, y: s.y[i], series: s.label })) },
    mark: s.mark === 'line' ? { type: 'line' as const } : { type: 'point' as const, filled: true, size: 12 },
    encoding: {
      x: { field: 'x', type: 'quantitative' as const, title: ax.labels.x ?? '' },
      y: { field: 'y', type: 'quantitative' as const, title: ax.labels.y ?? '' },
      ...(ax.series.length > 1 || s.color
        ? { color: { field: 'series', type: 'nominal' as const, scale: { domain: ax.series.map((t) => t.label), range: ax.series.map((t, i) => t.color ?? ['#4c78a8', '#f58518', '#54a24b', '#e45756'][i % 4]!) } } }
        : {}),
    },
  }));
  return { title: ax.labels.title, width: 400, height: 300, layer: layers };
}

/** The current figure as a Vega-Lite spec: its axes side by side. */
function spec(): TopLevelSpec {
  const schema = 'https://vega.github.io/schema/vega-lite/v6.json';
  return (axes.length === 1 ? { $schema: schema, ...axesSpec(axes[0]!) } : { $schema: schema, hconcat: axes.map(axesSpec) }) as TopLevelSpec;
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
