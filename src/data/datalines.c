/* datalines.c: finds the source line of a field in a data file, so problems read file:line. */
/*
** Lua keeps no line numbers for table fields, so when validation finds a problem we read the
** file's text again and walk its table constructors token by token, following the path of the
** bad field ([3] then "roles" then [2] then "from"). Only runs when there is a problem to report.
** A file with many problems is indexed once (where each top-level record starts), and each
** problem walks only its own record: reporting stays linear in the file's size.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "datalines.h"

typedef struct lexer {
  const char *p, *end;
  int line;
  /* the current token */
  int tok;             /* a punctuation char, or T_NAME, T_STRING, T_NUMBER, T_EOF */
  const char *start;
  size_t len;
  int tline;
} lexer;

enum { T_EOF = 256, T_NAME, T_STRING, T_NUMBER, T_OTHER };

/* Length of the long bracket opening at p ("[[" or "[==["), or 0 if there is none. */
static size_t long_bracket(const char *p, const char *end) {
  if (p >= end || *p != '[') return 0;
  const char *q = p + 1;
  while (q < end && *q == '=') q++;
  return (q < end && *q == '[') ? (size_t)(q - p + 1) : 0;
}

/* Skips a long string or comment whose opening bracket (of length open) is at lx->p. */
static void skip_long(lexer *lx, size_t open) {
  size_t level = open - 2;
  lx->p += open;
  while (lx->p < lx->end) {
    if (*lx->p == '\n') lx->line++;
    if (*lx->p == ']') {
      const char *q = lx->p + 1;
      size_t n = 0;
      while (q < lx->end && *q == '=') q++, n++;
      if (n == level && q < lx->end && *q == ']') {
        lx->p = q + 1;
        return;
      }
    }
    lx->p++;
  }
}

static void next(lexer *lx) {
  for (;;) {
    while (lx->p < lx->end && isspace((unsigned char)*lx->p)) {
      if (*lx->p == '\n') lx->line++;
      lx->p++;
    }
    if (lx->p + 1 < lx->end && lx->p[0] == '-' && lx->p[1] == '-') {
      lx->p += 2;
      size_t open = long_bracket(lx->p, lx->end);
      if (open) skip_long(lx, open);
      else
        while (lx->p < lx->end && *lx->p != '\n') lx->p++;
      continue;
    }
    break;
  }
  lx->start = lx->p;
  lx->tline = lx->line;
  if (lx->p >= lx->end) {
    lx->tok = T_EOF;
    return;
  }
  char c = *lx->p;
  size_t open = long_bracket(lx->p, lx->end);
  if (open) {
    skip_long(lx, open);
    lx->tok = T_STRING;
  } else if (c == '"' || c == '\'') {
    lx->p++;
    while (lx->p < lx->end && *lx->p != c && *lx->p != '\n') {
      if (*lx->p == '\\' && lx->p + 1 < lx->end) {
        if (lx->p[1] == '\n') lx->line++;
        lx->p++;
      }
      lx->p++;
    }
    if (lx->p < lx->end && *lx->p == c) lx->p++;
    lx->tok = T_STRING;
  } else if (isalpha((unsigned char)c) || c == '_') {
    while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) || *lx->p == '_')) lx->p++;
    lx->tok = T_NAME;
  } else if (isdigit((unsigned char)c) || (c == '.' && lx->p + 1 < lx->end && isdigit((unsigned char)lx->p[1]))) {
    while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) || *lx->p == '.')) lx->p++;
    lx->tok = T_NUMBER;
  } else {
    lx->p++;
    lx->tok = (unsigned char)c;
  }
  lx->len = (size_t)(lx->p - lx->start);
}

/* Does the current string token spell s (quotes stripped; escapes are not interpreted)? */
static int string_is(const lexer *lx, const char *s) {
  size_t n = strlen(s);
  return lx->tok == T_STRING && lx->len == n + 2 && memcmp(lx->start + 1, s, n) == 0;
}

static int name_is(const lexer *lx, const char *s) {
  return lx->tok == T_NAME && lx->len == strlen(s) && memcmp(lx->start, s, lx->len) == 0;
}

/* Skips one value: a table constructor or an expression up to , ; or the closing brace. */
static void skip_value(lexer *lx) {
  int depth = 0;
  while (lx->tok != T_EOF) {
    if (lx->tok == '{' || lx->tok == '(' || lx->tok == '[') depth++;
    else if (lx->tok == '}' || lx->tok == ')' || lx->tok == ']') {
      if (depth == 0) return;
      depth--;
    } else if ((lx->tok == ',' || lx->tok == ';') && depth == 0)
      return;
    next(lx);
    if (depth == 0 && (lx->tok == ',' || lx->tok == ';' || lx->tok == '}')) return;
  }
}

