import { secretForms } from './secret-forms.js';

/** Replaces every form of every secret in a text with `***`. */
export type Redact = (text: string) => string;

const REDACTED = '***';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A {@link Redact} for what `secrets` gives when it is first used, in every form {@link secretForms} lists, ignoring letter case; longer
 * forms first, so that a secret inside a longer one goes with it. The pattern is built on first use:
 * redaction only runs when an error is made, never on a call that succeeds.
 */
export function createRedactor(secrets: () => Iterable<string>): Redact {
  let pattern: RegExp | null | undefined;
  return (text) => {
    if (pattern === undefined) {
      const forms = [...new Set([...secrets()].flatMap(secretForms))].sort((a, b) => b.length - a.length);
      pattern = forms.length ? new RegExp(forms.map(escapeRegExp).join('|'), 'gi') : null;
    }
    return pattern ? text.replace(pattern, REDACTED) : text;
  };
}
