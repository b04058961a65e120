/* lua_xlsx.c: halqa.xlsx(sheets) — a spreadsheet built with libxlsxwriter, returned as a string. */
/*
** Kahoot reads its questions from an xlsx template. libxlsxwriter writes only to a file name, so
** the workbook goes into a private folder made here (mkdtemp) and is read back and removed: the
** script chooses no path, gets the bytes, and writes them with halqa.save like any other file.
** sheets = { { name = "Sheet1", widths = { 5, 60 }, rows = { { "text", 42, false, ... }, ... } } }:
** a cell is a string, a number, or false/nil for an empty cell.
*/
#include <lauxlib.h>

#include "bindings.h"

#ifndef HALQA_HAVE_XLSXWRITER
void hq_open_xlsx(lua_State *L, int api) { (void)L, (void)api; } /* no libxlsxwriter: halqa.xlsx stays nil */
#else
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#define XLSX_MAX_ROWS 100000
#define XLSX_MAX_COLS 64

/* The temporary folder and workbook, freed by __gc even when Lua raises midway. */
typedef struct xbox {
  char dir[512];
  char file[560];
  lxw_workbook *wb;
} xbox;

static void xbox_free(xbox *b) {
  if (b->wb) workbook_close(b->wb); /* also frees it */
  b->wb = NULL;
  if (b->file[0]) unlink(b->file);
  if (b->dir[0]) rmdir(b->dir);
  b->file[0] = b->dir[0] = '\0';
}

static int xbox_gc(lua_State *L) {
  xbox_free(lua_touserdata(L, 1));
  return 0;
}

/* Checks the sheet list at index 1 before anything is made, so building cannot raise. */
static void check_sheets(lua_State *L) {
  lua_Integer ns = (lua_Integer)lua_rawlen(L, 1);
  luaL_argcheck(L, ns >= 1 && ns <= 32, 1, "1 to 32 sheets");
  for (lua_Integer s = 1; s <= ns; s++) {
    if (lua_rawgeti(L, 1, s) != LUA_TTABLE) luaL_error(L, "halqa.xlsx: sheet %d is not a table", (int)s);
    if (lua_getfield(L, -1, "name") != LUA_TSTRING || lua_rawlen(L, -1) == 0 || lua_rawlen(L, -1) > 31)
      luaL_error(L, "halqa.xlsx: sheet %d needs a name of 1 to 31 characters", (int)s);
    lua_pop(L, 1);
    int t = lua_getfield(L, -1, "widths");
    if (t != LUA_TNIL && t != LUA_TTABLE) luaL_error(L, "halqa.xlsx: sheet %d: widths must be a list", (int)s);
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "rows") != LUA_TTABLE) luaL_error(L, "halqa.xlsx: sheet %d needs rows", (int)s);
    lua_Integer nr = (lua_Integer)lua_rawlen(L, -1);
    if (nr > XLSX_MAX_ROWS) luaL_error(L, "halqa.xlsx: sheet %d has more than %d rows", (int)s, XLSX_MAX_ROWS);
    for (lua_Integer r = 1; r <= nr; r++) {
      if (lua_rawgeti(L, -1, r) != LUA_TTABLE) luaL_error(L, "halqa.xlsx: sheet %d row %d is not a list", (int)s, (int)r);
      lua_Integer nc = (lua_Integer)lua_rawlen(L, -1);
      if (nc > XLSX_MAX_COLS) luaL_error(L, "halqa.xlsx: sheet %d row %d has more than %d cells", (int)s, (int)r, XLSX_MAX_COLS);
      for (lua_Integer c = 1; c <= nc; c++) {
        int ct = lua_rawgeti(L, -1, c);
        if (ct != LUA_TSTRING && ct != LUA_TNUMBER && ct != LUA_TNIL && !(ct == LUA_TBOOLEAN && !lua_toboolean(L, -1)))
          luaL_error(L, "halqa.xlsx: sheet %d row %d cell %d: a string, a number or false", (int)s, (int)r, (int)c);
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 2);
  }
}

