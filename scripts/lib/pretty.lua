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

-- A long string as Lua the screen can hold: pieces that break at spaces, joined with `..` on lines
-- of their own, aligned under the first (still a valid expression to paste back).
local function long_string(s, lead, width)
  local room = width - #lead - 5
  if #s + 2 <= width - #lead or room < 20 or s:find("\n", 1, true) then return scalar(s) end
  local pieces, cur = {}, ""
  for word in s:gmatch("%S+%s*") do
    if cur ~= "" and #cur + #word > room then
      pieces[#pieces + 1], cur = cur, ""
    end
    cur = cur .. word
  end
  if cur ~= "" then pieces[#pieces + 1] = cur end
  if table.concat(pieces) ~= s then return scalar(s) end -- leading spaces: keep it whole
  for i, p in ipairs(pieces) do pieces[i] = scalar(p) end
  return table.concat(pieces, " ..\n" .. lead)
end

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
    local v = t[k]
    if type(v) == "string" then
      items[#items + 1] = shown .. long_string(v, inner .. string.rep(" ", #shown), halqa.columns())
    else
      items[#items + 1] = shown .. format(v, depth + 1, inner, seen)
    end
  end
  if n > MAX_ITEMS then items[#items + 1] = "..." end
  seen[t] = nil
  local flat = "{ " .. table.concat(items, ", ") .. " }"
  -- flat when it fits on one line of the screen as well (a 40-column projector)
  if #flat <= math.min(MAX_FLAT, halqa.columns() - #indent - 24) and not flat:find("\n", 1, true) then return flat end
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
