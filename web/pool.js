'use strict';
// Several workers training one model (synchronous data parallelism): every worker holds the whole
// engine and each panel's model. A training call asks every worker for its share of the step's
// sequences (tearnn.train.SharedStep); once all wait for the others, each is handed the others'
// contributions (gradient, loss, final state), adds them all in share order, and takes the update
// with the first worker's learning rate and clipping, so all hold the same weights.
// Starting or opening a model goes to every worker (each builds the same one); validation is
// shared too (each measures some of the held-out streams); predictions, checks, saving and keeping
// go to the first (the leader). When workers join or leave
// (the Workers setting, or one that dies), the step under way is given up: the leader's model as it
// stood when the step began is loaded into every worker, and training goes on with the rest.
const Pool = (() => {
  const PANELS = ['adder', 'word'];
  // commands that only read a panel's model: the leader answers them, even while a step is shared
  // (at once: a prompt typed while a step is shared reads the weights the step began with)
  const READS = ['predict', 'generate', 'validate', 'accuracy', 'trace', 'longer', 'status'];
  // commands that write the model out: after the shared call under way, so that they hold its steps
  const WRITES = ['save'];
  // A step shorter than this (floating-point operations, about 5 ms here) is not worth sharing: the
  // messages between workers would cost more than the share saves.
  const SHARE_MIN_FLOPS = 2e7;
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

  // first: a started worker connection (see engine.js); spawn(): starts another; wanted: how many.
  function create(first, spawn, wanted) {
    const workers = [first];
    const panels = {}; // name -> {batch, start: the fields that load the model again (corpus, settings)}
    let lock = Promise.resolve();
    let target = wanted;
    const listeners = [];
    let note = '';

    // Runs fn after everything queued before it: rounds, starts and reshapes never overlap.
    function exclusive(fn) {
      const run = lock.then(fn, fn);
      lock = run.catch(() => {});
      return run;
    }

    function changed(message) {
      if (message !== undefined) note = message;
      for (const f of listeners) f(workers.length, note);
    }

    const panelOf = (cmd) => cmd.split('.')[0];
    // The workers that share a panel's steps: capped by the batch; one where steps are too small.
    function sharing(panel) {
      const info = panels[panel];
      if (!info || info.stepFlops < SHARE_MIN_FLOPS) return 1;
      return Math.max(1, Math.min(workers.length, info.batch));
    }

    // Sends to every worker; replies in order. A helper that fails to answer is dropped (and the
    // models reloaded into the rest, see reshape); the leader's failure is the reply's.
    async function all(send) {
      const settled = await Promise.allSettled(workers.map((w, i) => send(w, i)));
      const lost = workers.filter((w, i) => i > 0 && (settled[i].status === 'rejected' || w.dead));
      if (settled[0].status === 'rejected') throw settled[0].reason;
      return { replies: settled.map((s) => (s.status === 'fulfilled' ? s.value : null)), lost };
    }

    // Forgets workers that died or failed, and reloads every model into the rest.
    async function drop(lost, why) {
      if (!lost.length) return;
      for (const w of lost) {
        w.terminate();
        const i = workers.indexOf(w);
        if (i > 0) workers.splice(i, 1);
      }
      await reshapeAll();
      changed('A worker stopped (' + why + '); training goes on with ' + workers.length + '.');
    }

    function remember(panel, reply, start) {
      if (reply && reply.ok && reply.settings) {
        panels[panel] = { batch: Number(reply.settings.batch) || 1, stepFlops: reply.stepFlops || 0, start };
      }
    }

    // The step under way is given up: the leader's model as it stood when the step began goes to
    // every worker (the leader too, so that all stand at the same point).
    async function reshape(panel) {
      const info = panels[panel];
      if (!info) return;
      const leader = workers[0];
      const packed = await leader.pack(panel);
      if (!packed) return;
      const request = Object.assign({ cmd: panel + '.load' }, info.start);
      const { replies, lost } = await all((w) => w.unpack(request, packed));
      if (!replies[0].ok) throw new Error('the model could not be reloaded: ' + replies[0].error);
      for (const w of lost) {
        w.terminate();
        workers.splice(workers.indexOf(w), 1);
      }
    }

    async function reshapeAll() {
      for (const panel of Object.keys(panels)) await reshape(panel);
    }

    // A shared training call: every worker trains its share for about request.ms; whenever all
    // wait, the sum of their contributions goes back to each, with the next round's request in the
    // same message if time is left. Replies as one worker would for the whole call.
    async function round(panel, asked) {
      const request = Object.assign({}, asked, { ms: Math.max(asked.ms, SHARED_CALL_MS) });
      const n = sharing(panel);
      const ws = workers.slice(0, n);
      const t0 = performance.now();
      const maxSteps = request.steps || Infinity;
      const ask = (ms, steps) => Object.assign({}, request, { ms: Math.max(1, ms) }, steps < Infinity ? { steps } : {});
      let settled = await Promise.allSettled(ws.map((w, i) => w.call(Object.assign(ask(request.ms, maxSteps), { share: i, shares: n }))));
      let done = 0;
      let lossSum = 0;
      let trained = null;
      const stepLog = [];
      // how long the last round took, from the requests to every share waiting (ms)
      let roundMs = 0;
      let roundStart = t0;
      while (true) {
        const lost = ws.filter((w, i) => i > 0 && (settled[i].status === 'rejected' || !settled[i].value.ok || w.dead));
        if (settled[0].status === 'rejected') throw settled[0].reason;
        const lead = settled[0].value;
        if (!lead.ok) {
          // a blow-up: each worker went back to a checkpoint of its own; all take the leader's
          if (lead.diverged) await reshape(panel);
          return lead;
        }
        if (lost.length) {
          const why = settled.map((x) => (x.status === 'rejected' ? x.reason.message : x.value.ok ? '' : x.value.error)).find((x) => x);
          await drop(lost, why || 'it stopped answering');
          return finish(lead, done, lossSum, trained, stepLog, workers.length);
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
        settled = await Promise.allSettled(ws.map((w, i) => w.gather(gather, parts[i],
          more ? Object.assign(ask(ms, maxSteps - done), { share: i, shares: n }) : null)));
        if (!more) {
          const failed = ws.filter((w, i) => settled[i].status === 'rejected' || !settled[i].value.ok);
          if (failed.length) await drop(failed, 'it could not take the sum of the shares');
          return finish(lead, done, lossSum, trained, stepLog, n);
        }
      }
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

    // A validation shared by the workers: each measures its share of the held-out streams, call by
    // call, until all are done; then the perplexity of the sums. Kept per panel across calls.
    const validations = {};
    const VALIDATION_STREAMS = 8; // the engine reads held-out text as at most 8 streams

    async function validateShared(panel, request) {
      const n = Math.min(sharing(panel), VALIDATION_STREAMS);
      let v = validations[panel];
      if (!v || v.n !== n || v.workers.some((w, i) => w !== workers[i])) {
        v = validations[panel] = { n, workers: workers.slice(0, n), replies: new Array(n).fill(null) };
      }
      const settled = await Promise.allSettled(v.workers.map((w, i) => (v.replies[i] && v.replies[i].done ? v.replies[i]
        : w.call(Object.assign({}, request, { share: i, shares: n })))));
      if (settled.some((x) => x.status === 'rejected')) {
        // a worker stopped (it is dropped as it dies): the first measures the whole alone
        delete validations[panel];
        return workers[0].call(request);
      }
      const replies = settled.map((x) => x.value);
      const failed = replies.find((r) => !r.ok);
      if (failed) {
        delete validations[panel];
        return failed;
      }
      v.replies = replies;
      const done = replies.every((r) => r.done);
      const out = { ok: true, done, fraction: replies.reduce((a, r) => a + r.fraction, 0) / n };
      if (done) {
        delete validations[panel];
        const sum = replies.reduce((a, r) => a + r.lossSum, 0);
        const count = replies.reduce((a, r) => a + r.count, 0);
        Object.assign(out, { perplexity: Math.exp(sum / count), tokens: count });
      }
      return out;
    }

    function call(request) {
      const panel = panelOf(request.cmd);
      const verb = request.cmd.slice(panel.length + 1);
      if (verb === 'validate' && request.ms && sharing(panel) > 1) return validateShared(panel, request);
      if (WRITES.includes(verb)) return exclusive(() => workers[0].call(request));
      if (!PANELS.includes(panel) || READS.includes(verb)) return workers[0].call(request);
      // the rest after whatever is under way, on one worker too: a call that went ahead of a reshape
      // (a worker lost) would reach the leader before its model is loaded again
      return exclusive(async () => {
        if (verb === 'new' || verb === 'load') {
          const { replies, lost } = await all((w) => w.call(request));
          if (replies[0].ok) remember(panel, replies[0], startFields(request));
          if (lost.length || replies.some((r, i) => i > 0 && (!r || r.ok !== replies[0].ok))) {
            await drop(lost.length ? lost : workers.filter((w, i) => i > 0 && (!replies[i] || replies[i].ok !== replies[0].ok)),
              'it could not start the model');
          }
          return replies[0];
        }
        if (verb === 'train' && request.ms && sharing(panel) > 1) return round(panel, request);
        return workers[0].call(request);
      });
    }

    // What loads a panel's model again beside its packed weights: the corpus (and its held-out text) and settings.
    function startFields(request) {
      const out = {};
      for (const k of ['text', 'validText', 'settings']) if (request[k] !== undefined) out[k] = request[k];
      return out;
    }

    function persist(op, ...args) {
      // keeping a model waits for the shared call under way (see WRITES), and holds the next back
      // only until the leader has packed the model: training goes on while the browser writes it
      // (a W-LM model: packed in 5 ms, written in 25 more). Listing waits for nothing.
      if (op === 'keep') {
        let reply = null;
        return exclusive(() => {
          reply = workers[0].persist(op, ...args);
          return reply.packed;
        }).then(() => reply);
      }
      if (op !== 'bringBack') return workers[0].persist(op, ...args);
      // every worker brings the kept model back from the browser's storage itself
      return exclusive(async () => {
        const [, request, fields] = args;
        const { replies, lost } = await all((w) => w.persist(op, ...args));
        const r = replies[0];
        if (r.found && r.ok) {
          const start = {};
          for (const f of fields) if (r.record && r.record[f] !== undefined) start[f] = r.record[f];
          remember(request.cmd.split('.')[0], r, start);
        }
        if (lost.length || replies.some((x, i) => i > 0 && (!x || x.ok !== r.ok))) {
          await drop(lost.length ? lost : workers.filter((w, i) => i > 0 && (!replies[i] || replies[i].ok !== r.ok)),
            'it could not bring the model back');
        }
        return r;
      });
    }

    // Starts or stops workers until there are n (n >= 1); the models go to the new ones.
    function resize(n) {
      target = Math.max(1, n);
      return exclusive(async () => {
        while (workers.length > target) workers.pop().terminate();
        const starting = [];
        for (let i = workers.length; i < target; i++) starting.push(spawn().catch((e) => e));
        const started = await Promise.all(starting);
        const failures = started.filter((w) => w instanceof Error);
        for (const w of started) if (!(w instanceof Error)) workers.push(w);
        for (const w of workers) w.onDeath = () => died(w);
        await reshapeAll();
        changed(failures.length ? failures.length + ' worker(s) could not start (' + failures[0].message + ')' : '');
      });
    }

    function died(w) {
      if (workers[0] === w) return; // the leader's death is its calls' failure
      exclusive(() => drop([w], 'it died'));
    }
    first.onDeath = () => died(first);

    return {
      get build() { return first.build; },
      get mode() { return first.mode + (workers.length > 1 ? ', ' + workers.length + ' workers' : ''); },
      onPage: false,
      call,
      persist,
      resize,
      get size() { return workers.length; },
      get target() { return target; },
      onChange(f) { listeners.push(f); },
      // for tests: stops worker i (>= 1) as if it had died
      kill(i) {
        const w = workers[i];
        if (w) w.terminate();
      },
    };
  }

  return { create, handOut };
})();
