-- lib/text.lua: text for the terminal — wrapping to a width, and colour when it is wanted.

local T = {}

-- Display width of a UTF-8 string in terminal columns: wide characters count two, combining
-- marks none, colour escapes none (halqa.width, from utf8proc).
T.width = halqa.width

-- Splits a word wider than width into pieces that fit (a long name on a narrow projector).
local function pieces(word, width)
  if T.width(word) <= width then return { word } end
  local out, cur = {}, ""
  for _, c in utf8.codes(word, true) do
    local ch = utf8.char(c)
    if cur ~= "" and T.width(cur .. ch) > width then
      out[#out + 1] = cur
      cur = ""
    end
    cur = cur .. ch
  end
  if cur ~= "" then out[#out + 1] = cur end
  return out
end

-- The longest start of s that fits width columns.
function T.cut(s, width)
  if T.width(s) <= width or not utf8.len(s) then return s end
  return pieces(s, math.max(1, width))[1]
end

-- Wraps text to width columns; continuation lines start with indent. A paragraph's own leading
-- spaces are kept on its first line (an indented example stays indented). A word wider than the
-- width is cut where it must be, so no line is ever wider.
function T.wrap(text, width, indent)
  indent = indent or ""
  width = math.max(width or halqa.columns(), 20)
  local out = {}
  local start -- the first line's leading spaces, until its first word is placed
  local function add(line, word)
    if start then
      local first = start .. word
      start = nil
      if T.width(first) <= width then return first end
    end
    local lead = (#out == 0 and line == "") and "" or (line == "" and indent or "")
    if line ~= "" and T.width(line) + 1 + T.width(word) > width then
      out[#out + 1] = line
      return indent .. word
    end
    return (line == "" and lead or line .. " ") .. word
  end
  for para in (text .. "\n"):gmatch("(.-)\n") do
    local line = ""
    start = para:match("^ +")
    for word in para:gmatch("%S+") do
      for _, piece in ipairs(utf8.len(word) and pieces(word, width - #indent) or { word }) do
        line = add(line, piece)
      end
    end
    out[#out + 1] = line
  end
  return table.concat(out, "\n")
end

-- prefix as given (a padded column: T.wrap would close up its spaces), then text wrapped in the
-- columns left, its continuation lines under its first word.
function T.hang(prefix, text, width)
  local w = T.width(prefix)
  return prefix .. T.wrap(text, math.max(20, width - w)):gsub("\n", "\n" .. string.rep(" ", w))
end

-- Text whose every line fits width columns: a line that is wider is wrapped (its runs of spaces
-- then close up); lines that fit keep their alignment.
function T.fit(text, width)
  local out = {}
  for line in (text .. "\n"):gmatch("(.-)\n") do
    out[#out + 1] = T.width(line) > width and T.wrap(line, width, "  ") or line
  end
  return table.concat(out, "\n")
end

-- "1 question", "3 questions": a count with its noun (plural given when it is not noun .. "s").
function T.plural(n, noun, plural)
  return string.format("%d %s", n, n == 1 and noun or (plural or noun .. "s"))
end

local codes = { green = "32", red = "31", yellow = "33", bold = "1", dim = "2", cyan = "36" }

-- text in a colour (or bold/dim) when the output is a colour terminal, else plain.
function T.color(name, text)
  if not halqa.color() then return text end
  return "\27[" .. codes[name] .. "m" .. text .. "\27[0m"
end

return T
