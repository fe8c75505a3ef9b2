'use strict';
// The data files a panel reads from the site (data/...), each read once, as text (gunzipped by the
// browser where its name ends in .gz); a page opened from disk can read none, and says so. A new
// model's request carries the chosen file's text, or the panel says why it cannot yet.
const SiteData = (() => {
  const reads = new Map();
  const FROM_DISK = 'a page opened from disk cannot read its data files; serve the folder (see the README) and open it there';

  function read(file) {
    if (!reads.has(file)) {
      reads.set(file, fetch(file).then((r) => {
        if (!r.ok) throw new Error(file + ': ' + r.status + ' ' + r.statusText);
        if (!file.endsWith('.gz')) return r.text();
        return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).text();
      }));
    }
    return reads.get(file);
  }

  // files: {key: path}. Returns {key: text, or {error}}, filled in as the reads land.
  function readAll(files) {
    const texts = {};
    for (const [k, f] of Object.entries(files)) {
      if (location.protocol === 'file:') texts[k] = { error: FROM_DISK };
      else read(f).then((t) => { texts[k] = t; }, (e) => { texts[k] = { error: e.message }; });
    }
    return texts;
  }

  // A new model's request on texts[key]; null, with the reason in messageEl, while it loads or if it cannot be read.
  function request(texts, key, messageEl, what) {
    const t = texts[key];
    if (typeof t === 'string') return { text: t };
    messageEl.textContent = t ? 'Could not read the ' + what + ': ' + t.error : 'The ' + what + ' is still loading: press Train again in a moment.';
    return null;
  }

  return { readAll, request };
})();
