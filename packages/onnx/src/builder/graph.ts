import type { DType } from '@rosetta/core';
import { encodeModel } from '../proto/codec.js';
import type { ModelProto, NodeProto, TensorProto, ValueInfoProto } from '../proto/types.js';
import { makeAttribute, type AttrValue } from './attributes.js';
import { elemTypeOf, rawBytes, type HostData } from './dtypes.js';

/** ONNX opset the builder imports unless told otherwise (Reduce* take axes as an input from 18). */
export const DEFAULT_OPSET = 18;
/** IR version written into models (ONNX 1.14+, read by ORT 1.30). */
export const IR_VERSION = 9;

/** A dimension: a size, or a name for a size only known at run time (`dim_param`). */
export type Dim = number | string;

export interface GraphBuilderOptions {
  /** Graph name (default `rosetta`). */
  name?: string;
  /** Default-domain opset (default 18). */
  opset?: number;
  /** `producer_name` (default `rosetta`). */
  producer?: string;
}

function valueInfo(name: string, dtype: DType, shape?: readonly Dim[]): ValueInfoProto {
  const tensorType = { elemType: elemTypeOf[dtype], ...(shape ? { shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } : {}) };
  return { name, type: { tensorType } };
}

/**
 * Builds one ONNX graph: typed inputs and outputs, initializers (constants), and nodes in
 * topological order. Every method returns value names, so graphs read like code:
 *
 * ```ts
 * const g = new GraphBuilder();
 * const x = g.input('x', 'float32', [2, 3]);
 * const y = g.op('ReduceSum', [g.op('Exp', [x]), g.constant('int64', [1], [1])], { keepdims: 0 });
 * g.output(y, 'float32', [2]);
 * const bytes = g.toBytes();
 * ```
 */
export class GraphBuilder {
  readonly opset: number;
  private readonly name: string;
  private readonly producer: string;
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private readonly initializers: TensorProto[] = [];
  private readonly nodes: NodeProto[] = [];
  private readonly names = new Set<string>();
  private readonly reserved = new Set<string>();
  private counter = 0;

  constructor(opts: GraphBuilderOptions = {}) {
    this.opset = opts.opset ?? DEFAULT_OPSET;
    this.name = opts.name ?? 'rosetta';
    this.producer = opts.producer ?? 'rosetta';
  }

  /** A value name not used yet, starting with `hint`. */
  fresh(hint = 'v'): string {
    let name = hint;
    while (this.names.has(name) || this.reserved.has(name)) name = `${hint}_${this.counter++}`;
    this.names.add(name);
    return name;
  }

  /** Keeps `name` from being handed out by `fresh`, so a later node or output can take it. */
  reserve(name: string): void {
    if (this.names.has(name)) throw new Error(`GraphBuilder: the name '${name}' is already used`);
    this.reserved.add(name);
  }

  private claim(name: string): string {
    if (this.names.has(name)) throw new Error(`GraphBuilder: the name '${name}' is already used`);
    this.reserved.delete(name);
    this.names.add(name);
    return name;
  }

  /** Declares a graph input (a feed of `runOnnx`); a shape entry may be a symbolic name. */
  input(name: string, dtype: DType, shape?: readonly Dim[]): string {
    this.inputs.push(valueInfo(this.claim(name), dtype, shape));
    return name;
  }

  /** Declares an existing value as a graph output. */
  output(name: string, dtype: DType, shape?: readonly Dim[]): string {
    if (!this.names.has(name)) throw new Error(`GraphBuilder: output '${name}' is not a value of the graph`);
    this.outputs.push(valueInfo(name, dtype, shape));
    return name;
  }

  /** Adds a named initializer (a constant the graph stores; int64 data may be numbers or bigints). */
  initializer(name: string, dtype: DType, shape: readonly number[], data: HostData): string {
    return this.addInitializer(this.claim(name), dtype, shape, data);
  }

  private addInitializer(name: string, dtype: DType, shape: readonly number[], data: HostData): string {
    const size = shape.reduce((a, b) => a * b, 1);
    if (data.length !== size) throw new Error(`GraphBuilder: initializer '${name}' of shape [${shape.join(', ')}] needs ${size} values, got ${data.length}`);
    this.initializers.push({ name, dims: [...shape], dataType: elemTypeOf[dtype], rawData: rawBytes(dtype, data) });
    return name;
  }

  /** An initializer under a fresh name. */
  constant(dtype: DType, shape: readonly number[], data: HostData, hint = 'const'): string {
    return this.addInitializer(this.fresh(hint), dtype, shape, data);
  }

  /** A 1-D int64 initializer (shapes, axes, pads, slice bounds). */
  int64s(values: readonly number[], hint = 'ints'): string {
    return this.constant('int64', [values.length], values, hint);
  }

  /**
   * Appends a node. `outputs` names its results (or gives how many fresh names to make); an
   * empty string in `inputs` skips an optional input. Returns the output names.
   */
  node(opType: string, inputs: readonly string[], outputs: readonly string[] | number = 1, attrs: Readonly<Record<string, AttrValue | undefined>> = {}, domain = ''): string[] {
    inputs.forEach((i) => {
      if (i !== '' && !this.names.has(i)) throw new Error(`GraphBuilder: ${opType} reads '${i}', which is not defined yet`);
    });
    const outs = typeof outputs === 'number' ? Array.from({ length: outputs }, () => this.fresh(opType.toLowerCase())) : outputs.map((o) => this.claim(o));
    const attribute = Object.entries(attrs).flatMap(([k, v]) => (v === undefined ? [] : [makeAttribute(k, v)]));
    this.nodes.push({ opType, input: [...inputs], output: outs, name: `${opType}_${this.nodes.length}`, attribute, ...(domain ? { domain } : {}) });
    return outs;
  }

  /** A node with one output under a fresh name; returns that name. */
  op(opType: string, inputs: readonly string[], attrs: Readonly<Record<string, AttrValue | undefined>> = {}): string {
    return this.node(opType, inputs, 1, attrs)[0]!;
  }

  /** The model as plain protobuf objects. */
  toModel(): ModelProto {
    return {
      irVersion: IR_VERSION,
      opsetImport: [{ domain: '', version: this.opset }],
      producerName: this.producer,
      graph: {
        name: this.name,
        node: this.nodes.map((n) => ({ ...n })),
        initializer: [...this.initializers],
        input: [...this.inputs],
        output: [...this.outputs],
      },
    };
  }

  /** The serialised `ModelProto`. */
  toBytes(): Uint8Array {
    return encodeModel(this.toModel());
  }
}
