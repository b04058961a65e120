-- commands/join.lua: `join` — answer a networked drill (`drill --serve` on the teacher's computer)
-- from this terminal. The play is lib/classroom/player.lua's; the protocol docs/classroom.md.

local options = require("lib.options")

local spec = {
  { nil, "name", "NAME", "your name as the class will see it" },
}

halqa.command("join", "join ADDRESS CODE --name NAME  answer a teacher's networked drill from this terminal\n\n" ..
    "Example:\n  join 192.168.1.20:8080 123456 --name Ali",
  function(args)
    local opts, rest = options.parse("join", args, spec)
    if not opts then return end -- --help was printed
    if #rest < 2 then options.error("join", spec, "give the address and the join code the teacher's screen shows, e.g. join 192.168.1.20:8080 123456 --name Ali") end
    if #rest > 2 then options.error("join", spec, "unexpected argument '" .. rest[3] .. "'") end
    if not halqa.classroom.available.join then
      local _, why = halqa.classroom.join("", "", "")
      error({ message = "join: " .. why, status = 1 }, 0)
    end
    local name = opts.name
    if not name then
      name = halqa.readline("Your name: ")
      if name == nil then error({ message = "join: no name given", status = 2 }, 0) end
    end
    local c, err = halqa.classroom.join(rest[1], rest[2], name)
    if not c then error({ message = "join: " .. err, status = 1 }, 0) end
    require("lib.classroom.player").run(c, name)
  end, function() return spec end)
