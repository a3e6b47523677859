/** `pnpm crosscheck`: every built-in loss × reduction × backend against ONNX Runtime, as a table. */
import { formatSuite, runLossSuite } from '../suite/run-suite.js';
import { releaseSessions } from '../runtime/run.js';

const rows = await runLossSuite();
console.log(formatSuite(rows));
await releaseSessions();
process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
