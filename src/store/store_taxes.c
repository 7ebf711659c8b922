/*
 * store_taxes.c - the tax regimes (store_taxes.h).  Statement slots:
 * ST_TAXES_BASE .. + 9.
 */
#include <string.h>

#include "juste/store_taxes.h"
#include "store/store_internal.h"

enum {
	ST_TAX_LIST = ST_TAXES_BASE,
	ST_TAX_PUT,
};

juste_status store_tax_book_load(struct store *s, struct tax_book *b, struct juste_err *e)
{
	tax_book_init(b);
	sqlite3_stmt *st = store_stmt(s, ST_TAX_LIST,
		"SELECT id, province, valid_from, regime, coalesce(hst_rate, 0) FROM tax_regimes ORDER BY province, valid_from", e);
	if (!st)
		return JUSTE_EIO;
	int rc;
	juste_status r = JUSTE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tax_regime_row row;
		memset(&row, 0, sizeof row);
		row.id = sqlite3_column_int64(st, 0);
		store_col_text(st, 2, row.valid_from, sizeof row.valid_from);
		row.hst_rate = sqlite3_column_int(st, 4);
		char what[48];
		snprintf(what, sizeof what, "régime de taxes #%lld", (long long)row.id);
		int province, regime;
		if ((r = store_col_word(st, 1, VOCAB_PROVINCE, &province, what, e)) != JUSTE_OK
		    || (r = store_col_word(st, 3, VOCAB_TAX_REGIME, &regime, what, e)) != JUSTE_OK)
			break;
		row.province = (enum province)province;
		row.regime = (enum tax_regime)regime;
		if ((r = tax_book_add(b, &row, e)) != JUSTE_OK)
			break;
	}
	if (!r && rc != SQLITE_DONE)
		r = store_fail(s, rc, "tax_regimes", e);
	sqlite3_reset(st);
	return r;
}

juste_status store_tax_regime_put(struct store *s, const struct tax_regime_row *r, struct juste_err *e)
{
	sqlite3_stmt *st = store_stmt(s, ST_TAX_PUT,
		"INSERT INTO tax_regimes(uuid, province, valid_from, regime, hst_rate) VALUES (?1, ?2, ?3, ?4, ?5) "
		"ON CONFLICT(province, valid_from) DO UPDATE SET regime = excluded.regime, hst_rate = excluded.hst_rate "
		"WHERE regime IS NOT excluded.regime OR hst_rate IS NOT excluded.hst_rate", e);
	if (!st)
		return JUSTE_EIO;
	char uuid[UUID_LEN];
	store_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	store_bind_word(st, 2, VOCAB_PROVINCE, (int)r->province);
	sqlite3_bind_text(st, 3, r->valid_from, -1, SQLITE_TRANSIENT);
	store_bind_word(st, 4, VOCAB_TAX_REGIME, (int)r->regime);
	if (r->hst_rate > 0)
		sqlite3_bind_int(st, 5, r->hst_rate);
	else
		sqlite3_bind_null(st, 5);
	char what[64];
	snprintf(what, sizeof what, "régime de taxes de %s", vocab_province_word(r->province));
	return store_step_done(s, st, what, e);
}
