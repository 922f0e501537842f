import type { Density } from '../types.ts';

// On its own, without the card scorer (and its vocabulary tables): the settings read it on every first screen.
export const DENSITIES = ['fewer', 'standard', 'more', 'all'] as const satisfies readonly Density[];
export const isDensity = (s: unknown): s is Density => (DENSITIES as readonly unknown[]).includes(s);
