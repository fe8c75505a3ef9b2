'use strict';
// The forecast panel: what is its own on top of TrainingPanel. A series the site ships (sunspots,
// CO2, El Nino, Seattle temperatures) is read here and sent with a new model, or a person's own table
// (own-table.js) with the columns they chose; every 50 steps the held-out forecasts are scored against
// the seasonal naive (the curve; the engine keeps the best check's model, as the command line does),
// and every few seconds the test part's metrics table and the series chart are drawn again; a person
// drags "forecast from here" along the series.
(() => {
  const $ = (id) => document.getElementById(id);
  const KEEP = 800; // points of each curve kept (older ones thinned)
  const FILES = { sunspots: 'data/sunspots.csv', co2: 'data/co2.csv', elnino: 'data/elnino.csv', temperatures: 'data/seattle-weather.csv' };

  function create(app, description) {
    const s = { loss: [], held: [], info: null, view: null, from: null, scale: null, line: '', test: null, blowUps: BlowUps.create(KEEP) };
    const texts = SiteData.readAll(FILES);
    const pace = CheckPace.create(2000);
    // the held-out check's period in steps (the engine keeps the best of the checks at its multiples, as the command line does)
    const every = description.checkEvery;
    let checkedAt = -1;
    let panel = null;
    const form = () => $('forecast-settings');
    const series = () => form().elements.namedItem('series').value;
    // a person's own table: its box shown when chosen; an edit needs a new model
    const own = OwnTable.create('forecast', ownColumns(),
      () => { if (panel && panel.ready && series() === 'own') panel.changed('table', 'your table'); });
    // the own table's fields the model was made with (kept with it)
    let ownFields = null;
    const also = alsoRead(description.builtInInputs || {}, series,
      () => { if (panel && panel.ready && series() !== 'own') panel.changed('inputs', 'the columns read'); });

    function draw() {
      if (s.line) $('forecast-progress').textContent = s.line;
      s.line = '';
      const marks = s.blowUps.marks();
      Charts.draw($('forecast-loss'), s.blowUps.series().concat(Charts.noisy(s.loss, '#1f6feb', '#b6d4fe')),
        { xLabel: 'windows seen', marks, log: true });
      const naive = s.held.length ? [{ points: [[s.held[0][0], 1], [s.held[s.held.length - 1][0], 1]], color: '#bf8700', dashed: true,
        label: 'seasonal naive (1)' }] : [];
      Charts.draw($('forecast-held'), [{ points: s.held, color: '#1a7f37', label: s.held.length ? 'held-out MASE '
        + s.held[s.held.length - 1][1].toFixed(3) : '' }].concat(naive),
      { xLabel: 'windows seen', yMin: 0, marks, empty: 'No check yet: it comes as training goes on.' });
      s.scale = ForecastView.draw($('forecast-series'), s.view, s.from);
      ForecastView.table($('forecast-metrics'), s.test && s.test.test, s.test && s.test.scored);
    }

    // A held-out check (the engine keeps the best one's model): said on the progress line unless quiet
    // (a model just made or brought back keeps its line); past the best check, the way back offered.
    function checked(r, quiet) {
      // a MASE is null where the seasonal naive is exact: then the MAE is said, in the series' units
      const held = r.mase === null ? 'held-out MAE ' + r.mae.toPrecision(4) + ' (the seasonal naive is exact here)'
        : 'held-out MASE ' + r.mase.toFixed(3) + ' (below 1: better than the seasonal naive)';
      if (r.mase !== null && (!s.held.length || s.held[s.held.length - 1][0] !== r.examples)) {
        s.held = Charts.grow(s.held, [[r.examples, r.mase]], KEEP);
      }
      if (!quiet) s.line = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' windows seen, ' + held;
      // past its best check (it learns the training part by heart): offer to go back there
      const back = $('forecast-best');
      back.hidden = !r.best || r.best.step === r.steps;
      if (r.best) {
        back.textContent = 'Go back to the best check: step ' + r.best.step
          + (r.best.mase === null ? '' : ', held-out MASE ' + r.best.mase.toFixed(3));
      }
      panel.publish({ mase: r.mase === null ? '' : String(r.mase) });
    }

    // The full check: held out, the test part's metrics and the series' view (every few seconds while
    // training, at most a 25th of the time: the view's one-step fit forecasts from every step, which
    // on CO2 takes about a second).
    async function check(quiet) {
      const [r, v] = await pace.run(async () => {
        const held = await panel.call('heldout', {});
        return [held, held.ok ? await panel.call('view', {}) : null];
      });
      if (!r.ok || !v.ok) return;
      s.test = r;
      s.view = Object.assign({ horizon: s.info.horizon, season: s.info.season }, v);
      if (s.from) await forecastFrom(s.from.origin, true);
      checked(r, quiet);
    }

    // The light check, held out alone (no test part, no view).
    async function lightCheck() {
      const r = await panel.call('heldout', { test: false });
      if (r.ok) checked(r, true);
    }

    // the forecast from step `origin` (the dragged point or the slider), drawn at once
    async function forecastFrom(origin, quiet) {
      if (!panel || !panel.ready || !s.view) return;
      const o = Math.max(s.view.first, Math.min(s.view.values.length, origin));
      $('forecast-origin').value = String(o);
      const r = await panel.call('from', { origin: o });
      if (!r.ok) return;
      s.from = r;
      $('forecast-origin-label').textContent = 'from ' + (o < s.view.values.length ? s.view.times[o] : 'the end of the series (the future)');
      if (!quiet) draw();
    }

    function started(r, how, extra) {
      s.info = r;
      own.show(r.settings.series === 'own');
      if (r.settings.series !== 'own') also.check(r.inputs.join(','));
      $('forecast-best').hidden = true;
      const kept = how === 'restored' ? extra : {};
      Object.assign(s, { loss: kept.loss || [], held: kept.held || [], view: null, from: null, test: null, line: '' });
      s.blowUps.reset(kept.blowUps);
      const slider = $('forecast-origin');
      slider.min = String(r.window + (r.settings.predict === 'change' ? 1 : 0));
      slider.max = String(r.length);
      slider.value = String(r.heldOutEnd);
      const gaps = r.missing ? ', ' + r.missing + ' values missing (' + (r.settings.missing === 'skip' ? r.skipped + ' windows holding them left out'
        : 'interpolated within their part') + ')' : ', none missing';
      $('forecast-about').textContent = r.seriesName + ': ' + r.length.toLocaleString('en') + ' steps' + gaps
        + (r.inputs.length ? ', read with ' + r.inputs.join(', ') : '') + '. Window ' + r.window
        + ', horizon ' + r.horizon + ', ' + (r.settings.mode === 'recursive' ? 'recursive (fed back its own forecasts)' : 'direct (all H at once)')
        + ', predicting ' + (r.settings.predict === 'change' ? 'the change from the last value' : 'the values') + '; season ' + r.season
        + (r.seasonSuggested ? ' (suggested from the training part)' : '') + '.';
      const what = r.cell + ' model for ' + r.seriesName + ', ' + r.parameters.toLocaleString('en') + ' parameters';
      $('forecast-progress').textContent = how === 'restored' ? 'Restored your ' + what + ', from your last visit (step ' + r.steps + ').'
        : (how === 'new' ? 'New ' : 'Opened ' + extra + ': ') + what + '.';
      draw();
      return check(true).then(() => forecastFrom(r.heldOutEnd, true)).then(draw);
    }

    panel = TrainingPanel.create(app, {
      noun: 'forecaster',
      fileName: 'tearnn-forecaster.json',
      seen: 'examples',
      // the chosen series' text; none yet (still reading) or unreadable: said, and no model made
      newRequest() {
        if (series() !== 'own') {
          const r = SiteData.request(texts, series(), $('forecast-message'), 'series');
          return r && Object.assign(r, { inputs: also.inputs() });
        }
        const r = own.request($('forecast-message'));
        if (r) ownFields = r;
        return r;
      },
      restoring(record) {
        if (typeof record.column === 'string') {
          own.restore(record);
          ownFields = record;
        } else also.check(record.inputs || '');
      },
      started,
      stepsToGo: () => every - (panel.step % every),
      sliced(r, losses) {
        s.loss = Charts.grow(s.loss, losses, KEEP);
        s.line = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' windows seen, loss ' + Forms.number(r.loss, 4)
          + (s.held.length ? ', held-out MASE ' + s.held[s.held.length - 1][1].toFixed(3) : '')
          + (r.workers > 1 ? ' (' + r.workers + ' workers)' : '');
      },
      async between() {
        // every `every` steps (the training calls end there), in full when a few seconds have gone
        if (panel.step % every !== 0 || panel.step === checkedAt) return;
        checkedAt = panel.step;
        if (pace.due()) await check();
        else await lightCheck();
      },
      draw,
      async paused() {
        await check();
        draw();
      },
      wentBack(r) {
        s.loss = s.blowUps.back(s.loss, r.examples, r.steps);
        s.held = s.held.filter((p) => p[0] <= r.examples);
        s.line = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' windows seen: the model is back here, from before the blow-up.';
        draw();
      },
      // the series' text too: a kept model is brought back on it (the engine reads it again)
      record: () => Object.assign({ loss: s.loss, held: s.held, blowUps: s.blowUps.record() }, s.info.settings.series === 'own'
        ? { text: ownFields.text, textName: ownFields.textName, column: ownFields.column, dateColumn: ownFields.dateColumn, inputs: ownFields.inputs }
        : { text: texts[s.info.settings.series], inputs: s.info.inputs.join(',') }),
      trainLabel: () => (panel && panel.ready ? 'Resume' : 'Train'),
    }, description);
    $('forecast-best').addEventListener('click', async () => {
      const b = await panel.call('best', {});
      if (b.ok) await panel.open(b.model, 'the best held-out check (step ' + b.step + ')');
      else $('forecast-message').textContent = Forms.sentence(b.error);
    });
    const showOwn = () => { own.show(series() === 'own'); also.show(); };
    form().addEventListener('change', showOwn);
    showOwn();
    ForecastView.draggable($('forecast-series'), () => s.scale, (step) => forecastFrom(step));
    $('forecast-origin').addEventListener('input', (e) => forecastFrom(Number(e.target.value)));
    draw();
    return panel;
  }

  // The own table's columns: the one to forecast (guessed: the last that is not a date), the dates
  // (guessed: one named so; or row order) and extra inputs.
  function ownColumns() {
    const $ = (id) => document.getElementById(id);
    return {
      fill(names, was) {
        const dated = names.find((n) => /date|time|year|month|day|week/i.test(n)) || '';
        OwnTable.options($('forecast-column'), names, was && names.includes(was.column) ? was.column
          : names.filter((n) => n !== dated).pop());
        OwnTable.options($('forecast-date'), names, was && (!was.dateColumn || names.includes(was.dateColumn)) ? was.dateColumn || ''
          : dated, ['', 'none: row order']);
        OwnTable.boxes($('forecast-inputs'), names, ((was && was.inputs) || '').split(','));
      },
      chosen: () => ({ column: $('forecast-column').value, dateColumn: $('forecast-date').value,
        inputs: OwnTable.ticked($('forecast-inputs')).filter((n) => n !== $('forecast-column').value && n !== $('forecast-date').value)
          .join(',') }),
    };
  }

  // A built-in series' other columns a model may read beside it (Seattle's: temp_min, precipitation,
  // wind), offered as boxes under the settings while that series is chosen; changed() when one is
  // ticked or cleared (a new model is needed). The boxes have no names: the settings form leaves them out.
  function alsoRead(columns, series, changed) {
    const box = document.getElementById('forecast-also');
    const list = document.getElementById('forecast-also-inputs');
    let shown = null;
    list.addEventListener('change', changed);
    const api = {
      show() {
        const names = columns[series()] || [];
        box.hidden = names.length === 0;
        if (shown === series()) return;
        shown = series();
        OwnTable.boxes(list, names, []);
      },
      inputs: () => OwnTable.ticked(list).join(','),
      // ticks those of a kept model (comma-separated)
      check(inputs) {
        api.show();
        for (const c of list.querySelectorAll('input')) c.checked = inputs.split(',').includes(c.value);
      },
    };
    return api;
  }

  Panels.register('forecast', {
    title: 'Forecast',
    scripts: ['site-data.js', 'check-pace.js', 'own-table.js', 'forecast-view.js'],
    // the box of a person's own table (own-table.js is loaded by the time the markup is built), and
    // a built-in series' other columns
    get settingsExtra() {
      return OwnTable.markup('forecast', 'or paste it here, a header line first:&#10;date,sales&#10;2024-01-01,12&#10;2024-01-02,15',
        '<label>Forecast <select id="forecast-column"></select></label> <label>Dates <select id="forecast-date"></select></label>'
        + ' <span>Extra inputs: <span id="forecast-inputs"></span></span>') + '<div id="forecast-also" class="own-table" hidden><div class="own-columns">Also read, beside the'
        + ' forecast column:&nbsp;<span id="forecast-also-inputs"></span></div></div>';
    },
    intro: 'The network reads a window of the last L steps of a series and forecasts the next H: all at once (direct), or one'
      + ' step at a time, fed back its own forecast (recursive). It is scored against the seasonal naive forecast (the value one'
      + ' season back): a MASE below 1 beats it. The series are NOAA\'s yearly sunspots, Scripps\' weekly CO2 at Mauna Loa,'
      + ' NOAA\'s monthly El Nino sea temperatures (as packaged in statsmodels) and NOAA\'s daily Seattle weather (as packaged in'
      + ' vega-datasets), all public domain.',
    lossCaption: 'Training loss at each step (squared error on the scaled series; dark: its moving mean)',
    status: '<button type="button" id="forecast-best" hidden></button>',
    charts: '<figure><canvas id="forecast-held" width="440" height="220" aria-label="held-out MASE chart"></canvas>'
      + '<figcaption>Held-out MASE: the model\'s error over the seasonal naive\'s (dashed, 1)</figcaption></figure>',
    body: `<h2>The series and its forecasts</h2>
  <p class="explain">Shaded: the training part (the model learns from it, and the scaling and the season come from it alone), the
  held-out part (checks training: on a short series the model soon learns the training part by heart and its held-out MASE
  climbs again; then a button takes it back to its best check) and the test part (scored below). Grey: the model's forecast of each next
  step from the real past; blue: its forecasts of H steps at a time over the later parts, beside the seasonal naive's (dashed).
  Drag along the chart, or move the slider, to forecast from any step; at the very end, it forecasts the future.</p>
  <p id="forecast-about" class="status"></p>
  <figure class="series"><canvas id="forecast-series" width="900" height="300" aria-label="the series, its parts and the forecasts"></canvas>
  <figcaption><label>Forecast from <input type="range" id="forecast-origin" min="0" max="1" value="0"></label>
  <span id="forecast-origin-label"></span></figcaption></figure>
  <h2>How good the forecasts are</h2>
  <div id="forecast-metrics" aria-live="polite"></div>`,
    create,
  });
})();
