// Peer: NLP.js (npm's node-nlp), an NlpManager with its defaults (English; only
// autoSave and training logs are turned off, so nothing is written or printed).
// Measures training seconds (manager.train()) and the latency of one
// manager.classify() call per utterance, awaited one at a time; it also times
// manager.process() (defaults: intent plus sentiment and built-in entities) on
// the first 200 utterances, reported as process_us_p50.
//
//   node nlpjs_peer.js TRAIN.jsonl TEST.jsonl PREDICTIONS.jsonl
//
// The prediction is the best classification (NLP.js's own "None" below its
// threshold is not used, so every system answers out of scope by the same rule);
// the score is its classification score. Prints one JSON object: train_s (wall),
// train_cpu_s (the process's CPU time), us_p50, us_p99, process_us_p50.

'use strict';
const fs = require('fs');
const { NlpManager } = require('node-nlp');

function readRows(path) {
  return fs.readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const o = JSON.parse(l);
    return [o.text !== undefined ? o.text : o.utterance, o.intent];
  });
}

function percentiles(us) {
  const s = [...us].sort((a, b) => a - b);
  return [s[Math.floor(s.length / 2)], s[Math.min(s.length - 1, Math.floor((s.length * 99) / 100))]];
}

const nowUs = () => Number(process.hrtime.bigint()) / 1000;

async function main() {
  const [trainPath, testPath, outPath] = process.argv.slice(2);
  const train = readRows(trainPath);
  const test = readRows(testPath);
  const manager = new NlpManager({ languages: ['en'], autoSave: false, nlu: { log: false } });
  for (const [text, label] of train) manager.addDocument('en', text, label);

  let t0 = nowUs();
  const cpu0 = process.cpuUsage();
  await manager.train();
  const trainS = (nowUs() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);

  await manager.classify('en', test[0][0]); // warm up
  const lines = [];
  const us = [];
  for (const [text] of test) {
    t0 = nowUs();
    const r = await manager.classify('en', text);
    const t = nowUs() - t0;
    us.push(t);
    const best = r.classifications[0];
    lines.push(JSON.stringify({ pred: best.intent, score: best.score, us: t }));
  }
  fs.writeFileSync(outPath, lines.join('\n') + '\n');

  const processUs = [];
  for (const [text] of test.slice(0, 200)) {
    t0 = nowUs();
    await manager.process('en', text);
    processUs.push(nowUs() - t0);
  }
  const [p50, p99] = percentiles(us);
  console.log(JSON.stringify({ train_s: trainS, train_cpu_s: (cpu.user + cpu.system) / 1e6,
                               us_p50: p50, us_p99: p99,
                               process_us_p50: percentiles(processUs)[0] }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
