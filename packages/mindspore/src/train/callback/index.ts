/** `@rosetta/mindspore/train/callback` (scaffold; filled by the facade's issue). */
export {};
