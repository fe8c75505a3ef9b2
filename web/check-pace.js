'use strict';
// The pace of a panel's held-out check while training: every few seconds (minMs at least), and never
// more than a 25th of the time (a check that took 200 ms waits 5 s); and early on, at the steps that
// double the last check's (25, 50, 100 ...), where a model on little data is often at its best before
// the first few seconds are up. run(fn, step) times the check made at that step.
const CheckPace = (() => {
  function create(minMs) {
    let last = 0;
    let cost = 0;
    let lastStep = 0;
    return {
      due: (step) => performance.now() - last > Math.max(minMs, 25 * cost)
        || (step !== undefined && step >= Math.max(25, 2 * lastStep)),
      async run(fn, step) {
        const t0 = performance.now();
        try {
          return await fn();
        } finally {
          last = performance.now();
          cost = last - t0;
          if (step !== undefined) lastStep = step;
        }
      },
    };
  }
  return { create };
})();
