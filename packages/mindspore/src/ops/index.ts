/** `@rosetta/mindspore/ops` (scaffold; filled by the facade's issue). */
export {};
