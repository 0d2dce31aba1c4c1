// What the docs tests need besides Node, decided from what the machine has: Debian's chromium-headless-shell
// for the browser tests (a full chromium does when it cannot be installed; see chromium.shared.mjs), and jq
// and curl for the walkthrough's curl commands. Node built-ins only, like the rest of the set-up.
import { CHROMIUM_PATHS, chromiumPath } from '../../chromium.shared.mjs';

const SHELL = 'chromium-headless-shell';

/**
 * The set-up's plan for the docs tests' tools: Debian packages to install, or a line to say (nothing needs
 * installing, or a lighter Chromium could be), or an error saying what is missing and how to get it.
 * @param {{ named?: string, exists: (path: string) => boolean, works: (command: string) => boolean, canInstall: boolean }} machine
 *   `named`: CHROMIUM_PATH; `works`: whether a command runs; `canInstall`: root with apt-get.
 * @returns {{ install: string[], note?: string } | { error: string }}
 */
export function planTestTools({ named, exists, works, canInstall }) {
  if (named && !exists(named)) return { error: `CHROMIUM_PATH names ${named}, which does not exist.` };
  const missing = [!named && !exists(CHROMIUM_PATHS[0]) && SHELL, !works('jq') && 'jq', !works('curl') && 'curl'].filter(Boolean);
  if (!missing.length || canInstall) return { install: missing };
  const fallback = chromiumPath(named, exists); // the headless shell is missing here: a full chromium, if any
  const needed = missing.filter((name) => name !== SHELL || !fallback);
  if (!needed.length)
    return { install: [], note: `Browser tests on ${fallback}: Debian's ${SHELL} would be lighter (installing it needs root)` };
  const where = needed.includes(SHELL) ? ` (a Chromium at ${CHROMIUM_PATHS.join(' or ')}; or set CHROMIUM_PATH)` : '';
  return {
    error: `The docs tests need ${needed.join(', ')}, not found here${where}. Install Debian's packages: apt-get install ${needed.join(' ')}.`,
  };
}
