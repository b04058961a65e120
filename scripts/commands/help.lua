-- commands/help.lua: `help` lists the commands, `help NAME` shows one command's help.

halqa.command("help", "help [COMMAND]  list the commands, or show how to use one", function(args)
  local wanted = args[1]
  local list = halqa.commands()
  if wanted then
    for _, c in ipairs(list) do
      if c.name == wanted then
        print(require("lib.text").wrap(c.help, halqa.columns(), "    "))
        return
      end
    end
    error({ message = "help: no command named '" .. wanted .. "' (type `help` for the list)", status = 2 })
  end
  print("Commands:")
  for _, c in ipairs(list) do
    -- A help text is "USAGE  what it does": the usage, two spaces, then the description.
    local usage, what = c.help:match("^(.-)%s%s+(.*)$")
    print(string.format("  %-8s %s", c.name, what or c.help))
  end
  print("")
  print("`help NAME` shows how to use one. Anything else you type is Lua: try `parties.CPP.name` or `#halqa.index.events_by_date`.")
end)
