'use strict';
// A person's own table for the forecast panel: pasted or opened (CSV, or TSV when the first line holds
// a tab), its columns offered from its header line: the one to forecast, the dates (or row order),
// and extra input columns. The engine reads the table itself and names any bad row; this only reads
// the header. Its controls have no names, so the settings form leaves them out.
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

  // The box's markup (ids under `forecast-`), shown when the series is "own".
  const markup = '<div id="forecast-own" class="own-table" hidden>'
    + '<label class="file">Open a CSV or TSV file <input type="file" id="forecast-file" accept=".csv,.tsv,.txt,text/csv"></label>'
    + ' <span id="forecast-file-name" class="status"></span>'
    + '<textarea id="forecast-table" rows="5" spellcheck="false" aria-label="your table"'
    + ' placeholder="or paste it here, a header line first:&#10;date,sales&#10;2024-01-01,12&#10;2024-01-02,15"></textarea>'
    + '<div class="own-columns"><label>Forecast <select id="forecast-column"></select></label>'
    + ' <label>Dates <select id="forecast-date"></select></label>'
    + ' <span>Extra inputs: <span id="forecast-inputs"></span></span></div></div>';

  // Wires the box; changed() is called when the table or its columns change (a new model is needed).
  function create(changed) {
    const $ = (id) => document.getElementById(id);
    let name = 'pasted table';

    function fill(keep) {
      const names = header($('forecast-table').value);
      const column = $('forecast-column');
      const date = $('forecast-date');
      // what was chosen before (none the first time: the columns are guessed)
      const was = keep || (column.options.length ? { column: column.value, dateColumn: date.value, inputs: inputs() } : {});
      const dated = names.find((n) => /date|time|year|month|day|week/i.test(n)) || '';
      column.replaceChildren(...names.map((n) => new Option(n, n)));
      date.replaceChildren(new Option('none: row order', ''), ...names.map((n) => new Option(n, n)));
      column.value = names.includes(was.column) ? was.column : (names.filter((n) => n !== dated).pop() || '');
      date.value = was.dateColumn !== undefined && (was.dateColumn === '' || names.includes(was.dateColumn)) ? was.dateColumn : dated;
      const chosen = (was.inputs || '').split(',');
      $('forecast-inputs').replaceChildren(...names.map((n) => {
        const l = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = n;
        box.checked = chosen.includes(n);
        l.append(box, ' ' + n);
        return l;
      }));
    }

    function inputs() {
      return [...document.querySelectorAll('#forecast-inputs input:checked')].map((b) => b.value)
        .filter((n) => n !== $('forecast-column').value && n !== $('forecast-date').value).join(',');
    }

    $('forecast-table').addEventListener('input', () => { name = 'pasted table'; fill(); changed(); });
    $('forecast-file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      $('forecast-table').value = await file.text();
      name = file.name;
      $('forecast-file-name').textContent = file.name;
      fill();
      changed();
    });
    for (const id of ['forecast-column', 'forecast-date']) $(id).addEventListener('change', changed);
    $('forecast-inputs').addEventListener('change', changed);

    return {
      show: (on) => { $('forecast-own').hidden = !on; },
      // the fields of a new model's request, or null with the reason in messageEl
      request(messageEl) {
        const text = $('forecast-table').value;
        if (!text.trim()) {
          messageEl.textContent = 'Paste a table, or open a CSV or TSV file: a header line, then a row per step.';
          return null;
        }
        return { text, textName: name, column: $('forecast-column').value, dateColumn: $('forecast-date').value, inputs: inputs() };
      },
      // puts back a kept model's table (after a reload)
      restore(record) {
        if (typeof record.column !== 'string') return;
        $('forecast-table').value = record.text || '';
        name = record.textName || name;
        fill({ column: record.column, dateColumn: record.dateColumn || '', inputs: record.inputs || '' });
      },
    };
  }

  return { markup, create, header };
})();
