/**
 * Plain-object shapes of the ONNX messages in `schema.ts` (camelCase, as protobufjs names them).
 * int64 fields are JS numbers (exact up to 2^53, enough for dims and attributes); tensor payloads
 * travel as `rawData` (little-endian bytes).
 */

/** `TensorProto.DataType` values Rosetta uses. */
export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 } as const;

/** `AttributeProto.AttributeType` values. */
export const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

export interface TensorProto {
  name?: string;
  dims?: number[];
  dataType: number;
  rawData?: Uint8Array;
  floatData?: number[];
  int32Data?: number[];
  int64Data?: number[];
  doubleData?: number[];
}

export interface AttributeProto {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: TensorProto;
  floats?: number[];
  ints?: number[];
  strings?: Uint8Array[];
}

export interface NodeProto {
  input: string[];
  output: string[];
  name?: string;
  opType: string;
  domain?: string;
  attribute?: AttributeProto[];
  docString?: string;
}

/** A dimension: a size, or a symbolic name. */
export interface DimensionProto {
  dimValue?: number;
  dimParam?: string;
}

export interface ValueInfoProto {
  name: string;
  type?: { tensorType?: { elemType: number; shape?: { dim?: DimensionProto[] } } };
  docString?: string;
}

export interface GraphProto {
  name?: string;
  node?: NodeProto[];
  initializer?: TensorProto[];
  input?: ValueInfoProto[];
  output?: ValueInfoProto[];
  valueInfo?: ValueInfoProto[];
  docString?: string;
}

export interface OperatorSetIdProto {
  domain?: string;
  version: number;
}

export interface ModelProto {
  irVersion: number;
  opsetImport: OperatorSetIdProto[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  docString?: string;
  graph: GraphProto;
  metadataProps?: { key: string; value: string }[];
}
