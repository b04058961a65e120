/* store_sql.c: the SQL the store runs — every statement's text, indexed by the statement enum. */
/*
** One table rather than each statement beside the code that runs it: st_get() prepares a statement
** from its id alone, so the ids (store_internal.h) and their text must stay in step, and that is
** easiest to see in one place; the pairs list_cards picks between (S_DUE_ALL, S_DUE_DECK and
** S_NEW_ALL, S_NEW_DECK: the deck's is the next id) stand side by side here too. It also lets the
** queries be read at once against the tables of store_schema.c.
*/
#include "store_internal.h"

#define CARD_COLS \
  "id, deck, front, back, source, facts, created, retired, stability, difficulty, due_day, " \
  "last_day, interval, reps, lapses, phase, step, due_time"
#define BEFORE_COLS \
  "stability_before, difficulty_before, due_before, last_before, interval_before, reps_before, " \
  "lapses_before, phase_before, step_before, due_time_before"

const char *const st_sql_text[S_COUNT] = {
  /* a card's first review is the one made when it had no repetitions */
  [S_NEW_TODAY] = "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card "
                  "WHERE r.day = ?1 AND r.reps_before = 0 AND (?2 IS NULL OR c.deck = ?2)",
  [S_CARD_GET] = "SELECT deck, front, back, source, facts, retired FROM cards WHERE id = ?1",
  [S_CARD_INSERT] = "INSERT INTO cards (id, deck, front, back, source, facts, created) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [S_CARD_UPDATE] = "UPDATE cards SET deck = ?2, front = ?3, back = ?4, source = ?5, facts = ?6, "
                    "retired = 0 WHERE id = ?1",
  [S_FACTS_DEL] = "DELETE FROM card_facts WHERE card = ?1",
  [S_FACTS_ADD] = "INSERT OR IGNORE INTO card_facts (fact, card) VALUES (?1, ?2)",
  [S_SYNC_MARK] = "INSERT OR IGNORE INTO temp.sync_ids (id) VALUES (?1)",
  [S_SYNC_RETIRE] = "UPDATE cards SET retired = 1 WHERE deck = ?1 AND retired = 0 "
                    "AND id NOT IN (SELECT id FROM temp.sync_ids)",
  [S_SYNC_CLEAR] = "DELETE FROM temp.sync_ids",
  /* "retired = 0" is written as in the partial indices' WHERE so the planner can use them. */
  [S_DUE_ALL] = "SELECT " CARD_COLS " FROM cards WHERE retired = 0 AND due_day <= ?1 "
                "ORDER BY due_day, id LIMIT ?2",
  [S_DUE_DECK] = "SELECT " CARD_COLS " FROM cards WHERE deck = ?3 AND retired = 0 "
                 "AND due_day <= ?1 ORDER BY due_day, id LIMIT ?2",
  [S_NEW_ALL] = "SELECT " CARD_COLS " FROM cards WHERE retired = 0 AND reps = 0 "
                "ORDER BY created, id LIMIT ?2",
  [S_NEW_DECK] = "SELECT " CARD_COLS " FROM cards WHERE deck = ?3 AND retired = 0 AND reps = 0 "
                 "ORDER BY created, id LIMIT ?2",
  [S_CARD_BY_ID] = "SELECT " CARD_COLS " FROM cards WHERE id = ?1",
  /* the columns in BEFORE_COLS order, then the deck's desired retention (NULL: the store's) */
  [S_CARD_STATE] = "SELECT stability, difficulty, due_day, last_day, interval, reps, lapses, "
                   "phase, step, due_time, (SELECT desired_retention FROM deck_settings d "
                   "WHERE d.deck = cards.deck) FROM cards WHERE id = ?1",
  [S_SESSION_EXISTS] = "SELECT 1 FROM sessions WHERE id = ?1",
  [S_REVIEW_INSERT] = "INSERT INTO reviews (card, session, time, day, rating, elapsed_days, "
                      "graded, answer, " BEFORE_COLS ", stability, difficulty, interval, due_day, "
                      "phase, step, due_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                      "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
  [S_CARD_SCHEDULE] = "UPDATE cards SET stability = ?2, difficulty = ?3, due_day = ?4, "
                      "last_day = ?5, interval = ?6, reps = ?7, lapses = ?8, phase = ?9, step = ?10, "
                      "due_time = ?11 WHERE id = ?1",
  [S_LAST_REVIEW] = "SELECT id, card, " BEFORE_COLS " FROM reviews ORDER BY id DESC LIMIT 1",
  [S_LAST_REVIEW_SESSION] = "SELECT id, card, " BEFORE_COLS " FROM reviews WHERE session = ?1 "
                            "ORDER BY id DESC LIMIT 1",
  [S_LATEST_OF_CARD] = "SELECT max(id) FROM reviews WHERE card = ?1",
  [S_REVIEW_DELETE] = "DELETE FROM reviews WHERE id = ?1",
  [S_MAKE_DUE] = "UPDATE cards SET due_day = ?2 WHERE retired = 0 AND reps > 0 AND due_day > ?2 "
                 "AND id IN (SELECT card FROM card_facts WHERE fact = ?1)",
  [S_SESSION_BEGIN] = "INSERT INTO sessions (kind, started, seed, settings) VALUES (?1, ?2, ?3, ?4)",
  [S_SESSION_END] = "UPDATE sessions SET ended = ?2, notes = coalesce(?3, notes) WHERE id = ?1",
  [S_ANSWER_INSERT] = "INSERT INTO answers (session, question, facts, given, verdict, score, "
                      "seconds, player, time, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [S_ANSWER_FACT] = "INSERT OR IGNORE INTO answer_facts (fact, answer) VALUES (?1, ?2)",
  [S_HISTORY] =
    "SELECT 0, r.id, r.time, r.day, r.session, r.card, r.rating, r.elapsed_days, r.interval, "
    "       r.stability, r.difficulty, r.graded, r.answer, NULL, NULL, NULL, NULL "
    "FROM card_facts f JOIN reviews r ON r.card = f.card WHERE f.fact = ?1 "
    "UNION ALL "
    "SELECT 1, a.id, a.time, a.day, a.session, a.question, NULL, NULL, NULL, NULL, NULL, NULL, "
    "       a.given, a.verdict, a.player, a.score, a.seconds "
    "FROM answer_facts f JOIN answers a ON a.id = f.answer WHERE f.fact = ?1 "
    "ORDER BY 3, 1, 2",
  [S_SESSION_UNFINISHED] = "SELECT id, started, seed, settings FROM sessions WHERE kind = ?1 AND ended IS NULL "
                           "AND instr(coalesce(settings, ''), ?2) > 0 ORDER BY id DESC LIMIT 1",
  /* the same columns as S_HISTORY, so one reader serves both */
  [S_SESSION_ANSWERS] =
    "SELECT 1, a.id, a.time, a.day, a.session, a.question, NULL, NULL, NULL, NULL, NULL, NULL, "
    "       a.given, a.verdict, a.player, a.score, a.seconds FROM answers a WHERE a.session = ?1 ORDER BY a.id",
  [S_STATS_DECKS] = "SELECT deck, count(*), sum(reps = 0), sum(reps > 0 AND interval < ?2), "
                    "sum(reps > 0 AND due_day <= ?1), sum(reps > 0 AND interval >= ?2) "
                    "FROM cards WHERE retired = 0 GROUP BY deck ORDER BY deck",
  [S_STATS_RETENTION] = "SELECT count(*), coalesce(sum(rating >= 2), 0) FROM reviews "
                        "WHERE day > ?1 - ?2 AND day <= ?1 AND stability_before IS NOT NULL "
                        "AND elapsed_days >= 1",
  [S_STATS_HEATMAP] = "SELECT day, count(*) FROM reviews WHERE day > ?1 - ?2 AND day <= ?1 "
                      "GROUP BY day",
  [S_STATS_FORECAST] = "SELECT max(due_day, ?1), count(*) FROM cards WHERE retired = 0 "
                       "AND due_day < ?1 + ?2 GROUP BY 1",
  [S_STATS_WEAKEST] = "SELECT f.fact, min(halqa_retrievability(?1 - c.last_day, c.stability)) AS r, "
                      "sum(c.lapses) AS l, count(*) FROM card_facts f JOIN cards c ON c.id = f.card "
                      "WHERE c.retired = 0 AND c.reps > 0 GROUP BY f.fact "
                      "ORDER BY r, l DESC, f.fact LIMIT ?2",
  [S_WEIGHTS_LAST] = "SELECT w, time, short_term, reviews, log_loss_before, log_loss_after, "
                     "rmse_before, rmse_after FROM fsrs_weights ORDER BY id DESC LIMIT 1",
  [S_WEIGHTS_INSERT] = "INSERT INTO fsrs_weights (time, w, short_term, reviews, log_loss_before, "
                       "log_loss_after, rmse_before, rmse_after) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  /* reviews_card is (card, id): this walks the index, no sort */
  [S_REVIEWS_ALL] = "SELECT card, rating, elapsed_days FROM reviews ORDER BY card, id",
  [S_DECK_RET_GET] = "SELECT desired_retention FROM deck_settings WHERE deck = ?1 "
                     "AND desired_retention IS NOT NULL",
  [S_DECK_RET_SET] = "INSERT INTO deck_settings (deck, desired_retention) VALUES (?1, ?2) "
                     "ON CONFLICT (deck) DO UPDATE SET desired_retention = excluded.desired_retention",
  [S_DECK_RET_DEL] = "DELETE FROM deck_settings WHERE deck = ?1",
  [S_FORECAST_CARDS] = "SELECT c.stability, c.difficulty, c.last_day, c.due_day, c.phase, "
                       "(SELECT desired_retention FROM deck_settings d WHERE d.deck = c.deck) "
                       "FROM cards c WHERE c.retired = 0 AND c.reps > 0",
};
