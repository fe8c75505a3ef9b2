'use strict';
// Runs the benchmark workloads in the engine's worker and prints one line each.
(() => {
  const out = document.getElementById('out');
  const run = document.getElementById('run');
  let engine = null;
  async function all() {
    run.disabled = true;
    out.textContent = 'build: ' + engine.build + ' (' + engine.mode + '), ' + navigator.userAgent + '\n';
    // each step is its own call, as the page trains (WebAssembly tiers up between calls)
    const only = new URLSearchParams(location.search).get('only');
    for (const w of ['W-LM', 'W-LM-1', 'W-ADD'].filter((x) => !only || only === x)) {
      // warm-up: at least 5 steps and 1 s (WebAssembly tiers up in the background), then 20 timed
      let r = await engine.call({ cmd: 'bench.setup', workload: w });
      const start = performance.now();
      for (let i = 0; r.ok && (i < 5 || performance.now() - start < 1000); i++) r = await engine.call({ cmd: 'bench.step' });
      for (let i = 0; r.ok && i < 20; i++) r = await engine.call({ cmd: 'bench.step' });
      if (r.ok) r = await engine.call({ cmd: 'bench.report' });
      out.textContent += (r.ok ? r.line : w + ' failed: ' + r.error) + '\n';
    }
    if (!only || only === 'SOL-MM') {
      const mm = await engine.call({ cmd: 'bench.run', workload: 'SOL-MM' });
      out.textContent += (mm.ok ? mm.line : 'SOL-MM failed: ' + mm.error) + '\n';
    }
    out.textContent += 'done\n';
    document.body.dataset.done = 'true';
    run.disabled = false;
  }
  run.addEventListener('click', all);
  Engine.connect().then((e) => {
    engine = e;
    document.getElementById('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
    run.disabled = false;
    if (new URLSearchParams(location.search).has('auto')) all();
  }).catch((err) => {
    document.getElementById('engine-status').textContent = 'The engine could not start: ' + err.message;
  });
})();
