'use strict';
// Several workers training one model (synchronous data parallelism): every worker holds the whole
// engine and each panel's model. How a request goes depends on its verb, as the engine describes it
// (describe: docs/protocol.md): starting or opening a model goes to every worker (each builds the
// same one); a timed training call is shared (shared-round.js), and so is a timed validation
// (shared-validation.js); reads go to the first worker (the leader) at once, even while a step is
// shared; the rest (saving, keeping, tuning) to the leader after the shared call under way. When
// workers join or leave (the Workers setting, or one that dies), the step under way is given up:
// the leader's model as it stood when the step began is loaded into every worker, and training goes
// on with the rest. A worker that ends without a word (crashed, out of memory) would hold every
// shared call for ever: one still silent well after the others answered is given up (settleAll).
const Pool = (() => {
  // A step shorter than this (floating-point operations, about 5 ms here) is not worth sharing: the
  // messages between workers would cost more than the share saves.
  const SHARE_MIN_FLOPS = 2e7;
  // A worker of a group still silent STALL_FACTOR times as long as the first of them took to answer,
  // and at least STALL_MS after it, has stopped answering: the workers do the same work (each the same
  // model, or an equal share of a step).
  const STALL_FACTOR = 4;
  const STALL_MS = 3000;

  // As Promise.allSettled over send(w, i) for each of the workers ws, except that a worker silent past
  // that deadline settles as rejected ('it stopped answering') and is marked stalled.
  function settleAll(ws, send) {
    const t0 = performance.now();
    return new Promise((resolve) => {
      const out = new Array(ws.length).fill(null);
      let left = ws.length;
      let timer = 0;
      const settle = (i, result) => {
        if (out[i]) return;
        out[i] = result;
        if (--left === 0) {
          clearTimeout(timer);
          resolve(out);
        } else if (!timer) {
          timer = setTimeout(() => ws.forEach((w, j) => {
            if (out[j]) return;
            w.stalled = true;
            settle(j, { status: 'rejected', reason: new Error('it stopped answering') });
          }), Math.max(STALL_MS, STALL_FACTOR * (performance.now() - t0)));
        }
      };
      if (!ws.length) resolve(out);
      ws.forEach((w, i) => {
        Promise.resolve().then(() => send(w, i))
          .then((value) => settle(i, { status: 'fulfilled', value }), (reason) => settle(i, { status: 'rejected', reason }));
      });
    });
  }

  // first: a started worker connection (see engine.js); spawn(): starts another; wanted: how many.
  function create(first, spawn, wanted) {
    const workers = [first];
    // name -> {verbs, streams, startFields} from the engine's description of each panel
    const described = {};
    const panels = {}; // name -> {batch, stepFlops, start: the fields that load the model again (corpus, settings)}
    const validation = SharedValidation.create();
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

    // The workers that share a panel's steps: capped by the batch; one where steps are too small.
    function sharing(panel) {
      const info = panels[panel];
      if (!info || info.stepFlops < SHARE_MIN_FLOPS) return 1;
      return Math.max(1, Math.min(workers.length, info.batch));
    }

    // Sends to every worker; replies in order. A helper that fails to answer is dropped (and the
    // models reloaded into the rest, see reshape); the leader's failure is the reply's.
    async function all(send) {
      const settled = await settleAll(workers, send);
      const lost = workers.filter((w, i) => i > 0 && (settled[i].status === 'rejected' || w.dead));
      if (settled[0].status === 'rejected') throw settled[0].reason;
      return { replies: settled.map((s) => (s.status === 'fulfilled' ? s.value : null)), lost };
    }

    // Why workers are dropped, if one of them stopped answering.
    const stalled = (lost) => (lost.some((w) => w.stalled) ? 'it stopped answering' : '');
    // The helpers whose reply differs from the leader's (or who gave none): they are dropped.
    const disagreeing = (replies) => workers.filter((w, i) => i > 0 && (!replies[i] || replies[i].ok !== replies[0].ok));

    // Forgets workers that died or failed (the leader too, if it stopped answering and another is
    // left: the next takes its place), and reloads every model into the rest.
    async function drop(lost, why) {
      if (!lost.length) return;
      for (const w of lost) {
        const i = workers.indexOf(w);
        if (i >= 0 && workers.length > 1) workers.splice(i, 1);
        w.terminate();
      }
      await reshapeAll();
      changed('A worker stopped (' + why + '); training goes on with ' + workers.length + '.');
    }

    function remember(panel, reply, start) {
      if (reply && reply.ok && reply.settings) {
        panels[panel] = { batch: Number(reply.settings.batch) || 1, stepFlops: reply.stepFlops || 0, start };
      }
    }

    // What loads a panel's model again beside its packed weights (its settings, its corpus).
    function startFields(panel, from) {
      const out = {};
      for (const k of (described[panel] || {}).startFields || []) if (from && from[k] !== undefined) out[k] = from[k];
      return out;
    }

    // The step under way is given up: the leader's model as it stood when the step began goes to
    // every worker (the leader too, so that all stand at the same point).
    async function reshape(panel) {
      const info = panels[panel];
      if (!info) return;
      const packed = await workers[0].pack(panel);
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

    const shared = { reshape, drop, settleAll, size: () => workers.length };

    // onProgress: hears how far a long call on the leader has come (a model file written)
    function call(request, onProgress) {
      const dot = request.cmd.indexOf('.');
      const panel = request.cmd.slice(0, dot);
      const kind = dot > 0 && described[panel] ? described[panel].verbs[request.cmd.slice(dot + 1)] : undefined;
      const n = sharing(panel);
      if (kind === 'validate' && request.ms && n > 1) {
        return validation.run(workers.slice(0, Math.min(n, described[panel].streams)), panel, request, settleAll);
      }
      // reads, and what is no panel's (the benchmark): the leader, at once (a prompt typed while a
      // step is shared reads the weights the step began with)
      if (kind === undefined || kind === 'read' || kind === 'validate') return workers[0].call(request);
      // the rest after whatever is under way, on one worker too: a call that went ahead of a reshape
      // (a worker lost) would reach the leader before its model is loaded again
      return exclusive(async () => {
        if (kind === 'start') {
          const { replies, lost } = await all((w) => w.call(request));
          if (replies[0].ok) remember(panel, replies[0], startFields(panel, request));
          if (lost.length || disagreeing(replies).length) {
            await drop(lost.length ? lost : disagreeing(replies), stalled(lost) || 'it could not start the model');
          }
          return replies[0];
        }
        if (kind === 'train' && request.ms && sharing(panel) > 1) {
          return SharedRound.run(workers.slice(0, sharing(panel)), panel, request, shared);
        }
        return workers[0].call(request, onProgress);
      });
    }

    function persist(op, ...args) {
      // keeping a model waits for the shared call under way, and holds the next back only until the
      // leader has packed the model: training goes on while the browser writes it (a W-LM model:
      // packed in 5 ms, written in 25 more). Listing waits for nothing.
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
        const [, request] = args;
        const { replies, lost } = await all((w) => w.persist(op, ...args));
        const r = replies[0];
        const panel = request.cmd.split('.')[0];
        if (r.found && r.ok) remember(panel, r, startFields(panel, r.record));
        if (lost.length || disagreeing(replies).length) {
          await drop(lost.length ? lost : disagreeing(replies), stalled(lost) || 'it could not bring the model back');
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
      // the leader's death is its calls' failure; a worker already dropped is gone
      if (workers[0] === w || !workers.includes(w)) return;
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
      // the engine's description of its panels (describe): how each verb goes
      describe(list) {
        for (const d of list) described[d.name] = { verbs: d.verbs, streams: d.validationStreams || 1, startFields: d.startFields };
      },
      get size() { return workers.length; },
      get target() { return target; },
      onChange(f) { listeners.push(f); },
      // for tests: stops worker i (>= 1) as if it had died; or has it end itself without a word
      kill(i) {
        const w = workers[i];
        if (w) w.terminate();
      },
      silence(i) {
        const w = workers[i];
        if (w) w.silence();
      },
    };
  }

  return { create };
})();
