/** `@rosetta/mxnet/gluon/loss` (scaffold; filled by the facade's issue). */
export {};
