-- commands/quit.lua: `quit` (or Ctrl-D) leaves the REPL.

halqa.command("quit", "quit  leave halqa (Ctrl-D does the same)\n\nExample:\n  quit", function()
  halqa.quit(0)
end)
