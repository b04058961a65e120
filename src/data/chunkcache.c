/* chunkcache.c: compiling a Lua text once — its bytecode kept in a cache keyed by the text. */
/*
** Parsing is most of what loading the dataset costs (0.8 of its 1.3 ms on the bundled data);
** undumping the same chunk is twenty times cheaper. So a text chunk is compiled once and its
** bytecode (with its debug information, so messages keep their lines) written to
** CACHE/<key>.luac, where the key is a 128-bit hash of the text and its chunk name: an edited file has another key and is never
** served stale (the old entry is simply not asked for again). An entry is used only when its
** header repeats the key and the length and checksum of the bytecode that follows, so a
** truncated or damaged entry is compiled again, not loaded; and only from a folder owned by the
** user and writable by no one else, since bytecode is trusted by Lua's loader (the text is
** still what scripts and data files are checked as: a cached chunk is one this process could
** have compiled itself from the same text). Failure to write the cache is silent: it costs
** speed, never correctness.
*/
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "chunkcache.h"

#define MAGIC "HQCC1\n"
#define MAGIC_LEN 6

typedef struct key128 {
  uint64_t a, b;
} key128;

static uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

/* Two independent lanes over 8-byte words (the tail padded with zeros), then the length. */
static void hash_into(key128 *k, const char *p, size_t len) {
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    k->a = (k->a ^ w) * 0x100000001b3ULL;
    k->b = (k->b + w) * 0x9e3779b97f4a7c15ULL;
    k->b ^= k->b >> 29;
  }
  uint64_t w = 0;
  memcpy(&w, p + i, len - i);
  k->a = mix((k->a ^ w ^ len) * 0x100000001b3ULL);
  k->b = mix((k->b + w + len) * 0x9e3779b97f4a7c15ULL);
}

static key128 key_of(const char *src, size_t len, const char *chunkname) {
  key128 k = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
  hash_into(&k, chunkname, strlen(chunkname));
  hash_into(&k, src, len);
  return k;
}

typedef struct header {
  char magic[MAGIC_LEN];
  key128 key;
  uint64_t size, sum_a, sum_b;
} header;

/* The cache folder is used only when it is the user's own and no one else can write it. */
static int trusted_dir(const char *dir) {
  struct stat st;
  return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
         (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

/* Makes dir and its missing parents, mode 0700. */
static void make_dirs(const char *dir) {
  char buf[4096];
  if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) return;
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      mkdir(buf, 0700);
      *p = '/';
    }
  mkdir(buf, 0700);
}

static void entry_path(char *out, size_t n, const char *dir, key128 k) {
  snprintf(out, n, "%s/%016llx%016llx.luac", dir, (unsigned long long)k.a, (unsigned long long)k.b);
}

/* Reads a valid entry for k: returns malloc'd bytecode and its size, or NULL. */
static char *read_entry(const char *path, key128 k, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  header h;
  char *code = NULL;
  if (fread(&h, sizeof h, 1, f) == 1 && memcmp(h.magic, MAGIC, MAGIC_LEN) == 0 && h.key.a == k.a &&
      h.key.b == k.b && h.size > 0 && h.size < ((uint64_t)1 << 34) && (code = malloc(h.size))) {
    int c;
    key128 sum = {0, 0};
    if (fread(code, 1, h.size, f) == h.size && (c = fgetc(f)) == EOF) {
      hash_into(&sum, code, h.size);
      if (sum.a == h.sum_a && sum.b == h.sum_b) {
        fclose(f);
        *size = h.size;
        return code;
      }
    }
    free(code);
    code = NULL;
  }
  fclose(f);
  return NULL;
}

typedef struct buffer {
  char *p;
  size_t n, cap;
  int failed;
} buffer;

static int write_buf(lua_State *L, const void *p, size_t sz, void *ud) {
  (void)L;
  buffer *b = ud;
  if (b->failed) return 1;
  if (b->n + sz > b->cap) {
    size_t cap = b->cap ? b->cap : 1 << 14;
    while (cap < b->n + sz) cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np) {
      b->failed = 1;
      return 1;
    }
    b->p = np;
    b->cap = cap;
  }
  memcpy(b->p + b->n, p, sz);
  b->n += sz;
  return 0;
}

/* Writes the function at the top of the stack as the entry for k: to a temporary file first,
** renamed into place, so a reader never sees half an entry. */
static void write_entry(lua_State *L, const char *dir, const char *path, key128 k) {
  buffer b = {NULL, 0, 0, 0};
  if (lua_dump(L, write_buf, &b, 0) != 0 || b.failed || b.n == 0) {
    free(b.p);
    return;
  }
  header h;
  memset(&h, 0, sizeof h); /* the padding after magic is written too */
  memcpy(h.magic, MAGIC, MAGIC_LEN);
  h.key = k;
  h.size = b.n;
  key128 sum = {0, 0};
  hash_into(&sum, b.p, b.n);
  h.sum_a = sum.a;
  h.sum_b = sum.b;
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s/.tmp.%ld.%016llx", dir, (long)getpid(), (unsigned long long)k.a);
  FILE *f = fopen(tmp, "wb");
  if (f) {
    int ok = fwrite(&h, sizeof h, 1, f) == 1 && fwrite(b.p, 1, b.n, f) == b.n;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) unlink(tmp);
  }
  free(b.p);
}

int hq_load_cached(lua_State *L, const char *cache_dir, const char *src, size_t len,
                   const char *chunkname) {
  if (!cache_dir || !*cache_dir) return luaL_loadbufferx(L, src, len, chunkname, "t");
  key128 k = key_of(src, len, chunkname);
  char path[4200];
  entry_path(path, sizeof path, cache_dir, k);
  int trusted = trusted_dir(cache_dir);
  if (trusted) {
    size_t size;
    char *code = read_entry(path, k, &size);
    if (code) {
      int status = luaL_loadbufferx(L, code, size, chunkname, "b");
      free(code);
      if (status == LUA_OK) return LUA_OK;
      lua_pop(L, 1); /* another Lua's bytecode, say: compile the text instead */
    }
  }
  int status = luaL_loadbufferx(L, src, len, chunkname, "t");
  if (status != LUA_OK) return status;
  if (!trusted) {
    make_dirs(cache_dir);
    if (!trusted_dir(cache_dir)) return LUA_OK;
  }
  write_entry(L, cache_dir, path, k);
  return LUA_OK;
}
