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

/** Run tutorial `name` with `ROSETTA_TUTORIAL_OUT=outDir` (when given) and return its output. */
export function runTutorialProcess(name: string, outDir?: string): TutorialRun {
  const env = { ...process.env };
  if (outDir !== undefined) env.ROSETTA_TUTORIAL_OUT = outDir;
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(tutorialUrl(name))], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
