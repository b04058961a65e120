-- lib/classroom/screen.lua: what the projector shows in a networked game — the lobby (join code,
-- address, a QR code drawn in the terminal, the players as they join), each question with its
-- countdown and how many have answered, and the reveal. The question, answer and scoreboard are
-- the drill's own (lib/drill/screen.lua); functions return text, lib/classroom/serve.lua writes it.

local T = require("lib.text")
local Scr = require("lib.drill.screen")

local S = {}

local QUIET = 2 -- modules of light margin around the code, which scanners need

-- The QR code of text as terminal lines, two module rows a line with half blocks; light modules
-- are drawn (as `qrencode -t UTF8` does), so on a dark terminal the code reads dark on light. nil
-- when it does not fit in width columns or there is no QR library.
function S.qr(text, width)
  local rows = halqa.classroom.qr(text)
  if not rows then return nil end
  local n = #rows + 2 * QUIET
  if n > width then return nil end
  local function dark(r, c)
    r, c = r - QUIET, c - QUIET
    if r < 1 or r > #rows or c < 1 or c > #rows then return false end
    return rows[r]:sub(c, c) == "1"
  end
  local lines = {}
  for r = 1, n, 2 do
    local cells = {}
    for c = 1, n do
      local top, bottom = not dark(r, c), r + 1 <= n and not dark(r + 1, c)
      cells[c] = top and bottom and "█" or top and "▀" or bottom and "▄" or " "
    end
    lines[#lines + 1] = table.concat(cells)
  end
  return table.concat(lines, "\n")
end

-- The lobby: how to join, then who has.
function S.lobby(g, ctx, width)
  local names = {}
  for _, p in ipairs(g.players) do
    if not p.kicked then names[#names + 1] = p.name end
  end
  local lines = { T.color("bold", "halqa classroom") .. (ctx.locked and T.color("red", "  (locked)") or ""), "",
    T.wrap("Join on a phone at " .. ctx.url, width),
    T.wrap("or from a terminal: halqa join " .. ctx.address .. " " .. ctx.code .. " --name NAME", width),
    "", "Join code: " .. T.color("bold", ctx.code), "" }
  local qr = ctx.show_qr and S.qr(ctx.url, width)
  if qr then lines[#lines + 1] = qr lines[#lines + 1] = "" end -- as is: wrapping would close its gaps
  lines[#lines + 1] = T.wrap(T.color("bold", string.format("%d joined", #names)) .. (#names > 0 and ": " or "") ..
    table.concat(names, ", "), width)
  lines[#lines + 1] = ""
  lines[#lines + 1] = T.color("dim", T.wrap("Enter starts the game · /kick NAME · /lock · /end · /help", width))
  return table.concat(lines, "\n")
end

-- A question as the class sees it: header, the prompt large, the choices.
function S.question(g, width)
  local q = g.current.q
  local margin = width >= 60 and 4 or (width >= 40 and 2 or 0)
  local pad, inner = string.rep(" ", margin), math.max(20, width - 2 * margin)
  local lines = { T.color("dim", string.format("Question %d of %d", g.i, #g.questions)), "", "",
    pad .. T.color("bold", T.wrap(q.prompt, inner)):gsub("\n", "\n" .. pad), "" }
  for _, l in ipairs(Scr.choices(q, inner, pad)) do lines[#lines + 1] = l end
  lines[#lines + 1] = ""
  return table.concat(lines, "\n")
end

-- The prompt under a question: the seconds left and how many have answered.
function S.prompt(g, left)
  local clock = left and string.format("[%3ds] ", math.max(0, math.ceil(left))) or ""
  if left and left <= 5 and halqa.color() then clock = "\1\27[31m\2" .. clock .. "\1\27[0m\2" end
  return string.format("%s%d of %d answered > ", clock, g.current.count, g:active())
end

local CLOSED = { time = "Time is up.", all = "Everyone has answered.", revealed = "Revealed by the teacher.",
                 skipped = "Skipped." }

-- After a question closed: how it closed, how the class did, the answer and the scores.
function S.reveal(g, width, top)
  local answered, right = g:tally()
  local lines = { T.color("bold", CLOSED[g.current.closed] or "Closed."),
    T.wrap(string.format("%d of %d answered, %d right.", answered, g:active(), right), width) }
  if g.current.closed ~= "skipped" then lines[#lines + 1] = Scr.answer(g, g.current.q, width) end
  lines[#lines + 1] = ""
  -- the scoreboard of the top players only: a class of thirty does not fit on one screen
  local view = setmetatable({ standings = function()
    local st, out = g:standings(), {}
    for i = 1, math.min(top, #st) do out[i] = st[i] end
    return out
  end }, { __index = g })
  lines[#lines + 1] = Scr.scoreboard(view, width)
  if #g.players > top then lines[#lines + 1] = T.color("dim", string.format("(and %d more)", #g.players - top)) end
  return table.concat(lines, "\n")
end

return S
