'use strict';
// What every training panel does the same way: train in slices (each training call into the engine
// aims at app.trainMs, other calls at app.sliceMs), pause and resume, one step, reset; change a setting that a model in training can
// take (the learning rate), or mark a change that needs a new model as pending, keeping the current
// model until the person trains the new one (and the replaced one downloadable); keep the model in
// the browser (keeper.js) and bring it back after a reload; download and open model files; stop and say why
// when training blows up (the engine goes back to a step from before it), or warn when it does not
// learn.
//
// A panel brings only what is its own, through its spec:
//   name            the engine's command prefix ('adder' -> adder.new, adder.train, ...), the prefix
//                   of its element ids (adder-train, adder-progress, ...) and its storage key
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
//   resumed()       Train or Step is about to train; paused(): Pause was pressed
//   record()        what is kept with the model besides its settings (curves, the corpus)
//   restoring(record)  before a kept model loads: put back what the record holds (the corpus)
//   trainLabel()    the Train button's label when not training
//   betweenLabel    what between() does, as the time line names it ('validation, samples and views')
//   trainMs()       how long a training call aims at (may be absent: app.trainMs())
// A panel whose page has a {name}-budget select ("for 3 minutes") trains on a time budget: see budget below.
const TrainingPanel = (() => {
  // While training, the charts and the progress line are redrawn at most this often (ms), not after
  // every call: each frame the browser draws takes a core for about 10 ms (style, paint, compositing),
  // and on 2 workers a step waits for the worker that lost it. With W-LM's settings on 2 workers,
  // a frame every call (250 ms) trained about 3% slower than one every 500 ms.
  const DRAW_MS = 500;
  // The number of steps (or windows, or pairs) for the next call, from this call's count and time.
  function adapt(count, ms, sliceMs) {
    const next = Math.round(count * sliceMs / Math.max(ms, 1));
    return Math.max(1, Math.min(count * 4, next, 5000));
  }

  // content: a model file's JSON text, or a .safetensors file's bytes
  function download(name, content) {
    const type = typeof content === 'string' ? 'application/json' : 'application/octet-stream';
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // app: {call(request), persist(op, ...args), sliceMs(), trainMs()}; described: the engine's description of
  // the panel's settings ({settings, tunable}: those a model in training takes).
  function create(app, spec, described) {
    const tunable = described.tunable;
    const labels = Forms.labels(described.settings);
    const el = (part) => document.getElementById(spec.name + '-' + part);
    const root = document.getElementById('panel-' + spec.name);
    const form = el('settings');
    const p = { running: false, ready: false, step: 0, warned: false, calls: 0 };
    // The panel's state as data attributes of its section, for tests and scripts (the text a person
    // reads is not parsed): data-state (none, ready, training or pausing), data-step, data-loss (the
    // last training call's mean loss), data-calls (training calls sent), data-kept-step (the step of
    // the model last kept in this browser; set by the keeper).
    function publish(fields) {
      const state = !p.ready ? 'none' : p.running ? 'training' : p.looping ? 'pausing' : 'ready';
      Object.assign(root.dataset, { state, step: String(p.step), calls: String(p.calls) }, fields || {});
    }
    // gradient flow through time (flow-view.js), the same for every panel
    const flow = FlowView.create(el('flow-view'), spec.name);
    const keeper = Keeper.create(app, spec.name, el('saved'),
      () => (p.ready ? Object.assign({ settings: Forms.values(form) }, spec.record(), { flow: flow.record() },
        budget.seconds > 0 ? { budget: { seconds: budget.seconds, spent: spent() } } : {}) : null),
      () => p.step, (step) => { root.dataset.keptStep = String(step); });
    const save = keeper.save;

    // A time budget ("for 3 minutes", where the panel has a budget select): the time spent training
    // counts, pauses do not; each call tells the engine the share spent (its learning rate warms up,
    // then decays to 0 as the time runs out: optim.TimeBudget), and when it is spent training stops.
    const budget = { seconds: 0, spent: 0, since: 0 };
    const budgetSelect = el('budget');
    const spent = () => budget.spent + (p.running && budget.since ? (performance.now() - budget.since) / 1000 : 0);
    const budgetShare = () => (budget.seconds > 0 ? spent() / budget.seconds : null);
    function startBudget() {
      const seconds = budgetSelect ? Number(budgetSelect.value) : 0;
      // a new budget when none is under way, another length was chosen, or the last one is spent
      if (seconds !== budget.seconds || budget.spent >= seconds) Object.assign(budget, { seconds, spent: 0 });
      budget.since = performance.now();
    }
    function pauseBudget() {
      if (budget.since) budget.spent += (performance.now() - budget.since) / 1000;
      budget.since = 0;
    }
    function showBudget() {
      if (!budgetSelect || p.budgetDone) return;
      const left = budget.seconds > 0 ? Math.max(0, budget.seconds - spent()) : 0;
      const text = budget.seconds > 0 && budget.spent + (budget.since ? 1 : 0) > 0 && left > 0
        ? Math.floor(left / 60) + ':' + String(Math.floor(left % 60)).padStart(2, '0') + ' left' : '';
      // written only when it changes: every write makes the browser draw a frame (see DRAW_MS)
      if (el('budget-left').textContent !== text) el('budget-left').textContent = text;
    }
    function showBudgetDone() {
      const s = budget.seconds;
      const time = s % 60 === 0 ? (s === 60 ? '1 minute' : s / 60 + ' minutes') : s + ' seconds';
      el('budget-left').textContent = 'Trained for ' + time + ': the learning rate ran down to 0 at the end. Train again for another '
        + time + '.';
      p.budgetDone = true;
    }
    // The budget kept with a model (see keeper): the page reloaded mid-budget goes on where it was.
    function restoreBudget(kept) {
      if (!budgetSelect || !kept || !(kept.seconds > 0) || !(kept.spent >= 0)
        || ![...budgetSelect.options].some((o) => Number(o.value) === kept.seconds)) return;
      budgetSelect.value = String(kept.seconds);
      Object.assign(budget, { seconds: kept.seconds, spent: Math.min(kept.spent, kept.seconds), since: 0 });
      p.budgetDone = false;
      if (budget.spent >= budget.seconds) showBudgetDone();
      else showBudget();
    }
    if (budgetSelect) {
      budgetSelect.addEventListener('change', () => {
        // another length: a budget of its own from now
        Object.assign(budget, { seconds: Number(budgetSelect.value), spent: 0, since: p.running ? performance.now() : 0 });
        p.budgetDone = false;
        el('budget-left').textContent = '';
        showBudget();
      });
    }
    const showError = (r) => Forms.showError(root, r, el('message'), spec.messagePlaces);
    const request = (cmd, fields) => Object.assign({ cmd: spec.name + '.' + cmd }, fields);
    const pending = PendingChanges.create(form, described.settings, tunable, el, spec.noun, () => {
      if (!p.running) el('train').textContent = trainLabel();
    });
    function trainLabel() {
      // paused while a training call is still under way: the button comes back when it has landed
      if (p.looping && !p.running) return 'Pausing…';
      if (!p.ready) return 'Train';
      if (pending.any()) return 'Train new model';
      return spec.trainLabel ? spec.trainLabel() : 'Resume';
    }

    // A model is there (new, restored or opened), with these settings: the form shows them.
    function arrived(r) {
      Object.assign(p, { ready: true, step: r.steps, at: null });
      Forms.fill(form, r.settings);
      pending.model(r.settings);
      el('train').textContent = trainLabel();
      publish({ loss: '' });
    }

    // Starts a new model with the form's settings. The current one, if any, stays until the new one
    // is there (a refused setting or corpus leaves it as it was), and then can still be downloaded.
    async function replace() {
      const old = p.ready ? await app.call(request('save')) : null;
      const step = p.step;
      if (!(await newModel())) return false;
      // kept at once: a reload right after brings back the new model, not the one it replaced
      save();
      if (old && old.ok) {
        p.replaced = old.model;
        el('replaced').replaceChildren('The model you replaced (' + spec.noun + ', step ' + step + ') can still be downloaded: ');
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = 'Download it';
        b.addEventListener('click', () => download(spec.fileName.replace('.json', '-replaced.json'), p.replaced));
        el('replaced').appendChild(b);
        el('replaced').hidden = false;
      }
      return true;
    }

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
      // a new model starts a budget of its own
      Object.assign(budget, { spent: 0, since: p.running ? performance.now() : 0 });
      await spec.started(r, 'new');
      return true;
    }

    // The loss of each step a training reply finished (its step log; else the call's mean loss) as
    // [seen, loss] points: a step's `seen` follows from the steps and the count at the call before
    // (p.at) and at this one.
    function losses(r) {
      const seen = r[spec.seen];
      const perStep = p.at && r.steps > p.at[0] ? (seen - p.at[1]) / (r.steps - p.at[0]) : seen / Math.max(r.steps, 1);
      p.at = [r.steps, seen];
      const rows = r.stepLog ? r.stepLog.map((row) => [seen - (r.steps - row[0]) * perStep, row[1]]) : [[seen, r.loss]];
      return rows.filter((q) => Number.isFinite(q[1]));
    }

    // One call of training, about app.trainMs long (the engine cuts even a big model's step into
    // calls that short), finishing at most maxSteps steps.
    async function slice(maxSteps) {
      const ms = spec.trainMs ? spec.trainMs() : app.trainMs();
      const fields = maxSteps ? { ms, steps: maxSteps } : { ms };
      if (budgetShare() !== null) fields.budget = budgetShare();
      p.calls++;
      const r = await app.call(request('train', fields));
      if (!r.ok) {
        stop();
        showError(r);
        if (r.diverged) {
          p.step = r.steps;
          p.at = null;
          publish();
          flow.cut(r.steps);
          await spec.wentBack(r);
          await save();
        }
        return false;
      }
      p.step = r.steps;
      publish(r.done > 0 ? { loss: String(r.loss) } : {});
      if (r.done > 0) flow.add(r.flow, r.steps, r.stepLog);
      if (r.warning || p.warned) el('message').textContent = r.warning || '';
      p.warned = !!r.warning;
      if (r.done > 0) await spec.sliced(r, losses(r));
      else if (spec.partway) spec.partway(r);
      return true;
    }

    // Where the time of a run goes (since Train was pressed), shown in {name}-time where the page has it.
    const took = { training: 0, between: 0, drawing: 0, keeping: 0 };
    let shownAt = 0;
    function showTime() {
      const total = took.training + took.between + took.drawing + took.keeping;
      if (!el('time') || total < 2000 || performance.now() - shownAt < 2000) return;
      shownAt = performance.now();
      const pc = (x) => Math.round(100 * x / total) + '%';
      el('time').textContent = 'Where the time goes: training ' + pc(took.training) + ', '
        + (spec.betweenLabel || 'checks') + ' ' + pc(took.between) + ', drawing ' + pc(took.drawing) + ', keeping '
        + pc(took.keeping) + '.';
    }

    async function loop() {
      let lastDraw = 0;
      p.looping = true;
      Object.assign(took, { training: 0, between: 0, drawing: 0, keeping: 0 });
      while (p.running) {
        let t = performance.now();
        const trained = await slice(0);
        took.training += performance.now() - t;
        if (!trained) break;
        t = performance.now();
        if (p.running && spec.between) await spec.between();
        took.between += performance.now() - t;
        t = performance.now();
        if (performance.now() - lastDraw > DRAW_MS || !p.running) {
          spec.draw();
          flow.draw();
          if (spec.live) await spec.live();
          lastDraw = performance.now();
        }
        took.drawing += performance.now() - t;
        t = performance.now();
        if (p.running && keeper.due()) await save();
        took.keeping += performance.now() - t;
        showTime();
        showBudget();
        if (p.running && budgetShare() !== null && budgetShare() >= 1) {
          stop();
          showBudgetDone();
        }
      }
      p.looping = false;
      publish();
      // the last call's figures at once (the end of a budget comes after a call that drew none)
      spec.draw();
      flow.draw();
      el('train').disabled = false;
      el('train').textContent = trainLabel();
      // the end of a budget measures the model as Pause does: the person's final figures
      if (p.budgetDone && spec.paused) await spec.paused();
      // kept once the call under way at Pause is in: the model and its curves at the same step
      save();
    }

    function stop() {
      const was = p.running;
      if (was) pauseBudget();
      p.running = false;
      publish();
      el('train').textContent = trainLabel();
      el('train').disabled = p.looping;
      if (was && !p.looping) save();
    }

    // Brings back the model this tab keeps under key (see tabs.js); heldElsewhere: how many kept
    // models of this panel other open tabs hold.
    async function restore(key, heldElsewhere) {
      keeper.key = key;
      if (heldElsewhere) {
        el('saved').textContent = 'Another open tab of this page has your ' + (heldElsewhere > 1 ? 'other ' + spec.noun + 's'
          : 'last ' + spec.noun) + '; this tab keeps its own.';
      }
      const r = await app.persist('bringBack', key, request('load', {}), spec.restoreFields || []);
      if (!r.found) return false;
      if (spec.restoring) spec.restoring(r.record);
      if (!r.ok) {
        el('message').textContent = 'Your saved ' + spec.noun + ' could not be restored: ' + r.error;
        return false;
      }
      arrived(r);
      flow.restore((r.record || {}).flow);
      restoreBudget((r.record || {}).budget);
      await spec.started(r, 'restored', r.record);
      return true;
    }

    async function tune(input) {
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
    }

    el('train').addEventListener('click', async () => {
      if (p.running) {
        stop();
        if (spec.paused) await spec.paused();
        return;
      }
      if ((!p.ready || pending.any()) && !(await replace())) return;
      p.running = true;
      publish();
      startBudget();
      p.budgetDone = false;
      if (spec.resumed) spec.resumed();
      el('train').textContent = 'Pause';
      loop();
    });
    el('step').addEventListener('click', async () => {
      if (p.running) return;
      if ((!p.ready || pending.any()) && !(await replace())) return;
      if (spec.resumed) spec.resumed();
      // one step: as many calls as it takes
      const at = p.step;
      while (p.step === at) {
        if (!(await slice(1))) return;
      }
      if (spec.paused) await spec.paused();
      spec.draw();
      flow.draw();
      if (spec.live) await spec.live();
      await save();
    });
    el('reset').addEventListener('click', async () => {
      stop();
      await replace();
    });
    form.addEventListener('change', async (e) => {
      const t = e.target;
      // the corpus controls (radio buttons, the text box, the file chooser) are a panel's own
      if (!t.name || t.type === 'file' || t.type === 'radio' || t.tagName === 'TEXTAREA') return;
      if (p.ready && tunable.includes(t.name)) await tune(t);
      else pending.refresh();
    });
    el('save').addEventListener('click', async () => {
      if (!p.ready) {
        el('message').textContent = 'Nothing to download yet: train a model first.';
        return;
      }
      // as JSON, or as .safetensors (weights under PyTorch's names, half the size)
      const binary = el('save-as') && el('save-as').value === 'safetensors';
      const r = await app.call(request('save', binary ? { as: 'safetensors' } : {}));
      if (r.ok) download(binary ? spec.fileName.replace(/\.json$/, '.safetensors') : spec.fileName, binary ? r.bytes : r.model);
      else el('message').textContent = Forms.sentence(r.error);
    });
    el('open').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      e.target.value = '';
      if (!file) return;
      await open(/\.safetensors$/i.test(file.name) ? await file.arrayBuffer() : await file.text(), file.name);
    });

    // Opens a model file (from a file, or a racer's model), named `name` in messages: its JSON text,
    // or a .safetensors file's bytes (an ArrayBuffer).
    async function open(content, name) {
      stop();
      const extra = spec.newRequest ? spec.newRequest() : {};
      if (extra === null) return false;
      const file = typeof content === 'string' ? { model: content } : { bytes: new Int8Array(content) };
      const r = await app.call(request('load', Object.assign(file, { settings: Forms.values(form) }, extra)));
      if (!r.ok) {
        el('message').textContent = name + ': ' + Forms.sentence(r.error);
        return false;
      }
      el('message').textContent = '';
      arrived(r);
      flow.reset();
      await spec.started(r, 'opened', name);
      await save();
      return true;
    }

    publish();
    return {
      get ready() { return p.ready; },
      get running() { return p.running; },
      publish,
      stop, restore, slice, save, open,
      // a change that needs a new model, other than a setting (the corpus)
      changed: (key, words) => pending.add(key, words),
      unchanged: (key) => pending.remove(key),
      call: (cmd, fields) => app.call(request(cmd, fields)),
      adapt: (count, ms) => adapt(count, ms, app.sliceMs()),
    };
  }

  return { create };
})();
