'use strict';
// A validation shared by the workers (see pool.js): each measures its share of the held-out streams,
// call by call, until all are done; then the perplexity of the sums. Kept per panel across calls.
const SharedValidation = (() => {
  function create() {
    const validations = {};

    // ws: the workers that share it (the first of them the leader); request: the validate request;
    // settleAll: how the pool hears them (see pool.js)
    async function run(ws, panel, request, settleAll) {
      const n = ws.length;
      let v = validations[panel];
      if (!v || v.n !== n || v.workers.some((w, i) => w !== ws[i])) {
        v = validations[panel] = { n, workers: ws.slice(), replies: new Array(n).fill(null) };
      }
      const settled = await settleAll(v.workers, (w, i) => (v.replies[i] && v.replies[i].done ? v.replies[i]
        : w.call(Object.assign({}, request, { share: i, shares: n }))));
      if (settled.some((x) => x.status === 'rejected')) {
        // a worker stopped (it is dropped as it dies): the first measures the whole alone
        delete validations[panel];
        return ws[0].call(request);
      }
      const replies = settled.map((x) => x.value);
      const failed = replies.find((r) => !r.ok);
      if (failed) {
        delete validations[panel];
        return failed;
      }
      v.replies = replies;
      const done = replies.every((r) => r.done);
      const out = { ok: true, done, fraction: replies.reduce((a, r) => a + r.fraction, 0) / n };
      if (done) {
        delete validations[panel];
        const sum = replies.reduce((a, r) => a + r.lossSum, 0);
        const count = replies.reduce((a, r) => a + r.count, 0);
        Object.assign(out, { perplexity: Math.exp(sum / count), tokens: count });
      }
      return out;
    }

    return { run };
  }

  return { create };
})();
