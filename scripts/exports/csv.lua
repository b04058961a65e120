-- exports/csv.lua: `export --format csv [--layout anki|quizlet]` — flashcard rows, comma-separated (lib/export/delimited.lua).
return require("lib.export.delimited").format("csv", ",", "comma-separated")
