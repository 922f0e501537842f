import type { Density } from '../types.ts';

// On its own, without the card scorer (and its vocabulary tables): the settings read it on every first screen.
export const DENSITIES: readonly Density[] = ['fewer', 'standard', 'more', 'all'];
export const isDensity = (s: unknown): s is Density => DENSITIES.includes(s as Density);
