/**
 * Test helper: run a tutorial the way `pnpm tutorial <name>` does, in a child Node process,
 * and capture what it prints.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tutorialUrl } from './tutorial-files.js';

export interface TutorialRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/**
 * How long a test's `beforeAll` waits for a tutorial process: a tutorial takes seconds alone but
 * several times longer on a busy 2-core machine (a fresh clone's test line beside another job).
 */
export const TUTORIAL_TIMEOUT_MS = 300_000;

/** Run tutorial `name` with `ROSETTA_TUTORIAL_OUT=outDir` (when given) and return its output. */
export function runTutorialProcess(name: string, outDir?: string): TutorialRun {
  const env = { ...process.env };
  if (outDir !== undefined) env.ROSETTA_TUTORIAL_OUT = outDir;
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(tutorialUrl(name))], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // Fail with a clear error (before the hook's own timeout) rather than hang.
    timeout: TUTORIAL_TIMEOUT_MS - 10_000,
  });
  if (r.error) throw new Error(`tutorial ${name}: the process failed to run to the end: ${r.error.message}`);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
