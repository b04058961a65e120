/* spawn_time.c: times whole processes with nothing but the process in the interval, for the
 * start-up benchmarks. Each command is started with posix_spawn and waited for with wait4; the
 * clock is read just before the spawn and just after the wait, so no shell, no `date` and no fork
 * of a big parent sits inside the interval. The commands run round-robin (A B C A B C ...) so
 * every one sees the same machine load, and the median wall time and the median peak resident
 * memory (wait4's ru_maxrss) of each are printed, one line a command:
 *   NAME median_ms min_ms maxrss_kib
 * Usage: spawn_time RUNS [-i STDIN_FILE] [-o STDOUT_FILE] -- NAME CMD ARGS... [-- NAME CMD ARGS...]...
 * Standard output of the commands goes to /dev/null (or STDOUT_FILE), standard error stays. */
#define _DEFAULT_SOURCE /* wait4 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_CMDS 16

typedef struct cmd {
    const char *name;
    char **argv;
    double *ms;
    long *rss;
} cmd;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Runs one command once; returns 0 and fills *ms and *rss, or -1 if it could not run or failed. */
static int run_once(const cmd *c, const char *input, const char *output, double *ms, long *rss)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, output ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (input) posix_spawn_file_actions_addopen(&fa, 0, input, O_RDONLY, 0);
    pid_t pid;
    double t0 = now_ms();
    int e = posix_spawnp(&pid, c->argv[0], &fa, NULL, c->argv, environ);
    if (e != 0) {
        posix_spawn_file_actions_destroy(&fa);
        fprintf(stderr, "spawn_time: %s: %s\n", c->argv[0], strerror(e));
        return -1;
    }
    int status;
    struct rusage ru;
    pid_t w = wait4(pid, &status, 0, &ru);
    double t1 = now_ms();
    posix_spawn_file_actions_destroy(&fa);
    if (w != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "spawn_time: %s (%s) failed\n", c->name, c->argv[0]);
        return -1;
    }
    *ms = t1 - t0;
    *rss = ru.ru_maxrss;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: spawn_time RUNS [-i STDIN_FILE] [-o STDOUT_FILE] -- NAME CMD ARGS... [-- NAME CMD ARGS...]...\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1) runs = 1;
    int i = 2;
    const char *input = NULL, *output = NULL;
    while (i + 1 < argc && (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-o") == 0)) {
        if (argv[i][1] == 'i') input = argv[i + 1];
        else output = argv[i + 1];
        i += 2;
    }
    cmd cmds[MAX_CMDS];
    int n = 0;
    while (i < argc && strcmp(argv[i], "--") == 0 && n < MAX_CMDS) {
        argv[i] = NULL; /* ends the previous command's argv */
        i++;
        if (i + 1 >= argc) break;
        cmds[n].name = argv[i];
        cmds[n].argv = &argv[i + 1];
        cmds[n].ms = calloc((size_t)runs, sizeof(double));
        cmds[n].rss = calloc((size_t)runs, sizeof(long));
        if (!cmds[n].ms || !cmds[n].rss) return 1;
        n++;
        i += 2;
        while (i < argc && strcmp(argv[i], "--") != 0) i++;
    }
    if (n == 0) {
        fprintf(stderr, "spawn_time: no command given (-- NAME CMD ...)\n");
        return 2;
    }
    for (int r = 0; r < runs; r++)
        for (int k = 0; k < n; k++)
            if (run_once(&cmds[k], input, output, &cmds[k].ms[r], &cmds[k].rss[r]) != 0) return 1;
    for (int k = 0; k < n; k++) {
        qsort(cmds[k].ms, (size_t)runs, sizeof(double), cmp_double);
        qsort(cmds[k].rss, (size_t)runs, sizeof(long), cmp_long);
        double med = runs % 2 ? cmds[k].ms[runs / 2] : (cmds[k].ms[runs / 2 - 1] + cmds[k].ms[runs / 2]) / 2;
        printf("%s %.3f %.3f %ld\n", cmds[k].name, med, cmds[k].ms[0], cmds[k].rss[runs / 2]);
        free(cmds[k].ms);
        free(cmds[k].rss);
    }
    return 0;
}
