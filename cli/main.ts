#!/usr/bin/env node
/**
 * The reglab command line. `reglab validate` and `reglab generate --check` asked again on
 * unchanged inputs are answered from the cache (warm.ts) before yargs, which is a third of such a
 * run, is loaded; everything else is parsed by yargs in command-line.ts.
 */
import { answerFromCache } from "./warm.js";

const warm = answerFromCache(process.argv.slice(2));
if (warm !== undefined) process.exitCode = warm;
else await import("./command-line.js");
