'use strict';
// The page: tabs, the engine, and one panel per task. Each panel's settings form is built from the
// engine's description of its settings; then the models kept from the last visit come back.
(() => {
  const $ = (id) => document.getElementById(id);
  let engine = null;
  // Each call into the engine aims at this many milliseconds: short enough that Pause answers at
  // once, long enough that the calls' overhead stays small. On the page itself (opened from disk),
  // calls are shorter, as they share the thread with the page.
  let sliceMs = 30;
  // Training calls in a worker are longer: the page's thread stays free however long they are, and a
  // fifth of a second is still at once for Pause, while the calls' overhead (messages, replies, the
  // loop between calls) falls to about 2% (W-LM's settings on one worker: 0.90 of the engine's speed
  // at 100 ms, 0.93 at 200 ms).
  let trainMs = 200;
  const app = {
    // a call that fails outright (a worker lost in the middle of it) is a failed reply, never a
    // promise that rejects and leaves a panel's loop waiting
    call: (request) => (engine ? engine.call(request).catch((e) => {
      console.error('tearnn: ' + request.cmd + ' failed: ' + (e && e.message));
      return { ok: false, error: 'the engine could not answer (' + (e && e.message) + '); try again' };
    }) : Promise.resolve({ ok: false, error: 'The engine is still loading; try again in a moment.' })),
    persist: (op, ...args) => engine.persist(op, ...args),
    sliceMs: () => sliceMs,
    trainMs: () => trainMs,
  };

  const tabs = [...document.querySelectorAll('[role="tab"]')];
  function select(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
  }
  for (const t of tabs) {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const other = tabs[(tabs.indexOf(t) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      select(other);
      other.focus();
    });
  }

  async function start(e) {
    engine = e;
    self.tearnnEngine = e; // for tests and the console: e.size, e.kill(i) ...
    if (e.onPage) sliceMs = trainMs = 12;
    document.body.dataset.engine = e.build;
    const d = await app.call({ cmd: 'settings' });
    if (!d.ok) throw new Error(d.error);
    for (const [name, panel] of Object.entries(d.panels)) Forms.build($(name + '-fields'), panel.settings);
    const panels = [AdderPanel.create(app, d.panels.adder), WordPanel.create(app, d.panels.word, d.limits, d.generate)];
    $('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
    if (e.resize) workersSetting(e);
    for (const [name, p] of [['adder', panels[0]], ['word', panels[1]]]) {
      const mine = await Tabs.claim(name, (panel) => e.persist('list', panel));
      await p.restore(mine.key, mine.heldElsewhere);
    }
    document.body.dataset.restored = 'true';
    if (e.onPage) {
      $('race-message').textContent = 'The race needs workers, which a page opened from disk cannot start: serve the folder'
        + ' (see the README) and open it over http.';
      $('race-start').disabled = true;
    } else {
      Race.create(e.build, $, async (task, model, name) => {
        select($('tab-' + task));
        await panels[task === 'adder' ? 0 : 1].open(model, name);
      });
    }
  }

  // The Workers setting: auto (one per core) or a number; the engine status says how many run.
  function workersSetting(e) {
    const w = Engine.wantedWorkers();
    const select = $('workers');
    const options = [['auto', 'auto (' + w.cores + ')']];
    for (let i = 1; i <= Math.max(w.cores, w.auto ? 1 : w.n); i++) options.push([String(i), String(i)]);
    select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    select.value = w.auto ? 'auto' : String(w.n);
    $('workers-setting').hidden = false;
    e.onChange((n, note) => {
      $('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
      $('workers-note').textContent = note;
      document.body.dataset.workers = String(n);
    });
    document.body.dataset.workers = String(e.size);
    select.addEventListener('change', () => Engine.chooseWorkers(e, select.value));
  }

  for (const c of document.querySelectorAll('.charts canvas')) Charts.draw(c, [], { empty: 'No data yet: press Train.' });
  Engine.connect().then(start).catch((err) => {
    $('engine-status').textContent = 'The engine could not start: ' + err.message;
  });
})();
