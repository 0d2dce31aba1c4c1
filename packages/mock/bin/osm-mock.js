#!/usr/bin/env node
// Thin launcher, committed so that the `osm-mock` bin exists before the package is built.
import '../dist/server/cli.js';
