/** `@rosetta/torch/optim` (scaffold; filled by the facade's issue). */
export {};
