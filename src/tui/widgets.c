/*
 * widgets.c - text by display width, lists, table, text input, picker, boxes.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "juste/text.h"
#include "tui/widgets.h"

/* ------------------------------------------------------------------ text */

/* Decodes one UTF-8 character; a bad byte becomes '?' and advances one. */
static int next_wc(const char *s, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = L'?';
		return 1;
	}
	return (int)n;
}

int widget_width(const char *s)
{
	return text_width(s);
}

void widget_fill(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

int widget_text(int y, int x, const char *s, int width, enum widget_align align, attr_t attr)
{
	if (width <= 0)
		return 0;
	static const enum text_align how[] = {
		[WIDGET_LEFT] = TEXT_LEFT, [WIDGET_RIGHT] = TEXT_RIGHT, [WIDGET_CENTER] = TEXT_CENTER };
	char fit[2048];
	wchar_t out[1024];
	int n = 0;
	text_pad(s, width, how[align], fit, sizeof fit);
	/* valid UTF-8 now, control characters made visible */
	for (const char *p = fit; *p && n < (int)(sizeof out / sizeof out[0]) - 1;)
		p += next_wc(p, &out[n++]);
	out[n] = L'\0';
	widget_fill(y, x, width, attr);
	attrset(attr);
	mvaddnwstr(y, x, out, n);
	attrset(A_NORMAL);
	return width;
}

void widget_box(int y, int x, int h, int w, const char *title, attr_t attr)
{
	for (int i = 0; i < h; i++)
		widget_fill(y + i, x, w, attr);
	attrset(attr);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title && *title) {
		int tw = widget_width(title) + 2;
		if (tw > w - 4)
			tw = w - 4;
		char t[512];
		snprintf(t, sizeof t, " %s ", title);
		widget_text(y, x + 2, t, tw, WIDGET_LEFT, attr | A_BOLD);
	}
}

/* ------------------------------------------------------------------ list */

void widget_list_draw(struct widget_list *l, int y, int x, int h, int w, widget_list_row_fn row, void *ctx,
	attr_t blank)
{
	widget_list_set_height(l, h);
	for (int i = 0; i < h; i++) {
		int k = l->top + i;
		if (k < l->nrows)
			row(ctx, k, y + i, x, w, !l->pager && k == l->cur);
		else
			widget_fill(y + i, x, w, blank);
	}
}

/* ----------------------------------------------------------------- table */

enum widget_list_result widget_table_key(struct widget_table *t, enum action a)
{
	if ((a == ACT_LEFT || a == ACT_RIGHT) && t->ncursor_cols > 1) {
		int c = t->cur_col + (a == ACT_LEFT ? -1 : 1);
		if (c < 0 || c >= t->ncursor_cols)
			return WIDGET_LIST_HANDLED;
		t->cur_col = c;
		return WIDGET_LIST_REDRAW;
	}
	return widget_list_key(&t->rows, a);
}

static void table_row(struct widget_table *t, int y, int x, int row, widget_table_cell_fn cell, void *ctx)
{
	int cx = x;
	for (int c = 0; c < t->ncols; c++) {
		char buf[512];
		enum term_role role = TR_NORMAL;
		buf[0] = '\0';
		cell(ctx, row, c, buf, sizeof buf, &role);
		if (t->gap && c > 0 && strlen(buf) + 2 < sizeof buf)
			strcat(buf, " ");
		if (row >= 0 && row < t->rows.nrows && row == t->rows.cur) {
			if (c == t->first_cursor_col + t->cur_col)
				role = TR_CURSOR;
			else if (role == TR_NORMAL)
				role = TR_CURSOR_ROW;
		}
		widget_text(y, cx, buf, t->widths[c], t->align[c], term_attr(role));
		cx += t->widths[c];
	}
}

