package io.portevoix.billing.adapter.jdbc;

import io.portevoix.billing.CreditBalance;
import io.portevoix.billing.CreditEntry;
import io.portevoix.billing.CreditEntryKind;
import io.portevoix.billing.application.port.CreditLedger;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCreditLedger implements CreditLedger {

    private final JdbcClient jdbc;

    JdbcCreditLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CreditBalance append(AccountId account, Instant at, CreditEntryKind kind, long balanceDelta,
            long reservedDelta, String reference, String actor, String comment) {
        try {
            jdbc.sql("""
                    insert into billing.credit_entry (account_id, at, kind, balance_delta, reserved_delta, reference, actor, comment)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (account_id, kind, reference) where reference <> '' do nothing""")
                    .params(account.value(), Timestamp.from(at), kind.name(), balanceDelta, reservedDelta, reference,
                            actor, comment)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new InsufficientCreditsException("Not enough credits for this operation", e);
        }
        return balance(account);
    }

    @Override
    public CreditBalance balance(AccountId account) {
        return jdbc.sql("select balance, reserved from billing.credit_balance where account_id = ?")
                .param(account.value())
                .query((rs, n) -> new CreditBalance(rs.getLong("balance"), rs.getLong("reserved")))
                .optional().orElse(CreditBalance.ZERO);
    }

    @Override
    public List<CreditEntry> entries(AccountId account, PageSpec page) {
        return jdbc.sql("""
                select id, at, kind, balance_delta, reserved_delta, reference, actor, comment from billing.credit_entry
                where account_id = ? order by at desc, id desc offset ? limit ?""")
                .params(account.value(), page.offset(), page.limit())
                .query((rs, n) -> new CreditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        CreditEntryKind.valueOf(rs.getString("kind")), rs.getLong("balance_delta"),
                        rs.getLong("reserved_delta"), rs.getString("reference"), rs.getString("actor"),
                        rs.getString("comment")))
                .list();
    }

    @Override
    public int count(AccountId account) {
        return jdbc.sql("select count(*) from billing.credit_entry where account_id = ?").param(account.value())
                .query(Integer.class).single();
    }
}
