/* export.c: halqa_export — any `export --format` through the program's writer. */
/*
** The export command runs as on the command line. A text format writes to standard output,
** which the handle captures and hands to the writer; a binary one (an Anki package, a Kahoot
** spreadsheet) can only be written as a new file, so it is written into a private temporary
** folder and the file is handed to the writer, then removed.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "handle.h"

/* The formats that are files, and their extension (the exports whose format has an `assemble`). */
static const struct { const char *format, *ext; } binary_formats[] = {
  {"apkg", "apkg"}, {"kahoot", "xlsx"}, {NULL, NULL}
};

#define PIECE 65536

static int write_pieces(halqa_writer fn, void *ud, const char *data, size_t len) {
  for (size_t at = 0; at < len; at += PIECE) {
    size_t n = len - at < PIECE ? len - at : PIECE;
    if (fn(ud, data + at, n) != 0) return -1;
  }
  return 0;
}

/* Hands the file at path to the writer; 0, or -1 with why in msg. */
static int write_file(const char *path, halqa_writer fn, void *ud, char *msg, size_t len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(msg, len, "export: the file it wrote cannot be read back");
    return -1;
  }
  char *buf = malloc(PIECE);
  int rc = buf ? 0 : -1;
  size_t n;
  while (rc == 0 && (n = fread(buf, 1, PIECE, f)) > 0) rc = fn(ud, buf, n) != 0 ? -2 : 0;
  if (rc == -1) snprintf(msg, len, "export: not enough memory");
  if (rc == -2) snprintf(msg, len, "export: the writer stopped it");
  free(buf);
  fclose(f);
  return rc ? -1 : 0;
}

int halqa_export(halqa *h, const char *format, const char *options_json, halqa_writer fn, void *ud, char **err) {
  if (err) *err = NULL;
  if (!h || !format || !fn) return lib_error(err, HALQA_EUSAGE, "halqa_export: no handle, format or writer");
  lua_State *L = h->H->L;
  int top = lua_gettop(L);
  lib_begin(h);
  lib_push_command(L, "export");
  char why[300];
  if (lib_push_args(L, options_json, why, sizeof why) != 0) {
    lua_settop(L, top);
    return lib_error(err, HALQA_EUSAGE, why);
  }
  int t = lua_gettop(L), n = (int)lua_rawlen(L, t);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, t, i);
    const char *a = lua_tostring(L, -1);
    int named = strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 || strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0;
    lua_pop(L, 1);
    if (named) {
      lua_settop(L, top);
      return lib_error(err, HALQA_EUSAGE, "export: the format is an argument and the writer gets the output: no format or output option");
    }
  }
  lua_pushliteral(L, "--format");
  lua_rawseti(L, t, ++n);
  lua_pushstring(L, format);
  lua_rawseti(L, t, ++n);
  const char *ext = NULL;
  for (int i = 0; binary_formats[i].format; i++)
    if (strcmp(binary_formats[i].format, format) == 0) ext = binary_formats[i].ext;
  char dir[4096] = "", path[4200] = "";
  if (ext) {
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/halqa-export-XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
      lua_settop(L, top);
      return lib_error(err, HALQA_ERROR, "export: cannot make a temporary folder");
    }
    snprintf(path, sizeof path, "%s/export.%s", dir, ext);
    lua_pushliteral(L, "-o");
    lua_rawseti(L, t, ++n);
    lua_pushstring(L, path);
    lua_rawseti(L, t, ++n);
  }
  int status = hq_docall(L, 1, 0);
  int code = HALQA_OK;
  if (status != LUA_OK) {
    code = lib_fail(h, status, err);
  } else if (ext) {
    if (write_file(path, fn, ud, why, sizeof why) != 0) code = lib_error(err, HALQA_ERROR, why);
  } else {
    size_t len;
    char *text = capture_take(&h->out, &len);
    if (!text) code = lib_error(err, HALQA_ENOMEM, "export: not enough memory");
    else if (write_pieces(fn, ud, text, len) != 0) code = lib_error(err, HALQA_ERROR, "export: the writer stopped it");
    free(text);
  }
  if (ext) {
    unlink(path);
    rmdir(dir);
  }
  lua_settop(L, top);
  return code;
}
