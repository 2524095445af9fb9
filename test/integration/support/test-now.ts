/**
 * The instant every integration test runs at (10:00 Asia/Shanghai, a Wednesday): the service's
 * clock is pinned to it, so no test depends on today's date, its holidays or the wall clock passing.
 */
export const TEST_NOW = new Date('2026-11-18T02:00:00.000Z');
