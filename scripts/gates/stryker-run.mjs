// Runs Stryker (node_modules/@stryker-mutator/core) with the given arguments from the project root, quietly: one
// progress line every 30 s so a long run is visibly alive, and Stryker's own errors if it fails. Resolves to the
// exit code and, in incremental mode, Stryker's count of reused results ("N of M"). Shared by mutation.mjs (engine) and mutation-protocols.mjs (protocol data sample).
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function runStryker(args) {
  return new Promise((res) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    let lastProgress = 0;
    let reused = null;
    const keep = (d) => {
      tail = (tail + d).slice(-20_000);
      // colour codes stripped; matched on the tail, as the line can arrive in two chunks
      const r = tail.replace(/\x1b\[[0-9;]*m/g, '').match(/(\d+) of (\d+) mutant result\(s\) are reused/);
      if (r && !reused) reused = `${r[1]} of ${r[2]}`;
      const m = String(d).match(/Mutation testing \d+%[^\n]*/);
      if (m && Date.now() - lastProgress > 30_000) {
        lastProgress = Date.now();
        console.log(`  ${m[0]}`);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (c) => {
      if (c !== 0) console.log(tail.split('\n').filter((l) => /ERROR|Error:/.test(l)).slice(-10).join('\n'));
      res({ code: c, reused });
    });
  });
}
