'use strict';
// A confusion matrix as a table: rows the true class, columns the class said, each cell shaded by its
// share of its row (the diagonal green, the rest red); each row's recall at its end and each column's
// precision below it. With onCell, a cell that counts examples opens them: onCell(true class, class said).
const ConfusionView = (() => {
  const pct = (v) => (Number.isFinite(v) ? (100 * v).toFixed(1) + '%' : '-');

  function draw(el, classes, confusion, onCell) {
    if (!confusion) {
      el.textContent = 'No check yet.';
      return;
    }
    const table = document.createElement('table');
    const head = table.insertRow();
    head.insertCell().textContent = 'true \\ said';
    for (const c of classes) head.insertCell().textContent = c;
    head.insertCell().textContent = 'recall';
    const said = classes.map((_, j) => confusion.reduce((a, row) => a + row[j], 0));
    confusion.forEach((row, i) => {
      const tr = table.insertRow();
      tr.insertCell().textContent = classes[i];
      const n = row.reduce((a, v) => a + v, 0);
      row.forEach((v, j) => {
        const td = tr.insertCell();
        td.textContent = String(v);
        const share = n ? v / n : 0;
        if (v) td.style.background = i === j ? 'rgba(26, 127, 55, ' + (0.15 + 0.6 * share) + ')' : 'rgba(180, 35, 24, ' + (0.1 + 0.6 * share) + ')';
        if (v && onCell) {
          td.className = 'opens';
          td.tabIndex = 0;
          td.title = 'the ' + v + ' held-out ' + classes[i] + (i === j ? ' named right' : ' named ' + classes[j]);
          td.dataset.cell = i + ',' + j;
          td.addEventListener('click', () => onCell(i, j));
          td.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') onCell(i, j);
          });
        }
      });
      tr.insertCell().textContent = pct(n ? row[i] / n : NaN);
    });
    const foot = table.insertRow();
    foot.insertCell().textContent = 'precision';
    said.forEach((m, j) => { foot.insertCell().textContent = pct(m ? confusion[j][j] / m : NaN); });
    el.replaceChildren(table);
    // for tests and scripts: the classes in order, and the examples counted
    el.dataset.classes = classes.join(',');
    el.dataset.total = String(confusion.flat().reduce((a, v) => a + v, 0));
  }

  return { draw };
})();
