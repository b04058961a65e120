/* load.c: loading data/NAME.lua and validating every record against the schema. */
/*
** Each data file is a text chunk `return { record, ... }`, run in an empty environment of a
** state with no libraries open, so it cannot call anything. Validation finds every problem, not
** just the first, and reports each as file:line: message (lines found by datalines.c). Nothing
** is handed over unless the whole dataset is valid: a broken dataset is never half loaded.
** All reads of loaded tables are raw, so a data file cannot make the validator run its code.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#include "dates.h"
#include "datalines.h"
#include "chunkcache.h"
#include "dataset.h"
#include "schema.h"

#define MAX_DEPTH 8
#define N_TABLES 5

typedef struct data_file {
  char path[4096];
  char *src;
  size_t len;
  long n_records;        /* where each record starts in src, once there is a problem (-1 before) */
  size_t *rec_offset;
  int *rec_line;
} data_file;

typedef struct loader {
  lua_State *L;
  const char *cache_dir; /* compiled data files (chunkcache.c), or NULL */
  hq_problem_fn report;
  void *ud;
  int problems;
  data_file files[N_TABLES];
  int ids;     /* stack index: id -> table name, across all tables */
  int keyed;   /* stack index: table name -> { id -> record } */
  int lists;   /* stack index: table name -> the list as loaded */
  /* where the validator is: table, record and path inside it */
  int table;
  const char *what, *id;
  hq_path_elem path[MAX_DEPTH];
  int depth;
} loader;

static void problem_at(loader *ld, int line, const char *fmt, ...) {
  char msg[1024], where[512] = "";
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  size_t n = 0;
  for (int i = 1; i < ld->depth && n < sizeof where - 64; i++) {
    if (ld->path[i].key)
      n += (size_t)snprintf(where + n, sizeof where - n, "%s%s", n ? "." : "", ld->path[i].key);
    else
      n += (size_t)snprintf(where + n, sizeof where - n, "[%ld]", ld->path[i].index);
  }
  char full[1600];
  if (ld->id && *where)
    snprintf(full, sizeof full, "%s '%s': %s: %s", ld->what, ld->id, where, msg);
  else if (ld->id)
    snprintf(full, sizeof full, "%s '%s': %s", ld->what, ld->id, msg);
  else
    snprintf(full, sizeof full, "%s", msg);
  ld->report(ld->ud, ld->files[ld->table].path, line, full);
  ld->problems++;
}

static char *read_file(const char *path, size_t *len);
static size_t utf8_invalid_at(const char *text, size_t len);

/* The line of the current path in the current file (its text was kept from loading it). */
static int current_line(loader *ld) {
  data_file *df = &ld->files[ld->table];
  if (!df->src) df->src = read_file(df->path, &df->len);
  if (!df->src) return 0;
  if (df->n_records < 0) df->n_records = hq_data_records(df->src, df->len, &df->rec_offset, &df->rec_line);
  long i = ld->depth > 0 && !ld->path[0].key ? ld->path[0].index : 0;
  if (i >= 1 && i <= df->n_records) /* only the record's own text is walked */
    return hq_data_line_at(df->src, df->len, df->rec_offset[i - 1], df->rec_line[i - 1], ld->path + 1, ld->depth - 1);
  return hq_data_line(df->src, df->len, ld->path, ld->depth);
}

/* Reports a problem at the current path (the line of its field in the file). */
#define problem(ld, ...) problem_at(ld, current_line(ld), __VA_ARGS__)

static void push_key(loader *ld, const char *key) {
  ld->path[ld->depth].key = key;
  ld->path[ld->depth].index = 0;
  ld->depth++;
}

static void push_index(loader *ld, long i) {
  ld->path[ld->depth].key = NULL;
  ld->path[ld->depth].index = i;
  ld->depth++;
}

/* Is the table at idx a list 1..n with nothing else in it? Returns n, or -1. */
static long list_length(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  long n = (long)lua_rawlen(L, idx), count = 0;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1 || lua_tointeger(L, -2) > n) {
      lua_pop(L, 2);
      return -1;
    }
    count++;
  }
  return count == n ? n : -1;
}

