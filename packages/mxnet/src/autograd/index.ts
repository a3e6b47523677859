/** `@rosetta/mxnet/autograd` (scaffold; filled by the facade's issue). */
export {};
