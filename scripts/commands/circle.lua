-- commands/circle.lua: `circle [TOPIC]` — a study circle: a short reading built from the dataset,
-- its timeline, questions with feedback, discussion prompts with the facilitator's notes, and a
-- summary; `circle --list` lists the topics (circles/*.lua), `circle --check` checks them.

local options, bank, topic, session, render, trace
local function load_libs()
  options, bank, topic = require("lib.options"), require("lib.quiz.bank"), require("lib.circle.topic")
  session, render, trace = require("lib.circle.session"), require("lib.circle.render"), require("lib.circle.trace")
end

local spec = {
  { "l", "list", nil, "list the topics: id, title, reading time, questions", type = "flag" },
  { "s", "seed", "N", "seed for the order of the choices (default 1, as `export --format handout`)", type = "int", default = 1 },
  { "p", "player", "NAME", "who answers, a person or the group (kept with each answer)" },
  { nil, "check", nil, "check that the readings state only what the dataset holds", type = "flag" },
  args = "circles", -- what Tab offers for TOPIC
}

local function usage(msg)
  error({ message = "circle: " .. msg, status = 2 }, 0)
end

-- Asks which topic to run when none was named; nil at end of input or on an empty line.
local function pick(topics)
  print("Topics:")
  for i, entry in ipairs(render.list(topics, halqa.columns() - 5)) do
    print(string.format("%3d. %s", i, (entry:gsub("\n", "\n     "))))
  end
  local line = halqa.readline("Which topic (number or id)? ")
  if not line then return nil end
  line = line:match("^%s*(.-)%s*$")
  if line == "" then return nil end
  local n = math.tointeger(tonumber(line))
  for i, t in ipairs(topics) do
    if i == n or t.id == line then return t end
  end
  usage("no topic '" .. line .. "' (see `circle --list`)")
end

halqa.command("circle", "circle [TOPIC] [--list] [--seed N] [--player NAME] [--check]  a study circle: reading, timeline, questions, discussion\n\n" ..
    "Examples:\n  circle --list\n  circle cpp_founding --player \"Group A\"\n\n`circle --help` lists every option.",
  function(args)
    load_libs()
    local opts, rest = options.parse("circle", args, spec)
    if not opts then return end -- --help was printed
    if #rest > 1 then usage("unexpected argument '" .. rest[2] .. "'") end
    local name = rest[1]
    if name and not topic.find(name) then
      usage("no topic '" .. name .. "' (topics: " .. table.concat(topic.ids(), ", ") .. ")")
    end
    -- one topic builds only the questions about its facts; every topic, the whole bank
    local b = (name and not opts.list and not opts.check) and opts.seed or bank.build(opts.seed)
    if opts.list or opts.check then
      local topics, problems
      if name then topics, problems = { topic.get(name, b) }, {} else topics, problems = topic.all(b) end
      if opts.list then
        for _, line in ipairs(render.list(topics)) do print(line) end
      end
      if opts.check then
        for _, t in ipairs(topics) do
          for _, p in ipairs(trace.topic(t)) do problems[#problems + 1] = p end
        end
      end
      for _, p in ipairs(problems) do print(p) end
      local count = string.format("%d problem%s", #problems, #problems == 1 and "" or "s")
      if opts.check then print(string.format("%d topic%s checked, %s", #topics, #topics == 1 and "" or "s", count)) end
      if #problems > 0 then error({ message = "circle: " .. count, status = 1 }, 0) end
      return
    end
    local t
    if name then
      t = topic.get(name, b)
    else
      local topics, problems = topic.all(b)
      for _, p in ipairs(problems) do print(p) end
      t = pick(topics)
      if not t then return end
    end
    session.run(t, { seed = opts.seed, player = opts.player })
  end, function() return spec end)
