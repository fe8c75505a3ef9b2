'use strict';
// An 8 x 8 pad to draw a digit on, as the digits data holds one: 64 pixels from 0 (white) to 16
// (black). Drawing (mouse, pen or finger) inks the pixel under the pointer fully and its four
// neighbours by half; with Shift, or the right button, it erases. onDrawn(values) is called when a
// stroke ends; Clear empties the pad.
const DigitPad = (() => {
  const SIZE = 8;
  const CELL = 20;

  function create(box, onDrawn) {
    const values = new Array(SIZE * SIZE).fill(0);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = SIZE * CELL;
    canvas.className = 'digit-pad';
    canvas.setAttribute('aria-label', 'draw a digit here');
    canvas.style.touchAction = 'none';
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear';
    const g = canvas.getContext('2d');

    function paint() {
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      values.forEach((v, i) => {
        g.fillStyle = 'rgba(36, 41, 47, ' + (v / 16).toFixed(3) + ')';
        g.fillRect((i % SIZE) * CELL, Math.floor(i / SIZE) * CELL, CELL, CELL);
      });
      g.strokeStyle = '#eaeef2';
      for (let k = 1; k < SIZE; k++) {
        g.beginPath();
        g.moveTo(k * CELL + 0.5, 0);
        g.lineTo(k * CELL + 0.5, canvas.height);
        g.moveTo(0, k * CELL + 0.5);
        g.lineTo(canvas.width, k * CELL + 0.5);
        g.stroke();
      }
      canvas.dataset.ink = String(values.reduce((a, b) => a + b, 0));
    }

    // the pixel under the pointer, and every one on the way from the last (a quick stroke skips none)
    let last = null;
    function ink(e) {
      const r = canvas.getBoundingClientRect();
      const x = Math.floor((e.clientX - r.left) / (r.width / SIZE));
      const y = Math.floor((e.clientY - r.top) / (r.height / SIZE));
      const erase = e.shiftKey || e.buttons === 2;
      const at = (i, j, v) => {
        if (i < 0 || j < 0 || i >= SIZE || j >= SIZE) return;
        const k = j * SIZE + i;
        values[k] = erase ? 0 : Math.max(values[k], v);
      };
      const from = last || [x, y];
      const n = Math.max(Math.abs(x - from[0]), Math.abs(y - from[1]), 1);
      for (let k = 1; k <= n; k++) {
        const i = Math.round(from[0] + (x - from[0]) * k / n);
        const j = Math.round(from[1] + (y - from[1]) * k / n);
        at(i, j, 16);
        if (!erase) [[1, 0], [-1, 0], [0, 1], [0, -1]].forEach(([dx, dy]) => at(i + dx, j + dy, 8));
      }
      last = [x, y];
      paint();
    }

    let down = false;
    canvas.addEventListener('pointerdown', (e) => {
      down = true;
      last = null;
      canvas.setPointerCapture(e.pointerId);
      ink(e);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (down) ink(e);
    });
    const end = () => {
      if (!down) return;
      down = false;
      onDrawn(values.slice());
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    clear.addEventListener('click', () => {
      values.fill(0);
      paint();
    });
    paint();
    box.replaceChildren(canvas, clear);
    return {
      // sets the pad to these 64 values (a test, or a held-out digit copied to be changed)
      set(v) {
        v.forEach((x, i) => { values[i] = Math.max(0, Math.min(16, x)); });
        paint();
        onDrawn(values.slice());
      },
    };
  }
  return { create };
})();
