/** `@rosetta/mindspore/common/initializer` (scaffold; filled by the facade's issue). */
export {};
