#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step), so `npm run goalpost` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../lib/cli/main.ts');
