import { describe, expect, it } from 'vitest';
import { decodeModel } from '../proto/codec.js';
import { AttributeType, DataType } from '../proto/types.js';
import { runOnnx } from '../runtime/run.js';
import { fromRawBytes } from './dtypes.js';
import { GraphBuilder } from './graph.js';

describe('GraphBuilder', () => {
  it('round-trips through encode and decode', () => {
    const g = new GraphBuilder({ name: 'rt' });
    const x = g.input('x', 'float32', [2, 'n']);
    const w = g.initializer('w', 'int64', [3], [1, -2, 2 ** 40]);
    const y = g.op('ReduceSum', [x, g.int64s([1])], { keepdims: 0 });
    g.node('LeakyRelu', [y], ['z'], { alpha: { float: 0.25 } });
    g.node('Pad', [x, w], ['p'], { mode: 'constant', dummy: [1, 2] });
    g.output('z', 'float32', [2]);
    const m = decodeModel(g.toBytes());
    expect(m.irVersion).toBe(9);
    expect(m.opsetImport.map((o) => [o.domain ?? '', o.version])).toEqual([['', 18]]);
    expect(m.graph.name).toBe('rt');
    expect(m.graph.input![0]!.type!.tensorType!.elemType).toBe(DataType.FLOAT);
    expect(m.graph.input![0]!.type!.tensorType!.shape!.dim).toEqual([{ dimValue: 2 }, { dimParam: 'n' }]);
    expect(m.graph.output!.map((o) => o.name)).toEqual(['z']);
    expect(m.graph.node!.map((n) => n.opType)).toEqual(['ReduceSum', 'LeakyRelu', 'Pad']);
    expect(m.graph.node![0]!.input).toEqual([x, 'ints']);
    expect(m.graph.node![0]!.attribute).toEqual([{ name: 'keepdims', type: AttributeType.INT, i: 0 }]);
    expect(m.graph.node![1]!.attribute![0]).toMatchObject({ name: 'alpha', type: AttributeType.FLOAT, f: 0.25 });
    const pad = m.graph.node![2]!.attribute!;
    expect(new TextDecoder().decode(pad[0]!.s)).toBe('constant');
    expect(pad[1]).toMatchObject({ type: AttributeType.INTS, ints: [1, 2] });
    const init = m.graph.initializer!.find((t) => t.name === w)!;
    expect(init.dims).toEqual([3]);
    expect(init.dataType).toBe(DataType.INT64);
    expect([...fromRawBytes('int64', init.rawData!)]).toEqual([1n, -2n, 2n ** 40n]);
  });

  it('refuses undefined inputs and reused names', () => {
    const g = new GraphBuilder();
    g.input('x', 'float32', [1]);
    expect(() => g.op('Exp', ['nope'])).toThrow(/not defined/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/already used/);
    expect(() => g.op('Foo', ['x'], { a: 0.5 })).toThrow(/FLOAT/);
  });

  it('builds a graph ORT runs, for every dtype', async () => {
    const g = new GraphBuilder();
    const a = g.input('a', 'float64', [2, 2]);
    const i = g.input('i', 'int64', [2]);
    const b = g.input('b', 'bool', [2]);
    g.node('ReduceSum', [a, g.int64s([0])], ['s'], { keepdims: 0 });
    g.node('Mul', [i, g.constant('int64', [], [3n])], ['i3']);
    g.node('Not', [b], ['nb']);
    g.node('Cast', [i], ['i32'], { to: DataType.INT32 });
    g.node('Cast', ['i32'], ['f32'], { to: DataType.FLOAT });
    g.output('s', 'float64', [2]);
    g.output('i3', 'int64', [2]);
    g.output('nb', 'bool', [2]);
    g.output('f32', 'float32', [2]);
    const out = await runOnnx(g.toBytes(), {
      a: { dtype: 'float64', shape: [2, 2], data: [1, 2, 3, 4.5] },
      i: { dtype: 'int64', shape: [2], data: [5, -7] },
      b: { dtype: 'bool', shape: [2], data: [true, false] },
    });
    expect([...out.s!.data]).toEqual([4, 6.5]);
    expect(out.s!.data).toBeInstanceOf(Float64Array);
    expect(out.s!.shape).toEqual([2]);
    expect([...out.i3!.data]).toEqual([15n, -21n]);
    expect([...out.nb!.data].map(Number)).toEqual([0, 1]);
    expect(out.nb!.dtype).toBe('bool');
    expect([...out.f32!.data]).toEqual([5, -7]);
    expect(out.f32!.dtype).toBe('float32');
  });
});
