// Loaded into a benched child process (node --import): writes its peak resident memory (KiB) to
// the file GOALPOST_MAX_RSS_FILE names when it exits, whatever the child ran.
import { writeFileSync } from 'node:fs';

const file = process.env.GOALPOST_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
