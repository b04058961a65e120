-- lib/import/lines.lua: the lines of a text, numbered, without their "\n" or "\r\n" — found with
-- plain searches, since the sandbox caps patterns with wildcards on long texts.
return function(text)
  local pos, n = 1, 0
  return function()
    if pos > #text then return nil end
    local nl = text:find("\n", pos, true)
    local line = text:sub(pos, (nl or #text + 1) - 1)
    pos = (nl or #text) + 1
    n = n + 1
    if line:sub(-1) == "\r" then line = line:sub(1, -2) end
    return n, line
  end
end
