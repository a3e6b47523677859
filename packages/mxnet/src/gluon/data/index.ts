/** `@rosetta/mxnet/gluon/data` (scaffold; filled by the facade's issue). */
export {};
