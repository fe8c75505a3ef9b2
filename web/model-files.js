'use strict';
// Model files on the page: the Download controls (the file is written where the engine runs, with
// its progress shown, and only handed to the browser here), the contents of a file the person opens,
// and the note that offers the model a new one replaced.
const ModelFiles = (() => {
  // From this many parameters on, a model downloads as .safetensors unless the person chooses JSON:
  // its JSON (with Adam's state) is tens of megabytes and more, and slow to write (an LSTM of hidden
  // 512 x 2 on the grammar, 4.2 million parameters: 230 MB of JSON in 16-20 s, 85 MB of
  // .safetensors in 1.5 s).
  const BIG = 1000000;

  const formatFor = (parameters) => (parameters >= BIG ? 'safetensors' : 'json');
  const nameFor = (fileName, format) => (format === 'safetensors' ? fileName.replace(/\.json$/, '.safetensors') : fileName);
  const megabytes = (bytes) => (bytes < 1e6 ? Math.max(1, Math.round(bytes / 1e3)) + ' kB' : (bytes / 1e6).toFixed(1) + ' MB');

  // content: a Blob, a model file's JSON text, or a .safetensors file's bytes
  function download(name, content) {
    const blob = content instanceof Blob ? content
      : new Blob([content], { type: typeof content === 'string' ? 'application/json' : 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // A panel's Download controls: the format chooser `select`, and `note` beside it, which says how far
  // the file has come. call(fields, onProgress): the panel's save request. The format follows the
  // model's size (model(parameters)) until the person chooses one.
  function controls(select, note, fileName, call) {
    let chosen = false;
    let parameters = 0;
    select.addEventListener('change', () => {
      chosen = true;
      note.textContent = '';
    });
    return {
      // a model is there, of this many parameters
      model(n) {
        parameters = n;
        if (chosen) return;
        select.value = formatFor(n);
        note.textContent = n >= BIG ? 'A big model: it downloads as .safetensors, a third of the size of JSON and far '
          + 'quicker to write.' : '';
      },
      // the model in the format it is held in when replaced (the smaller for a big model): a reply with `file`
      held: () => call({ file: formatFor(parameters) }).then((r) => Object.assign(r, { format: formatFor(parameters) })),
      // writes the model in the chosen format and hands it to the browser; the reply
      async download() {
        const format = select.value;
        const name = nameFor(fileName, format);
        note.textContent = 'Writing ' + name + '…';
        const r = await call({ file: format }, (done) => {
          note.textContent = 'Writing ' + name + ': ' + Math.floor(done * 100) + '%…';
        });
        if (!r.ok) {
          note.textContent = '';
          return r;
        }
        download(name, r.file);
        note.textContent = 'Downloaded ' + name + ' (' + megabytes(r.file.size) + ').';
        return r;
      },
    };
  }

  // What a chosen file holds, as the engine reads it: its bytes for a .safetensors file, else its text.
  async function read(file) {
    return /\.safetensors$/i.test(file.name) ? file.arrayBuffer() : file.text();
  }

  // Says in `box` that the model replaced (its noun, its step) can still be downloaded (held: the
  // reply of controls().held, its file in its format).
  function offerReplaced(box, noun, step, fileName, held) {
    box.replaceChildren('The model you replaced (' + noun + ', step ' + step + ') can still be downloaded: ');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Download it';
    const name = nameFor(fileName, held.format).replace(/(\.\w+)$/, '-replaced$1');
    b.addEventListener('click', () => download(name, held.file));
    box.appendChild(b);
    box.hidden = false;
  }

  return { download, controls, read, offerReplaced };
})();
