'use strict';
// What every training panel does the same way: its markup (panel-markup.js) and settings form; train
// in slices (each training call into the engine aims at app.trainMs, other calls at app.sliceMs),
// pause and resume, one step, reset; change a setting that a model in training can take (the
// learning rate), or mark a change that needs a new model as pending, keeping the current model until
// the person trains the new one (and the replaced one downloadable); keep the model in the browser
// (keeper.js) and bring it back after a reload; download and open model files; train on a time
// budget (budget.js); stop and say why when training blows up (the engine goes back to a step from
// before it), or warn when it does not learn.
//
// A panel brings only what is its own, through its spec:
//   noun            what the model is called in messages ('adder', 'word model')
//   fileName        the name of a downloaded model file
//   newRequest()    extra fields of a new/load request (the corpus text); null refuses to start
//   preparing       what the progress line says while a new model is being made (may be absent)
//   messagePlaces   {field: element} where the errors of a field go instead of beside it
//   started(reply, how, extra)  a model is there: how is 'new', 'restored' (extra: the record kept
//                   with it) or 'opened' (extra: the file's name)
//   sliced(reply, losses)  after a training call that finished steps (reply.done); may stop the
//                   panel. losses: [[seen, loss], ...], the loss of each step the call finished (or
//                   of each run of steps: reply.stepLog), at what training had seen by then
//   seen            the reply's field that counts what training has seen ('examples', 'tokens')
//   partway(reply)  after one that finished none: a big model's step goes on (reply.stepPart: how far)
//   between()       after a slice, before drawing (the word model's validation, when due)
//   draw()          redraws the charts and the progress line; live(): updates the views that ask the
//                   engine (may be absent); while training, both at most every DRAW_MS
//   wentBack(reply) training blew up and the engine went back to reply.steps: cut the curves there
//   resumed()       Train or Step is about to train; paused(): training stopped (Pause, a budget's end)
//   record()        what is kept with the model besides its settings (curves, the corpus)
//   restoring(record)  before a kept model loads: put back what the record holds (the corpus)
//   trainLabel()    the Train button's label when not training
//   betweenLabel    what between() does, as the time line names it ('validation, samples and views')
//   trainMs()       how long a training call aims at (may be absent: app.trainMs())
//   stepsToGo()     the most steps the next training call may finish (may be absent: no limit), so
//                   that a call ends at a step where between() checks (the forecaster's every 50)
//
// Its state is published as data attributes of its section, for tests and scripts (the text a person
// reads is never parsed): data-state (none: no model yet; ready; training; pausing: Pause was pressed,
// the call under way has not landed), data-busy (what it does outside training: step, start, open,
// restore, measure, tune, download; empty when idle), data-step, data-loss (the last training call's mean
// loss), data-calls (training calls sent), data-models (models that came: new, restored or opened)
// and data-kept-step (the step of the model last kept).
const TrainingPanel = (() => {
  // The number of steps (or windows, or pairs) for the next call, from this call's count and time.
  function adapt(count, ms, sliceMs) {
    const next = Math.round(count * sliceMs / Math.max(ms, 1));
    return Math.max(1, Math.min(count * 4, next, 5000));
  }

  // app: {call(request), persist(op, ...args), sliceMs(), trainMs()}; described: the engine's
  // description of the panel (docs/protocol.md, describe): its name, settings, tunable, startFields.
  function create(app, spec, described) {
    const name = described.name;
    const tunable = described.tunable;
    const labels = Forms.labels(described.settings);
    const el = (part) => document.getElementById(name + '-' + part);
    const root = document.getElementById('panel-' + name);
    const form = el('settings');
    Forms.build(el('fields'), described.settings);
    const p = { running: false, ready: false, step: 0, warned: false, calls: 0, models: 0, busy: '', busyCount: 0 };
    Charts.draw(el('loss'), [], { empty: 'No data yet: press Train.' });
    function publish(fields) {
      const state = !p.ready ? 'none' : p.running ? 'training' : p.looping ? 'pausing' : 'ready';
      Object.assign(root.dataset, { state, busy: p.busy, step: String(p.step), calls: String(p.calls), models: String(p.models) },
        fields || {});
    }
    // Runs fn as what the panel is busy with (data-busy), outside training; busy until all such are done.
    async function busy(what, fn) {
      p.busy = what;
      p.busyCount++;
      publish();
      try {
        return await fn();
      } finally {
        if (--p.busyCount === 0) p.busy = '';
        publish();
      }
    }
    const budget = Budget.create(el('budget'), el('budget-left'), () => p.running);
    // gradient flow through time (flow-view.js), the same for every panel
    const flow = FlowView.create(el('flow-view'), name);
    const keeper = Keeper.create(app, name, el('saved'), () => (p.ready ? Object.assign({ settings: Forms.values(form) },
      spec.record(), { flow: flow.record() }, budget.record() ? { budget: budget.record() } : {}) : null),
    () => p.step, (step) => {
      // keeping finished a step whose update was under way: the model is at that step
      if (step > p.step && !p.running) p.step = step;
      root.dataset.keptStep = String(step);
      publish();
    });
    const save = keeper.save;
    const showError = (r) => Forms.showError(root, r, el('message'), spec.messagePlaces);
    const request = (cmd, fields) => Object.assign({ cmd: name + '.' + cmd }, fields);
    const files = ModelFiles.controls(el('save-as'), el('file-note'), spec.fileName,
      (fields, onProgress) => app.call(request('save', fields), onProgress));
    const pending = PendingChanges.create(form, described.settings, tunable, el, spec.noun, () => {
      if (!p.running) el('train').textContent = trainLabel();
    });
    function trainLabel() {
      // paused while a training call is still under way: the button comes back when it has landed
      if (p.looping && !p.running) return 'Pausing…';
      if (!p.ready) return 'Train';
      if (pending.any()) return 'Train new model';
      if (pending.asking()) return pending.asking();
      return spec.trainLabel ? spec.trainLabel() : 'Resume';
    }

    // A model is there (new, restored or opened), with these settings: the form shows them.
    function arrived(r) {
      Object.assign(p, { ready: true, step: r.steps, at: null, models: p.models + 1 });
      files.model(r.parameters);
      Forms.fill(form, r.settings);
      pending.model(r.settings);
      el('train').textContent = trainLabel();
      publish({ loss: '' });
    }

    // Starts a new model with the form's settings. The current one, if any, stays until the new one
    // is there (a refused setting or corpus leaves it as it was), and then can still be downloaded.
    async function replace() {
      const old = p.ready ? await files.held() : null;
      const step = p.step;
      if (!(await newModel())) return false;
      // kept at once: a reload right after brings back the new model, not the one it replaced
      save();
      if (old && old.ok) ModelFiles.offerReplaced(el('replaced'), spec.noun, step, spec.fileName, old);
      return true;
    }

    const training = TrainingLoop.create({ p, spec, app, el, flow, keeper, budget, publish, showError, trainLabel, busy,
      request });
    const { slice, stop, draw } = training;

    async function newModel() {
      Forms.clearErrors(root);
      el('message').textContent = '';
      const extra = spec.newRequest ? spec.newRequest() : {};
      if (extra === null) return false;
      const before = el('progress').textContent;
      if (spec.preparing) el('progress').textContent = spec.preparing;
      const r = await app.call(request('new', Object.assign({ settings: Forms.values(form) }, extra)));
      if (!r.ok) {
        showError(r);
        el('progress').textContent = p.ready ? before : 'Not started.';
        return false;
      }
      arrived(r);
      flow.reset();
      budget.reset();
      await spec.started(r, 'new');
      return true;
    }

    // Brings back the model this tab keeps under key (see tabs.js); heldElsewhere: how many kept
    // models of this panel other open tabs hold.
    const restore = (key, heldElsewhere) => busy('restore', async () => {
      keeper.key = key;
      if (heldElsewhere) {
        el('saved').textContent = 'Another open tab of this page has your ' + (heldElsewhere > 1 ? 'other ' + spec.noun + 's'
          : 'last ' + spec.noun) + '; this tab keeps its own.';
      }
      const r = await app.persist('bringBack', key, request('load', {}), described.startFields);
      if (!r.found && r.error) {
        // after a reload, nothing came back: say why, where the model's keeping is said
        el('saved').className = 'message';
        el('saved').textContent = 'Nothing can be kept in this browser: ' + r.error + '. Download a model to keep it.';
      }
      if (!r.found) return false;
      if (spec.restoring) spec.restoring(r.record);
      if (!r.ok) {
        el('message').textContent = 'Your saved ' + spec.noun + ' could not be restored: ' + r.error;
        return false;
      }
      arrived(r);
      keeper.restored(r.steps);
      flow.restore((r.record || {}).flow);
      budget.restore((r.record || {}).budget);
      await spec.started(r, 'restored', r.record);
      return true;
    });

    const tune = (input) => busy('tune', async () => {
      Forms.clearErrors(root);
      const r = await app.call(request('tune', { settings: { [input.name]: input.value } }));
      if (!r.ok) {
        showError(r);
        return;
      }
      el('message').textContent = '';
      pending.took(input.name, input.value);
      const now = { lr: r.lr, clip: r.clip };
      Forms.note(input, 'Applied: ' + tunable.map((n) => labels[n].toLowerCase() + ' ' + now[n]).join(', ') + '.', 'status');
      if (!p.running) await save();
    });

    el('train').addEventListener('click', async () => {
      if (p.running) {
        stop();
        // measured once the call under way has landed and the model is kept (keeping finishes its step)
        if (spec.paused) await busy('measure', () => training.ended().then(spec.paused));
        return;
      }
      if ((!p.ready || pending.any()) && !(await busy('start', replace))) return;
      pending.agree();
      training.start();
    });
    el('step').addEventListener('click', () => {
      if (p.running) return;
      busy('step', async () => {
        if ((!p.ready || pending.any()) && !(await replace())) return;
        pending.agree();
        if (spec.resumed) spec.resumed();
        // one step: as many calls as it takes
        const at = p.step;
        while (p.step === at) {
          if (!(await slice(1))) return;
        }
        if (spec.paused) await spec.paused();
        draw();
        if (spec.live) await spec.live();
        await save();
      });
    });
    el('reset').addEventListener('click', async () => {
      stop();
      await busy('start', replace);
    });
    form.addEventListener('change', async (e) => {
      const t = e.target;
      // the corpus controls (radio buttons, the text box, the file chooser) are a panel's own
      if (!t.name || t.type === 'file' || t.type === 'radio' || t.tagName === 'TEXTAREA') return;
      if (p.ready && tunable.includes(t.name)) await tune(t);
      else pending.refresh();
    });
    el('save').addEventListener('click', () => {
      if (!p.ready) {
        el('message').textContent = 'Nothing to download yet: train a model first.';
        return;
      }
      busy('download', async () => {
        const r = await files.download();
        if (!r.ok) el('message').textContent = Forms.sentence(r.error);
      });
    });
    el('open').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      e.target.value = '';
      if (!file) return;
      await open(await ModelFiles.read(file), file.name);
    });

    // Opens a model file (from a file, or a racer's model), named `name` in messages: its JSON text,
    // or a .safetensors file's bytes (an ArrayBuffer). The model it replaces can still be downloaded,
    // and stays the one kept in this browser until the person trains the new one or keeps it.
    // again: the same file once more, with the form's corpus (the one opened has not trained).
    const open = (content, fileName, again) => busy('open', async () => {
      stop();
      const extra = spec.newRequest ? spec.newRequest() : {};
      if (extra === null) return false;
      const old = p.ready && !again ? await files.held() : null;
      const step = p.step;
      const file = typeof content === 'string' ? { model: content } : { bytes: new Int8Array(content) };
      const r = await app.call(request('load', Object.assign(file, { settings: Forms.values(form) }, extra)));
      if (!r.ok) {
        el('message').textContent = fileName + ': ' + Forms.sentence(r.error);
        return false;
      }
      el('message').textContent = '';
      arrived(r);
      flow.reset();
      await spec.started(r, 'opened', fileName, content);
      if (again) {
        if (!keeper.holding()) await save();
      } else if (old && old.ok) {
        ModelFiles.offerReplaced(el('replaced'), spec.noun, step, spec.fileName, old);
        keeper.hold(fileName.charAt(0).toUpperCase() + fileName.slice(1));
      } else {
        // nothing was there to lose: kept at once, so a reload brings it back
        await save();
      }
      return true;
    });

    publish();
    return {
      get ready() { return p.ready; },
      get running() { return p.running; },
      get step() { return p.step; },
      publish, stop, restore, slice, save, open,
      // a change that needs a new model, other than a setting (the corpus)
      changed: (key, words) => pending.add(key, words),
      // a question the model asks before it trains (see pending.js): Train, labelled `label`, answers it
      ask: (words, label) => { pending.ask(words, label); el('train').textContent = trainLabel(); },
      unchanged: (key) => pending.remove(key),
      call: (cmd, fields) => app.call(request(cmd, fields)),
      adapt: (count, ms) => adapt(count, ms, app.sliceMs()),
    };
  }

  return { create };
})();
