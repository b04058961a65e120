-- lib/import/aiken.lua: reading Moodle's Aiken format: a question (one or more lines), its choices
-- lettered "A." or "A)" in order, then "ANSWER: X"; questions apart by blank lines or simply one
-- after another. Two choices True and False make a true/false question, the rest multiple
-- choice. A malformed file raises "file:line: what was expected".

local lines = require("lib.import.lines")
local A = {}

function A.parse(text, file)
  local out, q = {}, nil
  local n = 0
  local function fail(l, msg) error(string.format("%s:%d: %s", file, l, msg), 0) end
  for i, raw in lines(text) do
    n = i
    local l = raw:gsub("^%s+", ""):gsub("%s+$", "")
    local letter, choice = l:match("^(%u)[%.%)]%s+(.+)$")
    local answer = l:match("^ANSWER:%s*(.-)$")
    if l == "" then
      if q and #q.choices > 0 then fail(n, "expected 'ANSWER: <letter>' after the choices") end
    elseif answer then
      if not q then fail(n, "expected a question before 'ANSWER:'") end
      if #q.choices < 2 then fail(n, "expected at least two choices (A. ..., B. ...) before 'ANSWER:'") end
      local k = #answer == 1 and answer:byte() - 64
      if not k or k < 1 or k > #q.choices then
        fail(n, string.format("expected 'ANSWER:' and one of the letters A to %s", string.char(64 + #q.choices)))
      end
      local c = q.choices
      if #c == 2 and c[1]:lower() == "true" and c[2]:lower() == "false" then
        out[#out + 1] = { line = q.line, kind = "truefalse", prompt = q.prompt, truth = k == 1 }
      else
        local wrong = {}
        for i, ch in ipairs(c) do if i ~= k then wrong[#wrong + 1] = ch end end
        if #wrong > 5 then fail(q.line, "expected at most 6 choices (halqa asks 2 to 6)") end
        out[#out + 1] = { line = q.line, kind = "choice", prompt = q.prompt, answer = c[k], distractors = wrong }
      end
      q = nil
    elseif letter and q and q.prompt ~= "" then
      local want = string.char(65 + #q.choices)
      if letter ~= want then fail(n, string.format("expected choice %s next, found %s", want, letter)) end
      q.choices[#q.choices + 1] = choice
    else
      if q and #q.choices > 0 then fail(n, "expected the next choice or 'ANSWER: <letter>'") end
      if q then q.prompt = q.prompt .. " " .. l else q = { line = n, prompt = l, choices = {} } end
    end
  end
  if q then fail(n, "expected 'ANSWER: <letter>' to end the question that begins on line " .. q.line) end
  return out
end

return A
