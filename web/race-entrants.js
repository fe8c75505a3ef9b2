'use strict';
// What races, from the engine's description of the panels: the contenders (every cell the engine
// offers, and two initializations the seeds name where it offers them: a chrono LSTM and the IRNN,
// off at first), and each task's race with its fields complete (a field named by one of the panel's
// settings takes that setting's label, default, limits and choices where it does not say its own, so
// they are written once).
const RaceEntrants = (() => {
  const VARIANTS = [
    { id: 'lstm_chrono', label: 'LSTM (chrono init)', settings: { cell: 'lstm', init: 'chrono' } },
    { id: 'irnn', label: 'IRNN (relu, identity init)', settings: { cell: 'rnn_relu', init: 'identity' } },
  ];

  // [{id, label, settings (sent with the racer's new model), variant}]
  function contenders(settings) {
    const cells = settings.find((s) => s.name === 'cell').choices.map((c) => ({ id: c.id, label: c.label, settings: { cell: c.id } }));
    const init = settings.find((s) => s.name === 'init');
    const inits = init ? init.choices.map((c) => c.id) : [];
    return cells.concat(VARIANTS.filter((v) => inits.includes(v.settings.init)).map((v) => Object.assign({ variant: true }, v)));
  }

  // A field {name, setting}: the panel's setting of that name fills in what the field does not say
  function field(f, description) {
    const s = f.setting ? description.settings.find((x) => x.name === f.setting) : null;
    if (!s) return f;
    return Object.assign({ label: s.label, value: s.default, min: s.min, max: s.max,
      choices: s.choices ? s.choices.map((c) => [c.id, c.label]) : undefined }, f);
  }

  // a panel module's race with its fields complete
  function race(description, r) {
    return Object.assign({}, r, { fields: r.fields.map((f) => field(f, description)) });
  }

  return { contenders, race };
})();
