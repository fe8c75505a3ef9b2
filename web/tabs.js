'use strict';
// Each tab keeps its own models. A tab's model of a panel lives under a key of its own
// ('adder/<random>'), remembered across reloads of that tab (sessionStorage), and held with a Web
// Lock while the tab is open, so no two tabs ever write the same key. A new tab takes up the newest
// kept model that no open tab holds; if every kept one is held, it starts its own and says so.
const Tabs = (() => {
  const remembered = (panel) => {
    try {
      return sessionStorage.getItem('tearnn.' + panel);
    } catch (e) {
      return null;
    }
  };
  const remember = (panel, key) => {
    try {
      sessionStorage.setItem('tearnn.' + panel, key);
    } catch (e) {
      // no session storage (a page opened from disk): the key lasts as long as the page
    }
  };

  // Takes the lock of a key and holds it until the tab closes. With a wait (ms), waits that long
  // for it (a reloaded tab's lock may not be free yet); without, takes it only if free. Resolves to
  // whether it is held. Without Web Locks, every key counts as free.
  function lock(key, wait) {
    if (!navigator.locks) return Promise.resolve(true);
    return new Promise((resolve) => {
      const options = wait ? { signal: AbortSignal.timeout(wait) } : { ifAvailable: true };
      navigator.locks.request('tearnn:' + key, options, (held) => {
        if (!held) {
          resolve(false);
          return null;
        }
        resolve(true);
        return new Promise(() => {});
      }).catch(() => resolve(false));
    });
  }

  // The key this tab keeps the panel's model under: {key, heldElsewhere: kept models other tabs hold}.
  // list(panel) resolves to the kept keys of the panel, newest first.
  async function claim(panel, list) {
    const mine = remembered(panel);
    if (mine && await lock(mine, 2000)) return { key: mine, heldElsewhere: 0 };
    let busy = 0;
    for (const kept of await list(panel)) {
      if (await lock(kept.key)) {
        remember(panel, kept.key);
        return { key: kept.key, heldElsewhere: busy };
      }
      busy++;
    }
    const key = panel + '/' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    await lock(key);
    remember(panel, key);
    return { key, heldElsewhere: busy };
  }

  return { claim };
})();
