/** `@rosetta/mindspore` (scaffold; filled by the facade's issue). */
export {};
