/** Python's exception names, for errors worded as MindSpore's. */
import { ValueError as CoreValueError } from '@rosetta/core';

/** Python's `ValueError` (a Rosetta error, so callers can catch either). */
export class ValueError extends CoreValueError {}
