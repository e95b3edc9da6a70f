#!/usr/bin/env node
// The CLI lives in dist/ (built by `npm install` through the prepare script).
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
// The work is done and its output written: do not wait on a handle something left open
// (a socket to a Neo4j server that never answered outlives driver.close()).
setTimeout(() => process.exit(code), 1000).unref();
