-- tests/scripts/card_rating.lua: the intervals shown beside each rating (halqa.store.preview) are
-- exactly what halqa.store.review then schedules, for a new card and a reviewed one.

local t = require("lib.testing").new()
local build = require("lib.cards.build")

local by_deck = {}
for _, c in ipairs(build.all()) do
  by_deck[c.deck] = by_deck[c.deck] or {}
  table.insert(by_deck[c.deck], { id = c.id, front = c.front, back = c.back, source = c.source, facts = c.facts })
end
halqa.store.sync_cards("dates", by_deck.dates)
local id = by_deck.dates[1].id
local day = 86400
local now = 1700000000

for step, rating in ipairs({ 3, 2, 4, 1, 3 }) do
  local shown = halqa.store.preview(id, now)
  t:equal(#shown, 4, "step " .. step .. ": an interval for each rating")
  local r = halqa.store.review(id, rating, { now = now })
  t:equal(r.interval, shown[rating].interval, "step " .. step .. ": rating " .. rating .. " schedules the interval shown")
  t:equal(r.minutes, shown[rating].minutes, "step " .. step .. ": rating " .. rating .. " schedules the step shown")
  now = now + math.max(1, r.interval) * day
end
t:check(not pcall(halqa.store.preview, "no-such-card", now), "an unknown card is an error")
t:check(not pcall(halqa.store.preview), "preview needs a card id")
t:done()
