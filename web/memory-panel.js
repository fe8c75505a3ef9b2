'use strict';
// The memory panel: what is its own on top of TrainingPanel. A task that asks the network to carry
// something across a gap of T steps (the adding problem, copy memory, temporal order); the training
// loss against what a model that remembers nothing scores; the held-out measure (mse, or the share
// right), checked every few seconds, until it is solved; one held-out sequence with what the model
// makes of it. The gradient flow over all T steps (the core's) shows why a plain RNN fails.
(() => {
  const $ = (id) => document.getElementById(id);
  const KEEP = 800; // points of each curve kept (older ones thinned)

  function create(app, description) {
    // trainedMs: time spent training this model on this page
    const s = { loss: [], held: [], info: null, solved: false, trainedMs: 0, mark: 0, line: '', blowUps: BlowUps.create(KEEP) };
    const pace = CheckPace.create(1500);
    let panel = null;
    const accuracy = () => s.info && s.info.measure === 'accuracy';
    const chance = () => (s.info.task === 'copy' ? 1 / 8 : 1 / 4);
    const flat = (points, y, color, label) => (points.length ? [{ points: [[points[0][0], y], [points[points.length - 1][0], y]],
      color, dashed: true, label }] : []);

    function draw() {
      if (s.line) $('memory-progress').textContent = s.line;
      s.line = '';
      const marks = s.blowUps.marks();
      const base = s.info ? flat(s.loss, s.info.baseline, '#8c959f', 'remembers nothing ' + s.info.baseline.toFixed(3)) : [];
      Charts.draw($('memory-loss'), s.blowUps.series().concat(Charts.noisy(s.loss, '#1f6feb', '#b6d4fe'), base),
        { xLabel: 'sequences seen', log: true, marks });
      if (!s.info) return;
      const held = { points: s.held, color: '#1a7f37', label: s.held.length ? 'held-out ' + heldText(s.held[s.held.length - 1][1]) : '' };
      if (accuracy()) {
        Charts.draw($('memory-held'), [held].concat(flat(s.held, 99, '#8250df', 'solved: 99%'),
          flat(s.held, 100 * chance(), '#8c959f', 'chance ' + Math.round(100 * chance()) + '%')),
        { xLabel: 'sequences seen', yMin: 0, yMax: 100, marks, empty: 'No check yet: it comes as training goes on.' });
      } else {
        Charts.draw($('memory-held'), [held].concat(flat(s.held, 0.01, '#8250df', 'solved: below 0.01'),
          flat(s.held, s.info.baseline, '#8c959f', 'remembers nothing')),
        { xLabel: 'sequences seen', log: true, marks, empty: 'No check yet: it comes as training goes on.' });
      }
    }

    const heldText = (v) => (accuracy() ? v.toFixed(1) + '%' : v.toFixed(4));
    const seconds = () => (s.trainedMs + (s.mark ? performance.now() - s.mark : 0)) / 1000;

    // The held-out check (every few seconds while training: it costs a 25th of the time at most),
    // and the sequence drawn; a solved task stops training.
    async function check() {
      const r = await pace.run(() => panel.call('heldout', {}));
      if (!r.ok) return;
      const value = accuracy() ? 100 * r.measure : r.measure;
      if (!s.held.length || s.held[s.held.length - 1][0] !== r.sequences) s.held = Charts.grow(s.held, [[r.sequences, value]], KEEP);
      s.line = 'Step ' + r.steps + ', ' + r.sequences.toLocaleString('en') + ' sequences, held-out ' + s.info.measure + ' '
        + heldText(value) + ' (loss ' + Forms.number(r.loss, 4) + '; a model that remembers nothing: ' + s.info.baseline.toFixed(4) + ')';
      if (r.solved && !s.solved) {
        s.solved = true;
        panel.stop();
        s.line += '. Solved after ' + r.sequences.toLocaleString('en') + ' sequences (' + seconds().toFixed(1) + ' s of training).';
        $('memory-progress').dataset.solved = 'true';
      }
      panel.publish({ measure: String(r.measure) });
      await example();
    }

    async function example() {
      const r = await panel.call('example', { sequence: Number($('memory-sequence').value) || 0 });
      MemoryExampleView.draw($('memory-example'), r);
    }

    async function started(r, how, extra) {
      s.info = r;
      const kept = how === 'restored' ? extra : {};
      Object.assign(s, { loss: kept.loss || [], held: kept.held || [], solved: !!kept.solved, trainedMs: kept.trainedMs || 0,
        line: '', mark: 0 });
      s.blowUps.reset(kept.blowUps);
      const what = r.cell + ' model for ' + MemoryExampleView.taskName(r.task) + ' (T = ' + r.length + '), '
        + r.parameters.toLocaleString('en') + ' parameters';
      $('memory-progress').textContent = how === 'restored' ? 'Restored your ' + what + ', from your last visit (step ' + r.steps + ').'
        : (how === 'new' ? 'New ' : 'Opened ' + extra + ': ') + what + '. A model that remembers nothing scores a loss of '
          + r.baseline.toFixed(4) + '.';
      delete $('memory-progress').dataset.solved;
      draw();
      await example();
    }

    panel = TrainingPanel.create(app, {
      noun: 'memory model',
      fileName: 'tearnn-memory.json',
      seen: 'sequences',
      started,
      sliced(r, losses) {
        const now = performance.now();
        s.trainedMs += now - s.mark;
        s.mark = now;
        s.loss = Charts.grow(s.loss, losses, KEEP);
        s.line = 'Step ' + r.steps + ', ' + r.sequences.toLocaleString('en') + ' sequences, loss ' + Forms.number(r.loss, 4)
          + (s.held.length ? ', held-out ' + s.info.measure + ' ' + heldText(s.held[s.held.length - 1][1]) : '')
          + ' (a model that remembers nothing: loss ' + s.info.baseline.toFixed(4) + ')'
          + (r.workers > 1 ? ' (' + r.workers + ' workers)' : '');
      },
      async between() {
        if (pace.due()) await check();
      },
      draw,
      resumed() {
        s.solved = false;
        s.mark = performance.now();
        delete $('memory-progress').dataset.solved;
      },
      async paused() {
        if (s.mark) s.trainedMs += performance.now() - s.mark;
        s.mark = 0;
        await check();
        draw();
      },
      wentBack(r) {
        s.loss = s.blowUps.back(s.loss, r.sequences, r.steps);
        s.held = s.held.filter((p) => p[0] <= r.sequences);
        s.line = 'Step ' + r.steps + ', ' + r.sequences.toLocaleString('en') + ' sequences: the model is back here, from before the blow-up.';
        draw();
      },
      record: () => ({ loss: s.loss, held: s.held, blowUps: s.blowUps.record(), solved: s.solved, trainedMs: s.trainedMs }),
      trainLabel: () => (s.solved ? 'Train more' : panel && panel.ready ? 'Resume' : 'Train'),
    }, description);

    $('memory-sequence').addEventListener('input', () => {
      if (panel.ready) example();
    });
    draw();
    return panel;
  }

  // the finish in a race: the task solved on the held-out sequences, checked every 2 s
  async function finished(call, reply, racer) {
    if (performance.now() - (racer.checked || 0) < 2000) return false;
    racer.checked = performance.now();
    const h = await call({ cmd: 'memory.heldout' });
    if (h.ok) racer.heldOut = h.measure;
    return h.ok && h.solved;
  }

  Panels.register('memory', {
    title: 'Memory',
    scripts: ['check-pace.js', 'memory-example-view.js'],
    intro: 'The network must carry something across a gap of T steps: two marked numbers to add at the end, symbols to write'
      + ' out after a pause, or the order of two marks among distractors. A plain RNN\'s gradient fades going back through'
      + ' time, so across a long gap it learns nothing; the gates of an LSTM or a GRU carry it. The gradient flow below shows why.',
    lossCaption: 'Training loss at each step, log scale (dark: its moving mean; dashed: a model that remembers nothing)',
    charts: '<figure><canvas id="memory-held" width="440" height="220" aria-label="held-out measure chart"></canvas>'
      + '<figcaption>On the held-out sequences (fixed by the seed): mean squared error, or the share right</figcaption></figure>',
    get body() {
      return `<h2>One held-out sequence</h2>
  <label>Sequence <input id="memory-sequence" type="number" value="0" min="0" max="255"></label>
  <div id="memory-example" class="memory-example" aria-live="polite"></div>`;
    },
    create,
    race: {
      label: 'memory task',
      goal: 'a memory task solved (held-out mse below 0.01, or 99% right)',
      hidden: 64,
      seen: 'sequences',
      // the panel's own settings (their labels, defaults and limits from the engine); "task" is the race's already
      fields: [{ name: 'memory-task', setting: 'task', label: 'Memory task' }, { name: 'memory-length', setting: 'length' }],
      logLoss: true,
      baseline: (made) => ({ y: made.baseline, label: 'remembers nothing ' + made.baseline.toFixed(3) }),
      finished,
      said: (reply, racer) => (racer.heldOut === undefined ? '' : 'held-out ' + (racer.made.measure === 'accuracy'
        ? (100 * racer.heldOut).toFixed(1) + '% right' : 'mse ' + racer.heldOut.toFixed(4))),
    },
  });
})();
