'use strict';
// The translate panel: what is its own on top of TrainingPanel. An encoder-decoder with attention
// learns to write dates as ISO ("Sunday, May 3rd 1987" -> "1987-05-03") or to reverse a string of
// digits; the held-out exact match and per-character accuracy as it trains; and where its attention
// looks while it writes, for a held-out pair or a text of one's own (AlignmentView), redrawn at every
// check, so the matrix sharpens into the alignment as it learns.
(() => {
  const $ = (id) => document.getElementById(id);
  const KEEP = 800; // points of each curve kept (older ones thinned)
  const QUICK = 100; // held-out pairs of a check while training (of 1,000), at most: a check every few seconds
  const QUICK_MS = 400; // what a check while training should take: a big model checks fewer pairs
  const FULL_MS = 10000; // the longest a check of all 1,000 pairs may take, when paused; else a quick one

  function create(app, description) {
    // quick: the pairs of a check while training; pairMs: the time a pair took in the last one
    const s = { loss: [], exact: [], chars: [], info: null, line: '', lengths: '', quick: QUICK, pairMs: undefined,
      blowUps: BlowUps.create(KEEP) };
    const pace = CheckPace.create(1500);
    let panel = null;

    function draw() {
      if (s.line) $('translate-progress').textContent = s.line;
      s.line = '';
      const marks = s.blowUps.marks();
      Charts.draw($('translate-loss'), s.blowUps.series().concat(Charts.noisy(s.loss, '#1f6feb', '#b6d4fe')),
        { xLabel: 'pairs seen', log: true, marks });
      const last = (points) => (points.length ? ' ' + points[points.length - 1][1].toFixed(1) + '%' : '');
      Charts.draw($('translate-held'), [{ points: s.exact, color: '#1a7f37', label: 'exact match' + last(s.exact) },
        { points: s.chars, color: '#8250df', label: 'per character' + last(s.chars) }],
      { xLabel: 'pairs seen', yMin: 0, yMax: 100, marks, empty: 'No check yet: it comes as training goes on.' });
      $('translate-lengths').textContent = s.lengths;
    }

    // The held-out check (every few seconds while training, a 25th of the time at most; on up to QUICK
    // pairs, as many as take about QUICK_MS; all of them when paused, if the quick checks say that takes
    // less than FULL_MS), then the translation shown, redrawn with the new weights.
    async function check(paused) {
      const all = paused && s.pairMs !== undefined && s.pairMs * 1000 < FULL_MS;
      const examples = all ? 1000 : s.quick;
      const t0 = performance.now();
      // only the quick checks set the pace (a full one, when paused, would space the next ones out)
      const r = all ? await panel.call('heldout', {}) : await pace.run(() => panel.call('heldout', { examples }));
      if (!r.ok) return;
      if (!all) {
        s.pairMs = (performance.now() - t0) / examples;
        s.quick = Math.max(10, Math.min(QUICK, Math.round(QUICK_MS / s.pairMs)));
      }
      if (!s.exact.length || s.exact[s.exact.length - 1][0] !== r.sequences) {
        s.exact = Charts.grow(s.exact, [[r.sequences, 100 * r.exactMatch]], KEEP);
        s.chars = Charts.grow(s.chars, [[r.sequences, 100 * r.perCharacter]], KEEP);
      }
      const of = examples.toLocaleString('en');
      s.line = 'Step ' + r.steps + ', ' + r.sequences.toLocaleString('en') + ' pairs: held-out exact match '
        + (100 * r.exactMatch).toFixed(1) + '%, per character ' + (100 * r.perCharacter).toFixed(1) + '% (on ' + of
        + ' held-out pairs; loss ' + Forms.number(r.loss, 4) + ' nats a character)';
      s.lengths = s.info.task === 'reverse' ? 'Exact match by length: ' + r.exactByLength.map(([n, v]) => n + ' digits '
        + Math.round(100 * v) + '%').join(', ') : '';
      panel.publish({ exact: String(r.exactMatch) });
      await translate();
    }

    // The translation of one's own text if there is one, else of the held-out pair chosen.
    async function translate() {
      const text = $('translate-text').value;
      const beam = Number($('translate-beam').value) || 1;
      const r = await panel.call('translate', text ? { text, beam } : { example: Number($('translate-example').value) || 0, beam });
      const result = $('translate-result');
      if (!r.ok) {
        result.textContent = Forms.sentence(r.error);
        result.dataset.error = 'true';
        $('translate-alignment').textContent = '';
        return;
      }
      delete result.dataset.error;
      result.textContent = r.source + ' → ' + (r.output || '(nothing)') + (r.target === undefined ? ''
        : r.output === r.target ? ' (right)' : ' (should be ' + r.target + ')');
      result.dataset.output = r.output;
      AlignmentView.draw($('translate-alignment'), r);
    }

    async function started(r, how, extra) {
      s.info = r;
      const kept = how === 'restored' ? extra : {};
      Object.assign(s, { loss: kept.loss || [], exact: kept.exact || [], chars: kept.chars || [], line: '', lengths: '',
        quick: QUICK, pairMs: undefined });
      s.blowUps.reset(kept.blowUps);
      $('translate-text').maxLength = r.longest;
      $('translate-text').placeholder = r.task === 'dates' ? 'Sunday, May 3rd 1987' : '4821';
      const what = r.cell + ' translator for ' + (r.task === 'dates' ? 'dates' : 'digit reversal') + ' (attention '
        + r.attention + '), ' + r.parameters.toLocaleString('en') + ' parameters';
      $('translate-progress').textContent = how === 'restored' ? 'Restored your ' + what + ', from your last visit (step ' + r.steps + ').'
        : (how === 'new' ? 'New ' : 'Opened ' + extra + ': ') + what + '. For example: ' + r.example + '.';
      draw();
      await translate();
    }

    panel = TrainingPanel.create(app, {
      noun: 'translator',
      fileName: 'tearnn-translator.json',
      seen: 'sequences',
      started,
      sliced(r, losses) {
        s.loss = Charts.grow(s.loss, losses, KEEP);
        const e = s.exact.length ? ', held-out exact match ' + s.exact[s.exact.length - 1][1].toFixed(1) + '%' : '';
        s.line = 'Step ' + r.steps + ', ' + r.sequences.toLocaleString('en') + ' pairs, loss ' + Forms.number(r.loss, 4) + e
          + (r.workers > 1 ? ' (' + r.workers + ' workers)' : '');
      },
      async between() {
        if (pace.due()) await check(false);
      },
      draw,
      async paused() {
        await check(true);
        draw();
      },
      wentBack(r) {
        s.loss = s.blowUps.back(s.loss, r.sequences, r.steps);
        s.exact = s.exact.filter((p) => p[0] <= r.sequences);
        s.chars = s.chars.filter((p) => p[0] <= r.sequences);
        s.line = 'Step ' + r.steps + ', ' + r.sequences.toLocaleString('en') + ' pairs: the model is back here, from before the blow-up.';
        draw();
      },
      record: () => ({ loss: s.loss, exact: s.exact, chars: s.chars, blowUps: s.blowUps.record() }),
    }, description);

    for (const id of ['translate-example', 'translate-beam']) {
      $(id).addEventListener('change', () => {
        if (panel.ready) translate();
      });
    }
    $('translate-text').addEventListener('input', () => {
      if (panel.ready) translate();
    });
    draw();
    return panel;
  }

  Panels.register('translate', {
    title: 'Translate',
    scripts: ['check-pace.js', 'alignment-view.js'],
    intro: 'An encoder reads a date as people write it, one character at a time; a decoder writes it as ISO 8601, one'
      + ' character at a time, looking back at the encoder\'s states through its attention (Bahdanau et al. 2015, Luong et'
      + ' al. 2015). The matrix below shows where it looks for each character it writes: it sharpens into the alignment as'
      + ' the model learns. Try it without attention to see the difference.',
    lossCaption: 'Training loss at each step (nats a target character, with teacher forcing), log scale',
    charts: '<figure><canvas id="translate-held" width="440" height="220" aria-label="held-out accuracy chart"></canvas>'
      + '<figcaption>On held-out pairs never trained on (fixed by the seed), decoded greedily: exactly right, and'
      + ' characters right in their place</figcaption></figure>',
    get body() {
      return `<h2>Where it looks</h2>
  <p class="hint">A column per character read, a row per character written (⏎: the end); the darker, the more weight.</p>
  <label>Held-out pair <input id="translate-example" type="number" value="0" min="0" max="999"></label>
  <label>or your own text <input id="translate-text" type="text" autocomplete="off" spellcheck="false"></label>
  <label>Beam <select id="translate-beam"><option value="1">1 (greedy)</option><option value="3">3</option>
    <option value="5">5</option></select></label>
  <p id="translate-result" aria-live="polite"></p>
  <div id="translate-alignment" class="alignment"></div>
  <p id="translate-lengths" class="hint"></p>`;
    },
    create,
  });
})();
