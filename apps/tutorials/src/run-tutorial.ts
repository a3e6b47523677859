/**
 * `pnpm tutorial <name>`: run one ported seed tutorial from `src/tutorials/<name>.ts`.
 * Without a name (or with an unknown one) it lists the tutorials.
 */
import { tutorialNames, tutorialUrl } from './tutorial-files.js';

const name = process.argv[2];
const names = tutorialNames();
if (name === undefined || !names.includes(name)) {
  if (name !== undefined) console.error(`tutorial: no tutorial named '${name}'.`);
  console.error(`usage: pnpm tutorial <name>\navailable:\n${names.map((n) => `  ${n}`).join('\n')}`);
  process.exitCode = name === undefined ? 0 : 1;
} else {
  await import(tutorialUrl(name).href);
}
