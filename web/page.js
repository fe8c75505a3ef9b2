'use strict';
// The page: the engine, then one tab per panel the engine describes (its script adds what is its own,
// see panels.js), and the race; then the models kept from the last visit come back.
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
    call: (request, onProgress) => (engine ? engine.call(request, onProgress).catch((e) => {
      console.error('tearnn: ' + request.cmd + ' failed: ' + (e && e.message));
      return { ok: false, error: 'the engine could not answer (' + (e && e.message) + '); try again' };
    }) : Promise.resolve({ ok: false, error: 'The engine is still loading; try again in a moment.' })),
    persist: (op, ...args) => engine.persist(op, ...args),
    sliceMs: () => sliceMs,
    trainMs: () => trainMs,
  };

  // the tab's name ('adder', 'race') from its button
  const nameOf = (tab) => tab.id.slice('tab-'.length);
  // the settings form of a tab (its panel's, or the race's)
  const formOf = (name) => $(name + '-settings');
  let following = false;

  function select(tab) {
    for (const t of document.querySelectorAll('[role="tab"]')) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (following) Link.follow(nameOf(tab), formOf(nameOf(tab)));
  }

  // Adds a tab and its section; the first tab added is the one shown.
  function addTab(tab, section) {
    const tabs = $('tabs');
    const first = !tabs.children.length;
    tabs.appendChild(tab);
    $('panels').appendChild(section);
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const all = [...tabs.children];
      const other = all[(all.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
      select(other);
      other.focus();
    });
    if (first) select(tab);
    else tab.tabIndex = -1;
  }

  async function start(e) {
    engine = e;
    self.tearnnEngine = e; // for tests and the console: e.size, e.kill(i) ...
    if (e.onPage) sliceMs = trainMs = 12;
    document.body.dataset.engine = e.build;
    const d = await app.call({ cmd: 'describe' });
    if (!d.ok) throw new Error(d.error);
    if (e.describe) e.describe(d.panels);
    const modules = [];
    for (const description of d.panels) modules.push(await Panels.module(description));
    const panels = {};
    d.panels.forEach((description, i) => {
      const { tab, section } = PanelMarkup.build(description.name, modules[i]);
      addTab(tab, section);
      panels[description.name] = modules[i].create(app, description);
    });
    const racing = d.panels.map((description, i) => [description, modules[i]]).filter(([, m]) => m.race);
    const race = racing.length ? Race.build(racing) : null;
    if (race) addTab(race.tab, race.section);
    $('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
    if (e.resize) workersSetting(e);
    for (const [name, p] of Object.entries(panels)) {
      const mine = await Tabs.claim(name, (panel) => e.persist('list', panel));
      await p.restore(mine.key, mine.heldElsewhere);
    }
    if (!race) {
      // no panel races
    } else if (e.onPage) {
      race.refuse('The race needs workers, which a page opened from disk cannot start: serve the folder'
        + ' (see the README) and open it over http.');
    } else {
      race.start(e.build, async (task, model, name) => {
        select($('tab-' + task));
        await panels[task].open(model, name);
      });
    }
    // a link's tab and settings, once the kept models are back (a setting that needs a new model is then pending)
    const tabs = {};
    for (const description of d.panels) tabs[description.name] = { form: formOf(description.name), settings: description.settings };
    if (race) tabs.race = { form: formOf('race') };
    const linked = location.hash.length > 1;
    $('link-note').textContent = Link.take(tabs, (name) => select($('tab-' + name)));
    following = true;
    const shown = document.querySelector('[role="tab"][aria-selected="true"]');
    if (linked && shown) Link.follow(nameOf(shown), formOf(nameOf(shown)));
    for (const name of Object.keys(tabs)) {
      const follow = () => {
        if (!$('panel-' + name).hidden) Link.follow(name, formOf(name));
      };
      formOf(name).addEventListener('change', follow);
      formOf(name).addEventListener('input', follow);
    }
    document.body.dataset.restored = 'true';
  }

  // The Workers setting: auto (one per core) or a number; the engine status says how many run.
  function workersSetting(e) {
    const w = Engine.wantedWorkers();
    const choice = $('workers');
    const options = [['auto', 'auto (' + w.cores + ')']];
    for (let i = 1; i <= Math.max(w.cores, w.auto ? 1 : w.n); i++) options.push([String(i), String(i)]);
    choice.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    choice.value = w.auto ? 'auto' : String(w.n);
    $('workers-setting').hidden = false;
    e.onChange((n, note) => {
      $('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
      $('workers-note').textContent = note;
      document.body.dataset.workers = String(n);
    });
    document.body.dataset.workers = String(e.size);
    choice.addEventListener('change', () => Engine.chooseWorkers(e, choice.value));
  }

  Engine.connect().then(start).catch((err) => {
    $('engine-status').textContent = 'The engine could not start: ' + err.message;
  });
})();
