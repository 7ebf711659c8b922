/*
 * tui.h - the full-screen interface, as the CLI starts it (`juste`,
 * `juste tui`).  Runs until the user quits; the terminal is restored on
 * every way out (see term.h).
 *
 * JUSTE_TUI_BENCH=1 draws the first screen once and returns (benchmarks):
 * it reads nothing from the keyboard and writes nothing to the database.
 * JUSTE_TUI_SCREEN=NAME (week, billing, util, data, ...) opens on that
 * screen when the role allows it.
 */
#ifndef JUSTE_TUI_TUI_H
#define JUSTE_TUI_TUI_H

#include "juste/app.h"

juste_status tui_run(struct app *a, struct juste_err *e);

#endif
