-- tests/scripts/classroom_game.lua: the networked game's moves (lib/classroom/game.lua) on the
-- drill engine, what goes out to the devices (wire.lua), the projector's screens at 80 and 40
-- columns (screen.lua), and the journal played back (journal.lua) through halqa.store. Run as
-- `halqa --db :memory: tests/scripts/classroom_game.lua`.

local t = require("lib.testing").new()
local R = require("lib.drill.rules")
local Sel = require("lib.drill.select")
local Rep = require("lib.drill.report")
local G = require("lib.classroom.game")
local W = require("lib.classroom.wire")
local CS = require("lib.classroom.screen")
local T = require("lib.text")

local pool = Sel.questions({ count = 3, kind = { "truefalse" } }, 3)
local function wrong(q) return q.answer == "true" and "false" or "true" end
local rules = R.make(nil, { time = 20, pass = false })

---------------------------------------------------------------------------------------- joining

local g = G.new(pool, rules)
t:equal(g:join("  Ali   Khan "), 1, "a player joins")
t:equal(g.players[1].name, "Ali Khan", "spaces are tidied")
local k, why = g:join("ali khan")
t:check(k == nil and why:find("taken", 1, true), "a name taken in another case is refused")
t:check(g:join("   ") == nil, "an empty name is refused")
t:equal(T.width(g.players[g:join(string.rep("ب", 40))].name), G.NAME_WIDTH, "a long name is cut to its columns")
g:join("Sara")
t:equal(g:active(), 3, "three players")

---------------------------------------------------------------------------------------- answering

t:check(g:answer_from(1, "true", 1) == nil, "no answer before a question opens")
t:check(g:open(0), "the first question opens")
local q = g.current.q
local rec = g:answer_from(1, q.answer, 3)
t:equal(rec.verdict, "correct", "a right answer is graded right")
t:equal(g.players[1].points, 10, "and scores")
local none, twice = g:answer_from(1, wrong(q), 4)
t:check(none == nil and twice == "twice", "a second answer is refused")
local _, late = g:answer_from(3, q.answer, 21)
t:equal(late, "late", "an answer after the time is refused")
t:check(g:answer_from(3, wrong(q), 5), "a wrong answer is taken")
t:check(not g:all_answered(), "not everyone has answered")
g:kick(2)
t:check(g:all_answered(), "with the kicked player gone, everyone has")
local answered, right = g:tally()
t:check(answered == 2 and right == 1, "the tally: two answered, one right")

------------------------------------------------------------------------------------- the wire

local out = W.question(g, 12)
for _, field in ipairs({ "answer", "accept", "explanation", "source", "facts" }) do
  t:check(not out:find('"' .. field .. '"', 1, true), "a question goes out without its " .. field)
end
t:check(out:find('"left":12', 1, true), "with the time left")
g:close("time")
local rv = W.reveal(g, 3)
t:check(rv:find('"right":false', 1, true) and rv:find('"answer":', 1, true), "the reveal has the answer and the result")

---------------------------------------------------------------------------------------- the teacher

local ok = g:override(3)
t:check(ok and g.players[3].points == 10, "/ok NAME accepts that player's answer")
t:check(g:override(1) == nil, "a right answer needs no accepting")
g:undo()
t:equal(g.players[3].points, 0, "undo takes the acceptance back")
t:equal(g:rank_of(1), 1, "Ali leads")

------------------------------------------------------------------------------------- the screens

local ctx = { url = "http://192.168.1.20:8080/?code=123456", address = "192.168.1.20:8080", code = "123456",
              show_qr = halqa.classroom.available.qr }
for _, width in ipairs({ 80, 40 }) do
  for name, text in pairs({ lobby = CS.lobby(g, ctx, width), question = CS.question(g, width),
                            reveal = CS.reveal(g, width, 10) }) do
    local widest = 0
    for line in (text .. "\n"):gmatch("(.-)\n") do widest = math.max(widest, T.width(line)) end
    t:check(widest <= width, string.format("the %s fits %d columns (widest %d)", name, width, widest))
  end
end
if halqa.classroom.available.qr then
  local qr = CS.qr(ctx.url, 80)
  local widths = {}
  for line in (qr .. "\n"):gmatch("(.-)\n") do widths[utf8.len(line)] = true end
  t:check(next(widths, next(widths)) == nil, "every line of the QR code is as wide")
  t:check(CS.qr(ctx.url, 20) == nil, "a QR code that does not fit is left out")
end
t:check(Rep.markdown(g, { seed = 3, date = "today", adjustments = {} }):find("| 1 | Ali Khan |", 1, true),
  "the drill's report works on the game")

---------------------------------------------------------------------------------------- the journal

local J = require("lib.classroom.journal")
local fake = { restored = {} }
function fake:restore(seat, token) self.restored[seat] = token return true end
local session = halqa.store.begin_session("drill", { serve = true, seed = 3 })
local g1 = G.new(pool, rules)
local c1 = { g = g1, session = session, srv = fake, seat_player = {}, player_seat = {} }
g1:join("Ali") J.join(c1, 1, 1, "aa")
g1:join("Sara") J.join(c1, 2, 2, "bb")
g1:open(0) J.open(c1)
local r1 = g1:answer_from(1, g1.current.q.answer, 2)
halqa.store.record_answer(session, { question = r1.q.id, given = r1.given, verdict = r1.verdict, seconds = 2, player = "Ali" })
g1:adjust(2, 1) J.adjust(c1, 2, 1)
t:equal(J.find().id, session, "the unfinished networked game is found")
local g2 = G.new(pool, rules)
local c2 = { g = g2, session = nil, srv = fake, seat_player = {}, player_seat = {} }
t:equal(J.replay(c2, { id = session }), 1, "one answer played back")
t:check(g2.players[1].points == 10 and g2.players[2].points == 1 and g2.i == 1 and g2.current.open,
  "the game stands where it stood")
t:check(fake.restored[1] == "aa" and c2.player_seat[2] == 2, "the seats get their tokens back")
halqa.store.end_session(session)
t:check(J.find() == nil, "an ended game is not resumed")

t:done()
