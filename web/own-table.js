'use strict';
// A person's own table, pasted or opened (CSV, or TSV when the first line holds a tab), with the
// columns a panel asks of it offered from its header line: the forecast panel's (the column to
// forecast, the dates, extra inputs) and the classify panel's (the label, how rows make an example).
// The engine reads the table itself and names any bad row; this only reads the header. Its controls
// have no names, so the settings form leaves them out.
const OwnTable = (() => {
  // The header line's fields (quoted fields may hold the delimiter).
  function header(text) {
    const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') || '');
    const delimiter = line.includes('\t') ? '\t' : ',';
    const out = [];
    let f = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { f += '"'; i++; } else if (c === '"') quoted = false; else f += c;
      } else if (c === '"' && f.trim() === '') { quoted = true; f = ''; } else if (c === delimiter) { out.push(f.trim()); f = ''; } else f += c;
    }
    out.push(f.trim());
    return out.filter((h) => h !== '');
  }

  // The box's markup (ids under `{prefix}-`), shown when the panel's data is "own"; columns: the
  // panel's column controls, below the table.
  function markup(prefix, placeholder, columns) {
    return '<div id="' + prefix + '-own" class="own-table" hidden>'
      + '<label class="file">Open a CSV or TSV file <input type="file" id="' + prefix + '-file" accept=".csv,.tsv,.txt,text/csv"></label>'
      + ' <span id="' + prefix + '-file-name" class="status"></span>'
      + '<textarea id="' + prefix + '-table" rows="5" spellcheck="false" aria-label="your table" placeholder="' + placeholder + '">'
      + '</textarea><div class="own-columns">' + columns + '</div></div>';
  }

  // A select's options: the names (after `first`, an option [value, label] that comes before them, if
  // any), with `value` chosen if it is one of them.
  function options(select, names, value, first) {
    select.replaceChildren(...(first ? [new Option(first[1], first[0])] : []), ...names.map((n) => new Option(n, n)));
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  }

  // A box per name in el, those in `chosen` ticked; and the names ticked.
  function boxes(el, names, chosen) {
    el.replaceChildren(...names.map((n) => {
      const l = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = n;
      box.checked = chosen.includes(n);
      l.append(box, ' ' + n);
      return l;
    }));
  }
  const ticked = (el) => [...el.querySelectorAll('input:checked')].map((b) => b.value);

  // Wires the box. columns: { fill(names, was): offers the header's names (was: the fields chosen
  // before, null the first time: guess), chosen(): the fields chosen now }. changed() is called when
  // the table or its columns change (a new model is needed).
  function create(prefix, columns, changed) {
    const $ = (id) => document.getElementById(prefix + '-' + id);
    let name = 'pasted table';
    let shown = null; // the header the columns were offered from

    // offers the header's columns: with `was` chosen, or what is chosen now if the header is the same
    // (rows edited), or guessed afresh (another table)
    function fill(was) {
      const names = header($('table').value);
      const same = shown !== null && shown.join('\n') === names.join('\n');
      columns.fill(names, was !== undefined ? was : same ? columns.chosen() : null);
      shown = names;
    }

    $('table').addEventListener('input', () => { name = 'pasted table'; fill(); changed(); });
    $('file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      $('table').value = await file.text();
      name = file.name;
      $('file-name').textContent = file.name;
      fill();
      changed();
    });
    $('own').querySelector('.own-columns').addEventListener('change', () => { fill(columns.chosen()); changed(); });

    return {
      show: (on) => { $('own').hidden = !on; },
      // the fields of a new model's request, or null with the reason in messageEl
      request(messageEl) {
        const text = $('table').value;
        if (!text.trim()) {
          messageEl.textContent = 'Paste a table, or open a CSV or TSV file: a header line, then a row per '
            + (prefix === 'forecast' ? 'step.' : 'example.');
          return null;
        }
        return Object.assign({ text, textName: name }, columns.chosen());
      },
      // puts back a kept model's table and columns (after a reload)
      restore(record) {
        $('table').value = record.text || '';
        name = record.textName || name;
        fill(record);
      },
    };
  }

  return { markup, create, header, options, boxes, ticked };
})();
