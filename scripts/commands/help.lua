-- commands/help.lua: `help` lists the commands, `help NAME` shows one command's help.

halqa.command("help", "help [COMMAND|generators]  list the commands, or show how to use one\n\nExamples:\n  help\n  help quiz\n  help generators", function(args)
  local wanted = args[1]
  local list = halqa.commands()
  if wanted == "generators" then -- not a command: what `quiz --generator NAME` may name
    print(require("lib.quiz.generator_list")())
    return
  end
  if wanted then
    for _, c in ipairs(list) do
      if c.name == wanted then
        print(require("lib.options").describe(c.help, halqa.columns()))
        return
      end
    end
    error({ message = "help: no command named '" .. wanted .. "' (type `help` for the list)", status = 2 })
  end
  local T = require("lib.text")
  local width = halqa.columns()
  print("Commands:")
  for _, c in ipairs(list) do
    -- A help text is "USAGE  what it does" (the usage, two spaces, the description), then more lines.
    local first = c.help:match("^[^\n]*")
    local usage, what = first:match("^(.-)%s%s+(.*)$")
    print((T.hang(string.format("  %-8s ", c.name), what or first, width)))
  end
  print("")
  print(T.wrap("`help NAME` shows how to use one. Anything else you type is Lua: try `parties.CPP.name` or " ..
    "`#halqa.index.events_by_date`.", width))
end, function()
  return { args = function() local names = require("lib.complete").lists.commands() names[#names + 1] = "generators" return names end }
end)