int widget_table_draw(struct widget_table *t, int y, int x, int h, widget_table_cell_fn cell, void *ctx)
{
	int body_h = h - (t->header ? 1 : 0) - (t->footer ? 1 : 0);
	widget_list_set_height(&t->rows, body_h);
	if (t->cur_col >= t->ncursor_cols)
		t->cur_col = t->ncursor_cols - 1;
	if (t->cur_col < 0)
		t->cur_col = 0;
	int line = y;
	if (t->header && line < y + h)
		table_row(t, line++, x, -1, cell, ctx);
	for (int r = t->rows.top; r < t->rows.nrows && r < t->rows.top + body_h; r++)
		table_row(t, line++, x, r, cell, ctx);
	if (t->footer && line < y + h)
		table_row(t, line++, x, t->rows.nrows, cell, ctx);
	return line - y;
}

/* ----------------------------------------------------------------- input */

void widget_input_set(struct widget_input *in, const char *utf8)
{
	memset(in, 0, sizeof *in);
	const char *p = utf8 ? utf8 : "";
	while (*p && in->len < WIDGET_INPUT_MAX - 1) {
		wchar_t wc;
		p += next_wc(p, &wc);
		in->buf[in->len++] = wc;
	}
	in->buf[in->len] = L'\0';
	in->pos = in->len;
}

void widget_input_get(const struct widget_input *in, char *out, size_t n)
{
	size_t used = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (int i = 0; i < in->len; i++) {
		char mb[8];
		size_t k = wcrtomb(mb, in->buf[i], &st);
		if (k == (size_t)-1 || used + k + 1 > n)
			break;
		memcpy(out + used, mb, k);
		used += k;
	}
	if (n)
		out[used < n ? used : n - 1] = '\0';
}

static void input_delete(struct widget_input *in, int from, int to)
{
	if (from < 0)
		from = 0;
	if (to > in->len)
		to = in->len;
	if (from >= to)
		return;
	memmove(in->buf + from, in->buf + to, (size_t)(in->len - to + 1) * sizeof in->buf[0]);
	in->len -= to - from;
	if (in->pos > to)
		in->pos -= to - from;
	else if (in->pos > from)
		in->pos = from;
}

enum widget_input_result widget_input_key(struct widget_input *in, int is_func, wint_t ch)
{
	if (is_func) {
		switch (ch) {
		case KEY_LEFT: if (in->pos > 0) in->pos--; return WIDGET_INPUT_CONT;
		case KEY_RIGHT: if (in->pos < in->len) in->pos++; return WIDGET_INPUT_CONT;
		case KEY_HOME: in->pos = 0; return WIDGET_INPUT_CONT;
		case KEY_END: in->pos = in->len; return WIDGET_INPUT_CONT;
		case KEY_BACKSPACE:
			if (in->pos == 0)
				return WIDGET_INPUT_CONT;
			input_delete(in, in->pos - 1, in->pos);
			return WIDGET_INPUT_CHANGED;
		case KEY_DC:
			if (in->pos >= in->len)
				return WIDGET_INPUT_CONT;
			input_delete(in, in->pos, in->pos + 1);
			return WIDGET_INPUT_CHANGED;
		case KEY_ENTER: return WIDGET_INPUT_DONE;
		default: return WIDGET_INPUT_CONT;
		}
	}
	switch (ch) {
	case '\r': case '\n': return WIDGET_INPUT_DONE;
	case 27: return WIDGET_INPUT_CANCEL;
	case 1: in->pos = 0; return WIDGET_INPUT_CONT;                 /* ^A */
	case 5: in->pos = in->len; return WIDGET_INPUT_CONT;           /* ^E */
	case 2: if (in->pos > 0) in->pos--; return WIDGET_INPUT_CONT;  /* ^B */
	case 6: if (in->pos < in->len) in->pos++; return WIDGET_INPUT_CONT; /* ^F */
	case 8: case 127:                                         /* ^H, DEL */
		if (in->pos == 0)
			return WIDGET_INPUT_CONT;
		input_delete(in, in->pos - 1, in->pos);
		return WIDGET_INPUT_CHANGED;
	case 4:                                                   /* ^D */
		if (in->pos >= in->len)
			return WIDGET_INPUT_CONT;
		input_delete(in, in->pos, in->pos + 1);
		return WIDGET_INPUT_CHANGED;
	case 21: input_delete(in, 0, in->pos); return WIDGET_INPUT_CHANGED;        /* ^U */
	case 11: input_delete(in, in->pos, in->len); return WIDGET_INPUT_CHANGED;  /* ^K */
	case 23: {                                                /* ^W: word back */
		int p = in->pos;
		while (p > 0 && iswspace((wint_t)in->buf[p - 1]))
			p--;
		while (p > 0 && !iswspace((wint_t)in->buf[p - 1]))
			p--;
		input_delete(in, p, in->pos);
		return WIDGET_INPUT_CHANGED;
	}
	default:
		break;
	}
	if (ch < ' ' || !iswprint(ch) || in->len >= WIDGET_INPUT_MAX - 1)
		return WIDGET_INPUT_CONT;
	memmove(in->buf + in->pos + 1, in->buf + in->pos, (size_t)(in->len - in->pos + 1) * sizeof in->buf[0]);
	in->buf[in->pos++] = (wchar_t)ch;
	in->len++;
	return WIDGET_INPUT_CHANGED;
}

