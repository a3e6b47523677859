/** `@rosetta/mindspore/nn` (scaffold; filled by the facade's issue). */
export {};
