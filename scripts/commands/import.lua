-- commands/import.lua: `import FILE [--name NAME] [--format F] [--yes]` — a question set in
-- csv/tsv (front, back, tags), GIFT or Aiken becomes a generator in your own scripts folder
-- ($XDG_CONFIG_HOME/halqa/scripts/generators/NAME.lua), so its questions come up in quizzes,
-- flashcards and drills and are graded like the bundled ones. The file is checked whole first: a
-- malformed line is reported as FILE:LINE with what was expected, and nothing is written. The
-- generator is shown before it is written (asked at a terminal, --yes elsewhere) and never
-- replaces a file.

local options
local spec = {
  { nil, "name", "NAME", "the generator's name (default: from the file name)" },
  { nil, "format", "FORMAT", "csv, tsv, gift or aiken (default: from the file's extension)",
    values = { "csv", "tsv", "gift", "aiken" } },
  { "y", "yes", nil, "write without asking", type = "flag" },
  args = "files", -- what Tab offers for FILE
}

local PARSERS = {
  csv = function(text, file) return require("lib.import.delimited").parse(text, ",", file) end,
  tsv = function(text, file) return require("lib.import.delimited").parse(text, "\t", file) end,
  gift = function(text, file) return require("lib.import.gift").parse(text, file) end,
  aiken = function(text, file) return require("lib.import.aiken").parse(text, file) end,
}
local NAMES = { csv = "CSV", tsv = "TSV", gift = "GIFT", aiken = "Aiken" }

local function fail(msg, status) error({ message = "import: " .. msg, status = status or 1 }, 0) end

-- The format of a file from its extension; a .txt is Aiken when a line starts "ANSWER:", else tsv.
local function detect(file, text)
  local ext = file:match("%.(%w+)$")
  if ext == "csv" or ext == "tsv" or ext == "gift" or ext == "aiken" then return ext end
  if ext == "txt" then
    for _, l in require("lib.import.lines")(text) do
      if l:match("^ANSWER:") then return "aiken" end
    end
    return "tsv"
  end
end

local function default_name(file)
  local base = file:match("([^/]+)$"):gsub("%.%w+$", ""):lower():gsub("[^%w]+", "_"):gsub("^_+", ""):gsub("_+$", "")
  if not base:match("^%l") then base = "imported_" .. base end
  return base:sub(1, 64)
end

-- Builds every question as a quiz would, so a question halqa cannot ask (a distractor that is
-- the answer in other words) is reported at its line before anything is written.
local function check_questions(name, file, questions)
  local Q, play = require("lib.quiz.question"), require("lib.import.play")
  local made = 0
  for _, q in ipairs(questions) do
    local gen = play(name, file, { q })
    local ok, err = pcall(gen.generate, Q.context(name, halqa.random(1), function() made = made + 1 end))
    if not ok then
      fail(string.format("%s:%d: %s", file, q.line, tostring(type(err) == "table" and err.message or err):gsub("^generator '[^']*', template '[^']*': ", "")))
    end
  end
  return made
end

-- What the generator will hold, a question a paragraph, wrapped to the terminal: its line in
-- the file, its kind, the prompt and the answer halqa will grade against.
local function answer_of(q)
  if q.kind == "truefalse" then return q.truth and "true" or "false" end
  if q.kind == "multi" then return table.concat(q.answers, "; ") end
  if q.kind == "match" then
    local p = {}
    for i, pair in ipairs(q.pairs) do p[i] = pair[1] .. " → " .. pair[2] end
    return table.concat(p, "; ")
  end
  if q.kind == "date" then return (q.date.part and (q.date.part .. "-") or "") .. q.date.decade .. "s" end
  if q.kind == "number" then return (q.approx and "about " or "") .. q.number end
  local also = q.accepted and #q.accepted > 0 and (" (also " .. table.concat(q.accepted, ", ") .. ")") or ""
  return q.answer .. also
end

local function show(name, file, format, questions)
  local T = require("lib.text")
  local width = halqa.columns()
  print(T.wrap(string.format("generators/%s.lua: %s from %s (%s), each citing its line:",
    name, T.plural(#questions, "question"), file, format), width))
  local limit = #questions > 60 and 40 or #questions
  for i = 1, limit do
    local q = questions[i]
    print(T.wrap(string.format("  %d. line %d, %s: %s → %s", i, q.line, q.kind, q.prompt, answer_of(q)), width, "     "))
  end
  if limit < #questions then print(string.format("  ... and %d more", #questions - limit)) end
end

halqa.command("import", "import FILE [--name NAME] [--format csv|tsv|gift|aiken] [--yes]  turn a question set into a generator of your own\n\n" ..
    "Examples:\n  import class.gift\n  import words.csv --name vocabulary --yes\n  import test.txt --format aiken",
  function(args)
    options = options or require("lib.options")
    local opts, rest = options.parse("import", args, spec)
    if not opts then return end -- --help was printed
    if #rest == 0 then options.error("import", spec, "give the FILE to import (csv, tsv, GIFT or Aiken)") end
    if #rest > 1 then options.error("import", spec, "unexpected argument '" .. rest[2] .. "'") end
    local file = rest[1]
    local text, why = halqa.read_import(file)
    if not text then fail(why) end
    local format = opts.format or detect(file, text)
    if not format then fail(file .. ": cannot tell its format from the name: give --format csv, tsv, gift or aiken", 2) end
    if not PARSERS[format] then options.error("import", spec, "option '--format': '" .. format .. "' is not csv, tsv, gift or aiken") end
    local name = opts.name or default_name(file)
    if not name:match("^%l[%l%d_]*$") or #name > 64 then
      options.error("import", spec, "option '--name': '" .. name .. "' is not a small letter then small letters, digits or '_'")
    end
    for _, g in ipairs(require("lib.quiz.bank").generators()) do
      if g.name == name then fail("a generator named '" .. name .. "' already exists: choose another with --name") end
    end
    local base = file:match("([^/]+)$")
    local ok, questions = pcall(PARSERS[format], text, base)
    if not ok then fail(tostring(questions)) end
    if #questions == 0 then fail(file .. ": no questions found (expected " .. NAMES[format] .. ")") end
    check_questions(name, base, questions)
    local source = require("lib.import.write").generator(name, base, NAMES[format], questions)
    show(name, base, NAMES[format], questions)
    print("")
    local T, width = require("lib.text"), halqa.columns()
    if not opts.yes then
      if not halqa.interactive() then
        print(T.wrap(string.format("Not written (add --yes to write generators/%s.lua).", name), width))
        return
      end
      -- the question wrapped to the screen, the prompt short: readline would break it mid-word
      print(T.wrap(string.format("Write this as generators/%s.lua in your scripts folder?", name), width))
      local answer = halqa.readline("[y/N] ")
      if not answer or not answer:match("^%s*[yY]") then
        print("Not written.")
        return
      end
    end
    local written, where = halqa.save_generator(name, source)
    if not written then fail(where) end
    print(string.format("Wrote %s: %s.", where, T.plural(#questions, "question"))) -- a path does not wrap
    print(T.wrap(string.format("Try `halqa quiz --generator %s` or `halqa cards %s`.", name, name), width))
  end, function() return spec end)
