'use strict';
// The training engine in a Web Worker: the WebAssembly build where the browser supports WasmGC,
// else the JavaScript build. The engine speaks JSON text (see tearnn.lab.Lab); this worker turns
// it into objects, and keeps models in IndexedDB itself (store.js), packed as typed arrays, so that
// a big model never crosses the page's thread.
importScripts('store.js');
let engine = null;
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
  const handle = self.tearnnHandle;
  engine = {
    run: (request) => JSON.parse(handle(JSON.stringify(request))),
    pack: (panel, optimizerState) => self.tearnnPack(panel, optimizerState),
    unpack: (request, text, arrays) => self.tearnnUnpack(request, text, arrays),
  };
  postMessage({ type: 'ready', build });
}

self.onmessage = async (e) => {
  const { id, request, persist } = e.data;
  let reply;
  try {
    reply = persist ? await Store[persist.op](engine, ...persist.args) : engine.run(request);
  } catch (err) {
    reply = { ok: false, error: 'engine failure: ' + err };
  }
  postMessage({ type: 'reply', id, reply });
};

boot().catch((err) => postMessage({ type: 'failed', error: String(err && err.message || err) }));
