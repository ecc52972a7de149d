import type { Command } from '../command';
import { audit } from './audit';
import { decode } from './decode';
import { demo } from './demo';
import { replay } from './replay';

// In the order `goalpost --help` lists them: offline commands first, then the browser ones.
export const commands: Command[] = [replay, decode, audit, demo];
