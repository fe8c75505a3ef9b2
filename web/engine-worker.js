'use strict';
// The training engine in a Web Worker: the WebAssembly build where the browser supports WasmGC,
// else the JavaScript build. The engine speaks JSON text (see tearnn.lab.Lab); this worker turns
// it into objects, and keeps models in IndexedDB itself, so that neither a big model nor its JSON
// ever blocks the page's thread.
importScripts('store.js');
let handle = null;
const run = (request) => JSON.parse(handle(JSON.stringify(request)));
const wanted = new URLSearchParams(self.location.search).get('build') || 'auto';

async function boot() {
  let build = null;
  if (wanted !== 'js') {
    try {
      importScripts('wasm/tearnn.wasm-runtime.js');
      const teavm = await TeaVM.wasmGC.load('wasm/tearnn.wasm');
      teavm.exports.main([]);
      build = 'wasm';
    } catch (e) {
      if (wanted === 'wasm') throw e;
    }
  }
  if (!build) {
    importScripts('js/tearnn.js');
    self.main([]);
    build = 'js';
  }
  handle = self.tearnnHandle;
  postMessage({ type: 'ready', build });
}

self.onmessage = async (e) => {
  const { id, request, persist } = e.data;
  let reply;
  try {
    reply = persist ? await Store[persist.op](run, ...persist.args) : run(request);
  } catch (err) {
    reply = { ok: false, error: 'engine failure: ' + err };
  }
  postMessage({ type: 'reply', id, reply });
};

boot().catch((err) => postMessage({ type: 'failed', error: String(err && err.message || err) }));
