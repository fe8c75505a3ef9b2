'use strict';
// Connects the page to the engine: in a Web Worker (WebAssembly or JavaScript build), or, where the
// page is opened from disk (file://) and workers are not allowed, the JavaScript build on the page
// itself, called in short slices. Either way: engine.call(request, onProgress) -> Promise of the reply
// object (onProgress, if given, hears how far a long call has come: a model file written),
// and engine.persist(op, ...args) runs Store[op] (keep, bringBack, list) beside the engine. In
// workers, several of them train one model together (pool.js): one per core unless the Workers
// setting says otherwise.
const Engine = (() => {
  const MAX_WORKERS = 16;
  // One engine in a Web Worker: call(request), persist(op, ...args), and for a pool (pool.js)
  // gather(request, contributions, next), pack(panel), unpack(request, packed). A worker that dies or is
  // terminated fails what it had pending, and whatever is sent to it later.
  function worker(build) {
    return new Promise((resolve, reject) => {
      const storage = new URLSearchParams(location.search).get('storage');
      const w = new Worker('engine-worker.js?build=' + encodeURIComponent(build)
        + (storage ? '&storage=' + encodeURIComponent(storage) : ''));
      const pending = new Map();
      let next = 1;
      let conn = null;
      const die = (why) => {
        if (!conn || conn.dead) return;
        conn.dead = true;
        w.terminate();
        for (const [, p] of pending) p.reject(new Error(why));
        pending.clear();
        if (conn.onDeath) conn.onDeath();
      };
      // onPacked: called when the worker says it has packed the model it keeps; onProgress(done): when
      // it says how far a long call has come (a model file written, 0 to 1)
      const send = (message, transfer, onPacked, onProgress) => new Promise((res, rej) => {
        if (conn.dead) {
          rej(new Error('the worker has stopped'));
          return;
        }
        const id = next++;
        pending.set(id, { resolve: res, reject: rej, onPacked, onProgress });
        w.postMessage(Object.assign({ id }, message), transfer || []);
      });
      w.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') {
          conn = {
            mode: m.build === 'wasm' ? 'WebAssembly in a worker' : 'JavaScript in a worker',
            build: m.build,
            dead: false,
            onDeath: null,
            call: (request, onProgress) => send({ request }, [], null, onProgress),
            // the reply, with .packed: a promise kept once the worker has packed the model it keeps
            // (or has replied), after which it may train on while the browser writes
            persist: (op, ...args) => {
              let onPacked;
              const packed = new Promise((resolve) => { onPacked = resolve; });
              const reply = send({ persist: { op, args } }, [], () => onPacked());
              reply.then(onPacked, onPacked);
              return Object.assign(reply, { packed });
            },
            // every worker's contribution (see Pool.handOut), and then (if given) the next training request
            gather: (request, contributions, next) => send({ gather: { request, contributions }, request: next || undefined },
              contributions.filter((c) => c.length).map((c) => c.buffer)),
            pack: (panel) => send({ pack: { panel } }),
            unpack: (request, packed) => send({ unpack: { request, text: packed.text, arrays: packed.arrays } }),
            terminate: () => die('the worker was stopped'),
            // for tests: the worker ends itself without a word (see engine-worker.js)
            silence: () => w.postMessage({ silence: true }),
          };
          resolve(conn);
        } else if (m.type === 'reply') {
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (p) p.resolve(m.reply);
        } else if (m.type === 'packed') {
          const p = pending.get(m.id);
          if (p && p.onPacked) p.onPacked();
        } else if (m.type === 'progress') {
          const p = pending.get(m.id);
          if (p && p.onProgress) p.onProgress(m.done);
        } else if (m.type === 'failed') {
          reject(new Error(m.error));
        }
      };
      w.onerror = (e) => {
        if (conn) die(e.message || 'the worker failed');
        else reject(new Error(e.message || 'the worker could not start'));
      };
    });
  }

  // How many workers train a model: the Workers setting (kept in this browser), or one per core.
  function wantedWorkers() {
    const cores = Math.max(1, Math.min(navigator.hardwareConcurrency || 1, MAX_WORKERS));
    const chosen = Number(localStorage.getItem('tearnn-workers'));
    return { cores, n: chosen >= 1 ? Math.min(chosen, MAX_WORKERS) : cores, auto: !(chosen >= 1) };
  }

  async function viaWorkers(build) {
    const first = await worker(build);
    const wanted = wantedWorkers();
    const pool = Pool.create(first, () => worker(first.build), wanted.n);
    if (wanted.n > 1) pool.resize(wanted.n);
    return pool;
  }

  function onPage() {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'js/tearnn.js';
      s.onload = () => {
        self.main([]);
        const handle = self.tearnnHandle;
        const run = (request) => JSON.parse(handle(JSON.stringify(request)));
        const local = { run, pack: self.tearnnPack, unpack: self.tearnnUnpack, saveFile: self.tearnnSaveFile, openFile: self.tearnnOpenFile,
          writeModelFile: self.tearnnWriteModelFile };
        resolve({
          mode: 'JavaScript on the page (opened from disk: no worker; training runs in short slices)',
          build: 'js',
          onPage: true,
          call(request, onProgress) {
            return new Promise((res) => setTimeout(() => res(EngineFiles.run(local, request, onProgress)), 0));
          },
          persist: (op, ...args) => Store[op](local, ...args),
        });
      };
      s.onerror = () => reject(new Error('could not load js/tearnn.js'));
      document.head.appendChild(s);
    });
  }

  // options.single: one worker, no pool (the benchmark page times one engine).
  async function connect(options) {
    const build = new URLSearchParams(location.search).get('build') || 'auto';
    if (location.protocol === 'file:') return onPage();
    try {
      return await (options && options.single ? worker(build) : viaWorkers(build));
    } catch (e) {
      if (build !== 'auto') throw e;
      return onPage();
    }
  }

  // Chooses the number of workers ('auto': one per core) and keeps the choice in this browser.
  function chooseWorkers(engine, choice) {
    try {
      if (choice === 'auto') localStorage.removeItem('tearnn-workers');
      else localStorage.setItem('tearnn-workers', String(choice));
    } catch (e) {
      // no storage: the choice lasts until the page is closed
    }
    const n = choice === 'auto' ? wantedWorkers().cores : Math.min(Number(choice), MAX_WORKERS);
    return engine.resize ? engine.resize(n) : Promise.resolve();
  }

  return { connect, worker, chooseWorkers, wantedWorkers, MAX_WORKERS };
})();
