/** The metrics, constructible with and without `new` (`nn.MAE()`). */
import { newless } from '@rosetta/core';
import { Accuracy as AccuracyClass, Loss as LossClass, MAE as MAEClass, MSE as MSEClass } from './metrics.js';

export { Metric } from './metrics.js';
export const Loss = newless(LossClass);
export type Loss = LossClass;
export const MAE = newless(MAEClass);
export type MAE = MAEClass;
export const MSE = newless(MSEClass);
export type MSE = MSEClass;
export const Accuracy = newless(AccuracyClass);
export type Accuracy = AccuracyClass;