static const char *type_of(lua_State *L, int idx) {
  return lua_typename(L, lua_type(L, idx));
}

/* Does id exist in one of the tables named in refs ("parties|organizations")? */
static int ref_exists(loader *ld, const char *id, const char *refs) {
  lua_State *L = ld->L;
  lua_getfield(L, ld->ids, id);
  const char *t = lua_tostring(L, -1);
  int ok = 0;
  if (t) {
    size_t n = strlen(t);
    for (const char *p = refs; *p;) {
      const char *bar = strchr(p, '|');
      size_t len = bar ? (size_t)(bar - p) : strlen(p);
      if (len == n && strncmp(p, t, n) == 0) ok = 1;
      p += len + (bar ? 1 : 0);
    }
  }
  lua_pop(L, 1);
  return ok;
}

static void check_ref(loader *ld, int idx, const char *refs) {
  lua_State *L = ld->L;
  if (lua_type(L, idx) != LUA_TSTRING) {
    problem(ld, "must be an id (a string), got %s", type_of(L, idx));
    return;
  }
  const char *id = lua_tostring(L, idx);
  if (!ref_exists(ld, id, refs)) {
    lua_getfield(L, ld->ids, id);
    if (lua_isstring(L, -1))
      problem(ld, "'%s' is in %s, not in %s", id, lua_tostring(L, -1), refs);
    else
      problem(ld, "no record with id '%s' in %s", id, refs);
    lua_pop(L, 1);
  }
}

/* A citation: { "source id", "section heading" } naming a known source and one of its sections. */
static void check_citation(loader *ld, int idx) {
  lua_State *L = ld->L;
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) != LUA_TTABLE || list_length(L, idx) != 2) {
    problem(ld, "a citation is { \"source id\", \"section heading\" }");
    return;
  }
  lua_rawgeti(L, idx, 1);
  lua_rawgeti(L, idx, 2);
  const char *src = lua_tostring(L, -2), *section = lua_tostring(L, -1);
  if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
    problem(ld, "a citation is { \"source id\", \"section heading\" }");
  } else if (!ref_exists(ld, src, "sources")) {
    problem(ld, "unknown source '%s'", src);
  } else {
    lua_getfield(L, ld->keyed, "sources");
    lua_getfield(L, -1, src);
    lua_pushliteral(L, "sections");
    int found = 0;
    if (lua_rawget(L, -2) == LUA_TTABLE) {
      for (lua_Integer i = 1; !found && lua_rawgeti(L, -1, i) != LUA_TNIL; i++) {
        found = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), section) == 0;
        lua_pop(L, 1);
      }
      if (!found) lua_pop(L, 1);
    }
    lua_pop(L, 3);
    if (!found) problem(ld, "source '%s' has no section \"%s\"", src, section);
  }
  lua_pop(L, 2);
}

static void check_record(loader *ld, int idx, const record_spec *rec);

/* Checks the list at idx, calling each() on every element with the path extended. */
static void check_list(loader *ld, int idx, const field_spec *f) {
  lua_State *L = ld->L;
  idx = lua_absindex(L, idx);
  long n = lua_type(L, idx) == LUA_TTABLE ? list_length(L, idx) : -1;
  if (n < 0) {
    problem(ld, "must be %s (a list: { ..., ... })", hq_schema_type_name(f));
    return;
  }
  if (n == 0 && f->required) problem(ld, "must not be empty");
  if (ld->depth >= MAX_DEPTH) return;
  for (long i = 1; i <= n; i++) {
    lua_rawgeti(L, idx, i);
    push_index(ld, i);
    switch (f->type) {
      case F_STRINGS:
        if (lua_type(L, -1) != LUA_TSTRING || lua_rawlen(L, -1) == 0)
          problem(ld, "must be a non-empty string, got %s", type_of(L, -1));
        break;
      case F_REFS: check_ref(ld, -1, f->refs); break;
      case F_CITES: check_citation(ld, -1); break;
      case F_RECORDS:
        if (lua_type(L, -1) != LUA_TTABLE) problem(ld, "must be a %s table, got %s", f->sub->what, type_of(L, -1));
        else check_record(ld, -1, f->sub);
        break;
      default: break;
    }
    ld->depth--;
    lua_pop(L, 1);
  }
}

