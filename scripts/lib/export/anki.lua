-- lib/export/anki.lua: an Anki collection (schema 11, the one every Anki version imports) as the
-- statements halqa.sqlite_image runs. One note type per question kind ("halqa choice", ...), each
-- with the fields Front, Back and Source and one card template showing the source on the back;
-- one deck per halqa deck ("halqa::dates"); a note's guid is its question id, so importing a
-- newer export updates the notes instead of doubling them. Checksums and sort fields are left at
-- 0: Anki's importer computes them (prepare_for_update). Tables and JSON follow
-- ankitects/anki rslib/src/storage/schema11.sql and the schema11.rs of notetype, decks and
-- deckconfig.

local A = {}

A.SCHEMA = {
  "CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL)",
  "CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL)",
  "CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL)",
  "CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL)",
  "CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL)",
  "CREATE INDEX ix_notes_usn ON notes (usn)",
  "CREATE INDEX ix_cards_usn ON cards (usn)",
  "CREATE INDEX ix_revlog_usn ON revlog (usn)",
  "CREATE INDEX ix_cards_nid ON cards (nid)",
  "CREATE INDEX ix_cards_sched ON cards (did, queue, due)",
  "CREATE INDEX ix_revlog_cid ON revlog (cid)",
  "CREATE INDEX ix_notes_csum ON notes (csum)",
}

-- A stable id from a text (FNV-1a folded to 40 bits, above Anki's usual millisecond ids' range
-- start), so the same deck or note type has the same id in every export.
function A.id(text)
  local h = 2166136261
  for i = 1, #text do h = ((h ~ text:byte(i)) * 16777619) & 0xffffffffff end
  return 1000000000000 + h
end

local CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; white-space: pre-wrap; }\n.source { font-size: 14px; color: #555; }"

-- The note type of one question kind.
function A.model(kind, mod, did)
  local id = A.id("halqa note type " .. kind)
  local fields = {}
  for i, name in ipairs({ "Front", "Back", "Source" }) do
    fields[i] = { name = name, ord = i - 1, sticky = false, rtl = false, font = "Arial", size = 20, media = {} }
  end
  return id, {
    id = id, name = "halqa " .. kind, type = 0, mod = mod, usn = -1, sortf = 0, did = did,
    tmpls = { { name = "Card 1", ord = 0, qfmt = "{{Front}}",
                afmt = "{{FrontSide}}\n<hr id=answer>\n{{Back}}\n<div class=source>{{Source}}</div>",
                bqfmt = "", bafmt = "", did = false, bfont = "", bsize = 0 } },
    flds = fields, css = CSS, latexPre = "", latexPost = "", latexsvg = false,
    req = { { 0, "any", { 0 } } }, tags = {}, vers = {},
  }
end

function A.deck(name, mod)
  local id = name == "Default" and 1 or A.id("halqa deck " .. name)
  return id, {
    id = id, name = name, mod = mod, usn = -1, lrnToday = { 0, 0 }, revToday = { 0, 0 },
    newToday = { 0, 0 }, timeToday = { 0, 0 }, collapsed = false, browserCollapsed = false,
    desc = name == "Default" and "" or "Questions from halqa, each citing its source.", dyn = 0, conf = 1,
    extendNew = 0, extendRev = 0,
  }
end

function A.deck_config(mod)
  return { ["1"] = {
    id = 1, mod = mod, name = "Default", usn = -1, maxTaken = 60, autoplay = true, timer = 0,
    replayq = true, dyn = false,
    new = { bury = false, delays = { 1, 10 }, initialFactor = 2500, ints = { 1, 4, 0 }, order = 1, perDay = 20 },
    rev = { bury = false, ease4 = 1.3, ivlFct = 1, maxIvl = 36500, perDay = 200, hardFactor = 1.2 },
    lapse = { delays = { 10 }, leechAction = 1, leechFails = 8, minInt = 1, mult = 0 },
  } }
end

-- The collection's statements: col's one row, then the notes, cards and revlog rows given.
-- c = { crt =, mod =, models = { id = model }, decks = { id = deck }, notes, cards, revlog }
function A.statements(c)
  local st = {}
  for i, s in ipairs(A.SCHEMA) do st[i] = s end
  local function keyed(t)
    local out = {}
    for id, v in pairs(t) do out[tostring(id)] = v end
    return halqa.json(out)
  end
  local conf = halqa.json({ nextPos = 1, estTimes = true, activeDecks = { 1 }, sortType = "noteFld",
    timeLim = 0, sortBackwards = false, addToCur = true, curDeck = 1, newSpread = 0, dueCounts = true,
    curModel = false, collapseTime = 1200 })
  st[#st + 1] = { "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
    c.crt, c.mod * 1000, c.mod * 1000, conf, keyed(c.models), keyed(c.decks), halqa.json(A.deck_config(c.mod)) }
  for _, n in ipairs(c.notes) do
    st[#st + 1] = { "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, 0, 0, 0, '')", n.id, n.guid, n.mid, c.mod, n.tags, n.flds }
  end
  for _, k in ipairs(c.cards) do
    st[#st + 1] = { "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')",
      k.id, k.nid, k.did, c.mod, k.type, k.queue, k.due, k.ivl, k.factor, k.reps, k.lapses }
  end
  for _, r in ipairs(c.revlog) do
    st[#st + 1] = { "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)", r.id, r.cid, r.ease, r.ivl, r.last_ivl, r.factor, r.time, r.type }
  end
  return st
end

return A