static int walk(lexer *lx, const hq_path_elem *path, int depth, int best);

/* At the value of a matched field: descend if the path goes on, else this is the line. */
static int found(lexer *lx, const hq_path_elem *path, int depth, int keyline) {
  if (depth == 1) return keyline;
  if (lx->tok == '{') return walk(lx, path + 1, depth - 1, lx->tline);
  return lx->tline;
}

/* Walks the table constructor at lx (current token '{') looking for path[0]. Returns the line
** of the deepest element of the path that exists, `best` if not even the first does. */
static int walk(lexer *lx, const hq_path_elem *path, int depth, int best) {
  long index = 0;
  next(lx);
  while (lx->tok != '}' && lx->tok != T_EOF) {
    int keyline = lx->tline;
    int match = 0;
    if (lx->tok == T_NAME) {
      lexer save = *lx;
      int is_key = path->key && name_is(lx, path->key);
      next(lx);
      if (lx->tok == '=') {
        next(lx);
        match = is_key;
      } else {
        *lx = save;                       /* a positional value that starts with a name */
        match = !path->key && ++index == path->index;
      }
    } else if (lx->tok == '[' && long_bracket(lx->start, lx->end) == 0) {
      next(lx);
      int is_key = path->key ? string_is(lx, path->key) : 0;
      skip_value(lx);
      if (lx->tok == ']') next(lx);
      if (lx->tok == '=') next(lx);
      match = is_key;
    } else {
      match = !path->key && ++index == path->index;
    }
    if (match) return found(lx, path, depth, keyline);
    skip_value(lx);
    if (lx->tok == ',' || lx->tok == ';') next(lx);
  }
  return best;
}

int hq_data_line_at(const char *src, size_t len, size_t offset, int line, const hq_path_elem *path, int depth) {
  if (offset > len) return 0;
  lexer lx = {src + offset, src + len, line, 0, src + offset, 0, line};
  next(&lx);
  if (depth == 0 || lx.tok != '{') return lx.tline;
  return walk(&lx, path, depth, lx.tline);
}

long hq_data_records(const char *src, size_t len, size_t **offsets, int **lines) {
  lexer lx = {src, src + len, 1, 0, src, 0, 1};
  long n = 0, cap = 0;
  *offsets = NULL;
  *lines = NULL;
  next(&lx);
  while (lx.tok != T_EOF && lx.tok != '{') next(&lx); /* past `return` */
  if (lx.tok == T_EOF) return 0;
  next(&lx);
  while (lx.tok != '}' && lx.tok != T_EOF) {
    size_t at = (size_t)(lx.start - src);
    int line = lx.tline, positional = 1;
    if (lx.tok == T_NAME) {
      lexer save = lx;
      next(&lx);
      positional = lx.tok != '=';
      lx = save;
    } else if (lx.tok == '[' && long_bracket(lx.start, lx.end) == 0) {
      positional = 0;                                  /* [k] = v: not counted as a record */
    }
    if (positional) {
      if (n == cap) {
        long ncap = cap ? cap * 2 : 64;
        size_t *o = realloc(*offsets, sizeof **offsets * (size_t)ncap);
        if (o) *offsets = o;
        int *l = o ? realloc(*lines, sizeof **lines * (size_t)ncap) : NULL;
        if (l) *lines = l;
        if (!o || !l) return n;                        /* the index stops; lines come from rescans */
        cap = ncap;
      }
      (*offsets)[n] = at;
      (*lines)[n] = line;
      n++;
    } else {
      while (lx.tok != '=' && lx.tok != T_EOF) next(&lx);
      next(&lx);
    }
    skip_value(&lx);
    if (lx.tok == ',' || lx.tok == ';') next(&lx);
  }
  return n;
}

int hq_data_line(const char *src, size_t len, const hq_path_elem *path, int depth) {
  lexer lx = {src, src + len, 1, 0, src, 0, 1};
  next(&lx);
  while (lx.tok != T_EOF && lx.tok != '{') next(&lx); /* past `return` */
  if (lx.tok == T_EOF) return 0;
  if (depth == 0) return lx.tline;
  return walk(&lx, path, depth, lx.tline);
}
