/** `@rosetta/mindspore/dataset` (scaffold; filled by the facade's issue). */
export {};
