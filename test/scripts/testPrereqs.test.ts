/**
 * scripts/test-prereqs.js, the first step of `npm test`: with every program there it does nothing;
 * as root with apt-get it installs what is missing; otherwise it says in one line what to run and
 * stops `npm test` there (instead of a dozen failing tests for one missing package). The decision
 * is tested with the probes injected; the probes themselves on a PATH made for the test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  decide,
  ensurePrerequisites,
  systemProbes,
  type Probes,
  type Tool,
} from '../../scripts/test-prereqs';

/** Probes over a set of installed tools; `install` adds what apt-get would bring (or fails). */
function fakeSystem(
  installed: Tool[],
  { isRoot = false, hasAptGet = true, aptWorks = true, aptBrings = [] as Tool[] } = {},
) {
  const present = new Set<Tool>(installed);
  const installs: string[][] = [];
  const probes: Probes = {
    has: (tool) => present.has(tool),
    isRoot,
    hasAptGet,
    install(packages) {
      installs.push([...packages]);
      if (!aptWorks) return false;
      for (const tool of aptBrings) present.add(tool);
      return true;
    },
  };
  const lines: string[] = [];
  const run = () => ensurePrerequisites(probes, (line) => lines.push(line));
  return { run, installs, lines };
}

const ALL: Tool[] = ['xmllint', 'chromium', 'soffice', 'pdftoppm', 'carlito'];

describe('npm test’s prerequisites: the decision', () => {
  it('does nothing and says nothing when every program is there', () => {
    const system = fakeSystem(ALL, { isRoot: true });
    expect(system.run()).toBe(0);
    expect(system.installs).toEqual([]);
    expect(system.lines).toEqual([]);
  });

  it('as root with apt-get: installs the packages of what is missing, each once, and goes on', () => {
    const system = fakeSystem(['xmllint', 'pdftoppm', 'carlito'], {
      isRoot: true,
      aptBrings: ['chromium', 'soffice'],
    });
    expect(system.run()).toBe(0);
    expect(system.installs).toEqual([
      ['chromium', 'fonts-liberation', 'libreoffice-calc', 'fonts-crosextra-carlito'],
    ]);
    expect(system.lines).toHaveLength(1);
    expect(system.lines[0]).toMatch(/chromium, soffice not found; installing/);
  });

  it('LibreOffice there but not the Carlito font the outputs are measured with: installs the font', () => {
    const system = fakeSystem(['xmllint', 'chromium', 'soffice', 'pdftoppm'], {
      isRoot: true,
      aptBrings: ['carlito'],
    });
    expect(system.run()).toBe(0);
    expect(system.installs).toEqual([['fonts-crosextra-carlito']]);
  });

  it('on a bare machine as root: every package, as .ci/run installed them', () => {
    const system = fakeSystem([], { isRoot: true, aptBrings: ALL });
    expect(system.run()).toBe(0);
    expect(system.installs).toEqual([
      [
        'libxml2-utils',
        'chromium',
        'fonts-liberation',
        'libreoffice-calc',
        'fonts-crosextra-carlito',
        'poppler-utils',
      ],
    ]);
  });

  it('not root: installs nothing and names the command in one line', () => {
    const system = fakeSystem(['chromium', 'soffice', 'carlito']);
    expect(system.run()).toBe(1);
    expect(system.installs).toEqual([]);
    expect(system.lines).toEqual([
      'npm test needs xmllint, pdftoppm, not found: run  sudo apt-get update && ' +
        'sudo apt-get install -y --no-install-recommends libxml2-utils poppler-utils',
    ]);
  });

  it('without apt-get: one line naming the packages and the variables that point at the programs', () => {
    const system = fakeSystem(['xmllint', 'pdftoppm', 'carlito'], { isRoot: true, hasAptGet: false });
    expect(system.run()).toBe(1);
    expect(system.installs).toEqual([]);
    expect(system.lines).toHaveLength(1);
    expect(system.lines[0]).toMatch(
      /^npm test needs chromium, soffice, not found: .*chromium fonts-liberation libreoffice-calc.*CHROMIUM_PATH and SOFFICE_PATH/,
    );
  });

  it('when apt-get fails, or installs but the program is still missing: one more line with the command, exit 1', () => {
    const failing = fakeSystem(['xmllint', 'chromium', 'soffice', 'carlito'], {
      isRoot: true,
      aptWorks: false,
    });
    expect(failing.run()).toBe(1);
    expect(failing.lines[1]).toBe(
      'npm test needs pdftoppm: apt-get could not install poppler-utils; run  apt-get update && ' +
        'apt-get install -y --no-install-recommends poppler-utils',
    );

    const useless = fakeSystem(['xmllint', 'pdftoppm', 'soffice', 'carlito'], {
      isRoot: true,
      aptBrings: [],
    });
    expect(useless.run()).toBe(1);
    expect(useless.lines[1]).toMatch(
      /^npm test needs chromium: apt-get could not install chromium fonts-liberation;/,
    );
  });

  it('decide() alone: ready, install or tell', () => {
    expect(decide({ missing: [], isRoot: false, hasAptGet: false })).toEqual({ action: 'ready' });
    expect(decide({ missing: ['soffice'], isRoot: true, hasAptGet: true })).toEqual({
      action: 'install',
      packages: ['libreoffice-calc', 'fonts-liberation', 'fonts-crosextra-carlito'],
    });
    expect(decide({ missing: ['soffice'], isRoot: true, hasAptGet: false }).action).toBe('tell');
    expect(decide({ missing: ['soffice'], isRoot: false, hasAptGet: true }).action).toBe('tell');
  });
});

describe('npm test’s prerequisites: the probes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-prereqs-'));
    for (const name of ['xmllint', 'apt-get', 'chromium', 'soffice']) {
      fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
    }
    // Found on PATH but not executable: not there.
    fs.writeFileSync(path.join(dir, 'pdftoppm'), '', { mode: 0o644 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('look for each program where the tests look for it', () => {
    const probes = systemProbes({ PATH: dir, CHROMIUM_PATH: path.join(dir, 'chromium') });
    expect(probes.has('xmllint')).toBe(true);
    expect(probes.has('chromium')).toBe(true);
    expect(probes.has('soffice')).toBe(true);
    expect(probes.has('pdftoppm')).toBe(false);
    expect(probes.hasAptGet).toBe(true);
  });

  it('find nothing on an empty PATH with the variables pointing nowhere', () => {
    const nowhere = path.join(dir, 'nowhere');
    const probes = systemProbes({ PATH: '', CHROMIUM_PATH: nowhere, SOFFICE_PATH: nowhere });
    for (const tool of ['xmllint', 'chromium', 'soffice', 'pdftoppm'] as const) {
      expect(probes.has(tool)).toBe(false);
    }
    expect(probes.hasAptGet).toBe(false);
  });
});
