-- exports/moodle-xml.lua: `export --format moodle-xml` — the bank in Moodle XML, Moodle's fuller
-- import format: short answer (every accepted form at 100%), multiple choice, multiple answer
-- with partial weights, true/false, matching, ordering (Moodle's ordering question type) and
-- numerical with a tolerance for years and numbers. Every kind is expressible. The question id is
-- the name, the explanation and full citation the general feedback; tags go into <tags>.

local E = require("lib.export.format")

local ENTITIES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }
local function x(s) return (s:gsub('[&<>"]', ENTITIES)) end

local function text(tag, s, attrs)
  return string.format('<%s%s format="plain_text"><text>%s</text></%s>', tag, attrs or "", x(s), tag)
end

-- The parts every question has, around the kind's own lines.
local function question(qtype, q, body)
  local tags = {}
  for i, t in ipairs(q.tags) do tags[i] = "<tag><text>" .. x(t) .. "</text></tag>" end
  return table.concat({
    string.format('  <question type="%s">', qtype),
    "    <name><text>" .. x(q.id) .. "</text></name>",
    "    " .. text("questiontext", q.prompt),
    "    " .. text("generalfeedback", E.feedback(q)),
    "    <defaultgrade>1</defaultgrade>",
    "    <penalty>0.3333333</penalty>",
    "    <hidden>0</hidden>",
    body,
    "    <tags>" .. table.concat(tags) .. "</tags>",
    "  </question>", "" }, "\n")
end

local function answer(fraction, s, extra)
  return string.format('    <answer fraction="%s" format="plain_text"><text>%s</text>%s<feedback format="plain_text"><text></text></feedback></answer>',
    fraction, x(s), extra or "")
end

local function shortanswer(q, forms)
  local lines = { "    <usecase>0</usecase>" }
  for _, f in ipairs(forms) do lines[#lines + 1] = answer("100", f) end
  return question("shortanswer", q, table.concat(lines, "\n"))
end

local function numerical(q, n)
  return question("numerical", q, answer("100", E.num(n.value), "<tolerance>" .. E.num(n.tolerance) .. "</tolerance>"))
end

local function choices(q, single, fraction_of)
  local lines = { "    <single>" .. tostring(single) .. "</single>", "    <shuffleanswers>true</shuffleanswers>",
                  "    <answernumbering>abc</answernumbering>" }
  for i, c in ipairs(q.choices) do lines[#lines + 1] = answer(fraction_of(i), c) end
  return question("multichoice", q, table.concat(lines, "\n"))
end

-- Moodle's fraction for each of n right (or wrong) choices: 50, 33.33333, 25, 20, 16.66667.
local function share(n) return (string.format("%.5f", 100 / n):gsub("%.?0+$", "")) end

local function short(q)
  local forms = { q.answer }
  for _, a in ipairs(q.accepted) do forms[#forms + 1] = a end
  return shortanswer(q, forms)
end

local kinds = {
  short = short,
  cloze = short,
  choice = function(q)
    return choices(q, true, function(i) return i == q.correct[1] and "100" or "0" end)
  end,
  multi = function(q)
    local right = {}
    for _, i in ipairs(q.correct) do right[i] = true end
    local n_right, n_wrong = #q.correct, #q.choices - #q.correct
    return choices(q, false, function(i) return right[i] and share(n_right) or ("-" .. share(n_wrong)) end)
  end,
  truefalse = function(q)
    local t = q.answer == "true"
    return question("truefalse", q, answer(t and "100" or "0", "true") .. "\n" .. answer(t and "0" or "100", "false"))
  end,
  match = function(q)
    local lines = { "    <shuffleanswers>true</shuffleanswers>" }
    for i, l in ipairs(q.left) do
      lines[#lines + 1] = string.format('    <subquestion format="plain_text"><text>%s</text><answer><text>%s</text></answer></subquestion>',
        x(l), x(q.choices[q.correct[i]]))
    end
    return question("matching", q, table.concat(lines, "\n"))
  end,
  -- Moodle's ordering question lists the items in the right order; it shuffles them itself.
  order = function(q)
    local lines = { "    <layouttype>VERTICAL</layouttype>", "    <selecttype>ALL</selecttype>",
                    "    <selectcount>0</selectcount>", "    <gradingtype>ABSOLUTE_POSITION</gradingtype>",
                    "    <showgrading>SHOW</showgrading>", "    <numberingstyle>abc</numberingstyle>" }
    for pos, i in ipairs(q.correct) do lines[#lines + 1] = answer(tostring(pos), q.choices[i]) end
    return question("ordering", q, table.concat(lines, "\n"))
  end,
  number = function(q) return numerical(q, E.numeric(q)) end,
  date = function(q)
    local n = E.numeric(q)
    if n then return numerical(q, n) end
    return shortanswer(q, E.date_forms(q))
  end,
}

return E.format{
  name = "moodle-xml",
  description = "the question bank in Moodle XML (every kind, ordering included)",
  kinds = kinds,
  header = function()
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!-- halqa question bank (Moodle: Question bank > Import > Moodle XML) -->\n<quiz>\n' ..
      '  <question type="category">\n    <category><text>$course$/halqa</text></category>\n  </question>\n'
  end,
  footer = function() return "</quiz>\n" end,
}