/* Checks the value at the stack top against field spec f (the path already names it). */
static void check_field(loader *ld, const field_spec *f) {
  lua_State *L = ld->L;
  int t = lua_type(L, -1);
  char buf[256];
  const char *why;
  switch (f->type) {
    case F_STRING:
      if (t != LUA_TSTRING || lua_rawlen(L, -1) == 0)
        problem(ld, "must be a non-empty string, got %s", t == LUA_TSTRING ? "\"\"" : type_of(L, -1));
      break;
    case F_INT:
      if (!lua_isinteger(L, -1) || t != LUA_TNUMBER) problem(ld, "must be an integer, got %s", type_of(L, -1));
      break;
    case F_NUMBER:
      if (t != LUA_TNUMBER) problem(ld, "must be a number, got %s", type_of(L, -1));
      break;
    case F_BOOL:
      if (t != LUA_TBOOLEAN) problem(ld, "must be true or false, got %s", type_of(L, -1));
      break;
    case F_DATE:
      if ((why = hq_date_check(L, -1, buf, sizeof buf)) != NULL) problem(ld, "bad date: %s", why);
      break;
    case F_REF: check_ref(ld, -1, f->refs); break;
    case F_ENUM: {
      int ok = 0;
      for (const char *const *v = f->values; t == LUA_TSTRING && *v; v++) ok |= strcmp(*v, lua_tostring(L, -1)) == 0;
      if (!ok) {
        char list[512] = "";
        size_t n = 0;
        for (const char *const *v = f->values; *v && n < sizeof list - 32; v++)
          n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", *v);
        problem(ld, "must be one of: %s", list);
      }
      break;
    }
    case F_STRINGS: case F_REFS: case F_CITES: case F_RECORDS: check_list(ld, -1, f); break;
  }
}

/* Checks a record in one pass over its fields (no lookup per schema field, which dominated the
** load of a large dataset), then reports the required fields it did not have. */
static void check_record(loader *ld, int idx, const record_spec *rec) {
  lua_State *L = ld->L;
  idx = lua_absindex(L, idx);
  unsigned long long seen = 0; /* bit i: rec->fields[i] is present (a schema has < 64 fields) */
  int set = 0;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      problem(ld, "a %s has named fields only (found a %s key)", rec->what, type_of(L, -2));
      continue;
    }
    const char *key = lua_tostring(L, -2);
    const field_spec *f = hq_schema_field(rec, key);
    push_key(ld, key);
    if (!f) {
      problem(ld, "unknown field '%s' in a %s", key, rec->what);
    } else {
      seen |= 1ull << (f - rec->fields);
      check_field(ld, f);
      for (int i = 0; i < 3 && rec->one_of[i]; i++) set += strcmp(rec->one_of[i], f->name) == 0;
    }
    ld->depth--;
  }
  for (const field_spec *f = rec->fields; f->name; f++)
    if (f->required && !(seen & (1ull << (f - rec->fields))))
      problem(ld, "missing field '%s' (%s)", f->name, hq_schema_type_name(f));
  if (set > 1) problem(ld, "a %s names at most one of '%s' and '%s'", rec->what, rec->one_of[0], rec->one_of[1]);
}

static int valid_id(const char *s) {
  if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) return 0;
  for (s++; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
      return 0;
  return 1;
}

/* The offset of the first byte of text that is not well-formed UTF-8 (overlong forms, surrogates
** and code points past U+10FFFF included), or len when all of it is. */
static size_t utf8_invalid_at(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  while (i < len) {
    unsigned c = s[i];
    size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0 || i + n > len) return i;
    unsigned lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    else if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    for (size_t k = 1; k < n; k++) {
      unsigned b = s[i + k];
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
    }
    i += n;
  }
  return len;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  fclose(f);
  *len = n;
  return buf;
}

