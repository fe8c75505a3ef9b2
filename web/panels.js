'use strict';
// The page's training panels. The engine lists them (describe: docs/protocol.md), each with its
// script; the page loads that script, which registers the panel's module under the panel's name:
//   title          the tab's label
//   scripts        further scripts of the panel's own, loaded before it is made (its views)
//   budget         true: Train has a time budget beside it ("for 3 minutes")
//   intro, settingsExtra, status, lossCaption, charts, body: its own markup (see panel-markup.js)
//   create(app, description)  makes the panel (with TrainingPanel.create) once its markup is on the
//                  page; returns the panel (TrainingPanel's object)
//   race           (optional) how the panel's task is raced (see race.js)
// See docs/adding-a-panel.md.
const Panels = (() => {
  const modules = new Map();
  const loaded = new Map();

  // Loads a script of the site once (a classic script: it works opened from disk too).
  function load(src) {
    if (!loaded.has(src)) {
      loaded.set(src, new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = src;
        s.onload = resolve;
        s.onerror = () => reject(new Error('could not load ' + src));
        document.head.appendChild(s);
      }));
    }
    return loaded.get(src);
  }

  // The module of a panel the engine describes, its script and its own scripts loaded.
  async function module(description) {
    await load(description.script);
    const m = modules.get(description.name);
    if (!m) throw new Error(description.script + ' registered no panel named ' + description.name);
    for (const src of m.scripts || []) await load(src);
    return m;
  }

  return {
    register(name, m) {
      modules.set(name, m);
    },
    module,
  };
})();
