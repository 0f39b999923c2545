import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './paths.js';

/**
 * The start script on a machine without Java: one line saying what to install,
 * or to set NEO4J_URI — not a stack trace.
 */
describe('starting without Java', () => {
  it('prints one actionable line and exits 1', { timeout: 40_000 }, () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    // A PATH holding node alone: no java, no mvn (node's own folder may hold them).
    const bin = mkdtempSync(path.join(tmpdir(), 'atlas-no-java-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const result = spawnSync(process.execPath, [tsx, 'scripts/start.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: bin, HOME: process.env.HOME ?? '/tmp', NEO4J_LOCAL_PORT: '1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/java not found: install Java 17 and Maven .* or set NEO4J_URI/);
  });
});
