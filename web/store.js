'use strict';
// Keeps models in the browser (IndexedDB), where the engine runs (its worker, or the page opened
// from disk), so a big model never crosses to the page's thread. A model is kept packed: its text
// (architecture, vocabulary, progress) and its weights and optimizer state as typed arrays, cut into
// chunks of at most 32 MB (Chromium refuses a value over about 133 MB), all written in one
// transaction, so a failed save leaves the last good one. Where the model and its optimizer's state
// do not fit, the weights alone are kept, and the reply says so; where nothing can be kept, it says
// why. Each record lives under its own key ('adder/…', one per tab: see tabs.js).
const Store = (() => {
  const CHUNK = 4 * 1024 * 1024; // doubles: 32 MB
  // ?storage=none: behave as a browser that keeps nothing for the page (to try the page that way)
  const none = new URLSearchParams(self.location.search).get('storage') === 'none';
  let db = null;

  function open() {
    if (db) return Promise.resolve(db);
    if (none || typeof indexedDB === 'undefined') {
      return Promise.reject(new Error('this browser keeps no data for this page (its storage is off)'));
    }
    return new Promise((resolve, reject) => {
      let req;
      try {
        req = indexedDB.open('tearnn', 2);
      } catch (e) {
        reject(new Error('this browser keeps no data for this page (' + (e.message || e) + ')'));
        return;
      }
      req.onupgradeneeded = () => {
        const d = req.result;
        for (const name of ['panels', 'models', 'chunks']) if (!d.objectStoreNames.contains(name)) d.createObjectStore(name);
      };
      req.onsuccess = () => {
        db = req.result;
        // site data cleared, or another version opened: forget this connection, open a new one next time
        db.onclose = () => { db = null; };
        db.onversionchange = () => { db.close(); db = null; };
        resolve(db);
      };
      req.onerror = () => reject(new Error('this browser keeps no data for this page (' + (req.error && req.error.message) + ')'));
      req.onblocked = () => reject(new Error('another tab holds an older version of the page open'));
    });
  }

  // Runs body(stores) in one readwrite (or readonly) transaction; resolves when it commits.
  async function transaction(names, mode, body) {
    let d = await open();
    let tx;
    try {
      tx = d.transaction(names, mode);
    } catch (e) {
      // the connection died (site data cleared): one new try
      db = null;
      d = await open();
      tx = d.transaction(names, mode);
    }
    return new Promise((resolve, reject) => {
      let result;
      tx.oncomplete = () => resolve(result);
      tx.onabort = () => reject(tx.error || new Error('the browser gave up on the save'));
      tx.onerror = () => {};
      try {
        result = body(...names.map((n) => tx.objectStore(n)));
      } catch (e) {
        tx.abort();
        reject(e);
      }
    });
  }

  function why(e) {
    if (e && e.name === 'QuotaExceededError') return 'the browser has no room left for it';
    return (e && e.message) || String(e);
  }

  // Writes a packed model and the record's other fields under key, replacing what was there.
  function write(key, packed, fields) {
    const range = IDBKeyRange.bound(key + '#', key + '#\uffff');
    return transaction(['models', 'chunks'], 'readwrite', (models, chunks) => {
      chunks.delete(range);
      const parts = packed.arrays.map((a, i) => {
        let n = 0;
        for (let from = 0; from < a.length; from += CHUNK, n++) chunks.put(a.slice(from, from + CHUNK), key + '#' + i + '#' + n);
        return { length: a.length, chunks: n };
      });
      models.put(Object.assign({}, fields, { modelText: packed.text, parts, savedAt: Date.now() }), key);
    });
  }

  // Keeps the engine's model of this panel under key, with the record's extra fields (the page's
  // curves, the corpus). Replies {ok, bytes, withoutState, steps (those of the model kept)} or {ok: false,
  // error, unavailable}.
  // packed(), if given, is called once the model is packed: from then on the write holds a copy,
  // and the engine may train on while the browser writes it.
  async function keep(engine, key, panel, extra, packed) {
    try {
      await open();
    } catch (e) {
      return { ok: false, unavailable: true, error: why(e) };
    }
    let last = null;
    // the model with its optimizer's state, else the weights alone (a write holds the older copy
    // until it commits, so a failed one leaves that copy as it was)
    for (const withState of [true, false]) {
      const model = engine.pack(panel, withState);
      if (packed) packed();
      if (!model) return { ok: false, error: 'there is no model yet' };
      try {
        await write(key, model, Object.assign({}, extra, { withoutState: !withState }));
        const bytes = model.arrays.reduce((s, a) => s + a.byteLength, 0) + model.text.length;
        return { ok: true, bytes, withoutState: !withState, steps: model.steps };
      } catch (e) {
        last = e;
        if (!e || e.name !== 'QuotaExceededError') break;
      }
    }
    return { ok: false, error: why(last) };
  }

  // Reads what is kept under key: {record, arrays} (the arrays whole again; null where a chunk is
  // missing), {legacy} (a record of an earlier version of the page: its model as JSON text), or {}.
  function read(key) {
    return transaction(['models', 'chunks', 'panels'], 'readonly', (models, chunks, panels) => {
      const out = {};
      models.get(key).onsuccess = (e) => {
        const record = e.target.result;
        if (!record) {
          panels.get(key).onsuccess = (l) => { if (l.target.result) out.legacy = l.target.result; };
          return;
        }
        out.record = record;
        out.arrays = record.parts.map((p) => new Float64Array(p.length));
        record.parts.forEach((p, i) => {
          let filled = 0;
          for (let c = 0; c < p.chunks; c++) {
            chunks.get(key + '#' + i + '#' + c).onsuccess = (g) => {
              const chunk = g.target.result;
              if (!chunk) return;
              out.arrays[i].set(chunk, c * CHUNK);
              filled += chunk.length;
              if (filled === p.length) out.arrays[i].complete = true;
            };
          }
          if (p.length === 0) out.arrays[i].complete = true;
        });
      };
      return out;
    });
  }

  // Loads the model kept under key into the engine with the request (plus the record's named fields,
  // such as the corpus). Replies the engine's answer with the record, or {ok: true, found: false}.
  async function bringBack(engine, key, req, fields) {
    let kept;
    try {
      kept = await read(key);
    } catch (e) {
      return { ok: true, found: false, error: why(e) };
    }
    const record = kept.record || kept.legacy;
    if (!record) return { ok: true, found: false };
    const r = Object.assign({}, req);
    for (const f of fields) if (record[f] !== undefined) r[f] = record[f];
    let reply;
    if (kept.legacy) {
      reply = engine.run(Object.assign(r, { model: record.model }));
    } else if (kept.arrays.some((a) => !a.complete)) {
      reply = { ok: false, error: 'parts of it are missing (the browser lost them)' };
    } else {
      reply = JSON.parse(engine.unpack(JSON.stringify(r), record.modelText, kept.arrays));
    }
    const shown = Object.assign({}, record);
    for (const k of ['model', 'modelText', 'parts']) delete shown[k];
    return Object.assign(reply, { found: true, record: shown });
  }

  // The keys of the kept models of a panel, newest first (records of an earlier version too).
  async function list(engine, panel) {
    try {
      return await transaction(['models', 'panels'], 'readonly', (models, panels) => {
        const out = [];
        const take = (store, legacy) => {
          store.openCursor().onsuccess = (e) => {
            const c = e.target.result;
            if (!c) return;
            const k = String(c.key);
            if (k === panel || k.startsWith(panel + '/')) out.push({ key: k, savedAt: c.value.savedAt || 0, legacy });
            c.continue();
          };
        };
        take(models, false);
        take(panels, true);
        return out;
      }).then((out) => out.sort((a, b) => b.savedAt - a.savedAt));
    } catch (e) {
      return [];
    }
  }

  return { keep, bringBack, list };
})();
