package io.portevoix.audience.adapter.jdbc;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentChange;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.Consents;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactStatus;
import io.portevoix.audience.ContactSummary;
import io.portevoix.audience.UniquenessKey;
import io.portevoix.audience.application.port.Contacts;
import io.portevoix.audience.domain.ContactBatch;
import io.portevoix.audience.domain.ContactChanges.ConsentToggle;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcContacts implements Contacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    JdbcContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ContactDetails> findAll(AccountId account, java.util.Collection<ContactId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from audience.contact where account_id = :account and id in (:ids) and erased_at is null")
                .param("account", account.value()).param("ids", ids.stream().map(ContactId::value).toList())
                .query((rs, n) -> contact(rs)).list();
    }

    @Override
    public Optional<ContactDetails> find(AccountId account, ContactId id) {
        return jdbc.sql("select * from audience.contact where account_id = ? and id = ? and erased_at is null")
                .params(account.value(), id.value()).query((rs, n) -> contact(rs)).optional();
    }

    @Override
    public Optional<ContactDetails> findByUniqueKey(AccountId account, String uniqueKey) {
        return jdbc.sql("select * from audience.contact where account_id = ? and unique_key = ? and erased_at is null")
                .params(account.value(), uniqueKey).query((rs, n) -> contact(rs)).optional();
    }

    @Override
    public Map<String, ContactDetails> findByUniqueKeys(AccountId account, Collection<String> uniqueKeys) {
        Map<String, ContactDetails> found = new HashMap<>();
        if (uniqueKeys.isEmpty()) {
            return found;
        }
        // No "erased_at is null": erasing clears the key, and that condition would let the planner prefer a
        // partial index over the unique one while a freshly imported table has no statistics yet.
        jdbc.sql("""
                select c.* from unnest(cast(? as text[])) as k(unique_key)
                join audience.contact c on c.account_id = ? and c.unique_key = k.unique_key""")
                .params(uniqueKeys.toArray(String[]::new), account.value())
                .query(rs -> {
                    found.put(rs.getString("unique_key"), contact(rs));
                });
        return found;
    }

    @Override
    public List<ContactDetails> findBy(AccountId account, LookUp column, String value) {
        String where = switch (column) {
            // the e-mail index holds only the contacts whose key is not their e-mail (audience/0010): the others
            // are found through the key's unique index
            case EMAIL -> "((unique_key = lower(:value) and lower(email) = lower(:value))"
                    + " or (lower(email) = lower(:value) and unique_key is distinct from lower(email)))";
            case MOBILE -> "mobile = :value";
            case EXTERNAL_REF -> "external_ref = :value";
        };
        return jdbc.sql("select * from audience.contact where account_id = :account and erased_at is null and " + where
                        + " order by created_at")
                .param("account", account.value()).param("value", value).query((rs, n) -> contact(rs)).list();
    }

    @Override
    public void save(AccountId account, ContactDetails c, @Nullable String uniqueKey, boolean isNew) {
        String sql = isNew ? """
                insert into audience.contact (account_id, id, unique_key, email, mobile, external_ref, civility,
                  first_name, last_name, birth_date, status, is_primary, site_name, subscription_name,
                  subscription_start, subscription_end, booklet_name, booklet_sessions_left, booklet_expires_on,
                  last_visit_at, visit_count, tags, attributes, email_informative, email_marketing, sms_informative,
                  sms_marketing, created_at, updated_at)
                values (:account, :id, :uniqueKey, :email, :mobile, :externalRef, :civility, :firstName, :lastName,
                  :birthDate, :status, :primary, :site, :subscriptionName, :subscriptionStart, :subscriptionEnd,
                  :bookletName, :sessionsLeft, :bookletExpiresOn, :lastVisitAt, :visitCount, :tags,
                  cast(:attributes as jsonb), :emailInformative, :emailMarketing, :smsInformative, :smsMarketing,
                  :createdAt, :updatedAt)""" : """
                update audience.contact set unique_key = :uniqueKey, email = :email, mobile = :mobile,
                  external_ref = :externalRef, civility = :civility, first_name = :firstName, last_name = :lastName,
                  birth_date = :birthDate, status = :status, is_primary = :primary, site_name = :site,
                  subscription_name = :subscriptionName, subscription_start = :subscriptionStart,
                  subscription_end = :subscriptionEnd, booklet_name = :bookletName,
                  booklet_sessions_left = :sessionsLeft, booklet_expires_on = :bookletExpiresOn,
                  last_visit_at = :lastVisitAt, visit_count = :visitCount, tags = :tags,
                  attributes = cast(:attributes as jsonb), email_informative = :emailInformative,
                  email_marketing = :emailMarketing, sms_informative = :smsInformative, sms_marketing = :smsMarketing,
                  updated_at = :updatedAt
                where account_id = :account and id = :id and erased_at is null""";
        jdbc.sql(sql)
                .param("account", account.value()).param("id", c.id().value()).param("uniqueKey", uniqueKey)
                .param("email", c.email()).param("mobile", c.mobile()).param("externalRef", c.externalRef())
                .param("civility", c.civility()).param("firstName", c.firstName()).param("lastName", c.lastName())
                .param("birthDate", date(c.birthDate())).param("status", c.status().name())
                .param("primary", c.primary()).param("site", c.site())
                .param("subscriptionName", c.subscriptionName()).param("subscriptionStart", date(c.subscriptionStart()))
                .param("subscriptionEnd", date(c.subscriptionEnd())).param("bookletName", c.bookletName())
                .param("sessionsLeft", c.bookletSessionsLeft()).param("bookletExpiresOn", date(c.bookletExpiresOn()))
                .param("lastVisitAt", c.lastVisitAt() == null ? null : Timestamp.from(c.lastVisitAt()))
                .param("visitCount", c.visitCount()).param("tags", c.tags().toArray(String[]::new))
                .param("attributes", JSON.writeValueAsString(c.attributes()))
                .param("emailInformative", c.consents().emailInformative())
                .param("emailMarketing", c.consents().emailMarketing())
                .param("smsInformative", c.consents().smsInformative())
                .param("smsMarketing", c.consents().smsMarketing())
                .param("createdAt", Timestamp.from(c.createdAt())).param("updatedAt", Timestamp.from(c.updatedAt()))
                .update();
    }

    private static @Nullable Date date(@Nullable LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** Read as java.time directly: the driver's java.sql.Date and Timestamp go through a Calendar per value. */
    private static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Most contacts have no tag: their empty array is recognised without the driver's array parser. */
    private static List<String> tags(ResultSet rs) throws SQLException {
        String text = rs.getString("tags");
        if (text == null || "{}".equals(text)) {
            return List.of();
        }
        Array tags = rs.getArray("tags");
        return List.of((String[]) tags.getArray());
    }

    static ContactDetails contact(ResultSet rs) throws SQLException {
        return new ContactDetails(new ContactId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("mobile"), rs.getString("external_ref"), rs.getString("civility"),
                rs.getString("first_name"), rs.getString("last_name"), localDate(rs, "birth_date"),
                ContactStatus.valueOf(rs.getString("status")), rs.getBoolean("is_primary"), rs.getString("site_name"),
                rs.getString("subscription_name"), localDate(rs, "subscription_start"),
                localDate(rs, "subscription_end"), rs.getString("booklet_name"),
                (Integer) rs.getObject("booklet_sessions_left"), localDate(rs, "booklet_expires_on"),
                instant(rs, "last_visit_at"), (Integer) rs.getObject("visit_count"), tags(rs),
                attributes(rs.getString("attributes")),
                new Consents(rs.getBoolean("email_informative"), rs.getBoolean("email_marketing"),
                        rs.getBoolean("sms_informative"), rs.getBoolean("sms_marketing")),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** Most contacts have no custom attribute: their empty object needs no JSON parser (exports read millions). */
    private static Map<String, Object> attributes(String json) {
        return "{}".equals(json) ? new LinkedHashMap<>() : JSON.readValue(json, MAP);
    }

    /**
     * One statement for the whole batch: every column travels as one array parameter (text, cast
     * on the server), unnested into rows, inserted in key order (neighbouring index entries are
     * written together); created_at is kept on update.
     */
    @Override
    public Map<String, ContactId> upsert(AccountId account, List<ContactBatch.Entry> entries) {
        Map<String, ContactId> stored = new HashMap<>();
        if (entries.isEmpty()) {
            return stored;
        }
        List<ContactDetails> c = entries.stream().map(ContactBatch.Entry::contact).toList();
        jdbc.sql("""
                insert into audience.contact (account_id, id, unique_key, email, mobile, external_ref, civility,
                  first_name, last_name, birth_date, status, is_primary, site_name, subscription_name,
                  subscription_start, subscription_end, booklet_name, booklet_sessions_left, booklet_expires_on,
                  last_visit_at, visit_count, tags, attributes, email_informative, email_marketing, sms_informative,
                  sms_marketing, created_at, updated_at)
                select :account, u.id, u.unique_key, u.email, u.mobile, u.external_ref, u.civility, u.first_name,
                  u.last_name, u.birth_date, u.status, u.is_primary, u.site_name, u.subscription_name,
                  u.subscription_start, u.subscription_end, u.booklet_name, u.booklet_sessions_left,
                  u.booklet_expires_on, u.last_visit_at, u.visit_count, cast(u.tags as text[]),
                  cast(u.attributes as jsonb), u.email_informative, u.email_marketing, u.sms_informative,
                  u.sms_marketing, u.created_at, u.updated_at
                from unnest(cast(:id as uuid[]), cast(:uniqueKey as text[]), cast(:email as text[]),
                  cast(:mobile as text[]), cast(:externalRef as text[]), cast(:civility as text[]),
                  cast(:firstName as text[]), cast(:lastName as text[]), cast(:birthDate as date[]),
                  cast(:status as text[]), cast(:primary as boolean[]), cast(:site as text[]),
                  cast(:subscriptionName as text[]), cast(:subscriptionStart as date[]),
                  cast(:subscriptionEnd as date[]), cast(:bookletName as text[]), cast(:sessionsLeft as integer[]),
                  cast(:bookletExpiresOn as date[]), cast(:lastVisitAt as timestamptz[]),
                  cast(:visitCount as integer[]), cast(:tags as text[]), cast(:attributes as text[]),
                  cast(:emailInformative as boolean[]), cast(:emailMarketing as boolean[]),
                  cast(:smsInformative as boolean[]), cast(:smsMarketing as boolean[]),
                  cast(:createdAt as timestamptz[]), cast(:updatedAt as timestamptz[]))
                  as u(id, unique_key, email, mobile, external_ref, civility, first_name, last_name, birth_date, status,
                    is_primary, site_name, subscription_name, subscription_start, subscription_end, booklet_name,
                    booklet_sessions_left, booklet_expires_on, last_visit_at, visit_count, tags, attributes,
                    email_informative, email_marketing, sms_informative, sms_marketing, created_at, updated_at)
                order by u.unique_key
                on conflict (account_id, unique_key) where unique_key is not null do update set
                  email = excluded.email, mobile = excluded.mobile, external_ref = excluded.external_ref,
                  civility = excluded.civility, first_name = excluded.first_name, last_name = excluded.last_name,
                  birth_date = excluded.birth_date, status = excluded.status, is_primary = excluded.is_primary,
                  site_name = excluded.site_name, subscription_name = excluded.subscription_name,
                  subscription_start = excluded.subscription_start, subscription_end = excluded.subscription_end,
                  booklet_name = excluded.booklet_name, booklet_sessions_left = excluded.booklet_sessions_left,
                  booklet_expires_on = excluded.booklet_expires_on, last_visit_at = excluded.last_visit_at,
                  visit_count = excluded.visit_count, tags = excluded.tags, attributes = excluded.attributes,
                  email_informative = excluded.email_informative, email_marketing = excluded.email_marketing,
                  sms_informative = excluded.sms_informative, sms_marketing = excluded.sms_marketing,
                  updated_at = excluded.updated_at
                returning id, unique_key""")
                .param("account", account.value())
                .param("id", column(c, ContactDetails::id))
                .param("uniqueKey", entries.stream().map(ContactBatch.Entry::uniqueKey).toArray(String[]::new))
                .param("email", column(c, ContactDetails::email)).param("mobile", column(c, ContactDetails::mobile))
                .param("externalRef", column(c, ContactDetails::externalRef))
                .param("civility", column(c, ContactDetails::civility))
                .param("firstName", column(c, ContactDetails::firstName))
                .param("lastName", column(c, ContactDetails::lastName))
                .param("birthDate", column(c, ContactDetails::birthDate))
                .param("status", column(c, contact -> contact.status().name())).param("primary", column(c, ContactDetails::primary))
                .param("site", column(c, ContactDetails::site))
                .param("subscriptionName", column(c, ContactDetails::subscriptionName))
                .param("subscriptionStart", column(c, ContactDetails::subscriptionStart))
                .param("subscriptionEnd", column(c, ContactDetails::subscriptionEnd))
                .param("bookletName", column(c, ContactDetails::bookletName))
                .param("sessionsLeft", column(c, ContactDetails::bookletSessionsLeft))
                .param("bookletExpiresOn", column(c, ContactDetails::bookletExpiresOn))
                .param("lastVisitAt", column(c, ContactDetails::lastVisitAt))
                .param("visitCount", column(c, ContactDetails::visitCount))
                .param("tags", column(c, contact -> arrayLiteral(contact.tags())))
                .param("attributes", column(c, contact -> contact.attributes().isEmpty() ? "{}"
                        : JSON.writeValueAsString(contact.attributes())))
                .param("emailInformative", column(c, contact -> contact.consents().emailInformative()))
                .param("emailMarketing", column(c, contact -> contact.consents().emailMarketing()))
                .param("smsInformative", column(c, contact -> contact.consents().smsInformative()))
                .param("smsMarketing", column(c, contact -> contact.consents().smsMarketing()))
                .param("createdAt", column(c, ContactDetails::createdAt))
                .param("updatedAt", column(c, ContactDetails::updatedAt))
                .query(rs -> {
                    stored.put(rs.getString("unique_key"), new ContactId(rs.getObject("id", UUID.class)));
                });
        return stored;
    }

    /** One column of a batch as text (ISO dates and instants, true/false), for an array parameter. */
    private static @Nullable String[] column(List<ContactDetails> contacts,
            Function<ContactDetails, @Nullable Object> value) {
        @Nullable String[] column = new String[contacts.size()];
        Object previous = null;
        for (int i = 0; i < column.length; i++) {
            Object v = value.apply(contacts.get(i));
            column[i] = v == null ? null : v.equals(previous) ? column[i - 1] : v.toString();
            previous = v;
        }
        return column;
    }

    /** A PostgreSQL array literal ({@code {"a","b \"c\""}}) of a list of texts. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    @Override
    public void appendConsentChanges(AccountId account, Map<ContactId, List<ConsentToggle>> changes,
            ConsentSource source, String actor, Instant at) {
        List<String> contacts = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> granted = new ArrayList<>();
        changes.forEach((contact, toggles) -> toggles.forEach(toggle -> {
            contacts.add(contact.toString());
            channels.add(toggle.channel().name());
            types.add(toggle.type().name());
            granted.add(String.valueOf(toggle.granted()));
        }));
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into audience.consent_change (account_id, contact_id, channel, broadcast_type, granted, source,
                  actor, at)
                select ?, u.contact_id, u.channel, u.broadcast_type, u.granted, ?, ?, ?
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]))
                  with ordinality as u(contact_id, channel, broadcast_type, granted, position)
                order by u.contact_id, u.position""")
                .params(account.value(), source.name(), actor, Timestamp.from(at), contacts.toArray(String[]::new),
                        channels.toArray(String[]::new), types.toArray(String[]::new), granted.toArray(String[]::new))
                .update();
    }

    @Override
    public List<ConsentChange> consentHistory(AccountId account, ContactId contact) {
        return jdbc.sql("""
                select at, channel, broadcast_type, granted, source, actor from audience.consent_change
                where account_id = ? and contact_id = ? order by at desc, id desc""")
                .params(account.value(), contact.value())
                .query((rs, n) -> new ConsentChange(rs.getTimestamp("at").toInstant(),
                        Channel.valueOf(rs.getString("channel")), BroadcastType.valueOf(rs.getString("broadcast_type")),
                        rs.getBoolean("granted"), ConsentSource.valueOf(rs.getString("source")), rs.getString("actor")))
                .list();
    }

    @Override
    public List<ContactSummary> page(AccountId account, ContactFilter filter, PageSpec page) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("""
                select id, first_name, last_name, email, mobile, status, site_name, is_primary, email_marketing,
                  sms_marketing, created_at from audience.contact""" + " " + where(account, filter, params) + " " + """
                order by lower(last_name) nulls last, lower(first_name) nulls last, id offset :offset limit :limit""")
                .params(params).param("offset", page.offset()).param("limit", page.limit())
                .query((rs, n) -> new ContactSummary(new ContactId(rs.getObject("id", UUID.class)),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                        rs.getString("mobile"), ContactStatus.valueOf(rs.getString("status")), rs.getString("site_name"),
                        rs.getBoolean("is_primary"), rs.getBoolean("email_marketing"), rs.getBoolean("sms_marketing"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public List<ContactDetails> sample(AccountId account, int limit) {
        return jdbc.sql("select * from audience.contact where account_id = ? and erased_at is null order by id limit ?")
                .params(account.value(), limit).query((rs, n) -> contact(rs)).list();
    }

    @Override
    public int count(AccountId account, ContactFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from audience.contact " + where(account, filter, params)).params(params)
                .query(Integer.class).single();
    }

    private static String where(AccountId account, ContactFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("where account_id = :account and erased_at is null");
        params.put("account", account.value());
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            String term = filter.search().strip().toLowerCase(Locale.ROOT);
            where.append(" and (lower(last_name) like :prefix or lower(first_name) like :prefix"
                    + " or lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) like :prefix"
                    + " or lower(email) like :prefix or mobile like :digits)");
            params.put("prefix", CriteriaSql.like(term) + "%");
            String digits = term.replaceAll("[^0-9]", "");
            params.put("digits", digits.isEmpty() ? "-" : "%" + (digits.startsWith("0") ? digits.substring(1) : digits) + "%");
        }
        return where.toString();
    }

    @Override
    public boolean erase(AccountId account, ContactId contact, Instant at) {
        return jdbc.sql("""
                update audience.contact set unique_key = null, email = null, mobile = null, external_ref = null,
                  civility = null, first_name = null, last_name = null, birth_date = null, subscription_name = null,
                  booklet_name = null, tags = '{}', attributes = '{}', site_name = null, last_bounce_reason = null, erased_at = ?, updated_at = ?
                where account_id = ? and id = ? and erased_at is null""")
                .params(Timestamp.from(at), Timestamp.from(at), account.value(), contact.value()).update() == 1;
    }

    @Override
    public void suppress(AccountId account, String addressHash, @Nullable String address, String reason, String comment,
            Instant at) {
        jdbc.sql("""
                insert into audience.suppression (account_id, address_hash, address, reason, comment, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (account_id, address_hash) do nothing""")
                .params(account.value(), addressHash, address, reason, comment, Timestamp.from(at)).update();
    }

    @Override
    public List<io.portevoix.audience.SuppressionEntry> suppressions(AccountId account) {
        return jdbc.sql("""
                select address_hash, address, reason, comment, created_at from audience.suppression
                where account_id = ? order by created_at desc""")
                .param(account.value())
                .query((rs, n) -> new io.portevoix.audience.SuppressionEntry(rs.getString("address_hash"),
                        rs.getString("address"), io.portevoix.audience.SuppressionReason.valueOf(rs.getString("reason")),
                        rs.getString("comment"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public boolean isSuppressed(AccountId account, String addressHash) {
        return jdbc.sql("select exists (select 1 from audience.suppression where account_id = ? and address_hash = ?)")
                .params(account.value(), addressHash).query(Boolean.class).single();
    }

    @Override
    public boolean unsuppress(AccountId account, String addressHash) {
        return jdbc.sql("delete from audience.suppression where account_id = ? and address_hash = ?")
                .params(account.value(), addressHash).update() == 1;
    }

    @Override
    public UniquenessKey uniquenessKey(AccountId account) {
        return jdbc.sql("select unique_key from audience.settings where account_id = ?").param(account.value())
                .query(String.class).optional().map(UniquenessKey::valueOf).orElse(UniquenessKey.EMAIL);
    }

    @Override
    public boolean changeUniquenessKey(AccountId account, UniquenessKey key) {
        String expression = switch (key) {
            case EMAIL -> "lower(email)";
            case MOBILE -> "mobile";
            case EXTERNAL_REF -> "external_ref";
        };
        boolean collides = jdbc.sql("select exists (select 1 from audience.contact where account_id = ? and erased_at is null"
                        + " and " + expression + " is not null group by " + expression + " having count(*) > 1)")
                .param(account.value()).query(Boolean.class).single();
        if (collides) {
            return false;
        }
        jdbc.sql("update audience.contact set unique_key = null where account_id = ?").param(account.value()).update();
        jdbc.sql("update audience.contact set unique_key = " + expression + " where account_id = ? and erased_at is null")
                .param(account.value()).update();
        jdbc.sql("""
                insert into audience.settings (account_id, unique_key) values (?, ?)
                on conflict (account_id) do update set unique_key = excluded.unique_key, updated_at = now()""")
                .params(account.value(), key.name()).update();
        return true;
    }

    @Override
    public void recordBounce(AccountId account, ContactId id, java.time.Instant at, String reason) {
        jdbc.sql("""
                update audience.contact set last_bounce_at = ?, last_bounce_reason = ?
                where account_id = ? and id = ? and erased_at is null and (last_bounce_at is null or last_bounce_at <= ?)""")
                .params(java.sql.Timestamp.from(at), reason, account.value(), id.value(), java.sql.Timestamp.from(at)).update();
    }

    @Override
    public Optional<io.portevoix.audience.LastBounce> lastBounce(AccountId account, ContactId id) {
        return jdbc.sql("select last_bounce_at, last_bounce_reason from audience.contact where account_id = ? and id = ?"
                        + " and last_bounce_at is not null")
                .params(account.value(), id.value())
                .query((rs, n) -> new io.portevoix.audience.LastBounce(rs.getTimestamp(1).toInstant(),
                        rs.getString(2) == null ? "" : rs.getString(2)))
                .optional();
    }
}
