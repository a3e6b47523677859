/** `@rosetta/torch/utils/data` (scaffold; filled by the facade's issue). */
export {};
