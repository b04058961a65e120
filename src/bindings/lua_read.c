/* lua_read.c: halqa.read_import(path) — the one way a script reads a file: a question set to import. */
/*
** `halqa import FILE` must read the teacher's file, but a script must not become a way to read
** anything on the machine (keys, mail, other programs' settings). So only a regular file (not a
** link) whose name ends in .csv, .tsv, .txt, .gift or .aiken, with no hidden part in its path,
** of at most 4 MiB, can be read, and only as text. Errors name the path and the reason.
*/
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "bindings.h"

#define READ_MAX (4u << 20)

static const char *refuse(const char *path) {
  static const char *const exts[] = {".csv", ".tsv", ".txt", ".gift", ".aiken"};
  size_t n = strlen(path);
  int ext_ok = 0;
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    size_t e = strlen(exts[i]);
    if (n > e && strcmp(path + n - e, exts[i]) == 0 && path[n - e - 1] != '/') ext_ok = 1;
  }
  if (!ext_ok) return "a script may only read question sets ending in .csv, .tsv, .txt, .gift or .aiken";
  for (const char *p = path; *p; p++) {
    int start = p == path || p[-1] == '/';
    if (start && p[0] == '.' && p[1] != '/' && !(p[1] == '.' && (p[2] == '/' || p[2] == '\0')))
      return "a script may not read inside hidden folders or hidden files";
  }
  return NULL;
}

static int fail(lua_State *L, const char *path, const char *why) {
  lua_pushnil(L);
  lua_pushfstring(L, "%s: %s", path, why);
  return 2;
}

/* halqa.read_import(path): the file's text, or nil and why not. */
static int l_read_import(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *why = refuse(path);
  if (why) return fail(L, path, why);
  struct stat st;
  if (lstat(path, &st) != 0) return fail(L, path, strerror(errno));
  if (S_ISLNK(st.st_mode)) return fail(L, path, "is a link (halqa reads only plain files)");
  if (!S_ISREG(st.st_mode)) return fail(L, path, "not a plain file");
  if ((unsigned long long)st.st_size > READ_MAX) return fail(L, path, "larger than 4 MiB");
  size_t cap = (size_t)st.st_size;
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, cap + 1); /* before the open: raising here strands nothing */
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return fail(L, path, errno == ELOOP ? "is a link (halqa reads only plain files)" : strerror(errno));
  size_t got = 0;
  while (got < cap) { /* a file that grows meanwhile is read up to the size it had */
    ssize_t r = read(fd, p + got, cap - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int e = errno;
      close(fd);
      return fail(L, path, strerror(e));
    }
    if (r == 0) break;
    got += (size_t)r;
  }
  close(fd);
  luaL_pushresultsize(&b, got);
  return 1;
}

void hq_open_read(lua_State *L, int api) { hq_set_function(L, api, "read_import", l_read_import); }
