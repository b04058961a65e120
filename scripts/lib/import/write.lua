-- lib/import/write.lua: the text of the generator file an imported question set becomes (see
-- lib/import/play.lua): plain Lua data a teacher can read and edit, one question a line group.

local W = {}

-- Lua source for a value: strings with %q, lists and records with sorted keys.
local function lua(v, indent)
  local t = type(v)
  if t == "string" then return (string.format("%q", v):gsub("\\\n", "\\n")) end
  if t ~= "table" then return tostring(v) end
  local parts = {}
  if #v > 0 or next(v) == nil then
    for _, x in ipairs(v) do parts[#parts + 1] = lua(x, indent) end
    return "{ " .. table.concat(parts, ", ") .. " }"
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if a == "line" or b == "line" then return a == "line" end -- line and kind first, to read
    if a == "kind" or b == "kind" then return a == "kind" end
    return a < b
  end)
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. " = " .. lua(v[k], indent) end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

function W.generator(name, file, format, questions)
  local out = {
    string.format("-- generators/%s.lua: %d questions imported by `halqa import` from %s (%s).", name, #questions, file, format),
    "-- Each is asked, graded and carded like a bundled question, citing the file and line it came",
    "-- from. Edit the text freely; keep the order, since your progress refers to the questions by",
    "-- their place in this list. See lib/import/play.lua.",
    string.format("return require(\"lib.import.play\")(%q, %q, {", name, file),
  }
  for _, q in ipairs(questions) do
    local copy = {}
    for k, v in pairs(q) do if k ~= "title" then copy[k] = v end end
    if copy.explanation == "" then copy.explanation = nil end
    if copy.tags and #copy.tags == 0 then copy.tags = nil end
    if copy.accepted and #copy.accepted == 0 then copy.accepted = nil end
    out[#out + 1] = "  " .. lua(copy, "  ") .. ","
  end
  out[#out + 1] = "})"
  return table.concat(out, "\n") .. "\n"
end

return W
