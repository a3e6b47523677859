/** `@rosetta/mindspore/train` (scaffold; filled by the facade's issue). */
export {};
