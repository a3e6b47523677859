import { formatSuite, releaseSessions, runLossSuite } from '@rosetta/onnx';
import { getBackend } from '@rosetta/core';
import { formatDemo, runDemo } from './demo.js';

console.log('Rosetta demo: a loss and its gradient on each available backend\n');
console.log(formatDemo(runDemo()));
console.log(`\nCross-check of every built-in loss against ONNX Runtime (current backend: ${getBackend().name})\n`);
const rows = await runLossSuite();
console.log(formatSuite(rows));
await releaseSessions();
process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
