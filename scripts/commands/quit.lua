-- commands/quit.lua: `quit` (or Ctrl-D) leaves the REPL.

halqa.command("quit", "quit  leave halqa (Ctrl-D does the same)", function()
  halqa.quit(0)
end)
