'use strict';
// The training engine in a Web Worker: the WebAssembly build where the browser supports WasmGC,
// else the JavaScript build. The engine speaks JSON text (see tearnn.lab.Lab); this worker turns
// it into objects, and keeps models in IndexedDB itself (store.js), packed as typed arrays, so that
// a big model never crosses the page's thread.
importScripts('store.js', 'engine-files.js');
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
    saveFile: (panel) => self.tearnnSaveFile(panel),
    writeModelFile: (panel, chars, take) => self.tearnnWriteModelFile(panel, chars, take),
    openFile: (request, bytes) => self.tearnnOpenFile(request, bytes),
  };
  postMessage({ type: 'ready', build });
}

// A reply that waits for the other workers' shares gets this worker's contribution (handed over).
function contributing(reply, cmd, transfer) {
  if (reply.waiting) {
    reply.contribution = self.tearnnContribution(cmd.split('.')[0]);
    transfer.push(reply.contribution.buffer);
  }
  return reply;
}

// progress: called with the share done of a long call (a model file written), told to the page
function train(request, transfer, progress) {
  const reply = EngineFiles.run(engine, request, progress);
  if (reply.bytes) transfer.push(reply.bytes.buffer);
  return contributing(reply, request.cmd, transfer);
}

// A request (JSON, see tearnn.lab.Lab); a training reply that waits for the other workers' shares
// carries this worker's contribution. For the pool (pool.js): gather (every worker's), pack
// and unpack (a model handed from one worker to another). Typed arrays are handed over, not copied.
self.onmessage = async (e) => {
  const { id, request, persist, gather, pack, unpack, silence } = e.data;
  if (silence) {
    // for tests and the curious: the worker ends itself without a word, as one that crashed or ran
    // out of memory may (the page must notice on its own)
    self.close();
    return;
  }
  let reply;
  const transfer = [];
  try {
    if (persist) {
      // keeping: the page hears as soon as the model is packed (see Store.keep)
      const packed = () => postMessage({ type: 'packed', id });
      reply = await Store[persist.op](engine, ...persist.args, ...(persist.op === 'keep' ? [packed] : []));
    } else if (gather) {
      reply = JSON.parse(self.tearnnGather(JSON.stringify(gather.request), gather.contributions));
      if (reply.ok && request) reply = train(request, transfer);
      else contributing(reply, gather.request.cmd, transfer);
    } else if (pack) {
      reply = engine.pack(pack.panel, true);
      if (reply) transfer.push(...reply.arrays.map((a) => a.buffer));
    } else if (unpack) {
      reply = JSON.parse(engine.unpack(JSON.stringify(unpack.request), unpack.text, unpack.arrays));
    } else {
      reply = train(request, transfer, (done) => postMessage({ type: 'progress', id, done }));
    }
  } catch (err) {
    reply = { ok: false, error: 'engine failure: ' + err };
  }
  postMessage({ type: 'reply', id, reply }, transfer);
};

boot().catch((err) => postMessage({ type: 'failed', error: String(err && err.message || err) }));
