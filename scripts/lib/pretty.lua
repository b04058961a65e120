-- lib/pretty.lua: how the REPL shows values: tables with sorted keys, indented, depth-limited.
--
-- pretty(v1, v2, ...) returns one string; values are separated by tabs, as Lua's print does.
-- Keys sort numbers first (ascending), then strings (alphabetically), then the rest by type.

local MAX_DEPTH = 4
local MAX_ITEMS = 200
local MAX_FLAT = 72 -- a table whose one-line form is this short stays on one line

local function is_identifier(s)
  return type(s) == "string" and s:match("^[%a_][%w_]*$") ~= nil
end

local key_rank = { number = 1, string = 2, boolean = 3 }

local function key_before(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (key_rank[ta] or 9) < (key_rank[tb] or 9) end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

local function scalar(v)
  if type(v) == "string" then return (string.format("%q", v):gsub("\\\n", "\\n")) end
  return tostring(v)
end

local format

local function format_table(t, depth, indent, seen)
  if seen[t] then return "<cycle>" end
  if depth >= MAX_DEPTH then return "{...}" end
  local keys, n = {}, 0
  for k in pairs(t) do
    n = n + 1
    if n > MAX_ITEMS then break end
    keys[#keys + 1] = k
  end
  if #keys == 0 then return "{}" end
  table.sort(keys, key_before)
  seen[t] = true
  local len = #t
  local inner = indent .. "  "
  local items = {}
  for _, k in ipairs(keys) do
    local shown
    if math.type(k) == "integer" and k >= 1 and k <= len then
      shown = ""
    elseif is_identifier(k) then
      shown = k .. " = "
    else
      shown = "[" .. scalar(k) .. "] = "
    end
    items[#items + 1] = shown .. format(t[k], depth + 1, inner, seen)
  end
  if n > MAX_ITEMS then items[#items + 1] = "..." end
  seen[t] = nil
  local flat = "{ " .. table.concat(items, ", ") .. " }"
  if #flat <= MAX_FLAT and not flat:find("\n", 1, true) then return flat end
  return "{\n" .. inner .. table.concat(items, ",\n" .. inner) .. "\n" .. indent .. "}"
end

format = function(v, depth, indent, seen)
  if type(v) == "table" then return format_table(v, depth, indent, seen) end
  return scalar(v)
end

return function(...)
  local out = {}
  for i = 1, select("#", ...) do
    out[i] = format((select(i, ...)), 0, "", {})
  end
  return table.concat(out, "\t")
end
