import type { Command } from '../command';

// Each command module adds itself here, in the order `goalpost --help` lists them.
export const commands: Command[] = [];
