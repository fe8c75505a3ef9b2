'use strict';
// The training engine in a Web Worker: the WebAssembly build where the browser supports WasmGC,
// else the JavaScript build. Requests and replies are JSON text; see tearnn.lab.Lab.
let handle = null;
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

self.onmessage = (e) => {
  const { id, request } = e.data;
  let reply;
  try {
    reply = handle(request);
  } catch (err) {
    reply = JSON.stringify({ ok: false, error: 'engine failure: ' + err });
  }
  postMessage({ type: 'reply', id, reply });
};

boot().catch((err) => postMessage({ type: 'failed', error: String(err && err.message || err) }));
