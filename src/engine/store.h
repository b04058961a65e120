/* store.h: the progress store — cards, reviews, quiz sessions and answers in one SQLite file. */
#ifndef HALQA_STORE_H
#define HALQA_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "fsrs.h"

/*
** The store is used by the host (one per run, opened before the Lua state and closed after it),
** by the Lua binding (bindings.h, lua_store*.c) and by tests. Every call is synchronous: a call that writes
** has committed when it returns, so a process killed afterwards keeps the write. The design, the
** tables and what "day", "learning" and "mature" mean are in docs/store.md.
**
** Statuses. Open returns STORE_OK, STORE_NOSAVE or STORE_TOO_NEW (each with a usable store) or
** STORE_ERROR (no store: out of memory). Operations return STORE_OK or STORE_ERROR; after
** STORE_ERROR, store_error() says what failed and where ("review: no card 'x'").
*/
typedef enum store_status {
  STORE_ERROR = -1,
  STORE_OK = 0,    /* saving (or, before the first write, ready to create the file) */
  STORE_NOSAVE = 1, /* the file can't be used: the session runs in memory, nothing is saved */
  STORE_TOO_NEW = 2 /* the file is from a newer halqa: refused, untouched; runs as STORE_NOSAVE */
} store_status;

typedef struct store store;

/* The schema version this build writes (PRAGMA user_version) and the file's application id. */
#define STORE_SCHEMA_VERSION 2
#define STORE_APPLICATION_ID 0x68716c61 /* "hqla" */

/* A day starts at this local hour (as in Anki), so a late-night session counts as the evening's. */
#define STORE_DAY_START_HOUR 4

/* ---- opening ---- */

/* $XDG_DATA_HOME/halqa/progress.db, else ~/.local/share/halqa/progress.db (malloc'd; NULL
** without a home). */
char *store_default_path(void);

/* Opens the store at path (NULL: store_default_path(); ":memory:": a throwaway store). Nothing is
** created until the first write: a missing file and its folders are made then. *out is set for
** every status but STORE_ERROR; msg (if not NULL) gets a one-line reason naming the path for
** STORE_NOSAVE and STORE_TOO_NEW, and "" for STORE_OK. */
store_status store_open(const char *path, store **out, char *msg, size_t msglen);

/* As store_open, with flags. STORE_OPEN_READONLY opens the file as if it could not be written
** (what halqa does with a read-only file): its contents are copied into memory and the session
** goes on there. It exists so tests can reach that path when running as root. */
#define STORE_OPEN_READONLY 1
store_status store_open_flags(const char *path, int flags, store **out, char *msg, size_t msglen);

void store_close(store *s); /* NULL is fine */

/* STORE_OK while saving (or ready to), STORE_NOSAVE once in memory only. */
store_status store_mode(const store *s);
const char *store_reason(const store *s); /* why not saving; "" when saving */
const char *store_path(const store *s);
const char *store_error(const store *s);  /* the last STORE_ERROR's message */

/* A store can fall back to no-save during a run (the disk fills up, the folder can't be made at
** the first write). The write that found out still succeeds, in memory. This returns the reason
** once after such a switch, NULL otherwise: the host polls it after each command and prints it. */
const char *store_take_notice(store *s);
/* Or, with fn set, the switch is reported at once by fn(ud, reason), during the write that found
** out (store_take_notice then returns NULL). */
void store_on_notice(store *s, void (*fn)(void *ud, const char *reason), void *ud);

/* The scheduler's parameters (FSRS-6 defaults until set; copied), with the store's fitted weights
** (store_save_weights) once read. A deck's desired retention (store_set_deck_retention) overrides
** desired_retention for its cards. With fuzz on, each review's fuzz seed is derived from the card
** id and its review count, so a replay is repeatable. */
void store_set_params(store *s, const fsrs_params *p);
void store_get_params(store *s, fsrs_params *out);

/* ---- days ---- */

/* The day number of t: days since 1970-01-01 of the local date, where a day runs from
** STORE_DAY_START_HOUR to STORE_DAY_START_HOUR. Every "day" in the store comes from here. */
int64_t store_day(time_t t);
/* The first second of day (its STORE_DAY_START_HOUR local time), for tests and benchmarks. */
time_t store_day_start(int64_t day);

/* ---- cards ---- */

