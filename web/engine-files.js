'use strict';
// Model files as bytes, beside the JSON text the engine speaks (see tearnn.web.WorkerMain): a
// request that carries `bytes` (a .safetensors file, as an Int8Array) loads the model in them, and a
// save request with `as: 'safetensors'` replies the model's file as `bytes`. In the engine's worker,
// or on the page where it runs there. engine: {run(request), saveFile(panel), openFile(text, bytes)}.
const EngineFiles = (() => {
  function run(engine, request) {
    if (request.bytes) {
      const rest = Object.assign({}, request);
      delete rest.bytes;
      return JSON.parse(engine.openFile(JSON.stringify(rest), request.bytes));
    }
    if (request.as === 'safetensors' && request.cmd.endsWith('.save')) {
      const bytes = engine.saveFile(request.cmd.split('.')[0]);
      return bytes ? { ok: true, bytes } : { ok: false, error: 'no model yet: start one first' };
    }
    return engine.run(request);
  }

  return { run };
})();
