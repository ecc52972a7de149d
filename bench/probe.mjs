// Loaded into a benched child process (node --import): when it exits, writes to the file
// GOALPOST_PROBE_FILE its peak resident memory (KiB) and the CPU time it used (µs, every thread),
// whatever the child ran.
import { writeFileSync } from 'node:fs';

const file = process.env.GOALPOST_PROBE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
  });
}
