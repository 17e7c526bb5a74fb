package io.portevoix.audience.adapter.jdbc;

import io.portevoix.audience.AudienceRules;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.Exclusion;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.Recipient;
import io.portevoix.audience.application.port.Audiences;
import io.portevoix.audience.domain.Criteria;
import io.portevoix.shared.AccountId;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An audience in one statement: the union of its parts selects contacts, each is classified by
 * the first exclusion that applies (see {@link Exclusion} for the order), and among the others
 * one contact per address is kept (the oldest id).
 */
@Repository
class JdbcAudiences implements Audiences {

    private final JdbcClient jdbc;

    JdbcAudiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<@Nullable Exclusion, Long> count(AccountId account, Selection selection) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = ranked(account, selection, params) + """
                select case when reason is null and rank > 1 then 'DUPLICATE_ADDRESS' else reason end as reason, count(*)
                from ranked group by 1""";
        Map<@Nullable Exclusion, Long> counts = new HashMap<>();
        jdbc.sql(sql).params(params).query((RowCallbackHandler) rs -> {
            String reason = rs.getString(1);
            counts.put(reason == null ? null : Exclusion.valueOf(reason), rs.getLong(2));
        });
        return counts;
    }

    @Override
    public long recipients(AccountId account, Selection selection, Consumer<Recipient> each) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = ranked(account, selection, params) + "select id, address from ranked where reason is null and rank = 1 order by id";
        long[] count = {0};
        jdbc.sql(sql).withFetchSize(2_000).params(params).query((RowCallbackHandler) rs -> {
            each.accept(new Recipient(new ContactId(rs.getObject(1, UUID.class)), rs.getString(2)));
            count[0]++;
        });
        return count[0];
    }

    /** The ids are put in order before the join, so the wide rows are never sorted (nor spilled to disk). */
    @Override
    public long recipientsWithDetails(AccountId account, Selection selection,
            BiConsumer<Recipient, ContactDetails> each) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = ranked(account, selection, params) + """
                select r.address as recipient_address, c.*
                from (select id, address from ranked where reason is null and rank = 1 order by id) r
                join audience.contact c on c.account_id = :account and c.id = r.id
                order by r.id""";
        long[] count = {0};
        jdbc.sql(sql).withFetchSize(2_000).params(params).query((RowCallbackHandler) rs -> {
            ContactDetails contact = JdbcContacts.contact(rs);
            each.accept(new Recipient(contact.id(), rs.getString("recipient_address")), contact);
            count[0]++;
        });
        return count[0];
    }

    private String ranked(AccountId account, Selection s, Map<String, Object> params) {
        CriteriaSql criteria = new CriteriaSql(params, s.today(), s.zone());
        List<String> parts = new ArrayList<>();
        s.criteria().forEach(c -> parts.add(criteria.where(c)));
        if (!s.imports().isEmpty()) {
            params.put("imports", s.imports().stream().map(ImportId::value).toList());
            parts.add("id in (select contact_id from audience.import_member where account_id = :account and import_id in (:imports))");
        }
        if (!s.contacts().isEmpty()) {
            params.put("contacts", s.contacts().stream().map(ContactId::value).toList());
            parts.add("id in (:contacts)");
        }
        String union = parts.isEmpty() ? "false" : parts.stream().collect(Collectors.joining(") or (", "(", ")"));
        String address = s.channel() == Channel.EMAIL ? "lower(email)" : "mobile";
        String consent = switch (s.type()) {
            case LEGAL -> "true";
            case INFORMATIVE -> s.channel() == Channel.EMAIL ? "email_informative" : "sms_informative";
            case MARKETING -> s.channel() == Channel.EMAIL ? "email_marketing" : "sms_marketing";
        };
        params.put("account", account.value());
        params.put("includeAssociated", s.rules().includeAssociatedMembers());
        Integer months = s.rules().formerClientsWithinMonths();
        params.put("lapsedBefore", Date.valueOf(months == null ? s.today() : s.today().minusMonths(months)));
        params.put("lapsing", months != null);
        // hashing every address is only worth it when the account has suppressed addresses at all
        params.put("suppressing", jdbc.sql("select exists (select 1 from audience.suppression where account_id = ?)")
                .param(account.value()).query(Boolean.class).single());
        return """
                with picked as (
                  select id, is_primary, status, subscription_end, %s as address, %s as consented
                  from audience.contact
                  where account_id = :account and erased_at is null and (%s)
                ), classified as (
                  select id, address, case
                    when not :includeAssociated and not is_primary then 'ASSOCIATED_MEMBER'
                    when :lapsing and status = 'FORMER_CLIENT' and (subscription_end is null or subscription_end < :lapsedBefore)
                      then 'LAPSED_MEMBER'
                    when address is null then 'NO_ADDRESS'
                    when :suppressing and exists (select 1 from audience.suppression s where s.account_id = :account
                      and s.address_hash = encode(sha256(convert_to(p.address, 'UTF8')), 'hex')) then 'SUPPRESSED'
                    when not consented then 'NO_CONSENT'
                  end as reason
                  from picked p
                ), ranked as (
                  select id, address, reason, row_number() over (partition by reason is null, address order by id) as rank
                  from classified
                )
                """.formatted(address, consent, union);
    }

    @Override
    public List<ImportId> unknownImports(AccountId account, Collection<ImportId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> known = Set.copyOf(jdbc.sql("select id from audience.import_job where account_id = :account and id in (:ids)")
                .param("account", account.value()).param("ids", ids.stream().map(ImportId::value).toList())
                .query(UUID.class).list());
        return ids.stream().filter(id -> !known.contains(id.value())).toList();
    }

    @Override
    public List<ContactId> unknownContacts(AccountId account, Collection<ContactId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> known = Set.copyOf(jdbc.sql("select id from audience.contact where account_id = :account and erased_at is null"
                        + " and id in (:ids)")
                .param("account", account.value()).param("ids", ids.stream().map(ContactId::value).toList())
                .query(UUID.class).list());
        return ids.stream().filter(id -> !known.contains(id.value())).toList();
    }

    @Override
    public AudienceRules rules(AccountId account) {
        return jdbc.sql("select include_associated, former_within_months from audience.settings where account_id = ?")
                .param(account.value())
                .query((rs, n) -> new AudienceRules(rs.getBoolean(1), (Integer) rs.getObject(2)))
                .optional().orElse(AudienceRules.DEFAULTS);
    }

    @Override
    public void saveRules(AccountId account, AudienceRules rules) {
        jdbc.sql("""
                insert into audience.settings (account_id, include_associated, former_within_months) values (?, ?, ?)
                on conflict (account_id) do update set include_associated = excluded.include_associated,
                  former_within_months = excluded.former_within_months, updated_at = now()""")
                .params(account.value(), rules.includeAssociatedMembers(), rules.formerClientsWithinMonths())
                .update();
    }
}
