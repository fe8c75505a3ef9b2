'use strict';
// Model files on the page: a download (a model file's JSON text, or a .safetensors file's bytes), the
// contents of a file the person opens, and the note that offers the model a new one replaced.
const ModelFiles = (() => {
  // content: a model file's JSON text, or a .safetensors file's bytes
  function download(name, content) {
    const type = typeof content === 'string' ? 'application/json' : 'application/octet-stream';
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // What a chosen file holds, as the engine reads it: its bytes for a .safetensors file, else its text.
  async function read(file) {
    return /\.safetensors$/i.test(file.name) ? file.arrayBuffer() : file.text();
  }

  // Says in `box` that the model replaced (its noun, its step) can still be downloaded (model: its JSON text).
  function offerReplaced(box, noun, step, fileName, model) {
    box.replaceChildren('The model you replaced (' + noun + ', step ' + step + ') can still be downloaded: ');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Download it';
    b.addEventListener('click', () => download(fileName.replace('.json', '-replaced.json'), model));
    box.appendChild(b);
    box.hidden = false;
  }

  return { download, read, offerReplaced };
})();
