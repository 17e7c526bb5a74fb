package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.BrandingImage;
import io.portevoix.tenancy.BrandingImageKind;
import io.portevoix.tenancy.PostalAddress;
import io.portevoix.tenancy.SiteId;
import io.portevoix.tenancy.SiteSummary;
import io.portevoix.tenancy.SocialLinks;
import io.portevoix.tenancy.application.port.Accounts;
import io.portevoix.tenancy.domain.Account;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;

    JdbcAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Account account) {
        jdbc.sql("insert into tenancy.account (id, parent_id, name, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(account.id().value(), account.parentId() == null ? null : account.parentId().value(),
                        account.settings().name(), Timestamp.from(account.createdAt()),
                        Timestamp.from(account.updatedAt()))
                .update();
        update(account);
    }

    @Override
    public void update(Account account) {
        Account.Settings s = account.settings();
        jdbc.sql("""
                update tenancy.account set name = :name, legal_name = :legalName, address_line1 = :line1,
                  address_line2 = :line2, postal_code = :postalCode, city = :city, country = :country,
                  time_zone = :zone, locale = :locale, phone_region = :region,
                  default_sender_name = :senderName, default_sender_email = :senderEmail,
                  social_facebook = :facebook, social_instagram = :instagram, social_x = :x,
                  social_linkedin = :linkedin, social_youtube = :youtube, social_website = :website,
                  updated_at = :updatedAt
                where id = :id""")
                .param("name", s.name()).param("legalName", s.legalName())
                .param("line1", s.address().line1()).param("line2", s.address().line2())
                .param("postalCode", s.address().postalCode()).param("city", s.address().city())
                .param("country", s.address().country()).param("zone", s.timeZone().getId())
                .param("locale", s.locale().getLanguage()).param("region", s.phoneRegion())
                .param("senderName", s.defaultSenderName()).param("senderEmail", s.defaultSenderEmail())
                .param("facebook", s.social().facebook()).param("instagram", s.social().instagram())
                .param("x", s.social().x()).param("linkedin", s.social().linkedin())
                .param("youtube", s.social().youtube()).param("website", s.social().website())
                .param("updatedAt", Timestamp.from(account.updatedAt())).param("id", account.id().value())
                .update();
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return jdbc.sql("select * from tenancy.account where id = ?").param(id.value())
                .query((rs, n) -> account(rs)).optional();
    }

    private static Account account(ResultSet rs) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        Account.Settings settings = new Account.Settings(rs.getString("name"), rs.getString("legal_name"),
                new PostalAddress(rs.getString("address_line1"), rs.getString("address_line2"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("country")),
                Account.Settings.zone(rs.getString("time_zone")), Locale.of(rs.getString("locale")),
                rs.getString("phone_region"), rs.getString("default_sender_name"),
                rs.getString("default_sender_email"),
                new SocialLinks(rs.getString("social_facebook"), rs.getString("social_instagram"),
                        rs.getString("social_x"), rs.getString("social_linkedin"), rs.getString("social_youtube"),
                        rs.getString("social_website")));
        return Account.restore(new AccountId(rs.getObject("id", UUID.class)),
                parent == null ? null : new AccountId(parent), settings,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    @Override
    public List<AccountSummary> summaries() {
        return jdbc.sql("""
                select a.id, a.parent_id, p.name as parent_name, a.name, a.created_at,
                  (select count(*) from tenancy.site s where s.account_id = a.id) as sites,
                  (select count(*) from tenancy.membership m where m.account_id = a.id) as users
                from tenancy.account a left join tenancy.account p on p.id = a.parent_id
                order by coalesce(p.name, a.name), a.parent_id nulls first, a.name""")
                .query((rs, n) -> {
                    UUID parent = rs.getObject("parent_id", UUID.class);
                    return new AccountSummary(new AccountId(rs.getObject("id", UUID.class)),
                            parent == null ? null : new AccountId(parent), rs.getString("parent_name"),
                            rs.getString("name"), rs.getInt("sites"), rs.getInt("users"),
                            rs.getTimestamp("created_at").toInstant());
                }).list();
    }

    @Override
    public List<AccountSummary> children(AccountId parent) {
        return jdbc.sql("""
                select a.id, a.parent_id, p.name as parent_name, a.name, a.created_at,
                  (select count(*) from tenancy.site s where s.account_id = a.id) as sites,
                  (select count(*) from tenancy.membership m where m.account_id = a.id) as users
                from tenancy.account a join tenancy.account p on p.id = a.parent_id
                where a.parent_id = ? order by a.name""")
                .param(parent.value())
                .query((rs, n) -> new AccountSummary(new AccountId(rs.getObject("id", UUID.class)), parent,
                        rs.getString("parent_name"), rs.getString("name"), rs.getInt("sites"), rs.getInt("users"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public boolean any() {
        return jdbc.sql("select exists (select 1 from tenancy.account)").query(Boolean.class).single();
    }

    @Override
    public List<SiteSummary> sites(AccountId account) {
        return jdbc.sql("select id, name from tenancy.site where account_id = ? order by lower(name)")
                .param(account.value())
                .query((rs, n) -> new SiteSummary(new SiteId(rs.getObject("id", UUID.class)), rs.getString("name")))
                .list();
    }

    @Override
    public void insertSite(AccountId account, SiteId site, String name) {
        jdbc.sql("insert into tenancy.site (account_id, id, name) values (?, ?, ?)")
                .params(account.value(), site.value(), name).update();
    }

    @Override
    public boolean renameSite(AccountId account, SiteId site, String name) {
        return jdbc.sql("update tenancy.site set name = ? where account_id = ? and id = ?")
                .params(name, account.value(), site.value()).update() == 1;
    }

    @Override
    public boolean deleteSite(AccountId account, SiteId site) {
        return jdbc.sql("delete from tenancy.site where account_id = ? and id = ?")
                .params(account.value(), site.value()).update() == 1;
    }

    @Override
    public Set<BrandingImageKind> brandingImageKinds(AccountId account) {
        Set<BrandingImageKind> kinds = EnumSet.noneOf(BrandingImageKind.class);
        jdbc.sql("select kind from tenancy.branding_image where account_id = ?").param(account.value())
                .query(String.class).list().forEach(kind -> kinds.add(BrandingImageKind.valueOf(kind)));
        return kinds;
    }

    @Override
    public Optional<BrandingImage> brandingImage(AccountId account, BrandingImageKind kind) {
        return jdbc.sql("select content_type, data, updated_at from tenancy.branding_image where account_id = ? and kind = ?")
                .params(account.value(), kind.name())
                .query((rs, n) -> new BrandingImage(kind, rs.getString("content_type"), rs.getBytes("data"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    @Override
    public void saveBrandingImage(AccountId account, BrandingImage image) {
        jdbc.sql("""
                insert into tenancy.branding_image (account_id, kind, content_type, data, updated_at) values (?, ?, ?, ?, ?)
                on conflict (account_id, kind) do update
                  set content_type = excluded.content_type, data = excluded.data, updated_at = excluded.updated_at""")
                .params(account.value(), image.kind().name(), image.contentType(), image.data(),
                        Timestamp.from(image.updatedAt()))
                .update();
    }

    @Override
    public void deleteBrandingImage(AccountId account, BrandingImageKind kind) {
        jdbc.sql("delete from tenancy.branding_image where account_id = ? and kind = ?")
                .params(account.value(), kind.name()).update();
    }

    @Override
    public int historyMonths(AccountId account) {
        return jdbc.sql("select history_months from tenancy.account where id = ?").params(account.value()).query(Integer.class)
                .optional().orElse(io.portevoix.tenancy.HistoryRetention.DEFAULT_MONTHS);
    }

    @Override
    public void updateHistoryMonths(AccountId account, int months, java.time.Instant at) {
        jdbc.sql("update tenancy.account set history_months = ?, updated_at = ? where id = ?")
                .params(months, java.sql.Timestamp.from(at), account.value()).update();
    }
}
