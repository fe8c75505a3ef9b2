'use strict';
// Runs the benchmark workloads in the engine's worker and prints one line each; then W-LM and
// W-ADD-batched on 1, 2, 4 ... workers sharing every step (as the page's pool trains), with where a
// step's time goes.
(() => {
  const out = document.getElementById('out');
  const run = document.getElementById('run');
  const params = new URLSearchParams(location.search);
  let engine = null;

  // The spec's protocol: warm-up of at least 5 steps and 1 s (WebAssembly tiers up in the
  // background), then 20 timed steps; step() -> {seconds, ...} or throws. With seconds
  // (?sustained=S), steps until that long has passed instead: a page trains for minutes, and its
  // speed is the mean step's, where the 20 steps' median leaves out the slow ones.
  async function timed(step, seconds) {
    const start = performance.now();
    for (let i = 0; i < 5 || performance.now() - start < 1000; i++) await step();
    const steps = [];
    const t0 = performance.now();
    while (seconds ? performance.now() - t0 < seconds * 1000 : steps.length < 20) steps.push(await step());
    return steps;
  }

  const ok = (r) => {
    if (!r.ok) throw new Error(r.error);
    return r;
  };
  const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

  // One engine, each step its own call, as the page trains.
  async function single(w) {
    ok(await engine.call({ cmd: 'bench.setup', workload: w }));
    await timed(async () => ok(await engine.call({ cmd: 'bench.step' })));
    return ok(await engine.call({ cmd: 'bench.report' })).line;
  }

  // A workload on several workers: each computes its share of every batch; the page hands out their
  // contributions, each adds them all in share order (see pool.js), batch after batch.
  // As in the pool, the sum of a step's last batch goes with the request for the next step, so a
  // step is timed from one step's contributions to the next's.
  async function shared(w, workers, seconds) {
    const n = workers.length;
    await Promise.all(workers.map(async (c, i) => ok(await c.call({ cmd: 'bench.setup', workload: w, share: i, shares: n }))));
    let replies = null;
    let since = 0;
    const steps = await timed(async () => {
      if (n === 1) {
        const t0 = performance.now();
        const r = ok(await workers[0].call({ cmd: 'bench.step' }));
        return { ms: performance.now() - t0, computing: [r.seconds * 1000], handing: 0 };
      }
      if (!replies) {
        since = performance.now();
        replies = await Promise.all(workers.map(async (c) => ok(await c.call({ cmd: 'bench.step' }))));
      }
      let handing = 0;
      do {
        const a0 = performance.now();
        const parts = SharedRound.handOut(replies.map((r) => r.contribution));
        handing += performance.now() - a0;
        replies = await Promise.all(workers.map(async (c, i) =>
          ok(await c.gather({ cmd: 'bench.gather', next: true }, parts[i], null))));
      } while (replies[0].computing === undefined);
      const t = performance.now();
      const step = { ms: t - since, computing: replies.map((r) => r.computing * 1000), handing };
      since = t;
      return step;
    }, seconds);
    const report = async (seconds) => ok(await workers[0].call({ cmd: 'bench.report', seconds })).line;
    // the report takes the spec's 20 timed steps
    const line = seconds ? '' : await report(steps.map((s) => s.ms / 1000));
    const slowest = median(steps.map((s) => Math.max(...s.computing)));
    const mean = median(steps.map((s) => s.computing.reduce((a, b) => a + b, 0) / n));
    const handing = median(steps.map((s) => s.handing));
    const wall = median(steps.map((s) => s.ms));
    const meanWall = steps.reduce((a, s) => a + s.ms, 0) / steps.length;
    // the speed at a step's time, in the workload's own unit (chars/s, examples/s)
    const speedAt = async (ms) => /([\d,.]+ [^ ]+\/s)/.exec(await report(new Array(20).fill(ms / 1000)))[1];
    return {
      line,
      sustained: seconds ? w + ' for ' + seconds + ' s on ' + n + ' worker' + (n > 1 ? 's' : ' ') + ': ' + await speedAt(meanWall)
        + ' at the mean step (' + meanWall.toFixed(2) + ' ms), ' + await speedAt(wall) + ' at the median (' + wall.toFixed(2)
        + ' ms), ' + steps.length + ' steps' : '',
      speed: 1 / wall,
      where: 'computing ' + mean.toFixed(1) + ' ms (slowest worker ' + slowest.toFixed(1) + '), handing out the shares on the page '
        + handing.toFixed(1) + ' ms, crossing and waiting ' + Math.max(0, wall - slowest - handing).toFixed(1) + ' ms',
    };
  }

  async function all() {
    run.disabled = true;
    out.textContent = 'build: ' + engine.build + ' (' + engine.mode + '), ' + navigator.userAgent + '\n';
    const only = params.get('only');
    // W-WORD (a 10,000-word softmax, seconds a step; then the adaptive softmax) only when asked for: ?only=W-WORD
    const words = ['W-WORD softmax', 'W-WORD adaptive'];
    for (const w of ['W-LM', 'W-LM-1', 'W-ADD', ...words].filter((x) => (!only && !words.includes(x)) || only === x
      || (only === 'W-WORD' && words.includes(x)))) {
      try {
        out.textContent += (await single(w)) + '\n';
      } catch (e) {
        out.textContent += w + ' failed: ' + e.message + '\n';
      }
    }
    if (!only || only === 'SOL-MM') {
      const mm = await engine.call({ cmd: 'bench.run', workload: 'SOL-MM' });
      out.textContent += (mm.ok ? mm.line : 'SOL-MM failed: ' + mm.error) + '\n';
    }
    const cores = navigator.hardwareConcurrency || 1;
    const most = Math.min(Number(params.get('workers')) || cores, Engine.MAX_WORKERS);
    const counts = [1];
    for (let n = 2; n <= most; n *= 2) counts.push(n);
    out.textContent += 'on workers (' + cores + ' cores here; each step shared by sequence, the shares handed between workers by this page; '
      + 'speed-up over one worker in this run):\n';
    for (const w of ['W-LM', 'W-ADD-batched'].filter((x) => !only || only === x)) {
      let one = 0;
      for (const n of counts) {
        const workers = [];
        try {
          for (let i = 0; i < n; i++) workers.push(await Engine.worker(engine.build));
          const r = await shared(w, workers);
          if (n === 1) one = r.speed;
          out.textContent += r.line + '  ' + n + ' worker' + (n > 1 ? 's' : ' ') + '  ' + (r.speed / one).toFixed(2) + 'x\n'
            + '        per step: ' + r.where + '\n';
        } catch (e) {
          out.textContent += w + ' on ' + n + ' workers failed: ' + e.message + '\n';
        } finally {
          for (const c of workers) c.terminate();
        }
      }
    }
    const seconds = Number(params.get('sustained'));
    if (seconds > 0) {
      out.textContent += 'sustained (' + seconds + ' s of steps after the warm-up, as a page trains):\n';
      for (const n of counts) {
        const workers = [];
        try {
          for (let i = 0; i < n; i++) workers.push(await Engine.worker(engine.build));
          out.textContent += (await shared('W-LM', workers, seconds)).sustained + '\n';
        } catch (e) {
          out.textContent += 'W-LM for ' + seconds + ' s on ' + n + ' workers failed: ' + e.message + '\n';
        } finally {
          for (const c of workers) c.terminate();
        }
      }
    }
    out.textContent += 'done\n';
    document.body.dataset.done = 'true';
    run.disabled = false;
  }
  run.addEventListener('click', all);
  Engine.connect({ single: true }).then((e) => {
    engine = e;
    document.getElementById('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
    run.disabled = false;
    if (params.has('auto')) all();
  }).catch((err) => {
    document.getElementById('engine-status').textContent = 'The engine could not start: ' + err.message;
  });
})();
