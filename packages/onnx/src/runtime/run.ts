import { createHash } from 'node:crypto';
import type { DType, HostArray } from '@rosetta/core';
import ort from 'onnxruntime-node';
import { toTypedArray, type HostData } from '../builder/dtypes.js';

/** A tensor on the host: values in row-major order, shape and dtype. */
export interface HostTensor {
  data: HostArray;
  shape: number[];
  dtype: DType;
}

/** What `runOnnx` takes per input: a HostTensor, or values and shape with the dtype spelled out. */
export interface FeedValue {
  data: HostData;
  shape: readonly number[];
  dtype: DType;
}

const ortType: Record<DType, ort.Tensor.Type> = { float32: 'float32', float64: 'float64', int32: 'int32', int64: 'int64', bool: 'bool' };
const fromOrt: Partial<Record<string, DType>> = { float32: 'float32', float64: 'float64', int32: 'int32', int64: 'int64', bool: 'bool' };

const MAX_SESSIONS = 64;
const sessions = new Map<string, Promise<ort.InferenceSession>>();

/** The cached session for these model bytes (keyed by content), created on first use. */
function session(model: Uint8Array): Promise<ort.InferenceSession> {
  const key = createHash('sha256').update(model).digest('hex');
  let s = sessions.get(key);
  if (s) {
    sessions.delete(key); // most recently used goes last
    sessions.set(key, s);
    return s;
  }
  s = ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
  s.catch(() => sessions.delete(key));
  sessions.set(key, s);
  while (sessions.size > MAX_SESSIONS) {
    const [oldest, p] = sessions.entries().next().value!;
    sessions.delete(oldest);
    void p.then((x) => x.release(), () => undefined);
  }
  return s;
}

/** Releases every cached session (tests and long-lived processes call this when done). */
export async function releaseSessions(): Promise<void> {
  const all = [...sessions.values()];
  sessions.clear();
  await Promise.all(all.map((p) => p.then((s) => s.release(), () => undefined)));
}

/**
 * Runs an ONNX model in onnxruntime-node (CPU, one intra-op thread) and returns every output (or
 * those named) as host arrays with shapes. Sessions are cached per model content.
 * int64 values are BigInt64Array, bool values Uint8Array of 0/1.
 */
export async function runOnnx(model: Uint8Array, feeds: Readonly<Record<string, FeedValue>>, outputNames?: readonly string[]): Promise<Record<string, HostTensor>> {
  const s = await session(model);
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const [name, f] of Object.entries(feeds)) {
    ortFeeds[name] = new ort.Tensor(ortType[f.dtype], toTypedArray(f.dtype, f.data) as ort.Tensor.DataType, [...f.shape]);
  }
  const results = outputNames ? await s.run(ortFeeds, [...outputNames]) : await s.run(ortFeeds);
  const out: Record<string, HostTensor> = {};
  for (const [name, t] of Object.entries(results)) {
    const dtype = fromOrt[t.type];
    if (!dtype) throw new Error(`runOnnx: output '${name}' has type ${t.type}, which Rosetta does not read`);
    out[name] = { data: t.data as HostArray, shape: [...t.dims], dtype };
  }
  return out;
}
