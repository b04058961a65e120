-- tests/scripts/drill_engine.lua: the drill's rules and moves (lib/drill/rules.lua, engine.lua) played
-- with simulated time, the screens at narrow widths with wide characters, and the worksheet's
-- questions against the drill's. Run as `halqa tests/scripts/drill_engine.lua`.

local t = require("lib.testing").new()
local R = require("lib.drill.rules")
local E = require("lib.drill.engine")
local C = require("lib.drill.clock")
local Scr = require("lib.drill.screen")
local Rep = require("lib.drill.report")
local Sel = require("lib.drill.select")
local T = require("lib.text")

-- Questions whose answers we know: true/false from the bank, answered with q.answer.
local pool = Sel.questions({ count = 6, kind = { "truefalse" } }, 3)
t:equal(#pool, 6, "six true/false questions for seed 3")
local function wrong(q) return q.answer == "true" and "false" or "true" end

---------------------------------------------------------------------------------------- points

local std = R.make(nil, {})
t:equal(std.points(std, { passed = false, seconds = 5, streak = 1 }), 10, "base points")
t:equal(std.points(std, { passed = true, seconds = 5, streak = 1 }), 5, "a pass is worth half")
t:equal(std.points(std, { passed = false, seconds = 5, streak = 4 }), 10, "no streak bonus unless asked")
local fast = R.make(nil, { speed = true, streaks = true, time = 20 })
t:equal(fast.points(fast, { passed = false, seconds = 0, streak = 1 }), 15, "speed: all the time left gives speed_max")
t:equal(fast.points(fast, { passed = false, seconds = 10, streak = 1 }), 13, "speed: half the time left (2.5 rounds up)")
t:equal(fast.points(fast, { passed = false, seconds = 20, streak = 1 }), 10, "speed: no time left, no speed points")
t:equal(fast.points(fast, { passed = false, seconds = 20, streak = 2 }), 12, "streak of two: +2")
t:equal(fast.points(fast, { passed = false, seconds = 20, streak = 9 }), 16, "streak bonus is capped at +6")
local untimed = R.make(nil, { speed = true, time = 0 })
t:equal(untimed.points(untimed, { passed = false, seconds = 3, streak = 1 }), 10, "no speed points when untimed")
local light = R.make(R.load("lightning"), {})
t:equal(light.time, 10, "the lightning variant sets ten seconds")
t:equal(light.pass, false, "the lightning variant does not pass")
t:check(R.load("nope") == nil, "an unknown variant is nil")
t:check(not pcall(R.make, { base = -1 }, {}), "negative base points are refused")
t:check(select(2, pcall(R.make, { points = 3 }, {})):find("points must be a function", 1, true) ~= nil,
  "a variant's points must be a function")
local text = table.concat(R.describe(fast), "\n")
t:check(text:find("Speed points: up to 5", 1, true) and text:find("Streaks: +2", 1, true), "the rules describe speed and streaks")
t:check(table.concat(R.describe(std), "\n"):find("Speed points: off.", 1, true) ~= nil, "the rules say speed is off")

---------------------------------------------------------------------------------------- moves

local clock = C.simulated()
local d = E.new(pool, { "Red", "Green", "Blue" }, std)
t:check(d:next(), "the first question starts")
t:equal(d.current.player, 1, "question 1 goes to the first team")
clock.advance(4)
local rec = d:answer(pool[1].answer, clock.now())
t:equal(rec.verdict, "correct", "a right answer")
t:equal(rec.points, 10, "10 points")
t:equal(rec.seconds, 4, "the simulated seconds are recorded")
t:check(not d.current.open, "a right answer closes the question")

d:next()
t:equal(d.current.player, 2, "question 2 goes to the next team")
rec = d:timeout(30)
t:equal(rec.verdict, "timeout", "a time-out is a miss")
t:equal(rec.passed_to, 3, "it passes to the next team")
t:check(d.current.open and d.current.passed, "the question stays open, passed")
rec = d:answer(pool[2].answer, 3)
t:equal(rec.points, 5, "a passed question answered right: half points")
t:equal(d.players[3].points, 5, "Blue has 5")

d:next()
t:equal(d.current.player, 3, "question 3: Blue")
d:answer(wrong(pool[3]), 2)
t:equal(d.current.player, 1, "passed to Red, wrapping around")
d:answer(wrong(pool[3]), 2)
t:check(not d.current.open, "one pass only: the second miss closes the question")
local o = d:override()
t:equal(o.player, 1, "the override accepts the last rejected answer (Red's)")
t:equal(o.points, 5, "the override gives what a passed answer earns")
t:equal(d.players[1].points, 15, "Red now has 15")
local u = d:undo()
t:equal(u.kind, "override", "undo takes back the override")
t:equal(d.players[1].points, 10, "Red back to 10")
t:equal(o.verdict, "wrong", "the answer is rejected again")

d:next()
d:adjust(2, 1)
d:adjust(1, -1)
t:equal(d.players[2].points, 1, "a point given")
t:equal(d.players[1].points, 9, "a point taken")
d:undo()
t:equal(d.players[1].points, 10, "undo gives the point back")
d:reveal()
t:check(not d.current.open and d.revealed[4], "reveal closes the question")

d:next()
d:answer(pool[5].answer, 1)
u = d:undo()
t:equal(u.kind, "answer", "undo takes back a right answer's points")
t:equal(u.record.verdict, "undone", "the undone answer no longer counts as right")
t:equal(d.players[2].points, 1, "Green back to 1")
d:finish()
t:check(d.ended_early, "ending with a question left is ending early")
t:check(not d:next(), "no question after the end")

local st = d:standings()
t:equal(st[1].name, "Red", "Red leads")
t:equal(st[1].points, 10, "Red: 10")
t:equal(st[2].name, "Blue", "Blue second")
t:equal(st[3].name, "Green", "Green third")
t:equal(st[1].right .. "/" .. st[1].asked, "1/2", "Red: 1 right of 2")
t:equal(st[3].right .. "/" .. st[3].asked, "0/2", "Green: the undone answer is not right")

local missed = d:most_missed()
t:equal(missed[1].n, 3, "question 3 is the most missed (two misses)")
t:equal(missed[1].misses, 2, "two misses")

-- No passing: a miss closes the question.
local np = E.new(pool, { "A", "B" }, R.make(nil, { pass = false }))
np:next()
np:answer(wrong(pool[1]), 1)
t:check(not np.current.open, "with --no-pass a miss ends the question")

-- Streaks through the engine.
local sk = E.new(pool, { "Solo" }, R.make(nil, { streaks = true }))
local pts = {}
for i = 1, 3 do
  sk:next()
  pts[i] = sk:answer(pool[i].answer, 1).points
end
t:equal(table.concat(pts, " "), "10 12 14", "streak bonus grows with each right answer in a row")

-- The clock: pauses do not count.
local c2 = C.simulated()
c2.advance(5)
c2.pause()
c2.advance(100)
c2.resume()
c2.advance(1)
t:equal(c2.now(), 6, "time paused does not count")

---------------------------------------------------------------------------------------- report

local info = { seed = 3, names = { "Red", "Green", "Blue" }, teams = true, date = "2026-01-01 10:00", seconds = 95,
               adjustments = { { player = 2, delta = 1 } } }
local md = Rep.markdown(d, info)
t:check(md:find("| 1 | Red | 10 | 1 | 2 | 50% |", 1, true) ~= nil, "the Markdown standings row for Red")
t:check(md:find("| 3 | Red | " .. wrong(pool[3]) .. " | wrong | 0 |", 1, true) ~= nil, "every answer is in the report")
local csv = Rep.csv(d, info)
t:check(csv:find("total,,,Red,,1/2,10,,,,", 1, true) ~= nil, "the CSV totals row for Red")
local rows = 0
for line in csv:gmatch("[^\n]+") do if line:match("^answer,") then rows = rows + 1 end end
t:equal(rows, #d.answers, "one CSV row per answer")
t:check(select(2, Rep.for_file("x.txt", d, info)):find(".md or .csv", 1, true) ~= nil, "a report must be .md or .csv")

---------------------------------------------------------------------------------------- screens

local wide = E.new(pool, { "سرخ ٹیم", "中文队", "Green" }, std)
wide:next()
for _, width in ipairs({ 20, 30, 40, 80 }) do
  for _, screen in ipairs({ Scr.question(wide, width), Scr.scoreboard(wide, width), Scr.answer(wide, pool[1], width) }) do
    local widest = 0
    for line in (screen .. "\n"):gmatch("(.-)\n") do widest = math.max(widest, T.width(line)) end
    t:check(widest <= width, string.format("every line fits %d columns (widest %d)", width, widest))
  end
end
t:equal(T.width("中文队"), 6, "wide characters take two columns")
t:equal(T.width("سرخ ٹیم"), 7, "Urdu letters take one column each")
t:check(T.wrap("a " .. string.rep("x", 50), 20):find("\n", 1, true) ~= nil, "a word wider than the screen is cut")

---------------------------------------------------------------------------------------- worksheet

-- The worksheet for a seed asks what the drill for that seed asks, in the same order.
local a = Sel.questions({ count = 5 }, 77)
local b = Sel.questions({ count = 5 }, 77)
local same = #a == 5
for i = 1, #a do same = same and a[i].id == b[i].id end
t:check(same, "the same seed selects the same questions")
local c = Sel.questions({ count = 5 }, 78)
local differ = false
for i = 1, #a do differ = differ or a[i].id ~= c[i].id end
t:check(differ, "another seed selects other questions")
local none, why = Sel.questions({ count = 5, kind = { "nope" } }, 1)
t:check(none == nil and why:find("kind 'nope'", 1, true) ~= nil, "an unknown filter value is named")

t:done()
