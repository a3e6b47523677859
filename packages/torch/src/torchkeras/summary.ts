/**
 * torchkeras' `summary(model, input_shape)` (torchsummary's table, sizes to 6 decimals): runs a batch
 * of two random inputs through the model with a forward hook on each leaf module and prints each
 * layer's output shape (batch as -1) and parameter count.
 */
import { bindArgs, noGrad } from '@rosetta/core';
import { rand } from '../creation.js';
import { ModuleImpl } from '../nn/module.js';
import { Tensor } from '../tensor.js';

const MB = 1024 ** 2;
const RULE = '-'.repeat(64);
const DOUBLE = '='.repeat(64);
const row = (a: string, b: string, c: string): string => `${a.padStart(20)}  ${b.padStart(25)} ${c.padStart(15)}`;
const thousands = (n: number): string => n.toLocaleString('en-US');

/** The summary table as text (what `summary` prints). */
export function summaryText(model: ModuleImpl, input_shape: readonly number[]): string {
  const layers: { name: string; shape: number[]; params: number; trainable: number }[] = [];
  const leaves = model.modules().filter((m) => m.children().length === 0 && m !== model);
  const handles = leaves.map((m) =>
    m.register_forward_hook((mod, _inputs, output) => {
      const own = mod.named_parameters('', false).map(([, p]) => p);
      layers.push({
        name: `${mod._className()}-${layers.length + 1}`,
        shape: output instanceof Tensor ? [-1, ...output.shape.slice(1)] : [],
        params: own.reduce((s, p) => s + p.numel(), 0),
        trainable: own.filter((p) => p.requires_grad).reduce((s, p) => s + p.numel(), 0),
      });
    }),
  );
  try {
    noGrad(() => model(rand([2, ...input_shape])));
  } finally {
    handles.forEach((h) => h.remove());
  }
  const total = layers.reduce((s, l) => s + l.params, 0);
  const trainable = layers.reduce((s, l) => s + l.trainable, 0);
  const inputMB = Math.abs((input_shape.reduce((a, b) => a * b, 1) * -1 * 4) / MB);
  const outputMB = Math.abs((2 * layers.reduce((s, l) => s + l.shape.reduce((a, b) => a * b, 1), 0) * 4) / MB);
  const paramsMB = Math.abs((total * 4) / MB);
  return [
    RULE,
    row('Layer (type)', 'Output Shape', 'Param #'),
    DOUBLE,
    ...layers.map((l) => row(l.name, `[${l.shape.join(', ')}]`, thousands(l.params))),
    DOUBLE,
    `Total params: ${thousands(total)}`,
    `Trainable params: ${thousands(trainable)}`,
    `Non-trainable params: ${thousands(total - trainable)}`,
    RULE,
    `Input size (MB): ${inputMB.toFixed(6)}`,
    `Forward/backward pass size (MB): ${outputMB.toFixed(6)}`,
    `Params size (MB): ${paramsMB.toFixed(6)}`,
    `Estimated Total Size (MB): ${(inputMB + outputMB + paramsMB).toFixed(6)}`,
    RULE,
  ].join('\n');
}

/** `torchkeras.summary(model, input_shape)`: prints the table. */
export function summary(model: ModuleImpl, ...args: unknown[]): void {
  const { input_shape } = bindArgs('summary', ['input_shape'], { input_shape: [] as readonly number[] }, args);
  console.log(summaryText(model, input_shape));
}
