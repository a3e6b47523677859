import protobuf from 'protobufjs';
import { onnxSchema } from './schema.js';
import type { ModelProto } from './types.js';

/**
 * protobufjs reads JSON descriptors as proto3 unless told (zeros would then be dropped on the
 * wire: `keepdims: 0` would vanish and mean 1); onnx.proto is proto2, so every message and enum
 * is marked so.
 */
function asProto2(node: unknown): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = k === 'nested' ? Object.fromEntries(Object.entries(v as object).map(([n, c]) => [n, asProto2(c)])) : v;
  if ('fields' in o || 'values' in o) out.edition = 'proto2';
  return out;
}

const root = protobuf.Root.fromJSON(asProto2(onnxSchema) as protobuf.INamespace);
const Model = root.lookupType('onnx.ModelProto');

/** Serialises a model to ONNX protobuf bytes (what `InferenceSession.create` and `onnx.load` read). */
export function encodeModel(model: ModelProto): Uint8Array {
  const problem = Model.verify(model);
  if (problem) throw new Error(`encodeModel: invalid ModelProto: ${problem}`);
  return Model.encode(Model.fromObject(model)).finish();
}

/** Parses ONNX protobuf bytes back into plain objects (int64 as numbers, enums as numbers). */
export function decodeModel(bytes: Uint8Array): ModelProto {
  return Model.toObject(Model.decode(bytes), { longs: Number, enums: Number }) as ModelProto;
}
