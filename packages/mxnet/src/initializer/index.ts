/** `@rosetta/mxnet/initializer` (scaffold; filled by the facade's issue). */
export {};
