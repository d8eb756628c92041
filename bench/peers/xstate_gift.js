// Peer: the demo bundle's gift finder (examples/bundles/demo/flows.textproto,
// flow "gift") written as an XState v5 machine, the statechart library a
// JavaScript team would reach for. Measures, in one Node process:
//   transitions_per_s  events handled per second while driving whole gift-finder
//                      conversations (find gift, age, budget, interest, the picks),
//                      one actor per conversation, one event at a time;
//   bytes_per_idle     V8 heap per live actor left waiting for its next answer
//                      (10,000 actors, after a full GC), and the size of its
//                      persisted snapshot as JSON (what a server would store).
//
//   node --expose-gc xstate_gift.js PRODUCTS.jsonl [--conversations N]
//
// What it does not do: understand text. Events arrive already parsed ({age: 6});
// an XState team adds an NLU (e.g. one of the intent peers) in front of it.
// The picks are computed like the bundle's recommend action in its simplest
// form: toys in stock for the age, within the budget, with the interest, by
// rating, top 3. Prints one JSON object.

'use strict';
const fs = require('fs');
const { setup, createActor, assign } = require('xstate');

const products = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => JSON.parse(l)).filter((p) => p.categories[0] === 'Toys');
const INTERESTS = ['building', 'outdoor', 'science', 'creative', 'music', 'games'];

function picks({ age, budget, interest }) {
  return products
    .filter((p) => p.stock > 0 && Number(p.price) <= budget && p.attributes.age_min <= age &&
      age <= p.attributes.age_max && p.attributes.interests.includes(interest))
    .sort((a, b) => Number(b.rating) - Number(a.rating))
    .slice(0, 3)
    .map((p) => p.id);
}

// Slots are asked only while unknown; a bad answer re-prompts, and after three
// the flow offers a person (the bundle's reprompt/fallback behaviour).
const giftMachine = setup({
  guards: {
    needAge: ({ context }) => context.age === undefined,
    needBudget: ({ context }) => context.budget === undefined,
    needInterest: ({ context }) => context.interest === undefined,
    validAge: ({ event }) => Number.isInteger(event.age) && event.age >= 0 && event.age < 120,
    validBudget: ({ event }) => typeof event.budget === 'number' && event.budget > 0,
    validInterest: ({ event }) => INTERESTS.includes(event.interest),
    tooManyFailures: ({ context }) => context.failures >= 2,
  },
  actions: {
    fillFromTrigger: assign(({ event }) => ({
      age: event.age, budget: event.budget, interest: event.interest, failures: 0,
    })),
    setAge: assign({ age: ({ event }) => event.age, failures: 0 }),
    setBudget: assign({ budget: ({ event }) => event.budget, failures: 0 }),
    setInterest: assign({ interest: ({ event }) => event.interest, failures: 0 }),
    failed: assign({ failures: ({ context }) => context.failures + 1 }),
    recommend: assign({ picks: ({ context }) => picks(context) }),
  },
}).createMachine({
  id: 'gift',
  initial: 'welcome',
  context: { age: undefined, budget: undefined, interest: undefined, failures: 0, picks: [] },
  states: {
    welcome: { on: { FIND_GIFT: { target: 'collect', actions: 'fillFromTrigger' } } },
    collect: {
      always: [
        { guard: 'needAge', target: 'askAge' },
        { guard: 'needBudget', target: 'askBudget' },
        { guard: 'needInterest', target: 'askInterest' },
        { target: 'picks' },
      ],
    },
    askAge: {
      on: {
        ANSWER: [
          { guard: 'validAge', target: 'collect', actions: 'setAge' },
          { guard: 'tooManyFailures', target: 'human' },
          { target: 'askAge', reenter: true, actions: 'failed' },
        ],
      },
    },
    askBudget: {
      on: {
        ANSWER: [
          { guard: 'validBudget', target: 'collect', actions: 'setBudget' },
          { guard: 'tooManyFailures', target: 'human' },
          { target: 'askBudget', reenter: true, actions: 'failed' },
        ],
      },
    },
    askInterest: {
      on: {
        ANSWER: [
          { guard: 'validInterest', target: 'collect', actions: 'setInterest' },
          { guard: 'tooManyFailures', target: 'human' },
          { target: 'askInterest', reenter: true, actions: 'failed' },
        ],
      },
    },
    picks: {
      entry: 'recommend',
      on: { FIND_GIFT: { target: 'collect', actions: 'fillFromTrigger' } },
    },
    human: { type: 'final' },
  },
});

// One conversation: the shopper asks for a gift, then answers each question.
const ANSWERS = [
  [{ type: 'FIND_GIFT' }, { type: 'ANSWER', age: 6 }, { type: 'ANSWER', budget: 40 },
    { type: 'ANSWER', interest: 'building' }],
  [{ type: 'FIND_GIFT', age: 9 }, { type: 'ANSWER', budget: 80 },
    { type: 'ANSWER', interest: 'science' }],
  [{ type: 'FIND_GIFT' }, { type: 'ANSWER', age: 'six' }, { type: 'ANSWER', age: 6 },
    { type: 'ANSWER', budget: 20 }, { type: 'ANSWER', interest: 'creative' }],
];

function converse(script) {
  const actor = createActor(giftMachine).start();
  for (const event of script) actor.send(event);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

function main() {
  const n = process.argv.includes('--conversations')
    ? Number(process.argv[process.argv.indexOf('--conversations') + 1]) : 20000;
  for (const script of ANSWERS) {
    const s = converse(script);
    if (s.value !== 'picks' || s.context.picks.length === 0) {
      throw new Error(`gift machine ended in ${JSON.stringify(s.value)} with no picks`);
    }
  }
  for (let i = 0; i < 2000; ++i) converse(ANSWERS[i % ANSWERS.length]); // warm up

  let events = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; ++i) {
    const script = ANSWERS[i % ANSWERS.length];
    converse(script);
    events += script.length;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  const idle = 10000;
  global.gc();
  const before = process.memoryUsage().heapUsed;
  const actors = [];
  for (let i = 0; i < idle; ++i) {
    const actor = createActor(giftMachine).start();
    actor.send({ type: 'FIND_GIFT' });
    actor.send({ type: 'ANSWER', age: 6 }); // now waiting for the budget
    actors.push(actor);
  }
  global.gc();
  const bytesPerIdle = (process.memoryUsage().heapUsed - before) / idle;
  const snapshotBytes = Buffer.byteLength(JSON.stringify(actors[0].getPersistedSnapshot()));

  console.log(JSON.stringify({
    conversations: n, events, transitions_per_s: events / seconds,
    us_per_transition: (seconds * 1e6) / events, heap_bytes_per_idle_session: bytesPerIdle,
    snapshot_bytes: snapshotBytes, xstate: require('xstate/package.json').version,
    node: process.version,
  }));
}

main();
