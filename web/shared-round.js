'use strict';
// A shared training call (synchronous data parallelism, see pool.js): every worker trains its share
// of each step's sequences (tearnn.train.SharedStep) for about the call's time; whenever all wait for
// the others, each is handed the others' contributions (gradient, loss, final state), adds them all
// in share order and takes the update with the first worker's learning rate and clipping, so all
// hold the same weights; the next round's request goes in the same message if time is left. The
// call's reply is as one worker's would be for the whole call.
const SharedRound = (() => {
  // A shared training call lasts at least this long (ms): the workers' shares meet only at a step's
  // end, and the first step of a call runs slower (the page's own work between calls takes a core
  // from a worker). At 30 ms, W-LM's settings trained 1.24x faster on 2 workers than on 1; at 120 ms,
  // 1.73x; at 250 ms, with no call ending mid-step, the page reached 0.86 of the engine's speed
  // where 120 ms gave 0.83. Pause still answers within about this long.
  const SHARED_CALL_MS = 250;

  // What each worker is handed to add up the shares itself (in share order, in the engine, so all
  // hold the same bits): every other worker's contribution, and an empty array in its own place.
  // Each contribution goes as it is to one worker and as a copy to the rest (none with 2 workers).
  function handOut(contributions) {
    const n = contributions.length;
    const own = new Float64Array(0);
    return contributions.map((mine, i) => contributions.map((c, j) => {
      if (j === i) return own;
      if (c.length !== mine.length) throw new Error('the workers\' shares differ in size (' + c.length + ', ' + mine.length + ')');
      const taker = j === n - 1 ? n - 2 : n - 1;
      return i === taker ? c : c.slice();
    }));
  }

  // The reply of a shared call: the last one's progress, with the steps of the whole call.
  function finish(lead, done, lossSum, trained, stepLog, n) {
    const r = Object.assign({}, trained || {}, lead, { done, workers: n });
    if (done > 0) r.loss = lossSum / done;
    else delete r.loss;
    if (stepLog.length) r.stepLog = stepLog;
    else delete r.stepLog;
    delete r.contribution;
    delete r.waiting;
    return r;
  }

  // ws: the workers that share the panel's steps; asked: the training request; pool: {reshape(panel),
  // drop(lost, why), settleAll(ws, send), size()}, how the pool hears the workers and what it does
  // when one fails.
  async function run(ws, panel, asked, pool) {
    const request = Object.assign({}, asked, { ms: Math.max(asked.ms, SHARED_CALL_MS) });
    const n = ws.length;
    const t0 = performance.now();
    const maxSteps = request.steps || Infinity;
    const ask = (ms, steps) => Object.assign({}, request, { ms: Math.max(1, ms) }, steps < Infinity ? { steps } : {});
    let settled = await pool.settleAll(ws, (w, i) => w.call(Object.assign(ask(request.ms, maxSteps), { share: i, shares: n })));
    let done = 0;
    let lossSum = 0;
    let trained = null;
    const stepLog = [];
    // how long the last round took, from the requests to every share waiting (ms)
    let roundMs = 0;
    let roundStart = t0;
    while (true) {
      const lost = ws.filter((w, i) => i > 0 && (settled[i].status === 'rejected' || !settled[i].value.ok || w.dead));
      if (settled[0].status === 'rejected') {
        // the leader stopped answering: the next takes its place, with the model as the step began
        const other = settled.find((x) => x.status === 'fulfilled' && x.value.ok);
        if (!ws[0].stalled || !other) throw settled[0].reason;
        await pool.drop([ws[0], ...lost], 'it stopped answering');
        return finish(other.value, done, lossSum, trained, stepLog, pool.size());
      }
      const lead = settled[0].value;
      if (!lead.ok) {
        // a blow-up: each worker went back to a checkpoint of its own; all take the leader's
        if (lead.diverged) await pool.reshape(panel);
        return lead;
      }
      if (lost.length) {
        const why = settled.map((x) => (x.status === 'rejected' ? x.reason.message : x.value.ok ? '' : x.value.error)).find((x) => x);
        await pool.drop(lost, why || 'it stopped answering');
        return finish(lead, done, lossSum, trained, stepLog, pool.size());
      }
      if (lead.done > 0) {
        done += lead.done;
        lossSum += lead.loss * lead.done;
        trained = lead;
      }
      if (lead.stepLog) stepLog.push(...lead.stepLog);
      const replies = settled.map((x) => x.value);
      if (!replies.every((r) => r.waiting)) return finish(lead, done, lossSum, trained, stepLog, n);
      roundMs = performance.now() - roundStart;
      const parts = handOut(replies.map((r) => r.contribution));
      const gather = { cmd: panel + '.gather', settings: { lr: lead.lr, clip: lead.clip } };
      const left = request.ms - (performance.now() - t0);
      // Another round if about half of one fits, asked long enough to finish the shares: a call
      // that ended mid-step would leave whichever worker finished its share first idle at the next.
      const more = left > 0.5 * roundMs && done < maxSteps;
      const ms = Math.min(request.ms, Math.max(left, 1.5 * roundMs));
      roundStart = performance.now();
      settled = await pool.settleAll(ws, (w, i) => w.gather(gather, parts[i],
        more ? Object.assign(ask(ms, maxSteps - done), { share: i, shares: n }) : null));
      if (!more) {
        const failed = ws.filter((w, i) => settled[i].status === 'rejected' || !settled[i].value.ok);
        if (failed.length) {
          await pool.drop(failed, failed.some((w) => w.stalled) ? 'it stopped answering' : 'it could not take the sum of the shares');
        }
        return finish(lead, done, lossSum, trained, stepLog, pool.size());
      }
    }
  }

  return { run, handOut };
})();
