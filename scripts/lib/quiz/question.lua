-- lib/quiz/question.lua: building questions. A generator gets a context whose methods make one
-- question each (ctx:short{...}, ctx:choice{...}, ...) and add it to the bank; docs/scripting.md
-- lists the fields. Questions are plain tables; this file checks their shape so a generator bug
-- is reported where it happens, not as a confusing quiz.

-- Globals (the libraries, `halqa`, the dataset) read at the speed of plain tables; another
-- module's table is a read-only proxy read through C, so the one used in every question is
-- copied once into a plain table.
local ipairs, pairs, type, tostring, error, getmetatable = ipairs, pairs, type, tostring, error, getmetatable
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

local F = plain(require("lib.quiz.facts"))
local table_of = halqa.index.table_of

local Q = {}

local KINDS = { short = true, choice = true, multi = true, truefalse = true, order = true,
                match = true, cloze = true, date = true, number = true }

local function fail(ctx, spec, msg)
  error(string.format("generator '%s', template '%s': %s", ctx.generator, tostring(spec.template), msg), 3)
end

-- Copies a list (frozen or not) into a new plain list.
local function copy(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = v end
  return out
end

-- What a question reads of the dataset again and again is kept once read: the dataset never
-- changes. Each cache is emptied when it grows past a bound, so memory does not grow with the
-- dataset (an export of a large one streams).
local BOUND = 20000

-- halqa.normalize(s), kept: choices and alternatives are names that come back question after
-- question.
local normalized, n_normalized = {}, 0
local function norm(s)
  local n = normalized[s]
  if n == nil then
    n = halqa.normalize(s)
    if n_normalized >= BOUND then normalized, n_normalized = {}, 0 end
    normalized[s], n_normalized = n, n_normalized + 1
  end
  return n
end

-- Adds to `set` the parties a fact concerns (F.parties_of, without its intermediate tables).
local function add_parties(set, id)
  local t = table_of[id]
  if t == "parties" then
    set[id] = true
  elseif t == "people" then
    for _, role in ipairs(people[id].roles or {}) do
      if role.party then set[role.party] = true end
    end
  elseif t == "organizations" then
    local p = organizations[id].party
    if p then set[p] = true end
  elseif t == "events" then
    local e = events[id]
    for _, p in ipairs(e.parties or {}) do set[p] = true end
    for _, p in ipairs(e.from or {}) do
      if table_of[p] == "parties" then set[p] = true end
    end
    if e.formed and table_of[e.formed] == "parties" then set[e.formed] = true end
  end
end

-- The parties one fact concerns, sorted (shared: copied before a question gets them).
local parties_cache, n_parties = {}, 0
local function parties_of(id)
  local list = parties_cache[id]
  if not list then
    local set = {}
    add_parties(set, id)
    list = {}
    for p in pairs(set) do list[#list + 1] = p end
    if #list > 1 then table.sort(list) end
    if n_parties >= BOUND then parties_cache, n_parties = {}, 0 end
    parties_cache[id], n_parties = list, n_parties + 1
  end
  return list
end

-- A dataset citation list (frozen, so it cannot change under the cache) as a plain list of its
-- citations and as text (F.cite): questions of one record cite its list again and again.
-- Another list (a generator's own, which it might change) is read afresh each time.
local cited, n_cited = {}, 0
local function citations(list)
  local c = cited[list]
  if c then return table.move(c.list, 1, #c.list, 1, {}), c.text end
  local out = copy(list)
  local text = F.cite(out)
  if getmetatable(list) == "read-only" then
    if n_cited >= BOUND then cited, n_cited = {}, 0 end
    cited[list], n_cited = { list = table.move(out, 1, #out, 1, {}), text = text }, n_cited + 1
  end
  return out, text
end

-- The fields every kind shares: id, generator, kind, prompt, answer, explanation, sources, tags...
local function base(ctx, spec, kind)
  if type(spec.template) ~= "string" then fail(ctx, spec, "a question needs a template name") end
  if type(spec.prompt) ~= "string" or spec.prompt == "" then fail(ctx, spec, "a question needs a prompt") end
  local spec_facts = spec.facts
  if type(spec_facts) ~= "table" or #spec_facts == 0 then fail(ctx, spec, "a question needs the ids of its facts") end
  local facts = copy(spec_facts)
  local parties
  -- An imported question (spec.own) tests no record of the dataset: its fact is itself, an id
  -- of its own (letters, digits, '_'), so cards and progress can still refer to it.
  for _, id in ipairs(facts) do
    if spec.own then
      if type(id) ~= "string" or not id:match("^[%w_]+$") or table_of[id] then
        fail(ctx, spec, "an own fact id is letters, digits and '_', and no dataset id: '" .. tostring(id) .. "'")
      end
    elseif not table_of[id] then
      fail(ctx, spec, "unknown fact id '" .. tostring(id) .. "'")
    end
  end
  if spec.own then
    parties = {}
  elseif #facts == 1 then
    local list = parties_of(facts[1])
    parties = table.move(list, 1, #list, 1, {})
  else
    local in_parties = {}
    for _, id in ipairs(facts) do
      for _, p in ipairs(parties_of(id)) do in_parties[p] = true end
    end
    parties = {}
    for p in pairs(in_parties) do parties[#parties + 1] = p end
    if #parties > 1 then table.sort(parties) end
  end
  local sources, source = citations(spec.sources)
  if #sources == 0 then fail(ctx, spec, "a question needs the sources of its facts") end
  local tags = copy(spec.tags)
  local generator = ctx.generator
  local tagged = false
  for _, t in ipairs(tags) do
    if t == generator then tagged = true break end
  end
  if not tagged then table.insert(tags, 1, generator) end
  local variant = spec.variant
  -- every question carries accepted and choices, empty when the kind has none, so exports are
  -- uniform; the fields a kind adds are named here (nil) so that the table is made at its size
  return {
    id = generator .. "." .. spec.template .. "." .. table.concat(facts, "+") ..
         (variant and ("." .. variant) or ""),
    generator = generator,
    kind = kind,
    prompt = spec.prompt,
    explanation = spec.explanation or "",
    sources = sources,
    facts = facts,
    parties = parties,
    tags = tags,
    hint = spec.hint,
    source = source,
    accepted = {},
    choices = {},
    answer = nil, correct = nil, person = nil, statement = nil, left = nil, date = nil, number = nil,
    approx = nil, blank = nil,
    asks = spec.asks and copy(spec.asks) or nil, -- "record.field"s it asks (lib/quiz/coverage.lua)
  }
end

-- Choices from an answer and its distractors, shuffled with the generator's generator; refuses
-- a distractor that is the answer in other words, so a distractor is never accidentally right.
local function mix(ctx, spec, right, wrong)
  local seen = {}
  for _, r in ipairs(right) do seen[norm(r)] = true end
  for _, w in ipairs(wrong) do
    local n = norm(w)
    if seen[n] then fail(ctx, spec, "distractor '" .. w .. "' repeats a choice or the answer") end
    seen[n] = true
  end
  local all = {}
  for _, r in ipairs(right) do all[#all + 1] = { text = r, right = true } end
  for _, w in ipairs(wrong) do all[#all + 1] = { text = w, right = false } end
  all = ctx.rng:shuffle(all)
  local choices, correct = {}, {}
  for i, c in ipairs(all) do
    choices[i] = c.text
    if c.right then correct[#correct + 1] = i end
  end
  return choices, correct
end

local builders = {}

function builders.short(ctx, spec, q)
  if type(spec.answer) ~= "string" then fail(ctx, spec, "a short answer needs an answer") end
  q.answer, q.accepted, q.person = spec.answer, copy(spec.accepted), spec.person or nil
  local accepted = q.accepted
  if #accepted > 0 then
    local answer = norm(q.answer)
    for i = #accepted, 1, -1 do -- an alternative equal to the answer adds nothing
      if norm(accepted[i]) == answer then table.remove(accepted, i) end
    end
  end
end

-- A written answer's hint counts the characters of what the blank stands for: a cloze cut from
-- a title may blank "Lenin" while asking for "Vladimir Lenin" (spec.blank is the text cut out).
local function written_hint(spec, q)
  local stands_for = spec.blank or q.answer
  q.blank = spec.blank
  if q.hint then return end
  local first = stands_for:match("^[%z\1-\127\194-\244][\128-\191]*") or ""
  local what = spec.blank and spec.blank ~= q.answer and "The blank starts with \"" or "It starts with \""
  q.hint = what .. first .. "\" and has " .. halqa.width(stands_for) .. " characters."
end

builders.cloze = function(ctx, spec, q)
  if not spec.prompt:find("____", 1, true) then fail(ctx, spec, "a cloze prompt has a ____ blank") end
  builders.short(ctx, spec, q)
end

function builders.choice(ctx, spec, q)
  if type(spec.answer) ~= "string" then fail(ctx, spec, "a choice question needs an answer") end
  -- generators give 3 distractors; an imported question keeps the 1 to 5 its author wrote
  local n = type(spec.distractors) == "table" and #spec.distractors or 0
  if not (n == 3 or (spec.own and n >= 1 and n <= 5)) then
    fail(ctx, spec, "a choice question needs exactly 3 distractors, got " .. n)
  end
  q.answer = spec.answer
  q.choices, q.correct = mix(ctx, spec, { spec.answer }, spec.distractors)
end

function builders.multi(ctx, spec, q)
  local right, wrong = spec.answers or {}, spec.distractors or {}
  if #right < 2 or #right + #wrong < 4 or #right + #wrong > 6 then
    fail(ctx, spec, "a multiple-answer question has 2 or more answers and 4 to 6 choices")
  end
  q.choices, q.correct = mix(ctx, spec, right, wrong)
  q.answer = table.concat(copy(right), ", ")
end

function builders.truefalse(ctx, spec, q)
  if type(spec.truth) ~= "boolean" then fail(ctx, spec, "a true/false question needs truth = true or false") end
  q.answer = spec.truth and "true" or "false"
  q.statement = spec.statement
end

function builders.order(ctx, spec, q)
  local items = spec.items or {}
  if #items < 3 or #items > 5 then fail(ctx, spec, "an ordering question has 3 to 5 items") end
  -- shuffled until the shown order is not the answer (a question that answers itself)
  local shuffled
  repeat
    shuffled = ctx.rng:shuffle(copy(items))
    local same = true
    for i, v in ipairs(shuffled) do
      if v ~= items[i] then same = false break end
    end
  until not same
  local pos = {}
  for i, v in ipairs(shuffled) do pos[v] = i end
  q.choices, q.correct = shuffled, {}
  for i, v in ipairs(items) do q.correct[i] = pos[v] end
  local letters = {}
  for i, c in ipairs(q.correct) do letters[i] = string.char(96 + c) end
  q.answer = table.concat(letters, " ")
end

function builders.match(ctx, spec, q)
  local pairs_ = spec.pairs or {}
  if #pairs_ < 3 or #pairs_ > 6 then fail(ctx, spec, "a matching question has 3 to 6 pairs") end
  -- the left column is shuffled too, and again while it stands in the sorted order of its
  -- answers: events listed by date beside their years are matched by sorting the years
  local lefts, rights, shuffled, order
  repeat
    lefts, rights = {}, {}
    local idx = {}
    for i = 1, #pairs_ do idx[i] = i end
    order = ctx.rng:shuffle(idx)
    for i, k in ipairs(order) do lefts[i], rights[i] = pairs_[k][1], pairs_[k][2] end
    local sorted = true
    for i = 2, #rights do
      if rights[i] < rights[i - 1] then sorted = false break end
    end
    shuffled = ctx.rng:shuffle(copy(rights))
    local same = true
    for i, v in ipairs(shuffled) do
      if v ~= rights[i] then same = false break end
    end
    local varied = false
    for i = 2, #rights do
      if rights[i] ~= rights[1] then varied = true break end
    end
  until not varied or (not sorted and not same)
  -- a question's facts, one a pair, follow its left column (the id keeps the generator's order)
  if #q.facts == #pairs_ then
    local facts = {}
    for i, k in ipairs(order) do facts[i] = q.facts[k] end
    q.facts = facts
  end
  local used = {}
  q.left, q.choices, q.correct = lefts, shuffled, {}
  for i, r in ipairs(rights) do
    for j, s in ipairs(shuffled) do
      if s == r and not used[j] then q.correct[i], used[j] = j, true break end
    end
  end
  local letters = {}
  for i, c in ipairs(q.correct) do letters[i] = i .. string.char(96 + c) end
  q.answer = table.concat(letters, " ")
end

function builders.date(ctx, spec, q)
  if type(spec.date) ~= "table" then fail(ctx, spec, "a date question needs the fact's date") end
  if spec.date.inferred then fail(ctx, spec, "an inferred date cannot be asked") end
  q.date = { year = spec.date.year, month = spec.date.month, day = spec.date.day,
             part = spec.date.part, decade = spec.date.decade }
  q.answer = halqa.format_date(q.date)
end

function builders.number(ctx, spec, q)
  if type(spec.number) ~= "number" then fail(ctx, spec, "a number question needs the number") end
  q.number, q.approx = spec.number, spec.approx or false
  q.answer = (spec.approx and "about " or "") .. Q.format_number(spec.number) .. (spec.unit and (" " .. spec.unit) or "")
end

-- A number as the grader's feedback writes it (grade_number.c): 1995, 3000, 30,000, 2.5.
function Q.format_number(x)
  if math.type(x) == "float" and x ~= math.floor(x) then return string.format("%.10g", x) end
  local s = string.format("%d", math.tointeger(x) or math.floor(x))
  if math.abs(x) < 10000 then return s end
  local sign, digits = s:match("^(%-?)(%d+)$")
  return sign .. digits:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
end

-- short and cloze answers get their hint once built
for _, kind in ipairs({ "short", "cloze" }) do
  local build = builders[kind]
  builders[kind] = function(ctx, spec, q)
    build(ctx, spec, q)
    written_hint(spec, q)
  end
end

-- A context for one generator: ctx.rng, ctx.generator, and one method per kind.
function Q.context(generator, rng, sink)
  local ctx = { generator = generator, rng = rng }
  for kind, build in pairs(builders) do
    ctx[kind] = function(self, spec)
      local q = base(self, spec, kind)
      build(self, spec, q)
      sink(q)
      return q
    end
  end
  return ctx
end

Q.kinds = KINDS
return Q
