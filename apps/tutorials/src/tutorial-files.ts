/** Where the ported tutorials live, and where they write their files (plots). */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tutorialsDir = new URL('./tutorials/', import.meta.url);

/** Names of the runnable tutorials: `src/tutorials/<name>.ts`, tests excluded. */
export function tutorialNames(): string[] {
  return readdirSync(tutorialsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** The module URL of tutorial `name`. */
export function tutorialUrl(name: string): URL {
  return new URL(`${name}.ts`, tutorialsDir);
}

/**
 * Path for an output file of a tutorial (an SVG plot): under `$ROSETTA_TUTORIAL_OUT` when set
 * (tests point it at a temporary folder), else `apps/tutorials/out/`. The folder is created.
 */
export function outputPath(file: string): string {
  const dir = process.env.ROSETTA_TUTORIAL_OUT ?? fileURLToPath(new URL('../out/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return join(dir, file);
}
