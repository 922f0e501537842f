#!/usr/bin/env node
// The CLI is TypeScript; tsx loads it so `npx kubedeck` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
