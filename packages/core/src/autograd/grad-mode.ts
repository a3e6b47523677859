let enabled = true;

/** Whether operations are being recorded for backward (`torch.is_grad_enabled()`). */
export function isGradEnabled(): boolean {
  return enabled;
}

/** Runs `fn` without recording gradients (`with torch.no_grad():`). */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/** Runs `fn` with recording on or off (`torch.set_grad_enabled(mode)` as a context). */
export function withGradMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}
