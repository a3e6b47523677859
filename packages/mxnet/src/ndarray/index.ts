/** `@rosetta/mxnet/ndarray` (scaffold; filled by the facade's issue). */
export {};
