-- lib/complete.lua: Tab completion of a command's arguments in the REPL — its options, their
-- values and its other words — from the completer the command registered (halqa.command's
-- fourth argument: a function of the words typed so far returning an option spec as lib.options
-- reads it).
--
-- In that spec an option may carry `values`, and the spec itself `args` (the words that are not
-- options, such as a deck or a topic). Either is a list, a function of the words typed so far
-- returning a list, or the name of one of the lists below ("parties", "generators", "files"...).
-- Completion runs nothing but these functions: no command starts, nothing is printed.

local M = {}

local function sorted_keys(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return out
end

-- The module names of a scripts folder, without the folder ("generators.dates" -> "dates").
local function script_names(folder)
  local out = {}
  for _, m in ipairs(halqa.scripts(folder)) do out[#out + 1] = m:match("([^.]+)$") end
  return out
end

-- The lists a spec may name. Each is made when asked, so a Tab costs only what it offers.
M.lists = {
  parties = function() return sorted_keys(parties) end,
  kinds = function() return sorted_keys(require("lib.quiz.question").kinds) end,
  generators = function()
    local out = {}
    for _, g in ipairs(require("lib.quiz.bank").generators()) do out[#out + 1] = g.name end
    return out
  end,
  -- the tags of the questions: only the questions know them, so the bank is walked (streamed,
  -- not kept)
  topics = function()
    local set = {}
    require("lib.quiz.bank").each(1, function(q)
      for _, t in ipairs(q.tags or {}) do set[t] = true end
    end)
    return sorted_keys(set)
  end,
  decks = function()
    local out = script_names("cards")
    for _, g in ipairs(require("lib.quiz.bank").generators()) do
      if g.cards then out[#out + 1] = g.name end
    end
    for _, p in ipairs(sorted_keys(parties)) do out[#out + 1] = p end
    return out
  end,
  circles = function() return require("lib.circle.topic").ids() end,
  formats = function() return script_names("exports") end,
  rules = function() return script_names("drills") end,
  commands = function()
    local out = {}
    for _, c in ipairs(halqa.commands()) do out[#out + 1] = c.name end
    return out
  end,
}

-- Splits the text after the command name as the command line does (blanks separate, quotes
-- group, a backslash escapes). Returns the finished words, the word being typed and the 0-based
-- byte offset at which what readline replaces begins (after an opening quote).
local function split(text)
  local words, cur, at = {}, nil, #text
  local i, n = 1, #text
  while i <= n do
    local c = text:sub(i, i)
    if c == " " or c == "\t" then
      if cur then words[#words + 1], cur = cur, nil end
      i = i + 1
    else
      if not cur then cur, at = "", i - 1 end
      if c == '"' or c == "'" then
        local j = text:find(c, i + 1, true)
        if cur == "" and not j then at = i end -- still inside the quote: readline's word follows it
        cur = cur .. text:sub(i + 1, (j or n + 1) - 1)
        i = (j or n) + 1
      elseif c == "\\" and i < n then
        cur, i = cur .. text:sub(i + 1, i + 1), i + 2
      else
        cur, i = cur .. c, i + 1
      end
    end
  end
  if not cur then at = #text end -- after a blank: a new, empty word
  return words, cur or "", at
end

local FILES = {} -- the marker a "files" list returns: the REPL completes file names itself

-- The list v stands for (see the top of this file).
local function list_of(v, words)
  if type(v) == "string" then
    if v == "files" then return FILES end
    v = M.lists[v]
  end
  if type(v) == "function" then v = v(words) end
  return type(v) == "table" and v or {}
end

-- The candidates for the word being typed after a command: whole words, sorted, each starting
-- with what was typed; then the offset of readline's word (see split), and true when file names
-- should be offered as well.
function M.words(completer, text)
  local words, part, at = split(text)
  local spec = completer(words) or {}
  local by = {}
  for _, o in ipairs(spec) do
    by["--" .. o[2]] = o
    if o[1] then by["-" .. o[1]] = o end
  end
  local out, seen, files = {}, {}, false
  local function offer(v, prefix)
    local list = list_of(v, words)
    if list == FILES then files = true return end
    for _, w in ipairs(list) do
      w = prefix .. tostring(w)
      if not seen[w] and w:sub(1, #part) == part then seen[w], out[#out + 1] = true, w end
    end
  end
  local function option_names()
    local names = {}
    for _, o in ipairs(spec) do names[#names + 1] = "--" .. o[2] end
    names[#names + 1] = "--help"
    offer(names, "")
  end
  local takes = function(o) return o and o.type ~= "flag" and o[3] ~= nil end
  local name = part:match("^(%-%-[^=]+)=")
  local prev = by[words[#words] or ""]
  if name then
    if takes(by[name]) then offer(by[name].values, name .. "=") end
  elseif takes(prev) then
    offer(prev.values, "")
  elseif part:sub(1, 1) == "-" then
    option_names()
  else
    offer(spec.args, "")
    if part == "" and #out == 0 and not files then option_names() end
  end
  table.sort(out)
  return out, at, files
end

return M
