'use strict';
// Keeps each panel's model, settings and charts in the browser (IndexedDB), so a reload resumes
// where the person left off. Falls back to doing nothing where IndexedDB is unavailable.
const Store = (() => {
  let db = null;

  function open() {
    if (db) return Promise.resolve(db);
    return new Promise((resolve) => {
      let req;
      try {
        req = indexedDB.open('tearnn', 1);
      } catch (e) {
        resolve(null);
        return;
      }
      req.onupgradeneeded = () => req.result.createObjectStore('panels');
      req.onsuccess = () => { db = req.result; resolve(db); };
      req.onerror = () => resolve(null);
    });
  }

  async function put(key, value) {
    const d = await open();
    if (!d) return false;
    return new Promise((resolve) => {
      const tx = d.transaction('panels', 'readwrite');
      tx.objectStore('panels').put(value, key);
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => resolve(false);
      tx.onabort = () => resolve(false);
    });
  }

  async function get(key) {
    const d = await open();
    if (!d) return null;
    return new Promise((resolve) => {
      const req = d.transaction('panels', 'readonly').objectStore('panels').get(key);
      req.onsuccess = () => resolve(req.result || null);
      req.onerror = () => resolve(null);
    });
  }

  async function remove(key) {
    const d = await open();
    if (!d) return;
    return new Promise((resolve) => {
      const tx = d.transaction('panels', 'readwrite');
      tx.objectStore('panels').delete(key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
    });
  }

  return { put, get, remove };
})();
