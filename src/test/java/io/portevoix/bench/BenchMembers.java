package io.portevoix.bench;

import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Members for the SMS benchmarks, written by one {@code insert ... select} from
 * {@code generate_series} as the owner (row-level security bound to the account): each with an SMS
 * informative consent (no marketing one) and a distinct mobile. First names from 0 to 15 letters
 * (one in 97 without), GSM 7-bit but for {@code Maëlle}.
 */
final class BenchMembers {

    /** Where the mobiles are. */
    enum Mobiles {
        /** Every one French ({@code +336…}). */
        FRENCH("'+336' || lpad(g::text, 8, '0')"),
        /**
         * 1 in 100 Swiss, German and Spanish, 2 in 100 Belgian, 1 in 200 in Réunion and in Japan
         * (which has no price), the others French.
         */
        ABROAD("""
                case
                  when g % 100 in (0, 1) then '+32470' || lpad(g::text, 6, '0')
                  when g % 100 = 2 then '+4179' || lpad(g::text, 7, '0')
                  when g % 100 = 3 then '+49151' || lpad(g::text, 8, '0')
                  when g % 100 = 4 then '+346' || lpad(g::text, 8, '0')
                  when g % 200 = 5 then '+8190' || lpad(g::text, 8, '0')
                  when g % 200 = 105 then '+262692' || lpad(g::text, 6, '0')
                  else '+336' || lpad(g::text, 8, '0')
                end""");

        private final String sql;

        Mobiles(String sql) {
            this.sql = sql;
        }
    }

    private BenchMembers() {
    }

    static void generate(String database, AccountId account, int members, Mobiles mobiles) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner", "portevoix_owner");
                Statement s = c.createStatement()) {
            s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
            s.execute("""
                    insert into audience.contact (account_id, id, unique_key, email, mobile, first_name, last_name, status,
                      sms_informative, sms_marketing)
                    select '%s', gen_random_uuid(), 'm' || g || '@bench.fr', 'm' || g || '@bench.fr', %s,
                      case when g %% 97 = 0 then null else (array['Léa','Hugo','Emma','Lucas','Chloé','Louis','Inès','Jules',
                        'Jean-Baptiste','Marie-Christine','Anne-Sophie','Maëlle','Zoé','Noah','Alexandre','Tom'])[1 + g %% 16] end,
                      (array['Martin','Bernard','Petit','Durand','Moreau','Laurent','Simon','Michel','Roux','Blanc'])[1 + (g / 16) %% 10],
                      'CLIENT', true, false
                    from generate_series(1, %d) g""".formatted(account, mobiles.sql, members));
            s.execute("analyze audience.contact");
        }
    }
}
