/** onnxruntime-node, CPU EP, one intra-op thread; graphs built with onnx-proto (opset 18). Forward only. */
import ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import type { onnx as P } from 'onnx-proto';
import { inputs } from '../data.js';
import { pkgVersion, type LibAdapter, type Prepared } from '../lib-adapter.js';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

type Io = [name: string, elemType: number, dims?: number[]];
const valueInfo = ([name, elemType, dims]: Io): P.IValueInfoProto => ({
  name,
  type: { tensorType: { elemType, ...(dims ? { shape: { dim: dims.map((dimValue) => ({ dimValue })) } } : {}) } },
});

/** Serialises a single-graph model: nodes as [op, inputs, outputs, attributes?]. */
function model(nodes: [string, string[], string[], P.IAttributeProto[]?][], ins: Io[], outs: Io[]): Uint8Array {
  const m = onnx.ModelProto.create({
    irVersion: 9,
    producerName: 'rosetta-bench',
    opsetImport: [{ domain: '', version: 18 }],
    graph: {
      name: 'bench',
      node: nodes.map(([opType, input, output, attribute = []], i) => ({ name: `n${i}`, opType, input, output, attribute })),
      input: ins.map(valueInfo),
      output: outs.map(valueInfo),
    },
  });
  return onnx.ModelProto.encode(m).finish();
}

const intAttr = (name: string, i: number): P.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i });
const strAttr = (name: string, s: string): P.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(s) });

async function session(bytes: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
}

/** One awaited `run` per step; returns the output read back (a scalar loss as a number). */
function prepared(s: ort.InferenceSession, feeds: Record<string, ort.Tensor>, out: string, scalar: boolean): Prepared {
  return {
    step: async () => {
      const data = (await s.run(feeds))[out]!.data as Float32Array;
      return scalar ? data[0]! : data;
    },
    dispose: () => void s.release(),
  };
}

export async function ortAdapter(): Promise<LibAdapter> {
  return {
    version: pkgVersion('onnxruntime-node'),
    config: 'CPU EP, intraOpNumThreads=1, onnx-proto graphs (opset 18), forward only',
    cases: {
      dispatch: async (sz, seed) => {
        const d = inputs.dispatch(seed);
        const s = await session(model([['Add', ['a', 'b'], ['c']]], [['a', FLOAT, [4]], ['b', FLOAT, [4]]], [['c', FLOAT, [4]]]));
        const feeds = { a: new ort.Tensor('float32', d.a, [4]), b: new ort.Tensor('float32', d.b, [4]) };
        return {
          step: async () => {
            let out: ArrayLike<number> = [];
            for (let i = 0; i < sz.dispatchOps; i++) out = (await s.run(feeds)).c!.data as Float32Array;
            return out;
          },
          dispose: () => void s.release(),
        };
      },
      'l1-fwd': async (sz, seed) => {
        const d = inputs.l1(sz.l1N, seed);
        const s = await session(model(
          [['Sub', ['x', 'y'], ['d']], ['Abs', ['d'], ['a']], ['ReduceMean', ['a'], ['loss'], [intAttr('keepdims', 0)]]],
          [['x', FLOAT, [sz.l1N]], ['y', FLOAT, [sz.l1N]]], [['loss', FLOAT]]));
        const feeds = { x: new ort.Tensor('float32', d.pred, [sz.l1N]), y: new ort.Tensor('float32', d.target, [sz.l1N]) };
        return prepared(s, feeds, 'loss', true);
      },
      'mse-fwd': async (sz, seed) => {
        const d = inputs.l1(sz.l1N, seed);
        const s = await session(model(
          [['Sub', ['x', 'y'], ['d']], ['Mul', ['d', 'd'], ['q']], ['ReduceMean', ['q'], ['loss'], [intAttr('keepdims', 0)]]],
          [['x', FLOAT, [sz.l1N]], ['y', FLOAT, [sz.l1N]]], [['loss', FLOAT]]));
        const feeds = { x: new ort.Tensor('float32', d.pred, [sz.l1N]), y: new ort.Tensor('float32', d.target, [sz.l1N]) };
        return prepared(s, feeds, 'loss', true);
      },
      'bce-fwd': async (sz, seed) => {
        const d = inputs.bce(sz.l1N, seed);
        // relu(x) − x·z + softplus(−|x|), then the mean: the peer doc's 8-node graph.
        const s = await session(model(
          [
            ['Relu', ['x'], ['r']], ['Mul', ['x', 'z'], ['xz']], ['Sub', ['r', 'xz'], ['a']],
            ['Abs', ['x'], ['ax']], ['Neg', ['ax'], ['nax']], ['Softplus', ['nax'], ['sp']], ['Add', ['a', 'sp'], ['l']],
            ['ReduceMean', ['l'], ['loss'], [intAttr('keepdims', 0)]],
          ],
          [['x', FLOAT, [sz.l1N]], ['z', FLOAT, [sz.l1N]]], [['loss', FLOAT]]));
        const feeds = { x: new ort.Tensor('float32', d.logits, [sz.l1N]), z: new ort.Tensor('float32', d.targets, [sz.l1N]) };
        return prepared(s, feeds, 'loss', true);
      },
      'sce-fwd': async (sz, seed) => {
        const d = inputs.sce(sz.sceRows, sz.sceClasses, seed);
        const s = await session(model(
          [['SoftmaxCrossEntropyLoss', ['logits', 'labels'], ['loss'], [strAttr('reduction', 'mean')]]],
          [['logits', FLOAT, [sz.sceRows, sz.sceClasses]], ['labels', INT64, [sz.sceRows]]], [['loss', FLOAT]]));
        const feeds = {
          logits: new ort.Tensor('float32', d.logits, [sz.sceRows, sz.sceClasses]),
          labels: new ort.Tensor('int64', BigInt64Array.from(d.labels, BigInt), [sz.sceRows]),
        };
        return prepared(s, feeds, 'loss', true);
      },
      matmul: async (sz, seed) => {
        const n = sz.matmulN, d = inputs.matmul(n, seed);
        const s = await session(model([['MatMul', ['a', 'b'], ['c']]], [['a', FLOAT, [n, n]], ['b', FLOAT, [n, n]]], [['c', FLOAT, [n, n]]]));
        const feeds = { a: new ort.Tensor('float32', d.a, [n, n]), b: new ort.Tensor('float32', d.b, [n, n]) };
        return prepared(s, feeds, 'c', false);
      },
    },
  };
}
