// How every browser test of the repository launches Chromium: the one CHROMIUM_PATH names, else Debian's
// chromium-headless-shell (npm test's set-up installs it), else Debian's full chromium; headless, with
// nothing of Chromium's own that talks to the network (see ../shared/design.md); within the suite's launch
// budget for a busy machine.
import { existsSync } from 'node:fs';
import { timeouts } from './vitest.shared.mjs';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where a Chromium is looked for, best first. The headless shell is Chromium's page engine without the
 * Chrome browser around it (profiles, extensions, UI services). The docs' browser tests took 115 core-seconds
 * with it against 153 with the full chromium on an idle 2-core machine, 178 against 234 beside two busy
 * processes; the msw-in-Chromium contract suite 13 against 19 (same tests, same results).
 */
export const CHROMIUM_PATHS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/**
 * The Chromium the browser tests launch: the one `named` (CHROMIUM_PATH), else the first of CHROMIUM_PATHS
 * that `exists`; undefined when there is none. The set-up asks the same of a machine it is about to equip.
 * @param {string | undefined} named
 * @param {(path: string) => boolean} [exists]
 */
export function chromiumPath(named, exists = existsSync) {
  return named ?? CHROMIUM_PATHS.find((path) => exists(path));
}

/**
 * The options of playwright-core's `chromium.launch()` and `launchPersistentContext()`. Throws, saying how
 * to install it, when there is no Chromium.
 * @returns {{ executablePath: string, headless: true, args: string[], timeout: number }}
 */
export function chromiumLaunchOptions() {
  const executablePath = chromiumPath(process.env.CHROMIUM_PATH);
  if (!executablePath || !existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath ?? CHROMIUM_PATHS.join(' or ')}: apt-get install -y chromium-headless-shell (npm test's set-up does), or set CHROMIUM_PATH.`,
    );
  // Playwright's own 30 s launch timeout is for an idle machine.
  return { executablePath, headless: true, args: [...FLAGS], timeout: timeouts.hookTimeout / 2 };
}
