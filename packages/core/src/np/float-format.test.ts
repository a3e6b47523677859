import { describe, expect, it } from 'vitest';
import { exactDecimal, formatFloatScalar, formatPositional, formatScientific, roundDecimal, shortestDecimal } from './float-format.js';

describe('float formatting (NumPy Dragon4)', () => {
  it('shortest digits in float32 and float64', () => {
    expect(shortestDecimal(Math.fround(0.1), true)).toEqual({ neg: false, digits: '1', exp: -1 });
    expect(shortestDecimal(Math.fround(0.1), false).digits).toBe('10000000149011612');
    expect(shortestDecimal(-1234.5, false)).toEqual({ neg: true, digits: '12345', exp: 3 });
  });

  it('exact expansion and half-even rounding', () => {
    expect(exactDecimal(1 / 512)).toEqual({ neg: false, digits: '1953125', exp: -3 });
    expect(roundDecimal(exactDecimal(1 / 512), 6).digits).toBe('195312');
    expect(roundDecimal(exactDecimal(0.375), 2).digits).toBe('38');
    expect(roundDecimal(exactDecimal(9.99), 2)).toEqual({ neg: false, digits: '1', exp: 1 });
  });

  it('scalar str like numpy float scalars', () => {
    expect(formatFloatScalar(Math.fround(0.033333335), true)).toBe('0.033333335');
    expect(formatFloatScalar(1, false)).toBe('1.0');
    expect(formatFloatScalar(-0, false)).toBe('-0.0');
    expect(formatFloatScalar(1e16, false)).toBe('1e+16');
    expect(formatFloatScalar(9.9e15, false)).toBe('9900000000000000.0');
    expect(formatFloatScalar(Math.fround(999999.94), true)).toBe('999999.94');
    expect(formatFloatScalar(Math.fround(1e-4), true)).toBe('1e-04');
    expect(formatFloatScalar(1e-4, false)).toBe('0.0001');
    expect(formatFloatScalar(2.5e-7, false)).toBe('2.5e-07');
    expect(formatFloatScalar(1e100, false)).toBe('1e+100');
    expect(formatFloatScalar(NaN, false)).toBe('nan');
    expect(formatFloatScalar(-Infinity, true)).toBe('-inf');
  });

  it('positional and scientific with padding', () => {
    expect(formatPositional(1, { f32: false, precision: 8, trim: '.', padLeft: 2, padRight: 1 })).toBe(' 1. ');
    expect(formatPositional(1 / 512, { f32: false, precision: 8, trim: '.' })).toBe('0.00195312');
    expect(formatScientific(1.5, { f32: false, precision: 2, minDigits: 2, trim: 'k', padLeft: 2, expDigits: 2 })).toBe(' 1.50e+00');
  });
});
