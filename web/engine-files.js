'use strict';
// Model files as bytes, beside the JSON text the engine speaks (see tearnn.web.WorkerMain): a
// request that carries `bytes` (a .safetensors file, as an Int8Array) loads the model in them, and a
// save request with `file: 'json'` or `file: 'safetensors'` replies the model's file as a Blob, made
// where the engine runs (in its worker: a big file never crosses the page's thread as text, and the
// page only hands the Blob to the browser). The JSON is written a piece at a time, and `progress`
// (if given) hears the share written so far. In the engine's worker, or on the page where it runs
// there. engine: {run(request), saveFile(panel), openFile(text, bytes), writeModelFile(panel, chars, take)}.
const EngineFiles = (() => {
  const PIECE_CHARS = 1 << 22;

  function run(engine, request, progress) {
    if (request.bytes) {
      const rest = Object.assign({}, request);
      delete rest.bytes;
      return JSON.parse(engine.openFile(JSON.stringify(rest), request.bytes));
    }
    if (request.file && request.cmd.endsWith('.save')) return file(engine, request.cmd.split('.')[0], request.file, progress);
    return engine.run(request);
  }

  function file(engine, panel, format, progress) {
    const none = { ok: false, error: 'no model yet: start one first' };
    if (format === 'safetensors') {
      const bytes = engine.saveFile(panel);
      return bytes ? { ok: true, file: new Blob([bytes], { type: 'application/octet-stream' }) } : none;
    }
    if (format !== 'json') return { ok: false, error: 'file: "' + format + '" is not a model file format (json, safetensors)' };
    // each piece joins the Blob at once (the browser holds a Blob's bytes, and may set them aside),
    // so that the text is never all in memory as strings
    let blob = new Blob([], { type: 'application/json' });
    const written = engine.writeModelFile(panel, PIECE_CHARS, (text, done) => {
      blob = new Blob([blob, text], { type: 'application/json' });
      if (progress) progress(done);
    });
    return written ? { ok: true, file: blob } : none;
  }

  return { run };
})();
