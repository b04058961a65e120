-- lib/export/format.lua: what every question-bank export shares — the options (the quiz's filters
-- and --seed, -o FILE), the walk over the matching questions, the count of the kinds a format
-- cannot express, and writing the result to standard output or through halqa.save.
--
-- A format is a table of cases: `kinds` maps a question kind to a function(q, n, opts) converting
-- one question (n counts the questions converted, from 1), or returning nil and why it cannot. Text formats return a string, which
-- is written at once (an export of a large bank streams); formats whose file is built whole
-- (a zip, a spreadsheet) return an item, and `assemble(items, opts)` makes the file's bytes
-- (such a format needs -o FILE).
-- The questions come from E.each, the one place that walks the bank.

local options, bank = require("lib.options"), require("lib.quiz.bank")

local E = {}

-- The options every export of the bank takes; a format adds its own after them.
function E.spec(name, extra)
  local spec = {
    { "f", "format", "FORMAT", name .. " (this format)" },
    { "o", "output", "FILE", "write to a new FILE instead of standard output", values = "files" },
    { "s", "seed", "N", "seed for the distractors and the order of choices (default 1)", type = "int", default = 1 },
    { "g", "generator", "NAME", "only this generator (repeatable)", list = true, values = "generators" },
    { "p", "party", "ID", "only questions about this party (repeatable)", list = true, values = "parties" },
    { "t", "topic", "TAG", "only questions with this tag (repeatable)", list = true, values = "topics" },
    { "k", "kind", "KIND", "only questions of this kind (repeatable)", list = true, values = "kinds" },
  }
  for _, o in ipairs(extra or {}) do spec[#spec + 1] = o end
  return spec
end

-- The options of an export on paper: a drill's selection (lib/drill/select.lua) and -o FILE.
function E.paper_spec(name)
  local spec = { { "f", "format", "FORMAT", name .. " (this format)" },
                 { "o", "output", "FILE", "write to a new FILE instead of standard output", values = "files" } }
  table.move(require("lib.drill.select").spec, 1, #require("lib.drill.select").spec, 3, spec)
  return spec
end

-- Parses args; a filter naming no generator or party is an error, so a typo is not an empty file.
function E.parse(args, spec)
  local opts, rest = options.parse("export", args, spec)
  if not opts then return end -- --help was printed
  if #rest > 0 then options.error("export", spec, "unexpected argument '" .. rest[1] .. "'") end
  local names = {}
  for _, g in ipairs(bank.generators()) do names[g.name] = true end
  for _, g in ipairs(opts.generator) do
    if not names[g] then options.error("export", spec, "no generator named '" .. g .. "'") end
  end
  for _, p in ipairs(opts.party) do
    if not parties[p] then options.error("export", spec, "no party with id '" .. p .. "'") end
  end
  for _, k in ipairs(opts.kind) do
    if not require("lib.quiz.question").kinds[k] then options.error("export", spec, "no question kind '" .. k .. "'") end
  end
  return opts
end

-- Calls fn(q) for every question that passes the filters of opts, in bank order.
function E.each(opts, fn)
  bank.each(opts.seed, function(q)
    if bank.matches(q, opts) then fn(q) end
  end, opts.generator)
end

-- Where the text goes: standard output a piece at a time, or, with -o, one new file at the end
-- (halqa.save: it never replaces a file). Refuses a bad -o before any work is done.
function E.sink(opts, spec, needs_file)
  if needs_file and not opts.output then
    options.error("export", spec, "this format is a binary file: give -o FILE")
  end
  if opts.output then
    local ok, why = halqa.can_save(opts.output)
    if not ok then error({ message = "export: " .. why, status = 1 }, 0) end
  end
  local parts = {}
  return {
    add = function(s)
      if opts.output then parts[#parts + 1] = s else halqa.write(s) end
    end,
    finish = function()
      if not opts.output then return end
      local ok, why = halqa.save(opts.output, table.concat(parts))
      if not ok then error({ message = "export: " .. why, status = 1 }, 0) end
    end,
  }
end

-- Reports on standard error what a format left out, one line a reason:
-- "gift: left out 18 questions (18 order): GIFT has no ordering question".
-- skipped = { [reason] = { [kind] = count } }.
function E.report_skipped(name, skipped)
  local reasons = {}
  for r in pairs(skipped) do reasons[#reasons + 1] = r end
  table.sort(reasons)
  for _, r in ipairs(reasons) do
    local kinds, total = {}, 0
    for k in pairs(skipped[r]) do kinds[#kinds + 1] = k end
    table.sort(kinds)
    for i, k in ipairs(kinds) do
      total = total + skipped[r][k]
      kinds[i] = skipped[r][k] .. " " .. k
    end
    halqa.warn(string.format("%s: left out %d question%s (%s): %s", name, total, total == 1 and "" or "s",
      table.concat(kinds, ", "), r))
  end
end

-- The text a format puts in its feedback field: the explanation and the full citation.
function E.feedback(q)
  return (q.explanation ~= "" and (q.explanation .. " ") or "") .. "Source: " .. q.source
end

local MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December" }

-- How a date or number question is answered where a format has numbers with a tolerance:
-- { value =, tolerance = } for a year (a decade or "mid-1960s" is its span of years) and for a
-- number (an approximate one within 10%, as halqa grades it); nil for a date with a month or a
-- day, which is no single number.
function E.numeric(q)
  if q.kind == "number" then
    return { value = q.number, tolerance = q.approx and math.abs(q.number) * 0.1 or 0 }
  end
  local d = q.date
  if not d or d.month or d.day then return nil end
  local lo, hi = require("lib.quiz.facts").interval(d)
  return { value = (lo + hi) / 2, tolerance = (hi - lo) / 2 }
end

-- The written forms a typed date answer may take, for a format that compares text: the form
-- halqa prints first ("6 March 1948", "March 1948", "1948").
function E.date_forms(q)
  local d = q.date
  local forms = { q.answer }
  if d.day and d.month then
    forms[#forms + 1] = string.format("%s %d, %d", MONTHS[d.month], d.day, d.year)
    forms[#forms + 1] = string.format("%04d-%02d-%02d", d.year, d.month, d.day)
  elseif d.month then
    forms[#forms + 1] = string.format("%04d-%02d", d.year, d.month)
  end
  return forms
end

-- A number without a trailing ".0", for formats that write numbers as text.
function E.num(x)
  if math.type(x) == "float" and x == math.floor(x) then return string.format("%d", x) end
  return tostring(x)
end

-- Why a binding a format needs (f.needs) is missing: a library absent when halqa was built.
local OFF = {
  zip = "halqa was built without libzip (install libzip-dev and rebuild)",
  xlsx = "halqa was built without libxlsxwriter (install libxlsxwriter-dev and rebuild)",
}

-- The export module of a format f = { name, description, kinds, why = { kind = reason },
-- header(opts), footer(opts, n), assemble(items, opts), options, needs, check(opts) }.
function E.format(f)
  return {
    name = f.name,
    description = f.description,
    spec = E.spec(f.name, f.options), -- what Tab completes from (lib/complete.lua)
    run = function(args)
      local spec = E.spec(f.name, f.options)
      local opts = E.parse(args, spec)
      if not opts then return end -- --help was printed
      if f.needs and halqa[f.needs] == nil then
        error({ message = "export: " .. f.name .. " is off: " .. OFF[f.needs], status = 1 }, 0)
      end
      if f.check then f.check(opts, spec) end
      local out = E.sink(opts, spec, f.assemble ~= nil) -- a file built whole is binary: -o
      local skipped, items, n = {}, {}, 0
      if f.header then out.add(f.header(opts)) end
      E.each(opts, function(q)
        local convert = f.kinds[q.kind]
        local v, reason
        if convert then
          v, reason = convert(q, n + 1, opts)
        else
          reason = f.why and f.why[q.kind] or "the format cannot express this kind"
        end
        if v == nil then
          local by_kind = skipped[reason or "not expressible"] or {}
          skipped[reason or "not expressible"] = by_kind
          by_kind[q.kind] = (by_kind[q.kind] or 0) + 1
        else
          n = n + 1
          if f.assemble then items[n] = v else out.add(v) end
        end
      end)
      if f.footer then out.add(f.footer(opts, n)) end
      if f.assemble then out.add(f.assemble(items, opts)) end
      out.finish()
      E.report_skipped(f.name, skipped)
      if opts.output then halqa.warn(string.format("%s: wrote %d questions to %s", f.name, n, opts.output)) end
    end,
  }
end

return E
