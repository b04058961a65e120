/* lua_save.c: halqa.save(path, text), halqa.can_save(path) and halqa.save_generator(name, text) —
** the one way a script writes a file. */
/*
** A teacher's drill report and a printed worksheet are files, but a script someone else wrote must
** not be able to damage anything with this. So a script can only create a new file: the name ends
** in one of the extensions below (text, and the exports' own: an Anki package, a spreadsheet), no part of the path is hidden (begins with a dot, like ~/.ssh or .config),
** an existing file or link is never replaced (O_EXCL | O_NOFOLLOW), and a failed write removes
** what it began. Errors name the path and the reason.
** `halqa import` writes a generator into the user's own scripts folder (given by the host, and
** hidden as ~/.config is): the script names only the generator, never a path, and the same
** new-file-only writing applies.
*/
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "bindings.h"

static int allowed_name(const char *path, const char **why) {
  size_t n = strlen(path);
  static const char *const exts[] = {".md", ".csv", ".txt", ".tsv", ".gift", ".aiken", ".xml", ".html", ".json", ".apkg", ".xlsx"};
  int ext_ok = 0;
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    size_t e = strlen(exts[i]);
    if (n > e && strcmp(path + n - e, exts[i]) == 0 && path[n - e - 1] != '/') ext_ok = 1;
  }
  if (!ext_ok) {
    *why = "a script may only write files ending in .md, .csv, .txt, .tsv, .gift, .aiken, .xml, .html, .json, .apkg or .xlsx";
    return 0;
  }
  for (const char *p = path; *p; p++) {
    int start = p == path || p[-1] == '/';
    if (start && p[0] == '.' && p[1] != '/' && !(p[1] == '.' && (p[2] == '/' || p[2] == '\0'))) {
      *why = "a script may not write inside hidden folders or hidden files";
      return 0;
    }
  }
  return 1;
}

/* Checks path; on failure pushes nil and the reason and returns 2, else 0. */
static int check(lua_State *L, const char *path) {
  const char *why = NULL;
  if (!allowed_name(path, &why)) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, why);
    return 2;
  }
  struct stat st;
  if (lstat(path, &st) == 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: already exists (halqa never replaces a file; choose another name)", path);
    return 2;
  }
  return 0;
}

/* halqa.can_save(path): true, or nil and why not — so a command can refuse a bad --report before
** a drill rather than after it. The folder must exist and be writable. */
static int l_can_save(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int r = check(L, path);
  if (r) return r;
  const char *slash = strrchr(path, '/');
  lua_pushlstring(L, path, slash ? (size_t)(slash - path) + (slash == path) : 0);
  const char *dir = lua_tostring(L, -1);
  if (access(*dir ? dir : ".", W_OK | X_OK) != 0) {
    int e = errno;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot write in folder '%s': %s", path, *dir ? dir : ".", strerror(e));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* Creates path (new, never through a link) with text; pushes true, or nil and why; returns the
** count pushed. A failed write removes what it began. */
static int write_new(lua_State *L, const char *path, const char *text, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    int e = errno;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(fd, text + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      int e = w < 0 ? errno : EIO;
      close(fd);
      unlink(path);
      lua_pushnil(L);
      lua_pushfstring(L, "%s: %s", path, strerror(e));
      return 2;
    }
    done += (size_t)w;
  }
  if (close(fd) != 0) {
    int e = errno;
    unlink(path);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* halqa.save(path, text): creates the file with text; true, or nil and why not. */
static int l_save(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  size_t len;
  const char *text = luaL_checklstring(L, 2, &len);
  int r = check(L, path);
  if (r) return r;
  return write_new(L, path, text, len);
}

/* mkdir -p for the folders of path (not its last part), mode 0755. */
static int make_parents(const char *path) {
  char buf[PATH_MAX];
  if (strlen(path) >= sizeof buf) return -1;
  strcpy(buf, path);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0755) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  return 0;
}

/* halqa.save_generator(name, text): creates generators/NAME.lua in the user's scripts folder
** (upvalue 1; nil when there is none); true and the path, or nil and why. */
static int l_save_generator(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  size_t len;
  const char *text = luaL_checklstring(L, 2, &len);
  const char *dir = lua_tostring(L, lua_upvalueindex(1));
  int ok = name[0] >= 'a' && name[0] <= 'z' && strlen(name) <= 64;
  for (const char *p = name; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) ok = 0;
  if (!ok) {
    lua_pushnil(L);
    lua_pushfstring(L, "'%s': a generator name is a small letter, then small letters, digits or '_' (64 at most)", name);
    return 2;
  }
  if (!dir) {
    lua_pushnil(L);
    lua_pushliteral(L, "there is no user scripts folder (set XDG_CONFIG_HOME or HOME)");
    return 2;
  }
  lua_pushfstring(L, "%s/generators/%s.lua", dir, name);
  const char *path = lua_tostring(L, -1);
  struct stat st;
  if (lstat(path, &st) == 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: already exists (halqa never replaces a file; choose another name)", path);
    return 2;
  }
  if (make_parents(path) != 0) {
    int e = errno;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot make its folder: %s", path, strerror(e));
    return 2;
  }
  int r = write_new(L, path, text, len);
  if (r == 1) lua_pushvalue(L, -2); /* true, path */
  return r == 1 ? 2 : r;
}

void hq_open_save_generator(lua_State *L, int api, const char *user_scripts_dir) {
  api = lua_absindex(L, api);
  if (user_scripts_dir) lua_pushstring(L, user_scripts_dir); else lua_pushnil(L);
  lua_pushcclosure(L, l_save_generator, 1);
  lua_setfield(L, api, "save_generator");
}

void hq_open_save(lua_State *L, int api) {
  api = lua_absindex(L, api);
  lua_pushcfunction(L, l_save);
  lua_setfield(L, api, "save");
  lua_pushcfunction(L, l_can_save);
  lua_setfield(L, api, "can_save");
}
