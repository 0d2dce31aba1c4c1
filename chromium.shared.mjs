// How every browser test of the repository launches Chromium: Debian's package (npm test's set-up installs
// it) or the one CHROMIUM_PATH names; headless, with nothing of Chromium's own that talks to the network
// (see ../shared/design.md); within the suite's launch budget for a busy machine.
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
 * The options of playwright-core's `chromium.launch()` and `launchPersistentContext()`. Throws, saying how
 * to install it, when there is no Chromium.
 * @returns {{ executablePath: string, headless: true, args: string[], timeout: number }}
 */
export function chromiumLaunchOptions() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium (npm test's set-up does), or set CHROMIUM_PATH.`);
  // Playwright's own 30 s launch timeout is for an idle machine.
  return { executablePath, headless: true, args: [...FLAGS], timeout: timeouts.hookTimeout / 2 };
}
