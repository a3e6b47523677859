/** `@rosetta/mxnet/gluon` (scaffold; filled by the facade's issue). */
export {};
