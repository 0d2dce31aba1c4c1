// Redoc shows a server's description as plain text, so the Markdown code marks of the spec's `servers`
// text would show as raw backticks on the landing page: the docs' copy drops them.

/** Removes the backticks of code spans from every server description and variable description of `spec`. */
export function plainServerDescriptions(spec) {
  const plain = (text) => text?.replace(/`([^`]*)`/g, '$1');
  for (const server of spec.servers ?? []) {
    if (server.description) server.description = plain(server.description);
    for (const variable of Object.values(server.variables ?? {})) {
      if (variable.description) variable.description = plain(variable.description);
    }
  }
}