/* A card as read. Its six strings share one allocation owned by the card (store_card_free, or
** store_cards_free for a list); facts is space-separated fact ids. A new card
** (never reviewed) has reps == 0 and zero stability, difficulty, due_day, last_day, interval. */
typedef struct store_card {
  char *id, *deck, *front, *back, *source, *facts;
  int64_t created; /* unix seconds */
  int retired;
  double stability, difficulty;
  int64_t due_day, last_day;
  int interval, reps, lapses;
  int phase, step;  /* fsrs_phase and (re)learning step */
  int64_t due_time; /* unix seconds a learning step falls due; 0 when on day intervals */
} store_card;

typedef struct store_cards {
  store_card *v;
  size_t n;
} store_cards;
void store_cards_free(store_cards *list); /* frees the contents; the struct may be reused */

/* A card as given by a generator; facts space-separated (NULL or "" for none). */
typedef struct store_card_in {
  const char *id, *front, *back, *source, *facts;
} store_card_in;

typedef struct store_sync_counts {
  int added, updated, retired, revived;
} store_sync_counts;

/* Makes deck's cards those of the batch: new ids are added, changed ones updated, a retired one
** that is back is revived, and the deck's cards missing from the batch are retired (never
** deleted: their reviews stay). A card of another deck with an id in the batch moves here. */
int store_sync_cards(store *s, const char *deck, const store_card_in *cards, size_t n, time_t now,
                     store_sync_counts *out);

/* Cards due on now's day or earlier (deck NULL: every deck), by due_day then id; limit < 0: all. */
int store_due(store *s, const char *deck, time_t now, int limit, store_cards *out);
/* Cards never reviewed, by created then id. */
int store_new_cards(store *s, const char *deck, int limit, store_cards *out);
/* One card by id; *found is 0 when there is none. */
int store_get_card(store *s, const char *id, store_card *out, int *found);
/* How many cards (of deck, or all when NULL) had their first review on now's day: the daily
** limit on new cards counts against it. */
int store_new_today(store *s, const char *deck, time_t now, int *count);
void store_card_free(store_card *c);

/* ---- reviews ---- */

typedef struct store_review_out {
  int64_t id;       /* the review row (0 when not recorded: no-save and an unknown card) */
  int64_t day;
  int elapsed_days; /* since the previous review's day; 0 for a new card or the same day */
  double stability, difficulty;
  int interval;     /* days (0 while on a learning step) */
  int64_t due_day;
  int phase, step;  /* the card's fsrs_phase and step after the review */
  int minutes;      /* a learning step: due again this many minutes after now; else 0 */
  int64_t due_time; /* now + minutes * 60 for a step, else 0 */
  double retrievability; /* R at the review (0 for a new card) */
} store_review_out;

/* Reviews card with rating 1..4 at now: FSRS-6 from the card's state and the whole days since its
** last review, one row in reviews (state before and after), the card updated. graded is "typed"
** or "self"; answer may be NULL; session 0 for none. */
int store_review(store *s, const char *card, int rating, time_t now, const char *graded,
                 const char *answer, int64_t session, store_review_out *out);

/* What each rating would do to card at now, without recording anything: out[0] is Again ...
** out[3] is Easy (id 0). For the rating screen: the interval or learning step beside each key. */
int store_preview(store *s, const char *card, time_t now, store_review_out out[4]);

/* Undoes the last review (of session, or of any session when session is 0): the card gets back its
** state before that review exactly, and the review row is deleted. *card is set to the card id
** (malloc'd; free it) or NULL when there was nothing to undo. Refused when a later review of the
** same card exists (undoing out of order would leave a wrong state). */
int store_undo(store *s, int64_t session, char **card);

/* Makes the reviewed, not retired cards of these facts due on now's day (a missed quiz question
** brings its facts back); *count gets how many cards moved. New cards are already waiting. */
int store_make_due(store *s, const char *const *facts, size_t n, time_t now, int *count);

/* ---- sessions and answers ---- */

/* kind: "quiz", "cards", "drill" or "circle". seed and settings_json may be NULL. */
int store_begin_session(store *s, const char *kind, const char *seed, const char *settings_json,
                        time_t now, int64_t *id);
int store_end_session(store *s, int64_t id, const char *notes, time_t now);

typedef struct store_answer_in {
  int64_t session;
  const char *question, *facts, *given, *verdict, *player; /* facts space-separated; NULLs ok */
  double score, seconds;                                    /* NAN for unknown */
} store_answer_in;
int store_record_answer(store *s, const store_answer_in *a, time_t now, int64_t *id);

/* ---- reading back ---- */

