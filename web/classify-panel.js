'use strict';
// The classify panel: what is its own on top of TrainingPanel. Many-to-one classification of a data
// set the site ships (the handwritten digits row by row or pixel by pixel, the Seattle weather from
// the last days), or of a person's own table (own-table.js: numbers by row or by id, or a text column):
// the page reads the chosen file (the digits gunzipped here) and sends its text with a new model; the
// held-out accuracy against the majority baseline, checked every few seconds; the held-out confusion
// matrix with each class's precision and recall, and the examples it gets wrong; why and when it
// named one example (a held-out one, a digit drawn, a text typed) as it did; with attention pooling,
// where the attention looks (each class's mean weight of every step).
(() => {
  const $ = (id) => document.getElementById(id);
  const KEEP = 800; // points of each curve kept (older ones thinned)
  const FILES = { 'digits-rows': 'data/digits.csv.gz', 'digits-pixels': 'data/digits.csv.gz', weather: 'data/seattle-weather.csv' };

  function create(app, description) {
    const s = { loss: [], held: [], info: null, line: '', confusion: null, attention: null, mistakes: null, blowUps: BlowUps.create(KEEP) };
    // every file read at once (a few hundred kB), each once
    const texts = SiteData.readAll(FILES);
    const pace = CheckPace.create(1500);
    let panel = null;
    const form = () => $('classify-settings');
    const data = () => form().elements.namedItem('data').value;
    // a person's own table: its box shown when chosen; an edit needs a new model; the fields the model was made with (kept with it)
    const own = OwnTable.create('classify', ownColumns(),
      () => { if (panel && panel.ready && data() === 'own') panel.changed('table', 'your table'); });
    let ownFields = null;

    function draw() {
      if (s.line) $('classify-progress').textContent = s.line;
      s.line = '';
      const marks = s.blowUps.marks();
      Charts.draw($('classify-loss'), s.blowUps.series().concat(Charts.noisy(s.loss, '#1f6feb', '#b6d4fe')),
        { xLabel: 'examples seen', marks });
      const base = s.held.length && s.info ? [{ points: [[s.held[0][0], 100 * s.info.baseline], [s.held[s.held.length - 1][0],
        100 * s.info.baseline]], color: '#8c959f', dashed: true, label: 'majority class ' + (100 * s.info.baseline).toFixed(1) + '%' }] : [];
      Charts.draw($('classify-held'), [{ points: s.held, color: '#1a7f37', label: s.held.length ? 'held-out '
        + s.held[s.held.length - 1][1].toFixed(1) + '%' : '' }].concat(base),
      { xLabel: 'examples seen', yMin: 0, yMax: 100, marks, empty: 'No check yet: it comes as training goes on.' });
      ConfusionView.draw($('classify-confusion'), s.info ? s.info.classes : [], s.confusion, openCell);
      // with attention pooling: where it looks, by class
      $('classify-attention-part').hidden = !s.attention;
      AttentionView.draw($('classify-attention'), s.info ? s.info.classes : [], s.attention);
      MistakesView.draw($('classify-mistakes'), s.mistakes);
    }

    // the held-out check (every few seconds while training, at most a 25th of the time); said on the
    // progress line unless quiet (a model just made or brought back keeps its line)
    async function check(quiet) {
      const [r, wrong] = await pace.run(async () => {
        const held = await panel.call('heldout', {});
        return [held, held.ok ? await panel.call('mistakes', { limit: 12 }) : null];
      });
      if (!r.ok) return;
      s.mistakes = wrong.ok ? wrong : null;
      s.info.baseline = r.baseline;
      s.confusion = r.confusion;
      s.attention = r.attention || null;
      if (!s.held.length || s.held[s.held.length - 1][0] !== r.examples) s.held = Charts.grow(s.held, [[r.examples, 100 * r.accuracy]], KEEP);
      if (!quiet) {
        s.line = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' examples, held-out accuracy ' + (100 * r.accuracy).toFixed(1)
          + '% (always the most frequent class: ' + (100 * r.baseline).toFixed(1) + '%)';
      }
      panel.publish({ accuracy: String(r.accuracy) });
      await explain();
      if (units.due()) await units.refresh();
    }

    // a cell of the confusion matrix opened: its held-out examples, the surest first
    async function openCell(label, said) {
      const r = await panel.call('cell', { label, said, limit: 12 });
      const names = s.info.classes;
      if (r.ok) {
        MistakesView.draw($('classify-cell'), r, 'Held-out ' + names[label] + (label === said ? ' named right' : ' named ' + names[said]));
        $('classify-cell').dataset.cell = label + ',' + said;
      } else {
        $('classify-cell').textContent = Forms.sentence(r.error);
      }
    }

    // why and when the model names the held-out example chosen (or the digit drawn, or the text typed) as it does
    async function explain() {
      const fields = s.typed ? { text: s.typed } : s.drawn ? { values: s.drawn } : { example: Number($('classify-example').value) || 0 };
      const r = await panel.call('explain', fields);
      if (r.ok) ExplainView.draw($('classify-why'), r);
      else $('classify-why').textContent = Forms.sentence(r.error);
    }

    function started(r, how, extra) {
      s.info = Object.assign({ baseline: 0 }, r);
      $('classify-draw').hidden = !r.settings.data.startsWith('digits');
      $('classify-type').hidden = !r.text;
      if ($('classify-draw').hidden) s.drawn = null;
      if (!r.text) s.typed = null;
      own.show(r.settings.data === 'own');
      const kept = how === 'restored' ? extra : {};
      Object.assign(s, { loss: kept.loss || [], held: kept.held || [], confusion: kept.confusion || null, attention: null, mistakes: null,
        line: '' });
      s.blowUps.reset(kept.blowUps);
      const what = r.cell + ' model for ' + r.dataName + ' (' + r.classes.length + ' classes; ' + r.train.toLocaleString('en')
        + ' to train on, ' + r.heldOut.toLocaleString('en') + ' held out), ' + r.parameters.toLocaleString('en') + ' parameters';
      $('classify-progress').textContent = how === 'restored' ? 'Restored your ' + what + ', from your last visit (step ' + r.steps + ').'
        : (how === 'new' ? 'New ' : 'Opened ' + extra + ': ') + what + '.';
      draw();
      return check(true).then(draw);
    }

    panel = TrainingPanel.create(app, {
      noun: 'classifier',
      fileName: 'tearnn-classifier.json',
      seen: 'examples',
      // the chosen file's text; none yet (still reading) or unreadable: said, and no model made
      newRequest() {
        if (data() !== 'own') return SiteData.request(texts, data(), $('classify-message'), 'data');
        const r = own.request($('classify-message'));
        if (r && r.input !== 'text' && !OwnTable.ticked($('classify-columns')).length) {
          $('classify-message').textContent = 'Tick one number column at least: the numbers an example is made of.';
          return null;
        }
        if (r) ownFields = r;
        return r;
      },
      restoring(record) {
        if (typeof record.label !== 'string') return;
        own.restore(record);
        ownFields = record;
      },
      started,
      sliced(r, losses) {
        s.loss = Charts.grow(s.loss, losses, KEEP);
        s.line = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' examples, loss ' + Forms.number(r.loss, 4)
          + (s.held.length ? ', held-out accuracy ' + s.held[s.held.length - 1][1].toFixed(1) + '%' : '')
          + (r.workers > 1 ? ' (' + r.workers + ' workers)' : '');
      },
      async between() {
        if (pace.due()) await check();
      },
      draw,
      async paused() {
        await check();
        draw();
      },
      wentBack(r) {
        s.loss = s.blowUps.back(s.loss, r.examples, r.steps);
        s.held = s.held.filter((p) => p[0] <= r.examples);
        s.line = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' examples: the model is back here, from before the blow-up.';
        draw();
      },
      // the data's text too: a kept model is brought back on it (the engine reads it again)
      record: () => Object.assign({ loss: s.loss, held: s.held, confusion: s.confusion, blowUps: s.blowUps.record() },
        s.info.settings.data === 'own' ? ownFields : { text: texts[s.info.settings.data] }),
      trainLabel: () => (panel && panel.ready ? 'Resume' : 'Train'),
    }, description);
    // what the units do over the held-out example chosen
    const units = UnitsView.create(panel, 'classify', () => ({ example: Number($('classify-example').value) || 0 }));
    $('classify-example').addEventListener('change', () => {
      s.drawn = s.typed = null;
      if (panel.ready) explain().then(units.refresh);
    });
    // a digit drawn on the pad: explained as a held-out one (the digits only)
    DigitPad.create($('classify-pad'), (values) => {
      s.drawn = values;
      if (panel.ready) explain();
    });
    // a text typed (a text model only)
    $('classify-type').addEventListener('submit', (e) => {
      e.preventDefault();
      s.typed = $('classify-typed').value;
      if (panel.ready) explain();
    });
    const showOwn = () => own.show(data() === 'own');
    form().addEventListener('change', showOwn);
    showOwn();
    draw();
    return panel;
  }

  // The own table's columns: the class (guessed by its name, else the last column), what one example is
  // (a row's numbers, the rows of an id, or a text: guessed by a column's name), and the numbers read.
  function ownColumns() {
    const $ = (id) => document.getElementById('classify-' + id);
    return {
      fill(names, was) {
        const label = was && names.includes(was.label) ? was.label
          : names.find((n) => /^(label|class|target|category|y)$/i.test(n)) || names[names.length - 1];
        OwnTable.options($('label'), names, label);
        const others = names.filter((n) => n !== label);
        const texty = others.find((n) => /text|review|message|sentence|comment|title|tweet/i.test(n));
        $('input').value = was ? was.input : texty ? 'text' : 'row';
        OwnTable.options($('id'), others, was && was.id);
        OwnTable.options($('text-column'), others, (was && was.textColumn) || texty);
        $('tokens').value = (was && was.tokens) || 'words';
        const numbers = others.filter((n) => ($('input').value !== 'id' || n !== $('id').value) && !/^date$/i.test(n));
        OwnTable.boxes($('columns'), numbers, was && was.columns ? was.columns.split(',') : numbers);
        $('id-part').hidden = $('input').value !== 'id';
        $('text-part').hidden = $('input').value !== 'text';
        $('columns-part').hidden = $('input').value === 'text';
      },
      chosen() {
        const input = $('input').value;
        const ticked = OwnTable.ticked($('columns'));
        return { label: $('label').value, input, id: input === 'id' ? $('id').value : '',
          textColumn: input === 'text' ? $('text-column').value : '', tokens: $('tokens').value,
          columns: input === 'text' || ticked.length === $('columns').querySelectorAll('input').length ? '' : ticked.join(',') };
      },
    };
  }

  Panels.register('classify', {
    title: 'Classify',
    scripts: ['site-data.js', 'check-pace.js', 'own-table.js', 'confusion-view.js', 'attention-view.js', 'mistakes-view.js',
      'explain-view.js', 'digit-pad.js', 'units-view.js'],
    // the box of a person's own table (own-table.js is loaded by the time the markup is built)
    get settingsExtra() {
      return OwnTable.markup('classify', 'or paste it here, a header line first:&#10;label,review&#10;pos,A lovely film'
        + '&#10;neg,&quot;Dull, and far too long&quot;',
      '<label>Class <select id="classify-label"></select></label> <label>An example is <select id="classify-input">'
        + '<option value="row">a row: its numbers, a step each</option><option value="id">the rows of an id, a step a row</option>'
        + '<option value="text">a text</option></select></label>'
        + ' <label id="classify-id-part">Id <select id="classify-id"></select></label>'
        + ' <span id="classify-text-part"><label>Text <select id="classify-text-column"></select></label> <label>read as'
        + ' <select id="classify-tokens"><option value="words">words</option><option value="characters">characters</option></select>'
        + '</label></span> <span id="classify-columns-part">Numbers read: <span id="classify-columns"></span></span>');
    },
    intro: 'The network reads a whole sequence, a step at a time, and says at its end which class it is: a handwritten digit read'
      + ' row by row (or pixel by pixel), tomorrow\'s weather from the last days, or the rows or texts of a table of your own'
      + ' (it stays in this browser). The data are E. Alpaydin and C. Kaynak\'s'
      + ' handwritten digits (UCI, CC BY 4.0) and NOAA\'s Seattle weather (public domain, as packaged in vega-datasets).',
    lossCaption: 'Training loss at each step (cross-entropy at each sequence\'s end; dark: its moving mean)',
    charts: '<figure><canvas id="classify-held" width="440" height="220" aria-label="held-out accuracy chart"></canvas>'
      + '<figcaption>Held-out accuracy (dashed: always answering the most frequent class)</figcaption></figure>',
    get body() {
      return `<h2>What it gets wrong</h2>
  <p class="explain">The held-out examples by their true class (rows) and the class the model said (columns); the diagonal is right.
  At each row's end, the share of that class found (recall); under each column, the share of those answers that were right (precision).
  Click a cell to see its examples.</p>
  <div id="classify-confusion" class="confusion" aria-live="polite"></div>
  <div id="classify-cell" aria-live="polite"></div>
  <p class="explain">The held-out examples it gets wrong, those it was surest of first, each with its true class and the model's
  three likeliest answers (with attention pooling, blue: the weight it gave each row or pixel).</p>
  <div id="classify-mistakes"></div>
  <h2>Why, and when it knew</h2>
  <p class="explain">One held-out example: how much each step pulls on the class the model names (the size of the gradient of its
  log-probability at that step's input), with attention pooling the weight it gave each step, and the probability it would have
  given had the sequence ended after each step.</p>
  <label>Held-out example <input id="classify-example" type="number" value="0" min="0"></label>
  <div id="classify-draw" class="digit-draw" hidden><p class="explain">Or draw a digit (Shift or the right button erases):</p>
  <div id="classify-pad"></div></div>
  <form id="classify-type" class="type-text" hidden><label>Or type a text <textarea id="classify-typed" rows="2"
  spellcheck="false"></textarea></label> <button type="submit">Classify it</button></form>
  <div id="classify-why" class="explain-view" aria-live="polite"></div>
  <div id="classify-attention-part" hidden><h2>Where the attention looks</h2>
  <p class="explain">With attention pooling, the model's answer reads a weighted mean of its states at every step, not its last
  state alone. For each true class (rows), the mean weight each step (columns) got over the held-out examples of that class:
  a digit read row by row is told apart by a few rows.</p>
  <figure><canvas id="classify-attention" width="900" height="300" aria-label="attention weights by class and step"></canvas></figure></div>
  ${UnitsView.markup('classify', 'The held-out example chosen above', '', '')}`;
    },
    create,
  });
})();
