import { describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import { nn } from '../index.js';
import type { Tensor } from '../tensor.js';
import { Model, summary } from './index.js';
import { summaryText } from './summary.js';
import { prettyTable } from './table.js';

class DNN extends Model {
  fc1 = nn.Linear(2, 4);
  fc2 = nn.Linear(4, 8);
  fc3 = nn.Linear(8, 1);
  override forward(x: Tensor) {
    return nn.Sigmoid()(this.fc3(this.fc2(this.fc1(x).relu()).relu()));
  }
}

describe('torchkeras', () => {
  it('summary prints the seed’s table', () => {
    expect(summaryText(new DNN(), [2])).toBe([
      '----------------------------------------------------------------',
      '        Layer (type)               Output Shape         Param #',
      '================================================================',
      '            Linear-1                    [-1, 4]              12',
      '            Linear-2                    [-1, 8]              40',
      '            Linear-3                    [-1, 1]               9',
      '================================================================',
      'Total params: 61',
      'Trainable params: 61',
      'Non-trainable params: 0',
      '----------------------------------------------------------------',
      'Input size (MB): 0.000008',
      'Forward/backward pass size (MB): 0.000099',
      'Params size (MB): 0.000233',
      'Estimated Total Size (MB): 0.000340',
      '----------------------------------------------------------------',
    ].join('\n'));
    expect(typeof summary).toBe('function');
  });
  it('prettyTable centres cells as PrettyTable does', () => {
    expect(prettyTable(['epoch', 'loss'], [['1', '0.022']])).toBe('+-------+-------+\n| epoch |  loss |\n+-------+-------+\n|   1   | 0.022 |\n+-------+-------+');
  });
  it('fit trains, logs and returns the history', () => {
    torch.manual_seed(1);
    const X = torch.randn(64, 2);
    const Y = X.index(':', 0).gt(0).float().view(64, 1);
    const model = new DNN();
    model.compile({ loss_func: nn.BCELoss(), optimizer: new torch.optim.Adam(model.parameters(), { lr: 0.05 }) });
    const batches: [Tensor, Tensor][] = [[X, Y]];
    const lines: string[] = [];
    const orig = console.log;
    console.log = (s: string) => lines.push(s);
    let history;
    try {
      history = model.fit(20, { dl_train: batches, dl_val: batches, log_step_freq: 1 });
    } finally {
      console.log = orig;
    }
    expect(lines[0]).toBe('Start Training ...');
    expect(lines.at(-1)).toBe('Finished Training...');
    expect(lines[2]).toMatch(/^\{'step': 1, 'loss': \d\.\d+\}$/);
    expect(history!.columns).toEqual(['epoch', 'loss', 'val_loss']);
    const loss = history!.get('loss');
    expect(loss.length).toBe(20);
    expect(loss[19]!).toBeLessThan(loss[0]!);
  });
});
