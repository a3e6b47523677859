/** `@rosetta/torch` (scaffold; filled by the facade's issue). */
export {};
