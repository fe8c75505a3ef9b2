'use strict';
// Runs the benchmark workloads in the engine's worker and prints one line each.
(() => {
  const out = document.getElementById('out');
  const run = document.getElementById('run');
  let engine = null;
  async function all() {
    run.disabled = true;
    out.textContent = 'build: ' + engine.build + ' (' + engine.mode + '), ' + navigator.userAgent + '\n';
    for (const w of ['W-LM', 'W-LM-1', 'W-ADD', 'SOL-MM']) {
      const r = await engine.call({ cmd: 'bench', workload: w });
      out.textContent += (r.ok ? r.line : w + ' failed: ' + r.error) + '\n';
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
