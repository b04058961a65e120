-- lib/import/gift.lua: reading Moodle's GIFT format — the kinds halqa can ask: short answer
-- (=a =b, every form accepted), multiple choice (=right ~wrong), multiple answer (~%50%a
-- ~%50%b ~%-100%c: the choices with a positive weight are right), true/false (T, F, TRUE, FALSE),
-- matching (=left -> right), numerical (#n exact; #n:t or #lo..hi a span — a decade's span, or
-- its early, mid or late part, becomes a date question graded as halqa grades dates, any other
-- tolerance "about n"), and the
-- missing-word form (text {=answer} text) as a cloze. ::title::, [format] markers, // comments,
-- $CATEGORY lines, per-answer feedback (#...) and escapes (\~ \= \# \{ \} \: \\ \n) are read;
-- general feedback (####...) becomes the explanation. An essay ({}) or a description (no
-- answers) cannot be graded by halqa and is an error, like malformed text: "file:line: what".

local lines = require("lib.import.lines")
local G = {}

-- Escaped characters are set aside as private-use code points while the structure is read.
local ESC = { ["~"] = 1, ["="] = 2, ["#"] = 3, ["{"] = 4, ["}"] = 5, [":"] = 6, ["\\"] = 7, ["n"] = 8 }
local BACK = { "~", "=", "#", "{", "}", ":", "\\", " " }
local function hide(s)
  return (s:gsub("\\(.)", function(c)
    return ESC[c] and utf8.char(0xE000 + ESC[c]) or c
  end))
end
local function show(s)
  s = s:gsub(utf8.charpattern, function(ch)
    local cp = utf8.codepoint(ch)
    if cp > 0xE000 and cp <= 0xE000 + #BACK then return BACK[cp - 0xE000] end
    return ch
  end)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function fail(file, line, msg) error(string.format("%s:%d: %s", file, line, msg), 0) end

-- The items of an answer block: { mark = "=" | "~", weight = n or nil, text =, feedback = }.
local function items(body)
  local out = {}
  for mark, rest in body:gmatch("([=~])([^=~]*)") do
    local weight, text = rest:match("^%s*%%(%-?[%d%.]+)%%(.*)$")
    text = text or rest
    local feedback
    text, feedback = text:match("^([^#]*)#?(.*)$")
    out[#out + 1] = { mark = mark, weight = tonumber(weight), text = show(text), feedback = show(feedback) }
  end
  return out
end

-- A number: "1948", "1948:2", "1940..1949", with halqa's kind (number, or date for a decade).
local function numerical(q, body, file, line)
  local b = body:gsub("^%s*=?%s*", ""):gsub("%s*=.*$", ""):gsub("%s*#.*$", "")
  local lo, hi = b:match("^(%-?[%d%.]+)%s*%.%.%s*(%-?[%d%.]+)$")
  local v, tol = b:match("^(%-?[%d%.]+)%s*:%s*([%d%.]+)$")
  if lo then
    lo, hi = tonumber(lo), tonumber(hi)
  elseif v then
    lo, hi = tonumber(v) - tonumber(tol), tonumber(v) + tonumber(tol)
  elseif tonumber(b) then
    lo, hi = tonumber(b), tonumber(b)
  end
  if not lo or not hi or lo > hi then fail(file, line, "expected a number: #n, #n:tolerance or #low..high") end
  -- a decade's span (1950..1959) or part of one (early 1950..1953, mid 1953..1956, late
  -- 1956..1959, as halqa reads those words) is a date question
  local first, last = math.floor(lo + 0.5), math.floor(hi + 0.5)
  local decade = first - first % 10
  local PARTS = { [0] = "early", [3] = "mid", [6] = "late" }
  if first >= 1000 and hi - lo > 0 and first == decade and last == decade + 9 then
    q.kind, q.date = "date", { decade = decade }
  elseif first >= 1000 and last - first == 3 and PARTS[first % 10] then
    q.kind, q.date = "date", { decade = decade, part = PARTS[first % 10] }
  elseif lo == hi and lo == math.floor(lo) then
    q.kind, q.number = "number", math.tointeger(lo)
  else
    q.kind, q.number, q.approx = "number", math.floor((lo + hi) / 2 + 0.5), true
  end
end

-- One question (the text of a block, escapes hidden) starting on line `line`.
local function question(block, file, line)
  local title
  local text = block:gsub("^%s*::(.-)::", function(t) title = show(t); return "" end)
  text = text:gsub("^%s*%[%a+%]", "")
  local open = text:find("{", 1, true)
  if not open then fail(file, line, "expected an answer block { ... } (halqa cannot ask a question without answers)") end
  local close = text:find("}", open, true)
  if not close then fail(file, line, "expected '}' to close the answers opened on this question") end
  if text:find("{", open + 1, true) and text:find("{", open + 1, true) < close then fail(file, line, "expected '}' before another '{'") end
  local before, body, after = text:sub(1, open - 1), text:sub(open + 1, close - 1), text:sub(close + 1)
  if after:find("[{}]") then fail(file, line, "expected one answer block a question") end
  local q = { line = line, title = title }
  local general
  body = body:gsub("####(.*)$", function(f) general = show(f); return "" end)
  q.explanation = general or ""
  local cloze = show(after) ~= ""
  q.prompt = cloze and (show(before) .. " ____ " .. show(after)) or show(before)
  local b = body:gsub("^%s+", ""):gsub("%s+$", "")
  if q.prompt == "" or q.prompt == "____" then fail(file, line, "expected the question's text before its answers") end
  if b == "" then fail(file, line, "an essay question ({}) cannot be graded by halqa: expected answers in the braces") end
  local tf = b:match("^(%a+)%s*#?") 
  local TRUTH = { T = true, TRUE = true, F = false, FALSE = false }
  if tf and TRUTH[tf] ~= nil and b:gsub("#.*$", ""):match("^%a+%s*$") then
    q.kind, q.truth = "truefalse", TRUTH[tf]
    return q
  end
  if b:sub(1, 1) == "#" then
    numerical(q, b:sub(2), file, line)
    return q
  end
  local list = items(b)
  if #list == 0 then fail(file, line, "expected answers starting with = or ~ inside the braces") end
  if list[1].text:find("->", 1, true) then
    q.kind, q.pairs = "match", {}
    for _, it in ipairs(list) do
      local l, r = it.text:match("^(.-)%s*%->%s*(.+)$")
      if it.mark ~= "=" or not l then fail(file, line, "expected every matching pair as =left -> right") end
      if l == "" then fail(file, line, "expected a left side in every pair (halqa has no extra right-hand answers)") end
      q.pairs[#q.pairs + 1] = { l, r }
    end
    if #q.pairs < 3 or #q.pairs > 6 then fail(file, line, "expected 3 to 6 matching pairs (halqa asks that many)") end
    return q
  end
  local right, wrong, weighted = {}, {}, false
  for _, it in ipairs(list) do
    if it.weight then weighted = true end
    if it.text == "" then fail(file, line, "expected text after every = or ~") end
    if (it.mark == "=" and (it.weight or 100) > 0) or (it.mark == "~" and (it.weight or 0) > 0) then
      right[#right + 1] = it.text
    else
      wrong[#wrong + 1] = it.text
    end
  end
  if #wrong == 0 then
    if cloze then q.kind = "cloze" else q.kind = "short" end
    q.answer, q.accepted = right[1], { table.unpack(right, 2) }
  elseif #right == 1 then
    if #wrong > 5 then fail(file, line, "expected at most 6 choices (halqa asks 2 to 6)") end
    q.kind, q.answer, q.distractors = "choice", right[1], wrong
  elseif #right >= 2 and weighted then
    if #right + #wrong < 4 or #right + #wrong > 6 then fail(file, line, "expected 4 to 6 choices in a multiple-answer question") end
    q.kind, q.answers, q.distractors = "multi", right, wrong
  else
    fail(file, line, "expected one right answer (=) among the choices (~), or weights (~%50%) for several")
  end
  if cloze and q.kind ~= "cloze" then q.prompt = q.prompt:gsub(" ____ ", " ____ ") end
  return q
end

-- The questions of a GIFT text.
function G.parse(text, file)
  local out = {}
  local block, start, n = {}, nil, 0
  local depth_line -- the line of an open brace, while inside one
  local function flush()
    if start then out[#out + 1] = question(table.concat(block, "\n"), file, start) end
    block, start = {}, nil
  end
  for i, raw in lines(text) do
    n = i
    local l = hide(raw)
    if not depth_line and l:match("^%s*//") then
      -- a comment line
    elseif not depth_line and l:match("^%s*%$CATEGORY:") then
      flush()
    elseif l:match("^%s*$") and not depth_line then
      flush()
    else
      if not start then start = n end
      block[#block + 1] = l
      local opens, closes = select(2, l:gsub("{", "")), select(2, l:gsub("}", ""))
      if opens > closes then depth_line = depth_line or n
      elseif closes > opens then depth_line = nil end
    end
  end
  if depth_line then fail(file, depth_line, "expected '}' to close the answers opened here") end
  flush()
  return out
end

return G
