'use strict';
// Keeps one panel's model in this browser (through Store, beside the engine) and says how that went
// beside "Kept in this browser". A big model takes long to write, so it is kept less often (at most
// 2% of the time); a failed save says why and offers Download, and is tried again later and later
// (10 s, 20 s, ... 5 min after the first failure since a save went through; with no storage at all,
// every 5 min). One save at a time: asked for while one is under way, it runs once more after it.
const Keeper = (() => {
  // How often an idle panel checks that its model is still kept (the site's data may be cleared under it).
  const CHECK_MS = 10000;

  // app: {persist(op, ...args)}; status: the element for the outcome; record(): what to keep with
  // the model (its settings and what the panel keeps besides), or null for nothing yet; step(): the
  // step the panel's model is at; kept(step): the model of that step is kept (the engine says which:
  // keeping finishes a step whose update was under way).
  function create(app, panelName, status, record, step, kept) {
    // every: ms between saves while training; retry: the wait after the last failure (0: none failed since the last save)
    // kept: the step of the model kept (null: none known)
    const k = { key: null, savedAt: 0, every: 5000, retry: 0, saving: null, again: false, kept: null };

    async function save() {
      if (k.saving) {
        k.again = true;
        return k.saving;
      }
      k.saving = keep().finally(() => { k.saving = null; });
      await k.saving;
      if (k.again) {
        k.again = false;
        await save();
      }
    }

    async function keep() {
      const what = record();
      if (!what || !k.key) return;
      const t0 = performance.now();
      const r = await app.persist('keep', k.key, panelName, what);
      k.savedAt = performance.now();
      status.dataset.attempts = String(Number(status.dataset.attempts || 0) + 1);
      if (r.ok) {
        k.holding = false;
        k.kept = r.steps >= 0 ? r.steps : step();
        kept(k.kept);
        k.every = Math.max(5000, 50 * (performance.now() - t0));
        k.retry = 0;
        status.className = 'status';
        // the engine keeps the model after any training call sent before: the step the page knows
        // once the save answers
        status.textContent = 'Kept in this browser at ' + new Date().toLocaleTimeString('en-GB') + ' (step ' + k.kept + ')'
          + (r.withoutState ? ', without the optimizer\'s running state, which did not fit: after a reload, training goes on'
            + ' with a fresh optimizer' : '') + '.';
      } else {
        k.retry = r.unavailable ? 300000 : Math.min(300000, k.retry ? 2 * k.retry : 10000);
        k.every = k.retry;
        status.className = 'message';
        status.textContent = 'Not kept in this browser: ' + r.error + '. Download the model to keep it (the page tries again in '
          + Math.round(k.retry / 1000) + ' s).';
      }
    }

    // What the status says must stay true while the panel is idle: if the record is gone (the site's
    // data cleared), the model is kept again.
    async function check() {
      if (!k.key || k.saving || k.kept === null || !record()) return;
      const kept = await app.persist('list', panelName);
      if (kept.some((x) => x.key === k.key) || k.saving) return;
      status.className = 'message';
      status.textContent = 'The model kept in this browser is gone (the site\'s data was cleared): keeping it again…';
      await save();
    }
    setInterval(check, CHECK_MS);

    // A model opened over the kept one is not kept until the person trains it or keeps it: the status
    // says so, with a button that keeps it now.
    function hold(name) {
      k.holding = true;
      status.className = 'status';
      status.replaceChildren(name + ' is not kept in this browser yet' + (k.kept !== null ? ': the model kept is still the one'
        + ' of step ' + k.kept : '') + '. Training keeps it; or ');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Keep it now';
      b.addEventListener('click', () => save());
      status.append(b, '.');
    }

    return {
      save,
      hold,
      // whether a model opened over the kept one waits to be kept (hold)
      holding: () => !!k.holding,
      // the model kept under this tab's key came back: it is the one of this step
      restored(step) {
        k.kept = step;
        kept(step);
      },
      // whether a save is due while training
      due: () => performance.now() - k.savedAt > k.every,
      // this tab's storage key for the panel (see tabs.js)
      set key(key) { k.key = key; },
    };
  }

  return { create };
})();
