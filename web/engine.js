'use strict';
// Connects the page to the engine: in a Web Worker (WebAssembly or JavaScript build), or, where the
// page is opened from disk (file://) and workers are not allowed, the JavaScript build on the page
// itself, called in short slices. Either way: engine.call(request) -> Promise of the reply object,
// and engine.persist(op, ...args) runs Store[op] (keep, bringBack, list) beside the engine.
const Engine = (() => {
  function viaWorker(build) {
    return new Promise((resolve, reject) => {
      const storage = new URLSearchParams(location.search).get('storage');
      const worker = new Worker('engine-worker.js?build=' + encodeURIComponent(build)
        + (storage ? '&storage=' + encodeURIComponent(storage) : ''));
      const pending = new Map();
      let next = 1;
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') {
          const send = (message) => new Promise((res) => {
            const id = next++;
            pending.set(id, res);
            worker.postMessage(Object.assign({ id }, message));
          });
          resolve({
            mode: m.build === 'wasm' ? 'WebAssembly in a worker' : 'JavaScript in a worker',
            build: m.build,
            onPage: false,
            call: (request) => send({ request }),
            persist: (op, ...args) => send({ persist: { op, args } }),
          });
        } else if (m.type === 'reply') {
          const res = pending.get(m.id);
          pending.delete(m.id);
          res(m.reply);
        } else if (m.type === 'failed') {
          reject(new Error(m.error));
        }
      };
      worker.onerror = (e) => reject(new Error(e.message || 'the worker could not start'));
    });
  }

  function onPage() {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'js/tearnn.js';
      s.onload = () => {
        self.main([]);
        const handle = self.tearnnHandle;
        const run = (request) => JSON.parse(handle(JSON.stringify(request)));
        const local = { run, pack: self.tearnnPack, unpack: self.tearnnUnpack };
        resolve({
          mode: 'JavaScript on the page (opened from disk: no worker; training runs in short slices)',
          build: 'js',
          onPage: true,
          call(request) {
            return new Promise((res) => setTimeout(() => res(run(request)), 0));
          },
          persist: (op, ...args) => Store[op](local, ...args),
        });
      };
      s.onerror = () => reject(new Error('could not load js/tearnn.js'));
      document.head.appendChild(s);
    });
  }

  async function connect() {
    const build = new URLSearchParams(location.search).get('build') || 'auto';
    if (location.protocol === 'file:') return onPage();
    try {
      return await viaWorker(build);
    } catch (e) {
      if (build !== 'auto') throw e;
      return onPage();
    }
  }

  return { connect };
})();
