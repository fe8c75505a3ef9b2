'use strict';
// The pace of a panel's held-out check while training: every few seconds (minMs at least), and never
// more than a 25th of the time (a check that took 200 ms waits 5 s). run(fn) times the check.
const CheckPace = (() => {
  function create(minMs) {
    let last = 0;
    let cost = 0;
    return {
      due: () => performance.now() - last > Math.max(minMs, 25 * cost),
      async run(fn) {
        const t0 = performance.now();
        try {
          return await fn();
        } finally {
          last = performance.now();
          cost = last - t0;
        }
      },
    };
  }
  return { create };
})();
