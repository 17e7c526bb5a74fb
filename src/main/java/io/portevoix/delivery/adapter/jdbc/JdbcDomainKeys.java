package io.portevoix.delivery.adapter.jdbc;

import io.portevoix.delivery.DnsRecordStatus;
import io.portevoix.delivery.application.port.DomainKeys;
import io.portevoix.delivery.domain.SendingDomain;
import io.portevoix.shared.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDomainKeys implements DomainKeys {

    private static final String COLUMNS = """
            domain, selector, public_key, private_key, created_at, key_created_at, checked_at, dns_unreachable,
            spf_status, spf_found, dkim_status, dkim_found, dmarc_status, dmarc_found""";

    private final JdbcClient jdbc;

    JdbcDomainKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SendingDomain> all(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from delivery.sending_domain where account_id = ? order by domain")
                .params(account.value()).query((rs, n) -> row(rs)).list();
    }

    @Override
    public Optional<SendingDomain> find(AccountId account, String domain) {
        return jdbc.sql("select " + COLUMNS + " from delivery.sending_domain where account_id = ? and domain = ?")
                .params(account.value(), domain).query((rs, n) -> row(rs)).optional();
    }

    @Override
    public void save(AccountId account, SendingDomain d) {
        SendingDomain.Check check = d.check();
        SendingDomain.Found none = SendingDomain.Found.NOT_CHECKED;
        SendingDomain.Found spf = check == null ? none : check.spf();
        SendingDomain.Found dkim = check == null ? none : check.dkim();
        SendingDomain.Found dmarc = check == null ? none : check.dmarc();
        jdbc.sql("""
                insert into delivery.sending_domain (account_id, %s)
                values (:account, :domain, :selector, :publicKey, :privateKey, :createdAt, :keyCreatedAt, :checkedAt,
                  :unreachable, :spfStatus, :spfFound, :dkimStatus, :dkimFound, :dmarcStatus, :dmarcFound)
                on conflict (account_id, domain) do update set selector = excluded.selector,
                  public_key = excluded.public_key, private_key = excluded.private_key,
                  key_created_at = excluded.key_created_at, checked_at = excluded.checked_at,
                  dns_unreachable = excluded.dns_unreachable, spf_status = excluded.spf_status,
                  spf_found = excluded.spf_found, dkim_status = excluded.dkim_status, dkim_found = excluded.dkim_found,
                  dmarc_status = excluded.dmarc_status, dmarc_found = excluded.dmarc_found""".formatted(COLUMNS))
                .param("account", account.value()).param("domain", d.domain()).param("selector", d.selector())
                .param("publicKey", d.publicKey()).param("privateKey", d.sealedPrivateKey())
                .param("createdAt", Timestamp.from(d.createdAt())).param("keyCreatedAt", Timestamp.from(d.keyCreatedAt()))
                .param("checkedAt", check == null ? null : Timestamp.from(check.at()))
                .param("unreachable", check != null && check.unreachable())
                .param("spfStatus", spf.status().name()).param("spfFound", clip(spf.value()))
                .param("dkimStatus", dkim.status().name()).param("dkimFound", clip(dkim.value()))
                .param("dmarcStatus", dmarc.status().name()).param("dmarcFound", clip(dmarc.value()))
                .update();
    }

    private static String clip(String value) {
        return value.length() > 2_000 ? value.substring(0, 2_000) : value;
    }

    @Override
    public boolean delete(AccountId account, String domain) {
        return jdbc.sql("delete from delivery.sending_domain where account_id = ? and domain = ?")
                .params(account.value(), domain).update() > 0;
    }

    private static SendingDomain row(ResultSet rs) throws SQLException {
        Timestamp checkedAt = rs.getTimestamp("checked_at");
        SendingDomain.Check check = checkedAt == null ? null : new SendingDomain.Check(checkedAt.toInstant(),
                rs.getBoolean("dns_unreachable"), found(rs, "spf"), found(rs, "dkim"), found(rs, "dmarc"));
        return new SendingDomain(rs.getString("domain"), rs.getString("selector"), rs.getString("public_key"),
                rs.getString("private_key"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("key_created_at").toInstant(), check);
    }

    private static SendingDomain.Found found(ResultSet rs, String record) throws SQLException {
        return new SendingDomain.Found(DnsRecordStatus.valueOf(rs.getString(record + "_status")),
                rs.getString(record + "_found"));
    }
}