/* One event in a fact's history: a review of one of its cards, or a quiz answer about it. */
typedef struct store_event {
  int is_answer;
  int64_t id, time, day, session; /* session 0: none */
  char *item;                       /* the card id (review) or question id (answer) */
  /* review */
  int rating, elapsed_days, interval;
  double stability, difficulty;
  char *graded, *text;              /* text: the typed answer (review) or given (answer) */
  /* answer */
  char *verdict, *player;
  double score, seconds;            /* NAN when unknown */
} store_event;

typedef struct store_events {
  store_event *v;
  size_t n;
} store_events;
void store_events_free(store_events *list);

/* Reviews of the fact's cards and answers about it, oldest first. */
int store_history(store *s, const char *fact, store_events *out);
/* A session's answers in the order they were recorded (a networked drill resumed). */
int store_session_answers(store *s, int64_t session, store_events *out);

/* The latest session of kind that never ended and whose settings contain `contains` (a JSON
** fragment, e.g. "\"serve\":true"): *id (0 when there is none), its start time, and malloc'd
** copies of its seed and settings (NULL when absent). */
typedef struct store_session_info {
  int64_t id, started;
  char *seed, *settings;
} store_session_info;
int store_unfinished_session(store *s, const char *kind, const char *contains, store_session_info *out);
void store_session_info_free(store_session_info *info);

typedef struct store_deck_stats {
  char *deck;
  int total, new_cards, learning, due, mature; /* not retired; learning: interval < 21 days */
} store_deck_stats;

typedef struct store_weak_fact {
  char *fact;
  double retrievability; /* lowest of its reviewed cards, now */
  int lapses, cards;
} store_weak_fact;

typedef struct store_stats {
  int64_t today;
  int days;                    /* the window of retention, heatmap and forecast */
  store_deck_stats *decks;
  size_t n_decks;
  int retention_reviews, retention_passed; /* reviews of cards last seen on an earlier day */
  int *heatmap;                /* [days]: reviews on day today-days+1+i, oldest first */
  int *forecast;               /* [days]: cards due on day today+i ([0] includes overdue) */
  store_weak_fact *weakest;
  size_t n_weakest;
} store_stats;
int store_stats_get(store *s, time_t now, int days, int weakest, store_stats *out);
void store_stats_free(store_stats *st);

/* Reviews due each day of [today, today + days) if every card were scheduled for retention and
** every review passed (Good): how the workload moves with the desired retention. counts[0]
** includes overdue cards. retention in (0, 1); 0 means each card's deck's own. */
int store_forecast(store *s, time_t now, int days, double retention, int *counts);

/* ---- weights and desired retention (store_weights.c) ---- */

/* The weights in use: fitted ones (the newest store_save_weights) or, until then, the defaults. */
typedef struct store_weights {
  double w[FSRS_NUM_WEIGHTS];
  int fitted;        /* 0: the defaults */
  int64_t time;      /* when fitted */
  int short_term;    /* the mode fitted for */
  int reviews;       /* reviews learnt from */
  double log_loss_before, log_loss_after, rmse_before, rmse_after;
} store_weights;

/* The weights in use (fitted or default). */
int store_get_weights(store *s, store_weights *out);
/* Records fitted weights; from now on reviews are scheduled with them. */
int store_save_weights(store *s, const store_weights *w);
/* Every review in the store as the optimizer reads it: by card, in time order, delta_days the
** days since the card's previous review. The arrays are malloc'd (store_history_free). */
int store_review_history(store *s, fsrs_history *out);
void store_history_free(fsrs_history *h);

/* A deck's desired retention: *found 0 when it follows the store's (store_set_params). */
int store_deck_retention(store *s, const char *deck, double *retention, int *found);
/* retention in (0, 1), or <= 0 to go back to the store's. */
int store_set_deck_retention(store *s, const char *deck, double retention);

/* ---- batches (imports, benchmarks) ---- */

/* Between these, operations share one transaction (each still atomic, through a savepoint):
** loading 100k cards or replaying 1M reviews takes seconds instead of hours of commits.
** store_batch_end commits when commit is nonzero, else rolls everything back. */
int store_batch_begin(store *s);
int store_batch_end(store *s, int commit);

/* ---- schema (store_schema.c) ---- */

struct sqlite3;

/* Brings db from its user_version up to `to`, one numbered migration per transaction (each
** re-reads the version inside its transaction, so two processes upgrading at once are safe).
** Returns 0, or -1 with a message in err. */
int store_schema_upgrade(struct sqlite3 *db, int to, char *err, size_t errlen);

/* Tests: creates a store file at path holding schema version v (0 <= v <= current) and nothing
** else, as an older halqa would have left it. Returns 0, or -1 with a message in err. */
int store_create_at_version(const char *path, int v, char *err, size_t errlen);

#endif
