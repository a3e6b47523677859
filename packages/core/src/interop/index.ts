/** Support for the Python-style facades: callable instances, new-less classes, field walking. */
export { Callable } from './callable.js';
export { newless, type Newless } from './newless.js';
export { walkNamed, walkNodes, type WalkSpec } from './walk.js';
export { bindArgs, isKeywords } from './args.js';
export { bindPyCall, type PySignature } from './py-call.js';
export { print, pyStr, pyRepr, pyFloatRepr } from './print.js';
