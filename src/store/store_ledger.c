/*
 * store_ledger.c - the issued documents' tax regimes (store_ledger.h).
 */
#include "juste/store_ledger.h"
#include "store/store_internal.h"

juste_status store_ledger_regimes(struct store *s, const char *from, const char *to, store_ledger_regime_cb cb,
	void *ctx, struct juste_err *e)
{
	/* prepared per call: a journal is read once, and the shared slots stay free */
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
		"SELECT id, number, tax_regime FROM invoices WHERE status IN " SQL_ISSUED
		" AND issued_on BETWEEN ?1 AND ?2 ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, sqlite3_errcode(s->db), "invoices", e);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	int rc;
	juste_status r = JUSTE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int regime;
		const char *num = (const char *)sqlite3_column_text(st, 1);
		if ((r = store_col_word(st, 2, VOCAB_TAX_REGIME, &regime, num ? num : "", e)) != JUSTE_OK)
			break;
		if (cb(ctx, sqlite3_column_int64(st, 0), (enum tax_regime)regime))
			break;
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(s, rc, "invoices", e);
	sqlite3_finalize(st);
	return r;
}