/* Writes one checked sheet (on top of the stack) into the workbook. */
static void write_sheet(lua_State *L, lxw_workbook *wb) {
  lua_getfield(L, -1, "name");
  lxw_worksheet *ws = workbook_add_worksheet(wb, lua_tostring(L, -1));
  lua_pop(L, 1);
  if (!ws) return; /* workbook_close reports it */
  lua_getfield(L, -1, "widths");
  if (lua_istable(L, -1))
    for (lua_Integer c = 1; c <= (lua_Integer)lua_rawlen(L, -1) && c <= XLSX_MAX_COLS; c++) {
      lua_rawgeti(L, -1, c);
      if (lua_type(L, -1) == LUA_TNUMBER)
        worksheet_set_column(ws, (lxw_col_t)(c - 1), (lxw_col_t)(c - 1), lua_tonumber(L, -1), NULL);
      lua_pop(L, 1);
    }
  lua_pop(L, 1);
  lua_getfield(L, -1, "rows");
  lua_Integer nr = (lua_Integer)lua_rawlen(L, -1);
  for (lua_Integer r = 1; r <= nr; r++) {
    lua_rawgeti(L, -1, r);
    lua_Integer nc = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer c = 1; c <= nc; c++) {
      int ct = lua_rawgeti(L, -1, c);
      lxw_row_t row = (lxw_row_t)(r - 1);
      lxw_col_t col = (lxw_col_t)(c - 1);
      if (ct == LUA_TSTRING)
        worksheet_write_string(ws, row, col, lua_tostring(L, -1), NULL);
      else if (ct == LUA_TNUMBER)
        worksheet_write_number(ws, row, col, lua_tonumber(L, -1), NULL);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* halqa.xlsx(sheets): the workbook's bytes. Raises on a malformed sheet list. */
static int l_xlsx(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  check_sheets(L);
  xbox *b = hq_new_box(L, sizeof *b, "halqa.xlsxbox", xbox_gc);

  const char *tmp = getenv("TMPDIR");
  snprintf(b->dir, sizeof b->dir, "%s/halqa-xlsx-XXXXXX", tmp && tmp[0] == '/' && strlen(tmp) < 400 ? tmp : "/tmp");
  if (!mkdtemp(b->dir)) {
    int e = errno;
    b->dir[0] = '\0';
    return luaL_error(L, "halqa.xlsx: cannot make a temporary folder: %s", strerror(e));
  }
  snprintf(b->file, sizeof b->file, "%s/book.xlsx", b->dir);
  lxw_workbook_options opt = {.constant_memory = 0, .tmpdir = b->dir, .use_zip64 = 0};
  b->wb = workbook_new_opt(b->file, &opt);
  if (!b->wb) return luaL_error(L, "halqa.xlsx: cannot start a workbook");
  for (lua_Integer s = 1; s <= (lua_Integer)lua_rawlen(L, 1); s++) {
    lua_rawgeti(L, 1, s);
    write_sheet(L, b->wb);
    lua_pop(L, 1);
  }
  lxw_error e = workbook_close(b->wb);
  b->wb = NULL;
  if (e != LXW_NO_ERROR) return luaL_error(L, "halqa.xlsx: %s", lxw_strerror(e));
  FILE *f = fopen(b->file, "rb");
  if (!f) return luaL_error(L, "halqa.xlsx: cannot read the workbook back: %s", strerror(errno));
  luaL_Buffer out;
  luaL_buffinit(L, &out);
  char chunk[8192];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) luaL_addlstring(&out, chunk, got);
  int bad = ferror(f);
  fclose(f);
  if (bad) return luaL_error(L, "halqa.xlsx: cannot read the workbook back");
  luaL_pushresult(&out);
  xbox_free(b); /* remove the file and folder now, not at the next collection */
  return 1;
}

void hq_open_xlsx(lua_State *L, int api) { hq_set_function(L, api, "xlsx", l_xlsx); }
#endif
