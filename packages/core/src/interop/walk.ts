/**
 * Walk an object's own fields for named members, the way PyTorch's `named_parameters`,
 * MindSpore's `parameters_and_names` and Gluon's `collect_params` see attributes set in
 * `__init__`: `fc.weight`, `layers.0.bias`. Facades say what a leaf (parameter) and a node
 * (module/cell/block) are; arrays and plain objects of them are walked with their keys.
 */

export interface WalkSpec<L> {
  /** A member to report (a parameter, a buffer). */
  isLeaf(value: unknown): value is L;
  /** A member to descend into (a sub-module). */
  isNode(value: unknown): boolean;
  /** Own field names of a node to visit, in order (default: `Object.keys`). */
  keys?(node: object): string[];
}

/**
 * Yield `[dottedName, leaf]` for every leaf under `root`, depth first in field order; each leaf
 * once (the first name wins, as PyTorch deduplicates shared parameters).
 */
export function* walkNamed<L>(root: object, spec: WalkSpec<L>, prefix = ''): Generator<[string, L]> {
  const seenLeaves = new Set<unknown>();
  const seenNodes = new Set<unknown>();
  const keysOf = spec.keys ?? ((o: object) => Object.keys(o));
  function* visit(node: object, pre: string): Generator<[string, L]> {
    if (seenNodes.has(node)) return;
    seenNodes.add(node);
    for (const key of keysOf(node)) {
      const value = (node as Record<string, unknown>)[key];
      yield* member(value, pre + key);
    }
  }
  function* member(value: unknown, name: string): Generator<[string, L]> {
    if (spec.isLeaf(value)) {
      if (!seenLeaves.has(value)) {
        seenLeaves.add(value);
        yield [name, value];
      }
    } else if (spec.isNode(value)) {
      yield* visit(value as object, `${name}.`);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) yield* member(value[i], `${name}.${i}`);
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) yield* member(v, `${name}.${k}`);
    }
  }
  yield* visit(root, prefix);
}

/** Yield `[dottedName, node]` for `root`'s descendant nodes (not `root` itself), each once. */
export function* walkNodes(root: object, isNode: (v: unknown) => boolean, prefix = ''): Generator<[string, object]> {
  const seen = new Set<unknown>([root]);
  function* visit(node: object, pre: string): Generator<[string, object]> {
    for (const key of Object.keys(node)) yield* member((node as Record<string, unknown>)[key], pre + key);
  }
  function* member(value: unknown, name: string): Generator<[string, object]> {
    if (isNode(value)) {
      if (seen.has(value)) return;
      seen.add(value);
      yield [name, value as object];
      yield* visit(value as object, `${name}.`);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) yield* member(value[i], `${name}.${i}`);
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) yield* member(v, `${name}.${k}`);
    }
  }
  yield* visit(root, prefix);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
