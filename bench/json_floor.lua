-- bench/json_floor.lua: the baseline of bench/session.py's export — plain lua5.4 building N
-- tables of an exported question's shape (every field of `export --format json`, lists and
-- strings of like lengths, fresh strings each) and writing them as one pretty JSON array to
-- standard output, a question at a time, as halqa's export does. No generator logic, no checks.
-- usage: lua5.4 bench/json_floor.lua N
local n = tonumber(arg[1] or "1000")

local function quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

local function encode(v, out)
  local t = type(v)
  if t == "string" then out[#out + 1] = quote(v)
  elseif t == "number" or t == "boolean" then out[#out + 1] = tostring(v)
  elseif #v > 0 or next(v) == nil then
    out[#out + 1] = "["
    for i, x in ipairs(v) do
      if i > 1 then out[#out + 1] = ", " end
      encode(x, out)
    end
    out[#out + 1] = "]"
  else
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    out[#out + 1] = "{\n"
    for i, k in ipairs(keys) do
      out[#out + 1] = (i > 1 and ",\n\t" or "\t") .. quote(k) .. ":\t"
      encode(v[k], out)
    end
    out[#out + 1] = "\n}"
  end
end

local function question(i)
  local s = tostring(i)
  return {
    accepted = { "Other name " .. s },
    answer = "Communist Party of Pakistan " .. s,
    choices = { "Choice one " .. s, "Choice two " .. s, "Choice three " .. s, "Choice four " .. s },
    correct = { 2 },
    explanation = "The event " .. s .. " involved the Communist Party of Pakistan and the Awami League, in the 1950s.",
    facts = { "event_" .. s, "party_" .. s },
    generator = "events",
    id = "events.which_event.event_" .. s,
    kind = "choice",
    parties = { "CPP_" .. s, "AL_" .. s },
    prompt = "Which event fits this description? Parties: the CPP, the Awami League. Date: 1950s. " .. s,
    source = "Communist Party of Pakistan, section \"1950s\"; another source, \"whole document\"",
    sources = { { "cpp_article", "1950s" }, { "cpp_statement", "whole document" } },
    tags = { "events", "parties" },
  }
end

io.write("[")
for i = 1, n do
  local out = { i == 1 and "\n" or ",\n" }
  encode(question(i), out)
  io.write(table.concat(out))
end
io.write(n == 0 and "]\n" or "\n]\n")
