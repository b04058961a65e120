-- lib/text.lua: text for the terminal — wrapping to a width, and colour when it is wanted.

local T = {}

-- Display width of a UTF-8 string, counting one column per code point (a good enough measure
-- for the Latin and Urdu text of the dataset; the drill measures wide characters properly).
function T.width(s)
  return utf8.len(s) or #s
end

-- Wraps text to width columns; continuation lines start with indent.
function T.wrap(text, width, indent)
  indent = indent or ""
  width = math.max(width or halqa.columns(), 20)
  local out = {}
  for para in (text .. "\n"):gmatch("(.-)\n") do
    local line = ""
    for word in para:gmatch("%S+") do
      local lead = (#out == 0 and line == "") and "" or (line == "" and indent or "")
      if line ~= "" and T.width(line) + 1 + T.width(word) > width then
        out[#out + 1] = line
        line = indent .. word
      else
        line = (line == "" and lead or line .. " ") .. word
      end
    end
    out[#out + 1] = line
  end
  return table.concat(out, "\n")
end

local codes = { green = "32", red = "31", yellow = "33", bold = "1", dim = "2", cyan = "36" }

-- text in a colour (or bold/dim) when the output is a colour terminal, else plain.
function T.color(name, text)
  if not halqa.color() then return text end
  return "\27[" .. codes[name] .. "m" .. text .. "\27[0m"
end

return T
