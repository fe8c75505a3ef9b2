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
    for (const w of (new URLSearchParams(location.search).has('mm') ? [] : ['W-LM', 'W-LM-1', 'W-ADD'])) {
      let r = await engine.call({ cmd: 'bench.setup', workload: w });
      for (let i = 0; r.ok && i < 25; i++) r = await engine.call({ cmd: 'bench.step' });
      if (r.ok) r = await engine.call({ cmd: 'bench.report' });
      out.textContent += (r.ok ? r.line : w + ' failed: ' + r.error) + '\n';
    }
    const mm = await engine.call({ cmd: 'bench', workload: 'SOL-MM' });
    out.textContent += (mm.ok ? mm.line : 'SOL-MM failed: ' + mm.error) + '\n';
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
