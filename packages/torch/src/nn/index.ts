/** `@rosetta/torch/nn` (scaffold; filled by the facade's issue). */
export {};
