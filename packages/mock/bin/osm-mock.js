#!/usr/bin/env node
// Thin launcher, committed so that the `osm-mock` bin exists before the package is built.
// Deprecation warnings here can only come from libraries bundled inside the engine (on Node 22+, Prism's
// $ref parser calls url.parse(), DEP0169), which a user of the command cannot act on; the command keeps its
// stderr for its own messages. startMock() in a user's own process leaves their warning settings alone.
process.noDeprecation = true;
await import('../dist/server/cli.js');
