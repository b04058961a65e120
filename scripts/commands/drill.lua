-- commands/drill.lua: `drill` — a teacher-led, timed quiz for several players or teams at one
-- keyboard in front of a projector. Options here; the rules in lib/drill/rules.lua (and variants
-- in drills/), the moves in lib/drill/engine.lua, the screens in lib/drill/screen.lua and
-- lib/drill/run.lua, the report in lib/drill/report.lua.

local options, select_, rules_lib, engine, run, report, clock
local function load_libs()
  options, select_ = require("lib.options"), require("lib.drill.select")
  rules_lib, engine = require("lib.drill.rules"), require("lib.drill.engine")
  run, report, clock = require("lib.drill.run"), require("lib.drill.report"), require("lib.drill.clock")
end

local spec
local function make_spec()
  local spec_ = {
    { nil, "players", "NAMES", "comma-separated player names, e.g. \"Ali,Sara,Bilal\"" },
    { nil, "teams", "NAMES", "comma-separated team names, e.g. \"Red,Green\"" },
  }
  for _, o in ipairs(select_.spec) do spec_[#spec_ + 1] = o end
  local more = {
    { nil, "time", "SECONDS", "seconds per question, 0 = untimed (default 30)", type = "int",
      check = function(n) return n >= 0 and n <= 3600, "must be 0 to 3600" end },
    { nil, "no-pass", nil, "a miss ends the question instead of passing it on", type = "flag" },
    { nil, "speed", nil, "speed points for quick right answers", type = "flag" },
    { nil, "streaks", nil, "bonus points for right answers in a row", type = "flag" },
    { nil, "rules", "NAME", "a rules variant from drills/, e.g. lightning", values = "rules" },
    { nil, "report", "FILE", "write a report: FILE.md (Markdown) or FILE.csv", values = "files" },
    { nil, "clock", "real|simulated", "simulated: time passes only by /wait N lines (default: real at a terminal, simulated from a pipe)", values = { "real", "simulated" } },
    { nil, "serve", nil, "a networked game: every student answers from a phone or terminal (docs/classroom.md)", type = "flag" },
    { nil, "port", "N", "--serve: the port to listen on (default 8080; 0 = any free port)", type = "int",
      check = function(n) return n >= 0 and n <= 65535, "must be 0 to 65535" end },
    { nil, "bind", "ADDR", "--serve: the address to listen on (default 127.0.0.1, this machine only; give the LAN address for phones)" },
    { nil, "resume", nil, "--serve: continue the last networked game that did not end (after a crash or a kill)", type = "flag" },
  }
  for _, o in ipairs(more) do spec_[#spec_ + 1] = o end
  spec = spec_ -- only a whole spec is kept
end

-- "Ali, Sara ,Bilal" -> { "Ali", "Sara", "Bilal" }; nil and why for empty or repeated names.
local function split_names(s)
  local names, seen = {}, {}
  for part in (s .. ","):gmatch("([^,]*),") do
    local name = part:match("^%s*(.-)%s*$")
    if name == "" then return nil, "a name is empty" end
    if seen[name:lower()] then return nil, "'" .. name .. "' is named twice" end
    if name:sub(1, 1) == "/" then return nil, "a name cannot begin with /" end
    seen[name:lower()] = true
    names[#names + 1] = name
  end
  if #names > 26 then return nil, "at most 26 players or teams" end
  return names
end

halqa.command("drill", "drill --teams \"Red,Green\" [-n N] [--time S] [--seed N] [--report FILE.md]  a classroom drill\n\n" ..
    "Examples:\n  drill --teams \"Red,Green\" -n 10 --time 30\n  drill --players \"Ali,Sara\" --rules lightning --report class.md\n\n" ..
    "`drill --help` lists every option; /help during a drill lists the keys.",
  function(args)
    load_libs()
    if not spec then make_spec() end
    local opts, rest = options.parse("drill", args, spec)
    if not opts then return end -- --help was printed
    if #rest > 0 then options.error("drill", spec, "unexpected argument '" .. rest[1] .. "'") end
    if opts.players and opts.teams then options.error("drill", spec, "give --players or --teams, not both") end

    local variant
    if opts.rules then
      variant = rules_lib.load(opts.rules)
      if not variant then
        local names = {}
        for n in pairs(rules_lib.variants()) do names[#names + 1] = n end
        table.sort(names)
        options.error("drill", spec, "option '--rules': no rules named '" .. opts.rules .. "' (have: " ..
          table.concat(names, ", ") .. ")")
      end
    end
    local overrides = { unit = opts.teams and "team" or "player" }
    if opts.time then overrides.time = opts.time end
    if opts["no-pass"] then overrides.pass = false end
    if opts.speed then overrides.speed = true end
    if opts.streaks then overrides.streaks = true end
    local rules = rules_lib.make(variant, overrides)

    if opts.clock and opts.clock ~= "real" and opts.clock ~= "simulated" then
      options.error("drill", spec, "option '--clock': '" .. opts.clock .. "' is not real or simulated")
    end
    local interactive = halqa.interactive()
    local simulated = opts.clock == "simulated" or (opts.clock == nil and not interactive)

    if opts.report then
      if not (opts.report:match("%.md$") or opts.report:match("%.csv$")) then
        options.error("drill", spec, "option '--report': '" .. opts.report .. "' must end in .md or .csv")
      end
      local ok, why = halqa.can_save(opts.report)
      if not ok then options.error("drill", spec, "option '--report': " .. why) end
    end

    if opts.serve or opts.resume then
      if opts.players or opts.teams then
        options.error("drill", spec, "option '--serve': the students join from their devices; --players and --teams are for one keyboard")
      end
      if opts.clock == "simulated" then options.error("drill", spec, "option '--serve': a networked game runs on the real clock") end
      return require("lib.classroom.start").run(opts, rules, function(why) options.error("drill", spec, why) end)
    end
    for _, o in ipairs({ "port", "bind", "resume" }) do
      if opts[o] ~= nil then options.error("drill", spec, "option '--" .. o .. "' needs --serve") end
    end

    local seed = opts.seed or os.time()
    local questions, why = select_.questions(opts, seed)
    if not questions then options.error("drill", spec, why) end

    local list = opts.teams or opts.players
    if not list then
      if require("lib.embed.events").active() then -- a program's session has nobody to ask (docs/embedding.md)
        error({ message = "drill: a session needs players or teams, e.g. {\"teams\": \"Red,Green\"}", status = 2 }, 0)
      end
      list = halqa.readline("Names of the players or teams, separated by commas: ")
      if list == nil then error({ message = "drill: no players or teams given", status = 2 }, 0) end
    end
    local names, bad = split_names(list)
    if not names and (opts.teams or opts.players) then
      options.error("drill", spec, "option '--" .. (opts.teams and "teams" or "players") .. "': " .. bad)
    elseif not names then -- typed at the question, not given as an option
      error({ message = "drill: the names: " .. bad .. " (separate them with commas, e.g. Red,Green)", status = 2 }, 0)
    end

    local d = engine.new(questions, names, rules)
    local info = { seed = seed, names = names, teams = opts.teams ~= nil, date = os.date("%Y-%m-%d %H:%M") }
    local session = halqa.store.begin_session("drill", { seed = seed, count = #questions, names = names,
      teams = opts.teams ~= nil, rules = rules.name, time = rules.time, pass = rules.pass, speed = rules.speed,
      streaks = rules.streaks, generator = opts.generator, party = opts.party, topic = opts.topic, kind = opts.kind })
    local done = run.run(d, { clock = simulated and clock.simulated() or clock.real(), interactive = interactive,
                              session = session, info = info })
    local standings = {}
    for _, s in ipairs(d:standings()) do
      standings[#standings + 1] = { name = s.name, points = s.points, right = s.right, answered = s.asked }
    end
    halqa.store.end_session(session, halqa.json({ standings = standings, ended_early = d.ended_early,
      asked = d.i, adjustments = done and #done.adjustments or 0 }))
    require("lib.embed.events").emit("summary", { mode = "drill", seed = seed, questions = #questions, asked = d.i,
      standings = standings, ended_early = d.ended_early, adjustments = done and #done.adjustments or 0 })
    if opts.report and done then
      local text = report.for_file(opts.report, d, done)
      local ok, err = halqa.save(opts.report, text)
      if not ok then error("drill: could not write the report: " .. err, 0) end
      print("Report written to " .. opts.report .. ".")
    end
  end, function()
    if not spec then load_libs() make_spec() end
    return spec
  end)
