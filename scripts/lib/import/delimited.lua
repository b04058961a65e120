-- lib/import/delimited.lua: reading a question set in the csv/tsv layout the exports write and
-- Anki's and Quizlet's importers read: front, back and optional tags (separated by spaces), RFC
-- 4180 quoting. Each row becomes a short-answer question: the front is the prompt, the back's
-- first line the answer and its other lines the explanation (a "Source:" line is dropped: the
-- import cites the file itself). A first row "front,back[,tags]" and Anki's "#key:value" header
-- lines are skipped. A malformed file raises "file:line: what was expected".

local D = {}

-- The records of text as { line = first line, fields = {...} }; sep is "," or "\t".
function D.records(text, sep, file)
  local records, fields, field = {}, {}, {}
  local i, n, line, start_line = 1, #text, 1, 1
  local quoted_field = false
  local function fail(l, msg) error(string.format("%s:%d: %s", file, l, msg), 0) end
  local function end_field()
    fields[#fields + 1] = table.concat(field)
    field, quoted_field = {}, false
  end
  local function end_record()
    end_field()
    if not (#fields == 1 and fields[1] == "") then records[#records + 1] = { line = start_line, fields = fields } end
    fields = {}
  end
  while i <= n do
    local c = text:sub(i, i)
    if c == '"' and #field == 0 and not quoted_field then
      local qline = line
      i = i + 1
      while true do
        if i > n then fail(qline, 'a quoted field that never ends (expected a closing ")') end
        local d = text:sub(i, i)
        if d == '"' then
          if text:sub(i + 1, i + 1) == '"' then field[#field + 1] = '"'; i = i + 2
          else i = i + 1; break end
        else
          if d == "\n" then line = line + 1 end
          field[#field + 1] = d
          i = i + 1
        end
      end
      quoted_field = true
      local after = text:sub(i, i)
      if after ~= "" and after ~= sep and after ~= "\n" and after ~= "\r" then
        fail(line, string.format("expected '%s' or the end of the line after a quoted field", sep == "\t" and "\\t" or sep))
      end
    elseif c == sep then
      end_field()
      i = i + 1
    elseif c == "\r" or c == "\n" then
      end_record()
      if c == "\r" and text:sub(i + 1, i + 1) == "\n" then i = i + 1 end
      i = i + 1
      line = line + 1
      start_line = line
    else
      if c == '"' then fail(line, "a quote inside an unquoted field (expected the whole field in quotes, its quotes doubled)") end
      field[#field + 1] = c
      i = i + 1
    end
  end
  if #field > 0 or #fields > 0 then end_record() end
  return records
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- The questions of a csv (sep ",") or tsv (sep "\t") text.
function D.parse(text, sep, file)
  local out = {}
  for n, r in ipairs(D.records(text, sep, file)) do
    local f = r.fields
    local header = n == 1 and trim(f[1]):lower() == "front" and trim(f[2] or ""):lower() == "back"
    local anki_header = f[1]:match("^#%a[%w ]*:") ~= nil
    if not header and not anki_header then
      if #f < 2 or #f > 3 then
        error(string.format("%s:%d: expected front%sback and optional tags, found %d field%s", file, r.line,
          sep == "\t" and " (tab) " or ", ", #f, #f == 1 and "" or "s"), 0)
      end
      local front, back = trim(f[1]), trim(f[2])
      if front == "" then error(string.format("%s:%d: expected a question in the first field, found it empty", file, r.line), 0) end
      if back == "" then error(string.format("%s:%d: expected an answer in the second field, found it empty", file, r.line), 0) end
      local lines = {}
      for l in (back .. "\n"):gmatch("(.-)\r?\n") do
        if trim(l) ~= "" and not l:match("^Source: ") then lines[#lines + 1] = trim(l) end
      end
      local tags = {}
      for t in (f[3] or ""):gmatch("%S+") do tags[#tags + 1] = t end
      out[#out + 1] = { line = r.line, kind = "short", prompt = front, answer = lines[1],
                        explanation = table.concat(lines, " ", 2), tags = tags }
    end
  end
  return out
end

return D
