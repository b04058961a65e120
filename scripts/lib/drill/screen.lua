-- lib/drill/screen.lua: what the projector shows — the opening screen with the rules, each
-- question drawn large (cleared screen, wide margins, wrapped to the terminal's width, choices
-- lettered), whose turn it is, the countdown prompt, feedback and the scoreboard. Functions
-- return text; lib/drill/run.lua writes it. Widths are measured in terminal columns
-- (halqa.width), so Urdu and wide characters line up.

local T = require("lib.text")
local rules_lib = require("lib.drill.rules")

local S = {}

S.CLEAR = "\27[H\27[2J"

local function letter(i) return string.char(96 + i) end

-- The margin and the width of text inside it: wide screens get a wide margin, narrow ones none.
local function frame(width)
  local margin = width >= 60 and 4 or (width >= 40 and 2 or 0)
  return string.rep(" ", margin), math.max(20, width - 2 * margin)
end

-- left and right on one line of width columns (right dropped below when they do not fit).
local function spread(left, right, width)
  local gap = width - T.width(left) - T.width(right)
  if gap < 2 then return left .. "\n" .. right end
  return left .. string.rep(" ", gap) .. right
end

local function indent_all(text, pad)
  return pad .. text:gsub("\n", "\n" .. pad)
end

-- One line of the scores: "Red 20 · Green 15", the player whose turn it is in bold.
function S.score_line(d, width)
  local parts = {}
  for k, p in ipairs(d.players) do
    local s = p.name .. " " .. rules_lib.fmt(p.points)
    if d.current and d.current.open and d.current.player == k then s = T.color("bold", s) end
    parts[#parts + 1] = s
  end
  return T.wrap(table.concat(parts, "  ·  "), width)
end

-- The answer lines a kind needs, lettered.
local function choices(q, width, pad)
  local out = {}
  local function item(label, text)
    out[#out + 1] = indent_all(T.wrap(label .. text, width - #pad, string.rep(" ", T.width(label))), pad)
  end
  if q.kind == "choice" or q.kind == "multi" or q.kind == "order" then
    for i, c in ipairs(q.choices) do item(letter(i) .. ")  ", c) end
    local how = { choice = "one letter", multi = "every right letter, e.g. a c",
                  order = "the letters, earliest first, e.g. c a b" }
    out[#out + 1] = pad .. T.color("dim", "(" .. how[q.kind] .. ")")
  elseif q.kind == "match" then
    for i, l in ipairs(q.left) do item(i .. ".  ", l) end
    out[#out + 1] = ""
    for i, c in ipairs(q.choices) do item(letter(i) .. ")  ", c) end
    out[#out + 1] = pad .. T.color("dim", "(a letter for each number, e.g. 1b 2a 3c)")
  elseif q.kind == "truefalse" then
    out[#out + 1] = pad .. T.color("dim", "(true or false)")
  elseif q.kind == "date" then
    out[#out + 1] = pad .. T.color("dim", "(a date, e.g. 1948 or 6 March 1948)")
  elseif q.kind == "number" then
    out[#out + 1] = pad .. T.color("dim", "(a number)")
  end
  return out
end

-- The question screen: header, whose turn, the prompt large, the choices, the scores.
function S.question(d, width)
  local c = d.current
  local q, p = c.q, d.players[c.player]
  local pad, inner = frame(width)
  local turn = p.name .. "'s turn" .. (c.passed and " (passed: " .. rules_lib.fmt(d.rules.base * d.rules.pass_factor) .. " points)" or "")
  local lines = {
    spread(T.color("dim", string.format("Question %d of %d", d.i, #d.questions)), T.color("bold", turn), width),
    "",
    "",
    indent_all(T.color("bold", T.wrap(q.prompt, inner)), pad),
    "",
  }
  for _, l in ipairs(choices(q, inner, pad)) do lines[#lines + 1] = l end
  lines[#lines + 1] = ""
  lines[#lines + 1] = S.score_line(d, width)
  lines[#lines + 1] = ""
  return table.concat(lines, "\n")
end

-- The input prompt, with the seconds left when the question is timed. Colour codes are wrapped in
-- \1 \2 so readline measures the prompt right.
function S.prompt(d, left)
  local name = d.players[d.current.player].name
  local clock = left and string.format("[%3ds] ", math.max(0, math.ceil(left))) or ""
  if left and left <= 5 and halqa.color() then clock = "\1\27[31m\2" .. clock .. "\1\27[0m\2" end
  return clock .. name .. " > "
end

-- After an answer: the verdict, the points and what happens next.
function S.verdict(d, rec)
  local p = d.players[rec.player]
  local lines = {}
  if d.right(rec.verdict) then
    lines[#lines + 1] = T.color("green", string.format("✓ Right, %s! +%s", p.name, rules_lib.fmt(rec.points)))
  elseif rec.verdict == "timeout" then
    lines[#lines + 1] = T.color("red", "✗ Time is up, " .. p.name .. ".")
  else
    lines[#lines + 1] = T.color("red", "✗ Not right, " .. p.name .. ".") ..
      (rec.verdict == "near" and ("  " .. rec.feedback) or "")
  end
  if rec.passed_to then
    lines[#lines + 1] = string.format("Passed to %s for %s points.", d.players[rec.passed_to].name,
      rules_lib.fmt(d.rules.base * d.rules.pass_factor))
  end
  return table.concat(lines, "\n")
end

-- When a question closes: the answer, the explanation and the source.
function S.answer(d, q, width)
  local pad, inner = frame(width)
  local lines = { indent_all(T.wrap("Answer: " .. q.answer, inner, "        "), pad) }
  if q.explanation ~= "" then lines[#lines + 1] = indent_all(T.wrap(q.explanation, inner), pad) end
  lines[#lines + 1] = indent_all(T.color("dim", T.wrap("Source: " .. require("lib.cite").of(q), inner, "        ")), pad)
  return table.concat(lines, "\n")
end

-- The scoreboard between questions: rank, name, points, right answers, and a bar.
function S.scoreboard(d, width)
  local st = d:standings()
  local namew, best = 4, 0
  for _, s in ipairs(st) do
    namew = math.max(namew, T.width(s.name))
    best = math.max(best, s.points)
  end
  namew = math.min(namew, math.max(3, width - 18))
  local lines = { T.color("bold", "Scores"),
    T.color("dim", string.format("%2s. %s%s %5s %s", "#", "Name", string.rep(" ", math.max(0, namew - 4)), "Pts", "Right")) }
  for _, s in ipairs(st) do
    local name = T.cut(s.name, namew)
    local fixed = string.format("%2d. %s%s %5s %d/%d ", s.rank, name, string.rep(" ", namew - T.width(name)),
      rules_lib.fmt(s.points), s.right, s.asked)
    local room = math.min(30, width - T.width(fixed))
    local bar = (best > 0 and room > 0) and string.rep("█", math.floor(room * math.max(0, s.points) / best)) or ""
    lines[#lines + 1] = fixed .. T.color("cyan", bar)
  end
  return table.concat(lines, "\n")
end

S.KEYS_HELP = "Teacher keys: Alt-r reveal · Alt-s skip · Alt-p pause · Alt-o accept the last answer · " ..
  "Alt-+ / Alt-- give / take a point · Alt-u undo · Alt-e end · Alt-h help " ..
  "(or type /reveal /skip /pause /ok /+ NAME /- NAME /undo /end /help)"

-- The opening screen: the players, the rules (every one that affects the score) and the keys.
function S.opening(d, info, width)
  local lines = { T.color("bold", "halqa classroom drill"), "",
    T.wrap(string.format("%s, seed %d. %s: %s.", T.plural(#d.questions, "question"), info.seed,
      info.teams and "Teams" or "Players", table.concat(info.names, ", ")), width), "" }
  for _, l in ipairs(rules_lib.describe(d.rules)) do lines[#lines + 1] = T.wrap(l, width, "  ") end
  lines[#lines + 1] = ""
  lines[#lines + 1] = T.color("dim", T.wrap(S.KEYS_HELP, width))
  return table.concat(lines, "\n")
end

S.choices = choices -- the lettered answer lines, for the classroom's screens too

return S