/* Reports a Lua error message "path:line: text" at its line. */
static void lua_problem(loader *ld, const char *msg) {
  const char *path = ld->files[ld->table].path;
  size_t n = strlen(path);
  int line = 0;
  if (strncmp(msg, path, n) == 0 && msg[n] == ':') {
    line = atoi(msg + n + 1);
    msg = strchr(msg + n + 1, ':');
    msg = msg ? msg + 2 : "";
  } else if (strstr(msg, "binary chunk")) {
    line = 1;
  }
  ld->id = NULL;
  problem_at(ld, line, "%s", msg);
}

/* Loads one data file and registers its records' ids; pushes the list (or nil on failure). */
static void load_file(loader *ld, int ti) {
  lua_State *L = ld->L;
  data_file *df = &ld->files[ti];
  const char *table = hq_schema[ti].table;
  ld->table = ti;
  ld->id = NULL;
  ld->depth = 0;
  struct stat st;
  if (stat(df->path, &st) != 0) {
    problem_at(ld, 0, "cannot read the %s file (every dataset has %s.lua)", table, table);
    lua_pushnil(L);
    return;
  }
  if (!S_ISREG(st.st_mode)) { /* a FIFO would block the open for ever, a device read without end */
    problem_at(ld, 0, "not a regular file (a data file is a plain text file)");
    lua_pushnil(L);
    return;
  }
  /* The text is read once: checked to be UTF-8 (every string a screen shows or an export writes
  ** comes from here), loaded from memory, and kept for placing problems on their lines. */
  if (!df->src) df->src = read_file(df->path, &df->len);
  if (!df->src) {
    problem_at(ld, 0, "cannot read the %s file", table);
    lua_pushnil(L);
    return;
  }
  size_t bad = utf8_invalid_at(df->src, df->len);
  if (bad < df->len) {
    int line = 1;
    for (size_t i = 0; i < bad; i++) line += df->src[i] == '\n';
    problem_at(ld, line, "not valid UTF-8 (byte %zu of the file, 0x%02x): data files are UTF-8 text", bad + 1,
               (unsigned)(unsigned char)df->src[bad]);
    lua_pushnil(L);
    return;
  }
  size_t skip = df->len >= 3 && memcmp(df->src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a BOM, as loadfile skips */
  char chunkname[4100];
  snprintf(chunkname, sizeof chunkname, "@%s", df->path);
  /* compiled once: the bytecode comes from the cache when this very text was compiled before */
  if (hq_load_cached(L, ld->cache_dir, df->src + skip, df->len - skip, chunkname) != LUA_OK) {
    lua_problem(ld, lua_tostring(L, -1));
    lua_pop(L, 1);
    lua_pushnil(L);
    return;
  }
  lua_newtable(L);                   /* the empty environment */
  lua_setupvalue(L, -2, 1);
  if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
    lua_problem(ld, lua_tostring(L, -1) ? lua_tostring(L, -1) : "error while loading");
    lua_pop(L, 1);
    lua_pushnil(L);
    return;
  }
  if (lua_type(L, -1) != LUA_TTABLE || list_length(L, -1) < 0) {
    problem_at(ld, current_line(ld), "a data file returns a list of records: return { { id = ... }, ... }");
    lua_pop(L, 1);
    lua_pushnil(L);
    return;
  }
  int list = lua_gettop(L);
  lua_Integer n = (lua_Integer)lua_rawlen(L, list);
  for (lua_Integer i = 1; i <= n; i++) {
    ld->depth = 0;
    push_index(ld, (long)i);
    if (lua_rawgeti(L, list, i) != LUA_TTABLE) {
      problem(ld, "record %d must be a table, got %s", (int)i, type_of(L, -1));
      lua_pop(L, 1);
      continue;
    }
    lua_pushliteral(L, "id");
    lua_rawget(L, -2);
    const char *id = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (!id || !valid_id(id)) {
      if (id) {
        push_key(ld, "id");
        problem(ld, "id '%s' is not a name (a letter, then letters, digits or _)", id);
      } else {
        problem(ld, "record %d has no id (a string)", (int)i);
      }
      lua_pop(L, 2);
      continue;
    }
    if (lua_getfield(L, ld->ids, id) != LUA_TNIL) {
      push_key(ld, "id");
      problem(ld, "duplicate id '%s' (already used in %s)", id, lua_tostring(L, -1));
      lua_pop(L, 3);
      continue;
    }
    lua_pop(L, 1);
    lua_pushstring(L, table);
    lua_setfield(L, ld->ids, id);
    lua_getfield(L, ld->keyed, table);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, id);
    lua_pop(L, 3);
  }
}

