// The set-up's plan for the docs tests' tools, on pretend machines: what it installs, what it says and what
// it refuses, for each mix of Chromiums, CHROMIUM_PATH, jq, curl and the right to install.
import { describe, expect, it } from 'vitest';
import { planTestTools } from '../test-tools.mjs';

const SHELL = '/usr/bin/chromium-headless-shell';
const FULL = '/usr/bin/chromium';

/** A machine with these files and commands; it may install with apt-get unless `canInstall` is false. */
const machine = ({ files = [], commands = ['jq', 'curl'], canInstall = true, named } = {}) => ({
  named,
  exists: (path) => files.includes(path),
  works: (command) => commands.includes(command),
  canInstall,
});

describe('planTestTools()', () => {
  it('installs nothing and says nothing when the headless shell, jq and curl are there', () => {
    expect(planTestTools(machine({ files: [SHELL] }))).toEqual({ install: [] });
  });

  it('installs the headless shell even beside a full chromium, and only what is missing', () => {
    expect(planTestTools(machine({ files: [FULL], commands: ['curl'] }))).toEqual({ install: ['chromium-headless-shell', 'jq'] });
  });

  it('takes the Chromium CHROMIUM_PATH names, installing no other', () => {
    expect(planTestTools(machine({ files: ['/opt/chrome'], named: '/opt/chrome' }))).toEqual({ install: [] });
  });

  it('refuses a CHROMIUM_PATH that names nothing, saying so', () => {
    expect(planTestTools(machine({ files: [SHELL], named: '/opt/none' }))).toEqual({
      error: 'CHROMIUM_PATH names /opt/none, which does not exist.',
    });
  });

  it('without the right to install, runs on a full chromium and says that the headless shell would be lighter', () => {
    const plan = planTestTools(machine({ files: [FULL], canInstall: false }));
    expect(plan.install).toEqual([]);
    expect(plan.note).toMatch(/^Browser tests on \/usr\/bin\/chromium: Debian's chromium-headless-shell would be lighter/);
  });

  it('without the right to install, names each missing tool and the command that installs it', () => {
    expect(planTestTools(machine({ commands: ['curl'], canInstall: false }))).toEqual({
      error:
        'The docs tests need chromium-headless-shell, jq, not found here (a Chromium at /usr/bin/chromium-headless-shell or ' +
        "/usr/bin/chromium; or set CHROMIUM_PATH). Install Debian's packages: apt-get install chromium-headless-shell jq.",
    });
    expect(planTestTools(machine({ files: [FULL], commands: [], canInstall: false })).error).toBe(
      "The docs tests need jq, curl, not found here. Install Debian's packages: apt-get install jq curl.",
    );
  });
});
