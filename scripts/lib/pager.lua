-- lib/pager.lua: a long text at a terminal, a screenful at a time (the REPL's results: one
-- record can be thousands of characters); in a pipe, or when it fits, the text whole.

local T = require("lib.text")

local P = {}

-- The lines of text as the screen shows them: a line wider than the screen is wrapped at word
-- boundaries; the others are kept as they are (tabs and all).
local function screen_lines(text, width)
  local out = {}
  for line in (text .. "\n"):gmatch("(.-)\n") do
    if T.width(line) <= width then
      out[#out + 1] = line
    else
      local lead = line:match("^(%s*)")
      for l in (T.wrap(line, width, lead .. "  ") .. "\n"):gmatch("(.-)\n") do out[#out + 1] = l end
    end
  end
  return out
end

-- Prints text; at a terminal, stops after each screenful to ask for the next (Enter) or to stop
-- (q). The question is erased once answered, so the pages read on as one text.
function P.print(text)
  if not halqa.interactive() then print(text) return end
  local width, page = halqa.columns(), math.max(halqa.rows() - 1, 3)
  local lines = screen_lines(tostring(text), width)
  if #lines <= page then print(table.concat(lines, "\n")) return end
  local shown = 0
  while shown < #lines do
    local last = math.min(shown + page, #lines)
    print(table.concat(lines, "\n", shown + 1, last))
    shown = last
    if shown < #lines then
      local left = #lines - shown
      local answer = halqa.readline(T.cut("-- " .. T.plural(left, "more line") .. ": Enter, or q to stop --", width - 2) .. " ")
      halqa.write("\27[1A\27[2K") -- the question's line is gone: the next page follows the last
      if answer == nil or answer:match("^%s*[qQ]") then return end
    end
  end
end

return P
