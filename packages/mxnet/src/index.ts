/** `@rosetta/mxnet` (scaffold; filled by the facade's issue). */
export {};
