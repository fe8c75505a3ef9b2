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
  const app = {
    call: (request) => engine ? engine.call(request)
      : Promise.resolve({ ok: false, error: 'The engine is still loading; try again in a moment.' }),
    persist: (op, ...args) => engine.persist(op, ...args),
    sliceMs: () => sliceMs,
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
    if (e.onPage) sliceMs = 12;
    document.body.dataset.engine = e.build;
    const d = await app.call({ cmd: 'settings' });
    if (!d.ok) throw new Error(d.error);
    for (const [name, panel] of Object.entries(d.panels)) Forms.build($(name + '-fields'), panel.settings);
    const panels = [AdderPanel.create(app, d.panels.adder), WordPanel.create(app, d.panels.word, d.limits, d.generate)];
    $('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
    for (const [name, p] of [['adder', panels[0]], ['word', panels[1]]]) {
      const mine = await Tabs.claim(name, (panel) => e.persist('list', panel));
      await p.restore(mine.key, mine.heldElsewhere);
    }
    document.body.dataset.restored = 'true';
  }

  for (const c of document.querySelectorAll('.charts canvas')) Charts.draw(c, [], { empty: 'No data yet: press Train.' });
  Engine.connect().then(start).catch((err) => {
    $('engine-status').textContent = 'The engine could not start: ' + err.message;
  });
})();
