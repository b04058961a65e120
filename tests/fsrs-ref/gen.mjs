// gen.mjs: replays seeded random review sequences through ts-fsrs (the pinned reference) and
// prints every review and what ts-fsrs made of it, for tests/engine/test_fsrs_conformance.c.
//
// Usage: node gen.mjs SEQUENCES SEED > reference.txt
// Output, one line each:
//   config NAME short_term retention max_ivl n_learning steps... n_relearning steps...
//   review NAME SEQ IDX ELAPSED_DAYS RATING  PHASE STEP STABILITY DIFFICULTY INTERVAL MINUTES R
// where the last seven are ts-fsrs's card after the review (state, learning_steps, stability,
// difficulty, scheduled_days, minutes until due when that is a step, else 0) and R the
// retrievability the review was scheduled with (0 for a new card).
import { createEmptyCard, dateDiffInDays, forgetting_curve, fsrs, generatorParameters } from 'ts-fsrs'

const [sequences, seed] = process.argv.slice(2).map(Number)
if (!(sequences > 0) || !Number.isInteger(seed)) {
  console.error('usage: node gen.mjs SEQUENCES SEED')
  process.exit(2)
}

// mulberry32: a small seeded generator, so a failing sequence can be replayed.
let state = seed >>> 0
function random() {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (n) => Math.floor(random() * n)

const MINUTE = 60 * 1000
const DAY = 24 * 60 * MINUTE
const configs = [
  { name: 'long', enable_short_term: false, learning_steps: ['1m', '10m'], relearning_steps: ['10m'], request_retention: 0.9 },
  { name: 'short', enable_short_term: true, learning_steps: ['1m', '10m'], relearning_steps: ['10m'], request_retention: 0.9 },
  { name: 'steps', enable_short_term: true, learning_steps: ['2m', '15m', '1h'], relearning_steps: [], request_retention: 0.85 },
  { name: 'one', enable_short_term: true, learning_steps: ['5m'], relearning_steps: ['3m', '20m'], request_retention: 0.95 },
]
const minutes = (s) => parseInt(s, 10) * { m: 1, h: 60, d: 1440 }[s.slice(-1)]

// The time of the next review: on time, early, late, very late, or later the same day.
function nextTime(card, now) {
  const due = card.due.getTime()
  const waited = due - now
  switch (pick(6)) {
    case 0: return due
    case 1: return now + Math.max(MINUTE, Math.floor(waited * random()))        // early
    case 2: return due + Math.floor(waited * random() * 0.5) + pick(3) * DAY       // late
    case 3: return due + (1 + pick(60)) * DAY + pick(1440) * MINUTE                // very late
    case 4: return now + (1 + pick(180)) * MINUTE                                  // same day
    default: return due + pick(120) * MINUTE
  }
}

for (const c of configs) {
  const params = generatorParameters({ ...c, enable_fuzz: false })
  const f = fsrs(params)
  const w = params.w
  console.log(['config', c.name, c.enable_short_term ? 1 : 0, c.request_retention, params.maximum_interval,
    c.learning_steps.length, ...c.learning_steps.map(minutes),
    c.relearning_steps.length, ...c.relearning_steps.map(minutes)].join(' '))
  for (let seq = 0; seq < sequences; seq++) {
    // Start at a random minute of 2024, so day boundaries fall everywhere.
    let now = Date.UTC(2024, 0, 1) + pick(365 * 1440) * MINUTE
    let card = createEmptyCard(new Date(now))
    const length = 3 + pick(18)
    for (let i = 0; i < length; i++) {
      const rating = 1 + (random() < 0.25 ? 0 : 1 + pick(3))
      const elapsed = card.state === 0 ? 0 : dateDiffInDays(card.last_review, new Date(now))
      const r = card.state === 0 ? 0 : forgetting_curve(w, elapsed, card.stability)
      const next = f.next(card, new Date(now), rating).card
      const mins = next.scheduled_days === 0 ? Math.round((next.due.getTime() - now) / MINUTE) : 0
      console.log(['review', c.name, seq, i, elapsed, rating, next.state, next.learning_steps,
        next.stability, next.difficulty, next.scheduled_days, mins, r].join(' '))
      card = next
      now = nextTime(card, now)
    }
  }
}
