'use strict';
// What a panel's charts keep of its blow-ups. When training blows up, the engine goes back to a step
// from before it; the curves' points past that step were of steps undone. They leave the curve (new
// training draws it on from there) but are not erased: they stay, faded, as "steps undone", and
// where training went back to is marked on every chart of the panel. Kept with the model.
const BlowUps = (() => {
  const UNDONE = '#f0a5a0';

  // saved: what record() gave (absent: none yet); keep: the most points of undone steps kept
  function create(keep, saved) {
    let undone = [];
    let backTo = []; // [[x, step], ...]

    const api = {
      // Training went back to step `step`, at x (seen): the curve's points up to x, the rest kept as undone.
      back(points, x, step) {
        undone = Charts.grow(undone, points.filter((p) => p[0] > x), keep);
        backTo.push([x, step]);
        return points.filter((p) => p[0] <= x);
      },
      // the faded series of steps undone (none: [])
      series: () => (undone.length ? [{ points: undone, color: UNDONE, label: 'steps undone (blow-up)' }] : []),
      // the marks of a chart: where training went back to
      marks: () => backTo.map(([x, step]) => ({ x, label: 'back to step ' + step })),
      record: () => ({ undone, backTo }),
      // a new model, or one brought back with its record (saved)
      reset(saved) {
        undone = (saved && saved.undone) || [];
        backTo = (saved && saved.backTo) || [];
      },
    };
    api.reset(saved);
    return api;
  }

  return { create };
})();
