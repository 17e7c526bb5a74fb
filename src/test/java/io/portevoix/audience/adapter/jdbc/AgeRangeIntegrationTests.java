package io.portevoix.audience.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.audience.domain.Criteria;
import io.portevoix.support.PorteVoixTest;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The age rules compile to ranges of birth dates (an index can serve them); PostgreSQL's own
 * {@code age()} must agree with them on every birth date around the limits, 29 February included.
 */
@PorteVoixTest
class AgeRangeIntegrationTests {

    @Autowired JdbcClient jdbc;

    @Test
    void ageRulesAsBirthDateRangesAgreeWithPostgresqlAgeAroundTheLimitsAndOnLeapDays() {
        List<LocalDate> todays = List.of(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1), LocalDate.of(2024, 2, 29),
                LocalDate.of(2026, 6, 15));
        List<Object[]> rules = List.of(new Object[] {"gte", 25}, new Object[] {"gt", 25}, new Object[] {"lte", 45},
                new Object[] {"lt", 45}, new Object[] {"eq", 24}, new Object[] {"between", List.of(24, 25)});
        int compared = 0;
        for (LocalDate today : todays) {
            for (Object[] rule : rules) {
                Map<String, Object> params = new HashMap<>();
                String range = new CriteriaSql(params, today, ZoneOffset.UTC)
                        .where(new Criteria.Rule("age", Criteria.Type.NUMBER, (String) rule[0], rule[1]));
                assertThat(range).doesNotContain("age(");
                String byAge = switch ((String) rule[0]) {
                    case "gte" -> "a >= " + rule[1];
                    case "gt" -> "a > " + rule[1];
                    case "lte" -> "a <= " + rule[1];
                    case "lt" -> "a < " + rule[1];
                    case "eq" -> "a = " + rule[1];
                    default -> "a between " + ((List<?>) rule[1]).get(0) + " and " + ((List<?>) rule[1]).get(1);
                };
                params.put("today", Date.valueOf(today));
                List<String> disagreeing = jdbc.sql("""
                        select birth_date::text from (
                          select birth_date, date_part('year', age(:today, birth_date)) as a
                          from generate_series(cast(:today as date) - interval '47 years', cast(:today as date) - interval '23 years',
                            interval '1 day') as g(day), lateral (select g.day::date as birth_date) b) contact
                        where (%s) is distinct from (%s)""".formatted(range, byAge))
                        .params(params).query(String.class).list();
                assertThat(disagreeing).as("%s %s %s on %s", range, rule[0], rule[1], today).isEmpty();
                compared++;
            }
        }
        assertThat(compared).isEqualTo(24);
    }
}
