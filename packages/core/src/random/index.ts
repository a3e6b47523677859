/** Random number generation shared by the tensor engine and `np.random` (NumPy legacy MT19937). */
export { MT19937, type MT19937State, type MTSeed } from './mt19937.js';
export { defaultGenerator, manualSeed, fillUniform, fillNormal } from './generator.js';
