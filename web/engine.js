'use strict';
// Connects the page to the engine: in a Web Worker (WebAssembly or JavaScript build), or, where the
// page is opened from disk (file://) and workers are not allowed, the JavaScript build on the page
// itself, called in short slices. Either way: engine.call(request) -> Promise of the reply object.
const Engine = (() => {
  function viaWorker(build) {
    return new Promise((resolve, reject) => {
      const worker = new Worker('engine-worker.js?build=' + encodeURIComponent(build));
      const pending = new Map();
      let next = 1;
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') {
          resolve({
            mode: m.build === 'wasm' ? 'WebAssembly in a worker' : 'JavaScript in a worker',
            build: m.build,
            call(req) {
              return new Promise((res) => {
                const id = next++;
                pending.set(id, res);
                worker.postMessage({ id, request: JSON.stringify(req) });
              });
            },
          });
        } else if (m.type === 'reply') {
          const res = pending.get(m.id);
          pending.delete(m.id);
          res(JSON.parse(m.reply));
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
        resolve({
          mode: 'JavaScript on the page (opened from disk: no worker; training runs in short slices)',
          build: 'js',
          call(req) {
            return new Promise((res) => setTimeout(() => res(JSON.parse(handle(JSON.stringify(req)))), 0));
          },
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
