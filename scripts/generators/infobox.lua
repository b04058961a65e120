-- generators/infobox.lua: the party facts an encyclopedia's infobox gives — abbreviation,
-- ideology, position, colour, symbol, founders, legal status, what a party split from, merged
-- into or came out of, when it was dissolved, and its votes — each as a teacher would ask it.
-- Every question lists the field it asks (q.asks), for `halqa check --coverage`.

local F = require("lib.quiz.facts")

local function the(p) return "the " .. F.long_name(p) end
-- Records inside a sentence: a person bare, a party with "the".
local function names(list)
  local out = {}
  for i, id in ipairs(list) do out[i] = (people[id] and "" or "the ") .. F.name(id) end
  return out
end
local function join(list) return F.join_and(list) end

-- Every name and alternative of each record in list: any of them is a right answer.
local function any_name(list)
  local out = {}
  for _, m in ipairs(list) do
    out[#out + 1] = F.name(m)
    for _, a in ipairs(F.accepted(m)) do out[#out + 1] = a end
  end
  return out
end

local STATUS = { active = "still active", defunct = "no longer active (defunct)" }

local function lazy(ctx) -- the lazy form (docs/scripting.md): one party's questions at a time
  return F.ids("parties"), function(id)
    local p = parties[id]
    local tags = { "parties", "infobox" }
    local function ask(kind, field, spec)
      spec.template, spec.facts, spec.asks = field, spec.facts or { id }, { id .. "." .. field }
      spec.sources, spec.tags = p.sources, tags
      ctx[kind](ctx, spec)
    end
    if p.abbr and p.abbr ~= p.name then
      ask("short", "abbr", { prompt = "By what abbreviation is the " .. p.name .. " known?", answer = p.abbr,
        explanation = "The " .. p.name .. " is known as the " .. p.abbr .. "." })
    end
    if p.ideology and #p.ideology > 0 then
      ask("short", "ideology", { prompt = "Name an ideology that " .. the(id) .. " stands for.",
        answer = p.ideology[1], accepted = F.copy(p.ideology),
        explanation = F.capital(the(id)) .. " stands for " .. join(p.ideology) .. "." })
    end
    if p.position then
      ask("short", "position", { prompt = "Where on the left–right spectrum do the sources place " .. the(id) .. "?",
        answer = p.position, accepted = { (p.position:gsub("%-", " ")) },
        explanation = "The sources place " .. the(id) .. " on the " .. p.position:lower() .. "." })
    end
    if p.colours and #p.colours > 0 then
      ask("short", "colours", { prompt = "What is the party colour of " .. the(id) .. "?", answer = p.colours[1],
        accepted = F.copy(p.colours), explanation = "The colour of " .. the(id) .. " is " .. join(p.colours):lower() .. "." })
    end
    if p.country then
      ask("short", "country", { prompt = "In which country does " .. the(id) .. " do its work?", answer = p.country,
        explanation = F.capital(the(id)) .. " is a party of " .. p.country .. "." })
    end
    if p.symbol then
      local sym, when = p.symbol:match("^(.-)%s*%((.-)%)$")
      sym = sym or p.symbol
      ask("short", "symbol", { prompt = "What election symbol did " .. the(id) .. " use" ..
        (when and (" in the " .. when) or "") .. "?", answer = sym,
        explanation = F.capital(the(id)) .. " stood under the " .. sym:lower() .. (when and (" in the " .. when) or "") .. "." })
    end
    if p.founders and #p.founders > 0 then
      ask("short", "founders", { prompt = "Who founded " .. the(id) .. "?", answer = F.name(p.founders[1]),
        accepted = F.accepted(p.founders[1]), person = true, facts = { id, p.founders[1] },
        explanation = F.capital(the(id)) .. " was founded by " .. join(names(p.founders)) .. "." })
    end
    if p.founded_place then
      ask("short", "founded_place", { prompt = "In which city was " .. the(id) .. " founded?", answer = p.founded_place,
        accepted = { (p.founded_place:match("^(%S+)")), p.founded_place:match("%((.-)%)") },
        explanation = F.capital(the(id)) .. " was founded in " .. p.founded_place .. "." })
    end
    if STATUS[p.status] then
      ask("truefalse", "status", { prompt = "True or false: according to the sources, " .. the(id) .. " is still active.",
        statement = F.capital(the(id)) .. " is still active.", truth = p.status == "active",
        explanation = "According to the sources, " .. the(id) .. " is " .. STATUS[p.status] .. "." })
    end
    if p.registered ~= nil then
      ask("truefalse", "registered", { prompt = "True or false: the Election Commission of Pakistan has registered " ..
        the(id) .. ", so it can run for office under its own name.", truth = p.registered,
        statement = "The Election Commission of Pakistan has registered " .. the(id) .. ".",
        explanation = "The Election Commission of Pakistan has " .. (p.registered and "" or "not ") .. "registered " .. the(id) .. "." })
    end
    if p.split_from and #p.split_from > 0 then
      local any = any_name(p.split_from)
      ask("short", "split_from", { prompt = "Name a party that " .. the(id) .. " broke away from.",
        answer = F.name(p.split_from[#p.split_from]), accepted = any,
        explanation = F.capital(the(id)) .. " came out of " .. join(names(p.split_from)) ..
          (#p.split_from > 1 and ", at different times" or "") .. "." })
    end
    if p.merged_into then
      ask("short", "merged_into", { prompt = "Into which party did " .. the(id) .. " merge?", answer = F.name(p.merged_into),
        accepted = F.accepted(p.merged_into),
        explanation = F.capital(the(id)) .. " merged into the " .. F.long_name(p.merged_into) .. "." })
    end
    if p.merged_from and #p.merged_from > 1 then
      local also = any_name(p.merged_from)
      ask("short", "merged_from", { prompt = "Name one of the parties that merged to form " .. the(id) .. ".",
        answer = F.name(p.merged_from[1]), accepted = also,
        explanation = F.capital(the(id)) .. " was formed when " .. join(names(p.merged_from)) .. " merged." })
    end
    if p.dissolved and F.askable(p.dissolved) then
      ask("date", "dissolved", { prompt = "When did " .. the(id) .. " cease to exist as a party of its own?", date = p.dissolved,
        explanation = F.capital(the(id)) .. " ended " .. F.when(p.dissolved) .. "." })
    end
    for i, el in ipairs(p.elections or {}) do
      local n, what = el.votes or el.seats, el.votes and "votes" or "seats"
      if n then
        ask("number", "elections", { prompt = "How many " .. what .. " did " .. the(id) .. " win in the " .. el.election .. "?",
          number = n, unit = what, variant = tostring(i),
          explanation = F.capital(the(id)) .. " won " .. n .. " " .. what .. " in the " .. el.election .. "." })
      end
    end
  end
end

return { name = "infobox", description = "The infobox facts of each party: ideology, colour, status, splits and mergers", lazy = lazy }
