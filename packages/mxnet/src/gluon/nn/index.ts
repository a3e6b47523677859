/** `@rosetta/mxnet/gluon/nn` (scaffold; filled by the facade's issue). */
export {};
