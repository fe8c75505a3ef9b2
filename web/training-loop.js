'use strict';
// A panel's training (see panel.js): calls of training one after the other while it trains, each
// about app.trainMs long (the engine cuts even a big model's step into calls that short); between
// them the panel's own checks, the charts at most every DRAW_MS, keeping the model when due, and the
// time budget; and where the time goes, said under the progress line. A call that fails stops
// training and says why; a blow-up cuts the curves back to the step the engine went back to.
const TrainingLoop = (() => {
  // While training, the charts and the progress line are redrawn at most this often (ms), not after
  // every call: each frame the browser draws takes a core for about 10 ms (style, paint, compositing),
  // and on 2 workers a step waits for the worker that lost it. With W-LM's settings on 2 workers,
  // a frame every call (250 ms) trained about 3% slower than one every 500 ms.
  const DRAW_MS = 500;

  // c: the panel's parts (see panel.js): p (its state: running, looping, step, calls ...), spec, app,
  // el(part), flow, keeper, budget, publish(fields), showError(reply), trainLabel(), busy(what, fn),
  // request(cmd, fields).
  function create(c) {
    const { p, spec, app, el, flow, keeper, budget, publish, showError, trainLabel, busy, request } = c;
    const save = keeper.save;

    // The loss of each step a training reply finished (its step log; else the call's mean loss) as
    // [seen, loss] points: a step's `seen` follows from the steps and the count at the call before
    // (p.at) and at this one.
    function losses(r) {
      const seen = r[spec.seen];
      const perStep = p.at && r.steps > p.at[0] ? (seen - p.at[1]) / (r.steps - p.at[0]) : seen / Math.max(r.steps, 1);
      p.at = [r.steps, seen];
      const rows = r.stepLog ? r.stepLog.map((row) => [seen - (r.steps - row[0]) * perStep, row[1]]) : [[seen, r.loss]];
      return rows.filter((q) => Number.isFinite(q[1]));
    }

    // One call of training, about app.trainMs long (the engine cuts even a big model's step into
    // calls that short), finishing at most maxSteps steps.
    async function slice(maxSteps) {
      const ms = spec.trainMs ? spec.trainMs() : app.trainMs();
      const fields = maxSteps ? { ms, steps: maxSteps } : { ms };
      if (budget.share() !== null) fields.budget = budget.share();
      p.calls++;
      const r = await app.call(request('train', fields));
      if (!r.ok) {
        stop();
        showError(r);
        if (r.diverged) {
          p.step = r.steps;
          p.at = null;
          publish();
          flow.cut(r.steps);
          await spec.wentBack(r);
          await save();
        }
        return false;
      }
      p.step = r.steps;
      publish(r.done > 0 ? { loss: String(r.loss) } : {});
      if (r.done > 0) flow.add(r.flow, r.steps, r.stepLog);
      if (r.warning || p.warned) el('message').textContent = r.warning || '';
      p.warned = !!r.warning;
      if (r.done > 0) await spec.sliced(r, losses(r));
      else if (spec.partway) spec.partway(r);
      return true;
    }

    // Where the time of a run goes (since Train was pressed), shown under the progress line.
    const took = { training: 0, between: 0, drawing: 0, keeping: 0 };
    let shownAt = 0;
    function showTime() {
      const total = took.training + took.between + took.drawing + took.keeping;
      if (total < 2000 || performance.now() - shownAt < 2000) return;
      shownAt = performance.now();
      const pc = (x) => Math.round(100 * x / total) + '%';
      el('time').textContent = 'Where the time goes: training ' + pc(took.training) + ', '
        + (spec.betweenLabel || 'checks') + ' ' + pc(took.between) + ', drawing ' + pc(took.drawing) + ', keeping '
        + pc(took.keeping) + '.';
    }

    // Runs fn, adding its time to took[part].
    async function timed(part, fn) {
      const t = performance.now();
      try {
        return await fn();
      } finally {
        took[part] += performance.now() - t;
      }
    }

    function draw() {
      spec.draw();
      flow.draw();
    }

    async function loop() {
      let lastDraw = 0;
      p.looping = true;
      Object.assign(took, { training: 0, between: 0, drawing: 0, keeping: 0 });
      while (p.running) {
        if (!(await timed('training', () => slice(spec.stepsToGo ? spec.stepsToGo() : 0)))) break;
        await timed('between', async () => {
          if (p.running && spec.between) await spec.between();
        });
        await timed('drawing', async () => {
          if (performance.now() - lastDraw > DRAW_MS || !p.running) {
            draw();
            if (spec.live) await spec.live();
            lastDraw = performance.now();
          }
        });
        await timed('keeping', async () => {
          if (p.running && keeper.due()) await save();
        });
        showTime();
        budget.show();
        if (p.running && budget.over()) {
          stop();
          budget.finish();
        }
      }
      // the end of a budget measures the model as Pause does (the person's final figures): the panel is
      // busy measuring from the moment it stops training, never idle in between
      const measuring = budget.done && spec.paused;
      p.looping = false;
      if (!measuring) publish();
      // the last call's figures at once (the end of a budget comes after a call that drew none)
      draw();
      el('train').disabled = false;
      el('train').textContent = trainLabel();
      // kept once the call under way at Pause is in: the model and its curves at the same step. Keeping
      // finishes a step whose update was under way, so what is measured after (validation, predictions)
      // is measured on the model as kept (before: predictions read half-updated weights, and after a
      // reload the same model predicted 13.8% where it had said 14.2%)
      if (measuring) {
        await busy('measure', async () => {
          await save();
          await spec.paused();
        });
      } else {
        await save();
      }
      loopEnded();
    }

    // resolved once the loop has ended and the model it left is kept
    let ended = Promise.resolve();
    let loopEnded = () => {};

    // Train: a loop of training calls until Pause, a budget's end or a failure.
    function start() {
      ended = new Promise((resolve) => { loopEnded = resolve; });
      p.running = true;
      publish();
      budget.start();
      if (spec.resumed) spec.resumed();
      el('train').textContent = 'Pause';
      loop();
    }

    function stop() {
      const was = p.running;
      if (was) budget.pause();
      p.running = false;
      publish();
      el('train').textContent = trainLabel();
      el('train').disabled = p.looping;
      if (was && !p.looping) save();
    }

    // ended(): a promise kept once the loop has ended and its model is kept (at once if none runs)
    return { start, stop, slice, draw, ended: () => ended };
  }

  return { create };
})();
