import { formatDemo, runDemo } from './demo.js';

console.log('Rosetta demo: a loss and its gradient on each available backend\n');
console.log(formatDemo(runDemo()));