void widget_input_draw(struct widget_input *in, int y, int x, int width, attr_t attr)
{
	if (width < 2)
		return;
	/* scroll so the cursor stays inside, counting display columns */
	if (in->pos < in->off)
		in->off = in->pos;
	for (;;) {
		int cols = 0;
		for (int i = in->off; i < in->pos; i++)
			cols += text_char_width((uint32_t)in->buf[i]);
		if (cols < width - 1 || in->off >= in->pos)
			break;
		in->off++;
	}
	widget_fill(y, x, width, attr);
	int cols = 0, curx = x, i;
	attrset(attr);
	for (i = in->off; i < in->len; i++) {
		int cw = text_char_width((uint32_t)in->buf[i]);
		if (cols + cw > width)
			break;
		if (i == in->pos)
			curx = x + cols;
		wchar_t one[2] = { iswprint((wint_t)in->buf[i]) ? in->buf[i] : L'?', L'\0' };
		mvaddnwstr(y, x + cols, one, 1);
		cols += cw;
	}
	if (in->pos >= i)
		curx = x + cols;
	attrset(A_NORMAL);
	move(y, curx);
}

/* ---------------------------------------------------------------- picker */

int widget_picker_init(struct widget_picker *p, const char *const *labels, const char *const *search, int n)
{
	memset(p, 0, sizeof *p);
	p->n = n;
	p->labels = labels;
	p->folded = calloc((size_t)(n ? n : 1), sizeof *p->folded);
	p->match = calloc((size_t)(n ? n : 1), sizeof *p->match);
	if (!p->folded || !p->match) {
		widget_picker_free(p);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		p->folded[i] = text_fold(search ? search[i] : labels[i]);
		if (!p->folded[i]) {
			widget_picker_free(p);
			return -1;
		}
	}
	widget_picker_filter(p);
	return 0;
}

void widget_picker_free(struct widget_picker *p)
{
	if (!p)
		return;
	if (p->folded)
		for (int i = 0; i < p->n; i++)
			free(p->folded[i]);
	free(p->folded);
	free(p->match);
	p->folded = NULL;
	p->match = NULL;
	p->n = p->nmatch = 0;
}

void widget_picker_filter(struct widget_picker *p)
{
	char q[WIDGET_INPUT_MAX * 4];
	struct text_search ts;
	widget_input_get(&p->query, q, sizeof q);
	p->nmatch = 0;
	/* out of memory: the list stays empty rather than unfiltered */
	if (text_search_init(&ts, q) == 0) {
		for (int i = 0; i < p->n; i++)
			if (text_search_match(&ts, p->folded[i]))
				p->match[p->nmatch++] = i;
		text_search_free(&ts);
	}
	widget_list_reset(&p->list, p->nmatch);
}

