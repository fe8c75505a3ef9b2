'use strict';
// Keeps each panel's model, settings and charts in the browser (IndexedDB), so a reload resumes
// where the person left off. Falls back to doing nothing where IndexedDB is unavailable.
const Store = (() => {
  let db = null;

  function open() {
    if (db) return Promise.resolve(db);
    return new Promise((resolve) => {
      let req;
      try {
        req = indexedDB.open('tearnn', 1);
      } catch (e) {
        resolve(null);
        return;
      }
      req.onupgradeneeded = () => req.result.createObjectStore('panels');
      req.onsuccess = () => { db = req.result; resolve(db); };
      req.onerror = () => resolve(null);
    });
  }

  async function put(key, value) {
    const d = await open();
    if (!d) return false;
    return new Promise((resolve) => {
      const tx = d.transaction('panels', 'readwrite');
      tx.objectStore('panels').put(value, key);
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => resolve(false);
      tx.onabort = () => resolve(false);
    });
  }

  async function get(key) {
    const d = await open();
    if (!d) return null;
    return new Promise((resolve) => {
      const req = d.transaction('panels', 'readonly').objectStore('panels').get(key);
      req.onsuccess = () => resolve(req.result || null);
      req.onerror = () => resolve(null);
    });
  }

  // The two calls below run where the engine runs (its worker, or the page opened from disk), so a
  // big model never crosses to the page's thread. run(request) -> reply is the engine.

  // Runs the engine's save command and keeps {...extra, model} under key.
  async function saveModel(run, key, command, extra) {
    const r = run({ cmd: command });
    if (!r.ok) return r;
    const kept = await put(key, Object.assign({}, extra, { model: r.model }));
    return kept ? { ok: true, chars: r.model.length } : { ok: false, error: 'the browser did not keep the model' };
  }

  // Loads the model kept under key into the engine with its load command, passing along the named
  // fields of the record (such as the corpus text); replies with the engine's answer and the record
  // without its model, or {ok: true, found: false}.
  async function restoreModel(run, key, command, fields) {
    const record = await get(key);
    if (!record || typeof record.model !== 'string') return { ok: true, found: false };
    const request = { cmd: command, model: record.model };
    for (const f of fields) if (record[f] !== undefined) request[f] = record[f];
    const r = run(request);
    delete record.model;
    return Object.assign(r, { found: true, record });
  }

  return { put, get, saveModel, restoreModel };
})();
