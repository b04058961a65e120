-- lib/classroom/start.lua: `drill --serve` from its options to the end of the game — the questions,
-- the join code, the server, the store session (new, or the one being resumed), the game, and
-- the report. The teacher's loop is lib/classroom/serve.lua.

local select_ = require("lib.drill.select")
local report = require("lib.drill.report")
local clock = require("lib.drill.clock")
local G = require("lib.classroom.game")
local Serve = require("lib.classroom.serve")
local J = require("lib.classroom.journal")
local rules_lib = require("lib.drill.rules")

local Start = {}

local function new_code()
  local rng = halqa.random(string.format("%.6f", halqa.clock()) .. tostring(os.time()))
  return string.format("%06d", rng:int(0, 999999))
end

-- opts: the drill's options; rules: the drill's rules; fail(why): a usage error.
function Start.run(opts, rules, fail)
  if not halqa.classroom.available.serve then
    local _, msg = halqa.classroom.serve({ code = "" })
    error({ message = "drill: " .. msg, status = 1 }, 0)
  end
  if opts.report then
    if not (opts.report:match("%.md$") or opts.report:match("%.csv$")) then
      fail("option '--report': '" .. opts.report .. "' must end in .md or .csv")
    end
    local ok, why = halqa.can_save(opts.report)
    if not ok then fail("option '--report': " .. why) end
  end
  local resumed = opts.resume and J.find() or nil
  if opts.resume and not resumed then
    error({ message = "drill: --resume: the progress store holds no networked game that did not end", status = 1 }, 0)
  end
  local settings
  if resumed then
    -- the game as it was begun: its questions, rules, code and address, whatever else is given
    settings = resumed.settings
    local variant = settings.rules ~= "standard" and rules_lib.load(settings.rules) or nil
    rules = rules_lib.make(variant, { unit = "player", time = settings.time, pass = false, speed = settings.speed,
                                      streaks = settings.streaks })
  else
    settings = { seed = opts.seed or os.time(), count = opts.count, generator = opts.generator,
                 party = opts.party, topic = opts.topic, kind = opts.kind, code = new_code() }
  end
  local questions, qwhy = select_.questions(settings, settings.seed)
  if not questions then fail(qwhy) end

  local bind = opts.bind or settings.bind or "127.0.0.1"
  local srv, err = halqa.classroom.serve({ bind = bind, port = opts.port or settings.port or 8080, code = settings.code,
    per_ip = (bind:match("^127%.") and 0 or 32) })
  if not srv then error({ message = "drill: --serve: " .. err, status = 1 }, 0) end
  local host = bind == "0.0.0.0" and "THIS-COMPUTER" or bind
  local address = host .. ":" .. srv:port()
  local g = G.new(questions, rules)
  local session = resumed and resumed.id or halqa.store.begin_session("drill", { serve = true,
    seed = settings.seed, count = #questions, code = settings.code, bind = bind, port = srv:port(),
    rules = rules.name, time = rules.time, speed = rules.speed, streaks = rules.streaks, generator = opts.generator,
    party = opts.party, topic = opts.topic, kind = opts.kind, pass = false })
  local ctx = { g = g, srv = srv, clock = clock.real(), interactive = halqa.interactive(), session = session,
    code = settings.code, address = address, url = "http://" .. address .. "/?code=" .. settings.code,
    show_qr = halqa.classroom.available.qr, seat_player = {}, player_seat = {},
    info = { seed = settings.seed, names = {}, teams = false, date = os.date("%Y-%m-%d %H:%M") } }
  if resumed then
    local n = J.replay(ctx, resumed)
    halqa.write(string.format("Resumed the game begun %s: %d players, %d answers, question %d of %d.\n",
      os.date("%Y-%m-%d %H:%M", resumed.started), #g.players, n, g.i, #g.questions))
  end
  if not ctx.interactive then
    -- a scripted teacher (a test, a benchmark) reads where to connect from the first lines
    halqa.write("address: " .. address .. "\ncode: " .. settings.code .. "\n")
  end
  local info = Serve.run(ctx)
  for _, p in ipairs(g.players) do info.names[#info.names + 1] = p.name end
  local standings = {}
  for _, s in ipairs(g:standings()) do
    standings[#standings + 1] = { name = s.name, points = s.points, right = s.right, answered = s.asked }
  end
  if session then
    halqa.store.end_session(session, halqa.json({ standings = standings, ended_early = g.ended_early, asked = g.i,
      adjustments = #info.adjustments, players = #g.players }))
  end
  srv:close()
  if opts.report then
    local text = report.for_file(opts.report, g, info)
    local saved, serr = halqa.save(opts.report, text)
    if not saved then error("drill: could not write the report: " .. serr, 0) end
    print("Report written to " .. opts.report .. ".")
  end
end

return Start
