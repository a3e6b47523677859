/**
 * Node's built-in modules for the wasm backend without importing them (the backend also loads in
 * browsers): `process.getBuiltinModule` (Node ≥ 20.16), undefined elsewhere.
 */
export function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.(id) as T | undefined;
}

/** Whether the environment forbids the library to touch V8's flags (`ROSETTA_NO_V8_FLAGS=1`). */
export function v8FlagsOptedOut(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const v = env?.ROSETTA_NO_V8_FLAGS;
  return v !== undefined && v !== '' && v !== '0';
}

/**
 * Runs `make` with the V8 `flags` (names without `--`) turned on, then turns them off again: what
 * `make` creates keeps what the flags gave it (a vm context its `gc` global, a compiled module its
 * relaxed-SIMD opcodes), and nothing created later sees them. Pass only flags that are off (a
 * flag the user turned on must stay on). Undefined, without calling `make`, outside Node or when
 * opted out (`ROSETTA_NO_V8_FLAGS`).
 * NOTE: V8's flags are per process: a worker thread that starts its isolate during `make` (a
 * synchronous call of microseconds) would see them too.
 */
export function withV8Flags<T>(flags: readonly string[], make: () => T): T | undefined {
  const v8 = nodeBuiltin<{ setFlagsFromString(f: string): void }>('node:v8');
  if (!v8 || v8FlagsOptedOut()) return undefined;
  flags.forEach((f) => v8.setFlagsFromString(`--${f}`));
  try {
    return make();
  } finally {
    flags.forEach((f) => v8.setFlagsFromString(`--no-${f}`));
  }
}
