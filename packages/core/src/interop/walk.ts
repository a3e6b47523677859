/**
 * Walk an object's own fields for named members, the way PyTorch's `named_parameters`,
 * MindSpore's `parameters_and_names` and Gluon's `collect_params` see attributes set in
 * `__init__`: `fc.weight`, `layers.0.bias`. Facades say what a leaf (parameter) and a node
 * (module/cell/block) are; arrays and plain objects of them are walked with their keys.
 */
import { isKeywords } from './args.js';

export interface WalkSpec<L> {
  /** A member to report (a parameter, a buffer). */
  isLeaf(value: unknown): value is L;
  /** A member to descend into (a sub-module). */
  isNode(value: unknown): boolean;
  /** Own field names of a node to visit, in order (default: `Object.keys`). */
  keys?(node: object): string[];
}

/** `value` itself, or, for an array or plain object, its elements with dotted names (recursively). */
function* expand(value: unknown, name: string): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* expand(value[i], `${name}.${i}`);
  } else if (isKeywords(value)) {
    for (const [k, v] of Object.entries(value)) yield* expand(v, `${name}.${k}`);
  } else {
    yield [name, value];
  }
}

/** Own fields of `node` after array/object expansion: `[dottedName, value]`. */
function* fields(node: object, keys: (o: object) => string[], prefix: string): Generator<[string, unknown]> {
  for (const key of keys(node)) yield* expand((node as Record<string, unknown>)[key], prefix + key);
}

/**
 * Yield `[dottedName, leaf]` for every leaf under `root`, depth first in field order; each leaf
 * once (the first name wins, as PyTorch deduplicates shared parameters).
 */
export function* walkNamed<L>(root: object, spec: WalkSpec<L>, prefix = ''): Generator<[string, L]> {
  const seen = new Set<unknown>();
  const keysOf = spec.keys ?? ((o: object) => Object.keys(o));
  function* visit(node: object, pre: string): Generator<[string, L]> {
    if (seen.has(node)) return;
    seen.add(node);
    for (const [name, value] of fields(node, keysOf, pre)) {
      if (spec.isLeaf(value)) {
        if (!seen.has(value)) {
          seen.add(value);
          yield [name, value];
        }
      } else if (spec.isNode(value)) {
        yield* visit(value as object, `${name}.`);
      }
    }
  }
  yield* visit(root, prefix);
}

/** Yield `[dottedName, node]` for `root`'s descendant nodes (not `root` itself), each once. */
export function* walkNodes(root: object, isNode: (v: unknown) => boolean, prefix = ''): Generator<[string, object]> {
  const seen = new Set<unknown>([root]);
  function* visit(node: object, pre: string): Generator<[string, object]> {
    for (const [name, value] of fields(node, Object.keys, pre)) {
      if (!isNode(value) || seen.has(value)) continue;
      seen.add(value);
      yield [name, value as object];
      yield* visit(value as object, `${name}.`);
    }
  }
  yield* visit(root, prefix);
}
