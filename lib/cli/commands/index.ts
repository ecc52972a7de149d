import type { Command } from '../command';

// Each command module adds itself here, in the order `goalpost --help` lists them.
export const commands: Command[] = [];

import { demo } from './demo';
import { audit } from './audit';
commands.push(demo, audit);

import { decode } from './decode';
commands.push(decode);

import { replay } from './replay';
commands.push(replay);
