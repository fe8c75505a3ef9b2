'use strict';
// The binary-adder panel: what is its own on top of TrainingPanel. Progress on a random sample after
// every slice and, once that sample is all right, the check over all pairs (in short calls: 16 bits
// would be a billion pairs, so from 11 bits the engine checks a fixed sample); the loss and accuracy
// curves; one addition traced bit by bit; a test on longer numbers than it learned; how it races.
(() => {
  const $ = (id) => document.getElementById(id);
  const KEEP = 800; // points of each curve kept (older ones thinned)

  function create(app, description) {
    // trainedMs: time spent training this model on this page, over every Train and Step
    const s = { loss: [], acc: [], solved: false, trainedMs: 0, mark: 0, checkPairs: 1024, line: '', blowUps: BlowUps.create(KEEP) };
    let panel = null;

    function draw() {
      // the last call's progress line, once (started and wentBack write their own)
      if (s.line) $('adder-progress').textContent = s.line;
      s.line = '';
      const marks = s.blowUps.marks();
      Charts.draw($('adder-loss'), s.blowUps.series().concat(Charts.noisy(s.loss, '#1f6feb', '#b6d4fe')), { xLabel: 'examples seen', marks });
      $('adder-loss').dataset.points = String(s.loss.length);
      Charts.draw($('adder-accuracy'), [{ points: s.acc, color: '#1a7f37' }], { xLabel: 'examples seen', yMin: 0, yMax: 100, marks });
    }

    async function checkAllPairs() {
      let r;
      do {
        const t0 = performance.now();
        r = await panel.call('accuracy', { pairs: s.checkPairs });
        s.checkPairs = panel.adapt(s.checkPairs, performance.now() - t0);
      } while (r.ok && !r.done);
      return r;
    }

    async function sliced(r, losses) {
      const now = performance.now();
      s.trainedMs += now - s.mark;
      s.mark = now;
      s.loss = Charts.grow(s.loss, losses, KEEP);
      s.acc = Charts.grow(s.acc, [[r.examples, 100 * r.sampleAccuracy]], KEEP);
      let text = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' examples, loss ' + Forms.number(r.loss, 4)
        + ', accuracy on random pairs ' + (100 * r.sampleAccuracy).toFixed(1) + '%'
        + (r.workers > 1 ? ' (' + r.workers + ' workers)' : '');
      if (r.sampleAccuracy === 1) {
        const all = await checkAllPairs();
        if (all.ok) {
          text += '; over ' + (all.exhaustive ? 'all ' : '') + all.pairs.toLocaleString('en') + (all.exhaustive ? '' : ' random')
            + ' pairs ' + (100 * all.accuracy).toFixed(2) + '%';
          if (all.accuracy === 1 && !s.solved) {
            s.solved = true;
            const secs = (s.trainedMs + performance.now() - s.mark) / 1000;
            panel.stop();
            text += '. Solved: it adds ' + (all.exhaustive ? 'every pair' : 'all of them') + ' (after ' + secs.toFixed(2) + ' s of training).';
            $('adder-progress').dataset.solved = 'true';
          }
        }
      }
      // shown by draw(), at most every few calls while training; a solved adder's line at once
      s.line = text;
      if (s.solved) draw();
    }

    async function trace() {
      if (!panel.ready) return;
      const f = $('adder-try');
      Forms.clearErrors(f);
      const r = await panel.call('trace', { a: f.elements.a.value, b: f.elements.b.value });
      if (!r.ok) {
        Forms.showError(f, r, $('adder-result'));
        return;
      }
      const want = r.a + r.b;
      $('adder-result').textContent = r.a + ' + ' + r.b + ' = ' + r.sum + (r.correct ? '  ✓' : '  ✗ (should be ' + want + ')');
      TraceView.draw($('adder-trace'), r, want);
    }

    async function started(r, how, extra) {
      if (how === 'restored') {
        Object.assign(s, { loss: extra.loss || [], acc: extra.acc || [], solved: !!extra.solved, trainedMs: extra.trainedMs || 0,
          line: '' });
        $('adder-progress').textContent = 'Restored your ' + r.cell + ' adder from your last visit (' + r.steps + ' steps trained).';
      } else {
        Object.assign(s, { loss: [], acc: [], solved: false, trainedMs: 0, line: '' });
        $('adder-progress').textContent = how === 'new'
          ? 'New ' + r.cell + ' model, ' + r.parameters + ' parameters.'
          : 'Opened ' + extra + ' (' + r.cell + ', hidden ' + r.hidden + ', ' + r.steps + ' steps trained).';
      }
      s.blowUps.reset(how === 'restored' ? extra.blowUps : null);
      draw();
      await trace();
    }

    panel = TrainingPanel.create(app, {
      noun: 'adder',
      fileName: 'tearnn-adder.json',
      started,
      sliced,
      seen: 'examples',
      draw,
      live: trace,
      // short calls: the accuracy is measured after each (a point on its curve), and an adder often solves within a second
      trainMs: () => app.sliceMs(),
      resumed() {
        s.solved = false;
        s.mark = performance.now();
        delete $('adder-progress').dataset.solved;
      },
      wentBack(r) {
        s.loss = s.blowUps.back(s.loss, r.examples, r.steps);
        s.acc = s.acc.filter((p) => p[0] <= r.examples);
        s.line = '';
        $('adder-progress').textContent = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en')
          + ' examples: the model is back here, from before the blow-up.';
        draw();
        return trace();
      },
      record() {
        const f = $('adder-try');
        return { loss: s.loss, acc: s.acc, blowUps: s.blowUps.record(), solved: s.solved, trainedMs: s.trainedMs, a: f.elements.a.value, b: f.elements.b.value };
      },
      restoring(record) {
        $('adder-try').elements.a.value = record.a || 57;
        $('adder-try').elements.b.value = record.b || 89;
      },
      trainLabel: () => s.solved ? 'Train more' : (panel && panel.ready ? 'Resume' : 'Train'),
    }, description);

    $('adder-try').addEventListener('input', () => trace());
    $('adder-longer').addEventListener('click', async () => {
      if (!panel.ready) {
        $('adder-longer-result').textContent = 'Train a model first.';
        return;
      }
      const r = await panel.call('longer', { bits: $('adder-longer-bits').value });
      $('adder-longer-result').textContent = r.ok
        ? (100 * r.accuracy).toFixed(2) + '% of 2,000 random ' + r.bits + '-bit additions right'
        : Forms.sentence(r.error);
    });
    draw();
    return panel;
  }

  // the adder's finish in a race: all pairs (a sample of them from 11 bits on), checked in short calls
  async function finished(call, reply) {
    if (reply.sampleAccuracy !== 1) return false;
    let a;
    do {
      a = await call({ cmd: 'adder.accuracy', pairs: 4096 });
    } while (a.ok && !a.done);
    return a.ok && a.accuracy === 1;
  }

  Panels.register('adder', {
    title: 'Binary adder',
    scripts: ['trace-view.js'],
    intro: 'The network reads two numbers one bit at a time, least significant bit first, and must write each bit of their sum.'
      + ' To do that it has to learn to carry.',
    lossCaption: 'Training loss at each step (binary cross-entropy per bit; dark: its moving mean)',
    charts: '<figure><canvas id="adder-accuracy" width="440" height="220" aria-label="accuracy chart"></canvas>'
      + '<figcaption>Accuracy: whole sums right, on random pairs</figcaption></figure>',
    body: `<h2>Try it</h2>
  <form id="adder-try" class="settings" autocomplete="off">
    <label>a <input name="a" type="number" value="57" min="0"></label>
    <label>b <input name="b" type="number" value="89" min="0"></label>
  </form>
  <p id="adder-result" class="result"></p>
  <div class="trace"><canvas id="adder-trace" width="900" height="300" aria-label="bits and hidden state heatmap"></canvas></div>
  <p class="explain">Top: the sum bit by bit with the probability the network gives to a 1. Below: the hidden state at every step,
  one row per unit (blue negative, red positive); the carry shows up as units that switch when a carry is produced. Under it, for an
  LSTM or a GRU, each gate at every step, one row per unit (white closed, green open; the candidate values g or n in the hidden
  state's colors): a GRU's update gate z keeps a unit's old value where it is open, an LSTM's forget gate f keeps its cell.</p>
  <div class="buttons">
    <label>Test on <input id="adder-longer-bits" type="number" value="16" min="2" max="30"> bits</label>
    <button id="adder-longer">Test</button>
    <span id="adder-longer-result"></span>
  </div>`,
    create,
    race: {
      label: 'binary adder',
      goal: 'the adder adding every pair right',
      hidden: 16,
      seen: 'examples',
      // the race's own settings for this task, sent with every racer's new model
      fields: [{ name: 'bits', label: 'Bits', value: 24, min: 2, max: 30 }],
      finished,
      said: (reply) => (100 * reply.sampleAccuracy).toFixed(1) + '% of random pairs',
    },
  });
})();
