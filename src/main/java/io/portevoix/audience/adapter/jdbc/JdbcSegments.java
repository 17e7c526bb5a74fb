package io.portevoix.audience.adapter.jdbc;

import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.SegmentDetails;
import io.portevoix.audience.SegmentId;
import io.portevoix.audience.application.port.Segments;
import io.portevoix.audience.domain.Criteria;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcSegments implements Segments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcSegments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AccountId account, SegmentDetails segment) {
        jdbc.sql("""
                insert into audience.segment (account_id, id, name, criteria, created_by, created_at, updated_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(account.value(), segment.id().value(), segment.name(), JSON.writeValueAsString(segment.criteria()),
                        segment.createdBy(), Timestamp.from(segment.createdAt()), Timestamp.from(segment.updatedAt()))
                .update();
    }

    @Override
    public void update(AccountId account, SegmentDetails segment) {
        jdbc.sql("update audience.segment set name = ?, criteria = cast(? as jsonb), updated_at = ? where account_id = ? and id = ?")
                .params(segment.name(), JSON.writeValueAsString(segment.criteria()), Timestamp.from(segment.updatedAt()),
                        account.value(), segment.id().value())
                .update();
    }

    @Override
    public boolean delete(AccountId account, SegmentId id) {
        return jdbc.sql("delete from audience.segment where account_id = ? and id = ?").params(account.value(), id.value())
                .update() == 1;
    }

    @Override
    public Optional<SegmentDetails> find(AccountId account, SegmentId id) {
        return jdbc.sql("select * from audience.segment where account_id = ? and id = ?")
                .params(account.value(), id.value()).query((rs, n) -> segment(rs)).optional();
    }

    @Override
    public List<SegmentDetails> list(AccountId account) {
        return jdbc.sql("select * from audience.segment where account_id = ? order by lower(name)")
                .param(account.value()).query((rs, n) -> segment(rs)).list();
    }

    private static SegmentDetails segment(ResultSet rs) throws SQLException {
        return new SegmentDetails(new SegmentId(rs.getObject("id", UUID.class)), rs.getString("name"),
                JSON.readValue(rs.getString("criteria"), Object.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static final String MATCHING = "select * from audience.contact where account_id = :account and erased_at is null and ";
    private static final String BY_NAME = " order by lower(last_name) nulls last, lower(first_name) nulls last, id";

    private static final Map<String, String> SUGGESTED = Map.of("site", "site_name", "civility", "civility",
            "subscription.name", "subscription_name", "booklet.name", "booklet_name", "tags", "unnest(tags)");

    @Override
    public List<String> suggestions(AccountId account, String field, int limit) {
        String column = Criteria.ATTRIBUTE.matcher(field).matches()
                ? "attributes ->> '" + field.substring("attributes.".length()) + "'" : SUGGESTED.get(field);
        if (column == null) {
            return List.of();
        }
        return jdbc.sql("select value from (select " + column + " as value from audience.contact"
                        + " where account_id = ? and erased_at is null) v where value is not null and value <> ''"
                        + " group by value order by count(*) desc, value limit ?")
                .params(account.value(), limit).query(String.class).list();
    }

    @Override
    public List<ContactDetails> members(AccountId account, Criteria criteria, LocalDate today, ZoneId zone, PageSpec page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = new CriteriaSql(params, today, zone).where(criteria);
        return jdbc.sql(MATCHING + where + BY_NAME + " offset :offset limit :limit").params(params)
                .param("account", account.value()).param("offset", page.offset()).param("limit", page.limit())
                .query((rs, n) -> JdbcContacts.contact(rs)).list();
    }

    @Override
    public void stream(AccountId account, Criteria criteria, LocalDate today, ZoneId zone, Consumer<ContactDetails> each) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = new CriteriaSql(params, today, zone).where(criteria);
        jdbc.sql(MATCHING + where + BY_NAME).withFetchSize(5_000).params(params).param("account", account.value())
                .query((RowCallbackHandler) rs -> each.accept(JdbcContacts.contact(rs)));
    }

    @Override
    public long count(AccountId account, Criteria criteria, LocalDate today, ZoneId zone) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = new CriteriaSql(params, today, zone).where(criteria);
        return jdbc.sql("select count(*) from audience.contact where account_id = :account and erased_at is null and "
                        + where)
                .params(params).param("account", account.value()).query(Long.class).single();
    }
}
