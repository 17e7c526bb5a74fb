package io.portevoix.audience.adapter.jdbc;

import io.portevoix.audience.AttributeDefinition;
import io.portevoix.audience.AttributeType;
import io.portevoix.audience.application.port.AttributeDefinitions;
import io.portevoix.shared.AccountId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAttributeDefinitions implements AttributeDefinitions {

    private final JdbcClient jdbc;

    JdbcAttributeDefinitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AttributeDefinition> list(AccountId account) {
        return jdbc.sql("select key, label, type, choices from audience.attribute_definition where account_id = ?"
                        + " order by lower(label), key")
                .param(account.value())
                .query((rs, n) -> new AttributeDefinition(rs.getString("key"), rs.getString("label"),
                        AttributeType.valueOf(rs.getString("type")),
                        Arrays.asList((String[]) rs.getArray("choices").getArray())))
                .list();
    }

    @Override
    public void save(AccountId account, AttributeDefinition definition, Instant now) {
        jdbc.sql("""
                insert into audience.attribute_definition (account_id, key, label, type, choices, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (account_id, key) do update set label = excluded.label, type = excluded.type,
                  choices = excluded.choices, updated_at = excluded.updated_at""")
                .params(account.value(), definition.key(), definition.label(), definition.type().name(),
                        definition.choices().toArray(String[]::new), Timestamp.from(now))
                .update();
    }

    @Override
    public boolean delete(AccountId account, String key) {
        return jdbc.sql("delete from audience.attribute_definition where account_id = ? and key = ?")
                .params(account.value(), key).update() == 1;
    }
}
