'use strict';
/**
 * `npm start`'s first line of code. A signal that arrives from here on is remembered and honoured
 * once the current start-up step has ended (audit.md D3), instead of killing the process while
 * it loads; then the TypeScript service is loaded through tsx and takes over.
 */
const early = [];
const remember = (signal) => early.push(signal);
process.on('SIGINT', remember);
process.on('SIGTERM', remember);
// From this line on a stop is orderly; a signal before it meets Node's default (nothing is open yet).
console.log(`labor case engine starting (pid ${process.pid})`);
require('tsx/cjs/api').register();
const { run } = require('./main.ts');
// `remember` stays installed: removing a signal's last listener drops a signal that is pending
// while this synchronous code runs. The service's own handlers are added beside it.
run(early.length > 0);