int widget_picker_current(const struct widget_picker *p)
{
	int k = widget_list_current(&p->list);
	return k < 0 ? -1 : p->match[k];
}

static void picker_row(void *ctx, int row, int y, int x, int w, int current)
{
	const struct widget_picker *p = ctx;
	widget_text(y, x, p->labels[p->match[row]], w, WIDGET_LEFT, term_attr(current ? TR_CURSOR : TR_DIALOG));
}

void widget_picker_draw(struct widget_picker *p, int y, int x, int h, int w, int with_query, const char *prompt)
{
	int line = y;
	if (with_query) {
		int pw = widget_text(line, x, prompt, widget_width(prompt) + 1 < w / 2 ? widget_width(prompt) + 1 : w / 2,
			WIDGET_LEFT, term_attr(TR_DIALOG) | A_BOLD);
		line++;
		(void)pw;
	}
	int list_h = y + h - line - 1;
	if (list_h < 1)
		list_h = 1;
	widget_list_draw(&p->list, line, x, list_h, w, picker_row, p, term_attr(TR_DIALOG));
	char st[64];
	snprintf(st, sizeof st, "%d / %d", p->nmatch, p->n);
	widget_text(y + h - 1, x, st, w, WIDGET_RIGHT, term_attr(TR_DIM));
	if (with_query) {
		int pw = widget_width(prompt) + 1 < w / 2 ? widget_width(prompt) + 1 : w / 2;
		widget_input_draw(&p->query, y, x + pw, w - pw, term_attr(TR_DIALOG) | A_UNDERLINE);
	}
}

/* ------------------------------------------------------------------ form */

static void form_store(struct widget_form *fm)
{
	if (fm->loaded && fm->cur >= 0 && fm->cur < fm->n && !fm->f[fm->cur].readonly)
		widget_input_get(&fm->in, fm->f[fm->cur].value, sizeof fm->f[fm->cur].value);
	fm->loaded = 0;
}

static void form_load(struct widget_form *fm)
{
	if (fm->loaded || fm->cur < 0 || fm->cur >= fm->n)
		return;
	widget_input_set(&fm->in, fm->f[fm->cur].value);
	fm->loaded = 1;
}

int widget_form_add(struct widget_form *fm, const char *name, const char *label, const char *value, int readonly,
	const char *hint)
{
	if (fm->n >= WIDGET_FORM_MAX)
		return -1;
	struct widget_form_field *f = &fm->f[fm->n];
	memset(f, 0, sizeof *f);
	f->name = name;
	f->label = label;
	f->hint = hint;
	f->readonly = readonly;
	snprintf(f->value, sizeof f->value, "%s", value ? value : "");
	/* the cursor starts on the first field that can change */
	if (fm->n == 0 || (fm->f[fm->cur].readonly && !readonly))
		fm->cur = fm->n;
	return fm->n++;
}

const char *widget_form_value(struct widget_form *fm, const char *name)
{
	form_store(fm);
	for (int i = 0; i < fm->n; i++)
		if (strcmp(fm->f[i].name, name) == 0)
			return fm->f[i].value;
	return "";
}

void widget_form_clear_errors(struct widget_form *fm)
{
	fm->error[0] = '\0';
	for (int i = 0; i < fm->n; i++)
		fm->f[i].error[0] = '\0';
}

void widget_form_error(struct widget_form *fm, const char *field, const char *msg)
{
	for (int i = 0; field && *field && i < fm->n; i++)
		if (strcmp(fm->f[i].name, field) == 0) {
			snprintf(fm->f[i].error, sizeof fm->f[i].error, "%s", msg);
			form_store(fm);
			fm->cur = i;
			return;
		}
	snprintf(fm->error, sizeof fm->error, "%s", msg);
}

