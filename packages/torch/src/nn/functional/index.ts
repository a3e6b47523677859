/** `@rosetta/torch/nn/functional` (scaffold; filled by the facade's issue). */
export {};
