-- tests/scripts/store_scheduling.lua: the store's scheduling API for scripts — the four ratings'
-- preview, learning steps, per-deck desired retention, the forecast at two retentions, and the
-- optimizer (halqa.store.optimize = halqa.fsrs.optimize) with the weights it saves and `stats`.
-- Runs with --db :memory: (the ctest command line) so it starts from an empty store.

local t = require("lib.testing").new()
local render = require("lib.stats.render")
local scheduler = require("lib.stats.scheduler")
local S = halqa.store
local DAY = 86400
local t0 = os.time({ year = 2026, month = 3, day = 2, hour = 12 })

local cards = {}
for i = 1, 40 do cards[i] = { id = "c" .. i, front = "f" .. i, back = "b", facts = { "CPP" } } end
S.sync_cards("alpha", cards, t0)
S.sync_cards("beta", { { id = "z1", front = "z", back = "b", facts = { "DSF" } } }, t0)

-- preview: what each rating would do, without recording
local p = S.preview("c1", t0)
t:equal(#p, 4, "preview gives the four ratings")
t:equal(p[1].minutes, 1, "Again: the first learning step")
t:equal(p[2].minutes, 6, "Hard: between the steps")
t:equal(p[3].minutes, 10, "Good: the next step")
t:equal(p[4].phase, "review", "Easy graduates")
t:equal(p[4].interval, 8, "Easy: 8 days with the default weights")
t:equal(S.card("c1").reps, 0, "a preview records nothing")

-- a review follows the preview, step by step
local r = S.review("c1", 3, { now = t0 })
t:equal(r.minutes, 10, "the review lands on the previewed step")
t:equal(r.due_time, t0 + 600, "due ten minutes later")
t:equal(S.card("c1").phase, "learning", "the card is learning")
local again = S.preview("c1", t0 + 600)
r = S.review("c1", 3, { now = t0 + 600 })
t:equal(r.phase, "review", "Good on the last step graduates")
t:equal(r.interval, again[3].interval, "to the previewed interval")

-- per-deck desired retention
t:equal(S.deck_retention("alpha"), nil, "a deck follows the store's retention until set")
S.set_deck_retention("alpha", 0.8)
t:equal(S.deck_retention("alpha"), 0.8, "the deck keeps its own")
t:equal(S.preview("c2", t0)[4].interval, 28, "and its cards are scheduled for it (Easy: 28 days)")
t:equal(S.preview("z1", t0)[4].interval, 8, "another deck is not")
t:check(not pcall(S.set_deck_retention, "alpha", 1.2), "a retention outside (0, 1) is refused")
S.set_deck_retention("alpha", nil)
t:equal(S.deck_retention("alpha"), nil, "nil goes back to the store's")

-- configure: steps, and errors that name the field
S.configure{ learning_steps = { "2m", "1h" }, relearning_steps = {} }
t:equal(S.preview("c3", t0)[3].minutes, 60, "configured steps are used")
local ok, err = pcall(S.configure, { learning_steps = { "5x" } })
t:check(not ok and err:find("learning_steps[1]", 1, true) ~= nil, "a bad step names itself: " .. tostring(err))
S.configure{ learning_steps = { "1m", "10m" }, relearning_steps = { "10m" } }

-- a history for the optimizer: 40 cards reviewed over a year by a simulated learner
local rng = halqa.random(7)
for i = 2, 40 do
  local now, id = t0, "c" .. i
  S.review(id, 4, { now = now })
  for _ = 1, 6 do
    local c = S.card(id)
    now = now + math.max(1, c.interval) * DAY + rng:int(0, 3) * DAY
    S.review(id, rng:int(1, 10) <= 2 and 1 or 3, { now = now })
    if S.card(id).phase == "relearning" then S.review(id, 3, { now = now + 600 }) end
  end
end
local before = S.weights()
t:equal(before.fitted, false, "the defaults are in use before optimizing")
t:check(halqa.fsrs.optimize == S.optimize, "halqa.fsrs.optimize is the store's optimizer")
local dry = halqa.fsrs.optimize{ save = false }
t:check(dry.fitted and not dry.saved, "save = false only measures")
t:equal(S.weights().fitted, false, "and keeps the weights in use")
local fit = halqa.fsrs.optimize{ now = t0 }
t:check(fit.reviews >= fit.min_reviews, "enough reviews: " .. fit.reviews)
t:check(fit.after.log_loss <= fit.before.log_loss, "the fit is no worse than the defaults")
t:check(fit.before.rmse > 0 and fit.after.rmse > 0, "RMSE (bins) is measured before and after")
local w = S.weights()
t:check(fit.saved, "the fitted weights are saved (they fit better)")
t:equal(w.fitted, fit.saved, "the saved weights are the ones in use")
if fit.saved then
  t:equal(w.w[9], fit.w[9], "weights round-trip through the store")
  t:equal(S.parameters().w[9], fit.w[9], "and schedule the next reviews")
end

-- stats: the weights in use and the workload at two retentions
local st = S.stats(t0 + 400 * DAY, 30)
st.scheduler = scheduler.gather(st, 0.8, t0 + 400 * DAY)
t:equal(#st.scheduler.forecast.mine, 30, "a forecast of 30 days at the retention in use")
local mine, other = 0, 0
for i = 1, 30 do mine, other = mine + st.scheduler.forecast.mine[i], other + st.scheduler.forecast.other[i] end
t:check(other <= mine, "a lower retention means no more reviews (" .. other .. " vs " .. mine .. ")")
local text = render.text(st)
t:check(text:find(fit.saved and "with your own weights, fitted" or "with the default weights", 1, true) ~= nil,
  "stats says which weights are in use")
t:check(text:find("yours vs 80% retention", 1, true) ~= nil, "and shows the two forecasts side by side")
t:done()