int hq_dataset_load(lua_State *L, const char *dir, hq_problem_fn report, void *ud) {
  return hq_dataset_load_cached(L, dir, NULL, report, ud);
}

int hq_dataset_load_cached(lua_State *L, const char *dir, const char *cache_dir, hq_problem_fn report,
                           void *ud) {
  loader ld;
  memset(&ld, 0, sizeof ld);
  ld.L = L;
  ld.cache_dir = cache_dir;
  ld.report = report;
  ld.ud = ud;
  lua_checkstack(L, 40);
  /* Loading builds one large structure that stays alive: collecting while it grows only walks
  ** it again and again. The memory cap still holds; an emergency collection still runs. */
  int gc_was_running = lua_gc(L, LUA_GCISRUNNING);
  lua_gc(L, LUA_GCSTOP);
  lua_newtable(L);
  ld.ids = lua_gettop(L);
  lua_newtable(L);
  ld.keyed = lua_gettop(L);
  lua_newtable(L);
  ld.lists = lua_gettop(L);
  for (int ti = 0; hq_schema[ti].table; ti++) {
    snprintf(ld.files[ti].path, sizeof ld.files[ti].path, "%s/%s.lua", dir, hq_schema[ti].table);
    ld.files[ti].n_records = -1;
    lua_newtable(L);
    lua_setfield(L, ld.keyed, hq_schema[ti].table);
  }
  for (int ti = 0; hq_schema[ti].table; ti++) {
    load_file(&ld, ti);
    lua_setfield(L, ld.lists, hq_schema[ti].table);
  }
  /* All ids are known: now check every record, references included. */
  for (int ti = 0; hq_schema[ti].table; ti++) {
    ld.table = ti;
    if (lua_getfield(L, ld.lists, hq_schema[ti].table) != LUA_TTABLE) {
      lua_pop(L, 1);
      continue;
    }
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      lua_pushliteral(L, "id");
      if (lua_type(L, -2) == LUA_TTABLE && lua_rawget(L, -2) == LUA_TSTRING && valid_id(lua_tostring(L, -1))) {
        ld.depth = 0;
        push_index(&ld, (long)i);
        ld.what = hq_schema[ti].record->what;
        ld.id = lua_tostring(L, -1);
        check_record(&ld, -2, hq_schema[ti].record);
      }
      lua_pop(L, 2);
    }
    lua_pop(L, 1);
  }
  for (int ti = 0; ti < N_TABLES; ti++) {
    free(ld.files[ti].src);
    free(ld.files[ti].rec_offset);
    free(ld.files[ti].rec_line);
  }
  if (gc_was_running) lua_gc(L, LUA_GCRESTART);
  if (ld.problems) {
    lua_settop(L, ld.ids - 1);
    return ld.problems;
  }
  /* The result: the keyed tables, plus the lists in file order for the indices. */
  lua_pushvalue(L, ld.lists);
  lua_setfield(L, ld.keyed, "_lists");
  lua_copy(L, ld.keyed, ld.ids);
  lua_settop(L, ld.ids);
  return 0;
}
