-- tests/scripts/store_stats.lua: statistics on a small store built with known times — deck counts,
-- true retention, heatmap, forecast, weakest facts — and how `stats` renders them.
-- Runs with --db :memory: (the ctest command line) so it starts from an empty store.

local t = require("lib.testing").new()
local render = require("lib.stats.render")
local DAY = 86400
local t0 = os.time({ year = 2026, month = 1, day = 5, hour = 12 })

local function card(id, fact) return { id = id, front = "front " .. id, back = "back", source = "s", facts = { fact } } end
halqa.store.sync_cards("alpha", { card("a1", "CPP"), card("a2", "CMKP") }, t0)
halqa.store.sync_cards("beta", { card("b1", "DSF") }, t0)

-- a1: Good on day 0, Good again on day 3; a2: Again on day 0; b1 never reviewed.
halqa.store.review("a1", 3, { now = t0 })
halqa.store.review("a2", 1, { now = t0 })
local second = halqa.store.review("a1", 3, { now = t0 + 3 * DAY })
t:equal(second.elapsed_days, 3, "elapsed days count from the last review's day")
local direct = halqa.fsrs.review(halqa.fsrs.review(nil, 3), 3, 3)
t:equal(string.format("%.6f", second.stability), string.format("%.6f", direct.stability), "the store schedules with FSRS")

local st = halqa.store.stats(t0 + 3 * DAY, 30)
local decks = {}
for _, d in ipairs(st.decks) do decks[d.deck] = d end
t:equal(decks.alpha.new, 0, "alpha has no new cards")
t:equal(decks.alpha.learning, 2, "alpha has two learning cards")
t:equal(decks.alpha.due, 1, "the card rated Again is due on day 3")
t:equal(decks.alpha.mature, 0, "nothing is mature yet")
t:equal(decks.beta.new, 1, "beta's card is new")
t:equal(st.retention.reviews, 1, "retention counts only reviews of cards seen on an earlier day")
t:equal(st.retention.passed, 1, "that review was recalled")
local reviews = 0
for _, h in ipairs(st.heatmap) do reviews = reviews + h.reviews end
t:equal(reviews, 3, "the heatmap holds all three reviews")
t:equal(st.forecast[1].due, 1, "today's forecast counts the overdue card")
t:check(#st.weakest >= 1 and st.weakest[1].fact == "CMKP", "the fact rated Again is the weakest")

local text = render.text(st)
t:check(text:find("alpha                  0         2          1       0", 1, true) ~= nil, "the deck table shows alpha's counts")
t:check(text:find("True retention (last 30 days): 100% (1 of 1 reviews recalled)", 1, true) ~= nil, "retention is shown")
t:check(text:find("Due in the next 14 days:", 1, true) ~= nil, "the forecast covers 14 days")
t:check(text:find("Communist Mazdoor Kissan Party", 1, true) ~= nil, "the weakest fact is named")
for line in text:gmatch("[^\n]+") do
  t:check(utf8.len(line) <= 80, "the report fits 80 columns: " .. line)
end

-- undo takes back exactly the last review
local before = halqa.store.card("a1")
halqa.store.review("a1", 1, { now = t0 + 4 * DAY })
t:equal(halqa.store.undo(), "a1", "undo names the card")
local after = halqa.store.card("a1")
t:equal(after.reps, before.reps, "undo restores the repetitions")
t:equal(after.due_day, before.due_day, "undo restores the due day")

-- a missed quiz question makes the cards of its facts due
t:equal(halqa.store.make_due({ "CPP" }, t0 + 4 * DAY), 1, "make_due brings a reviewed card back")
t:check(halqa.store.card("a1").due_day <= halqa.store.today(t0 + 4 * DAY), "its due day is today")

-- a card whose fact vanished is retired, kept with its history, and comes back
local r = halqa.store.sync_cards("beta", {}, t0)
t:equal(r.retired, 1, "a vanished card is retired")
t:check(halqa.store.card("b1") ~= nil, "a retired card is kept")
t:equal(halqa.store.sync_cards("beta", { card("b1", "DSF") }, t0).revived, 1, "it comes back when its fact does")
t:done()
