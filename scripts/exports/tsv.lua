-- exports/tsv.lua: `export --format tsv [--layout anki|quizlet]` — flashcard rows, tab-separated (lib/export/delimited.lua).
return require("lib.export.delimited").format("tsv", "\t", "tab-separated")
