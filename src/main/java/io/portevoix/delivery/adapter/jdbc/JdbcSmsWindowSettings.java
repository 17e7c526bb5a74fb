package io.portevoix.delivery.adapter.jdbc;

import io.portevoix.delivery.application.port.SmsWindowSettings;
import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.AccountId;
import java.sql.Time;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts' SMS sending windows in {@code delivery.sms_window}: days as a bit mask (bit 0 = Monday). */
@Repository
class JdbcSmsWindowSettings implements SmsWindowSettings {

    private final JdbcClient jdbc;

    JdbcSmsWindowSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SendingWindow> find(AccountId account) {
        return jdbc.sql("select days, starts, ends from delivery.sms_window where account_id = ?")
                .param(account.value())
                .query((rs, n) -> new SendingWindow(days(rs.getInt(1)), rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()))
                .optional();
    }

    @Override
    public void save(AccountId account, SendingWindow window) {
        jdbc.sql("""
                insert into delivery.sms_window (account_id, days, starts, ends) values (?, ?, ?, ?)
                on conflict (account_id) do update set days = excluded.days, starts = excluded.starts,
                  ends = excluded.ends, updated_at = now()""")
                .params(account.value(), mask(window.days()), Time.valueOf(window.starts()), Time.valueOf(window.ends()))
                .update();
    }

    static int mask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek day : days) {
            mask |= 1 << (day.getValue() - 1);
        }
        return mask;
    }

    static Set<DayOfWeek> days(int mask) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & (1 << (day.getValue() - 1))) != 0) {
                days.add(day);
            }
        }
        return days;
    }
}