static void form_move(struct widget_form *fm, int d)
{
	form_store(fm);
	int i = fm->cur;
	for (int k = 0; k < fm->n; k++) {
		i = (i + d + fm->n) % fm->n;
		if (!fm->f[i].readonly)
			break;
	}
	fm->cur = i;
}

enum widget_form_result widget_form_key(struct widget_form *fm, int is_func, wint_t ch)
{
	if (fm->n == 0)
		return WIDGET_FORM_CANCEL;
	if (is_func && (ch == KEY_UP || ch == KEY_BTAB)) {
		form_move(fm, -1);
		return WIDGET_FORM_CONT;
	}
	if ((is_func && ch == KEY_DOWN) || (!is_func && ch == '\t')) {
		form_move(fm, 1);
		return WIDGET_FORM_CONT;
	}
	if (!is_func && (ch == '\r' || ch == '\n')) {
		form_store(fm);
		return WIDGET_FORM_SUBMIT;
	}
	if (!is_func && ch == 27) {
		form_store(fm);
		return WIDGET_FORM_CANCEL;
	}
	if (fm->f[fm->cur].readonly)
		return WIDGET_FORM_CONT;
	form_load(fm);
	widget_input_key(&fm->in, is_func, ch);
	return WIDGET_FORM_CONT;
}

void widget_form_draw(struct widget_form *fm, int y, int x, int h, int w)
{
	int lw = 0;
	for (int i = 0; i < fm->n; i++)
		if (widget_width(fm->f[i].label) + 2 > lw)
			lw = widget_width(fm->f[i].label) + 2;
	if (lw > w / 3)
		lw = w / 3;
	int vw = w - lw;
	attr_t norm = term_attr(TR_DIALOG), err = term_attr(TR_ERROR);
	/* lines each field takes: 1, plus 1 for its error */
	int need = 0;
	for (int i = 0; i < fm->n; i++)
		need += 1 + (fm->f[i].error[0] != '\0');
	need += fm->error[0] != '\0';
	/* when it does not fit, start so that the current field shows */
	int first = 0, used = 0;
	if (need > h) {
		for (int i = fm->cur; i >= 0; i--) {
			used += 1 + (fm->f[i].error[0] != '\0');
			if (used > h)
				break;
			first = i;
		}
	}
	int line = y, cur_y = -1;
	for (int i = first; i < fm->n && line < y + h; i++) {
		struct widget_form_field *f = &fm->f[i];
		attr_t la = norm | (i == fm->cur ? A_BOLD : 0);
		char label[256];
		snprintf(label, sizeof label, "%s%s", f->error[0] ? "✗ " : "", f->label);
		widget_text(line, x, label, lw, WIDGET_LEFT, f->error[0] ? err : la);
		if (i == fm->cur && !f->readonly) {
			cur_y = line;
		} else if (f->value[0] || !f->hint) {
			widget_text(line, x + lw, f->value, vw, WIDGET_LEFT, f->readonly ? term_attr(TR_LOCKED) : norm | A_UNDERLINE);
		} else {
			widget_text(line, x + lw, f->hint, vw, WIDGET_LEFT, term_attr(TR_DIM));
		}
		line++;
		if (f->error[0] && line < y + h) {
			char msg[JUSTE_ERR_MAX + 8];
			snprintf(msg, sizeof msg, "↳ %s", f->error);
			/* the whole width under the field: the message is the point */
			widget_text(line++, x + 2, msg, w - 2, WIDGET_LEFT, err);
		}
	}
	if (fm->error[0] && line < y + h)
		widget_text(line, x, fm->error, w, WIDGET_LEFT, err);
	if (cur_y >= 0) {
		form_load(fm);
		curs_set(1);
		widget_input_draw(&fm->in, cur_y, x + lw, vw, norm | A_UNDERLINE | A_BOLD);
	}
}
