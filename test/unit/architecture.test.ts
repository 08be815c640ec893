// Folder rules (docs/architecture.md): forms/ and db/ never import electron; renderer/ never imports
// node:* or db/ (it reaches data only through the API); forms/ stays pure (no node:*, no db/); db/
// sits below server/; a procedure file never imports another one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/paths';

function sources(dir: string): string[] {
  const abs = path.join(REPO_ROOT, dir);
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.join(dir, f));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|net$)/;

describe('folder rules', () => {
  it('renderer/ imports neither Node nor the database', () => {
    for (const f of sources('renderer')) {
      for (const spec of importsOf(f)) {
        expect(spec, f).not.toMatch(NODE_BUILTINS);
        expect(spec, f).not.toMatch(/(^|\/)(db|server|electron)\//);
        expect(spec, f).not.toMatch(/^better-sqlite3/);
        expect(spec, f).not.toBe('electron');
      }
    }
  });

  it('forms/ is shared by both sides: no electron, no Node, no database', () => {
    for (const f of sources('forms')) {
      for (const spec of importsOf(f)) {
        expect(spec, f).not.toMatch(NODE_BUILTINS);
        expect(spec, f).not.toMatch(/^(electron|better-sqlite3|drizzle-orm)|\.\.\/(db|server|electron)\//);
      }
    }
  });

  it('db/ and server/ never import electron', () => {
    for (const f of [...sources('db'), ...sources('server')]) {
      for (const spec of importsOf(f)) expect(spec, f).not.toBe('electron');
    }
  });

  it('db/ sits below server/ and the renderer: it imports neither', () => {
    for (const f of sources('db')) {
      for (const spec of importsOf(f)) expect(spec, f).not.toMatch(/\.\.\/(server|renderer|electron|upstream)\//);
    }
  });

  it('server/procedures/: each file imports only the shared context among its siblings, and only core.ts wires them', () => {
    const procedures = sources('server/procedures');
    expect(procedures.length).toBeGreaterThan(5);
    for (const f of procedures) {
      for (const spec of importsOf(f)) {
        if (spec.startsWith('./')) expect(spec, f).toBe('./context');
      }
    }
    for (const f of sources('server').filter((f) => !procedures.includes(f) && f !== path.join('server', 'core.ts'))) {
      for (const spec of importsOf(f)) expect(spec, f).not.toMatch(/procedures\//);
    }
  });

  it('upstream/ (the reference hub) shares only the wire contract with the app', () => {
    for (const f of sources('upstream')) {
      for (const spec of importsOf(f)) {
        expect(spec, f).not.toMatch(/\.\.\/(db|server|electron|renderer)\//);
        if (spec.startsWith('../forms/')) expect(['../forms/upstream-v1', '../forms/vocabulary', '../forms/random'], f).toContain(spec);
      }
    }
  });
});
