package io.portevoix.bench;

import static io.portevoix.bench.AudienceBenchmark.metric;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.ImportCommands;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.ImportQueries;
import io.portevoix.audience.ImportStatus;
import io.portevoix.audience.ImportSummary;
import io.portevoix.audience.StartImport;
import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Import benchmark ({@code mvn -Pbench test -Dtest=ImportBenchmark}, not part of the suite):
 * generates a CSV of {@code bench.lines} lines (default 1,000,000) as a French back-office exports
 * it (12 columns: civility, names, e-mail, mobile in every usual French form, DD/MM/YYYY birth date,
 * status in French, site, subscription name, start and end, e-mail opt-in; plus a custom attribute
 * column filled on one line in ten; a few invalid e-mails, unreadable phones and repeated keys),
 * imports it through the application service (start, then process) in a fresh database, imports
 * it again (nothing new must be created nor recorded in the consent history), then measures on
 * the emptied tables what PostgreSQL alone needs for the same file: {@code COPY} into a staging
 * table and one {@code INSERT ... ON CONFLICT} into audience.contact, and the same statement also
 * writing the consent history and the import's members. Writes {@code target/bench/import.json}.
 */
@Tag("bench")
class ImportBenchmark {

    static final int LINES = Integer.getInteger("bench.lines", 1_000_000);
    static final String HEADER = "Civilité;Prénom;Nom;E-mail;Portable;Date de naissance;Statut;Club;Abonnement;"
            + "Début d'abonnement;Fin d'abonnement;Opt-in email;Ceinture\n";
    static final Map<String, String> MAPPING = Map.of("Ceinture", "attributes.ceinture");

    @Test
    void aMillionLineImportNextToCopyAndOneInsert() throws Exception {
        GeneratedFile file = generate(LINES);
        String database = TestDatabases.create("portevoix_bench_import", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                "--portevoix.tenancy.bootstrap.account=Bench", "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                "--portevoix.tenancy.bootstrap.admin-password=bench-password-123", "--logging.level.root=warn",
                "--logging.level.io.portevoix.audience=info", "--jobrunr.background-job-server.enabled=false")) {
            AccountId account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                    .map(AccountSummary::id).findFirst().orElseThrow());
            ImportCommands commands = context.getBean(ImportCommands.class);
            ImportQueries queries = context.getBean(ImportQueries.class);

            long heapBefore = AudienceBenchmark.HeapWatch.usedAfterGc();
            AudienceBenchmark.HeapWatch heap = AudienceBenchmark.HeapWatch.start();
            long start = System.nanoTime();
            ImportSummary first = runImport(commands, queries, account, file.content());
            double importSeconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = heap.stop();
            Counts afterFirst = counts(database, account);
            check(first, file, file.expectedCreated(), file.expectedUpdated());
            check(afterFirst.contacts() == file.expectedCreated(), "contacts " + afterFirst);
            check(afterFirst.members() == file.expectedCreated(), "members " + afterFirst);

            start = System.nanoTime();
            ImportSummary second = runImport(commands, queries, account, file.content());
            double reimportSeconds = (System.nanoTime() - start) / 1e9;
            Counts afterSecond = counts(database, account);
            check(second, file, 0, file.expectedCreated() + file.expectedUpdated());
            check(afterSecond.contacts() == afterFirst.contacts(), "re-import contacts " + afterSecond);
            check(afterSecond.consentChanges() == afterFirst.consentChanges(), "re-import consent history " + afterSecond);

            truncate(database);
            double copyInsert = baseline(database, account, file.content(), false);
            Counts baselineCounts = counts(database, account);
            truncate(database);
            double copyInsertAll = baseline(database, account, file.content(), true);
            Counts fullBaselineCounts = counts(database, account);

            double linesPerSecond = LINES / importSeconds;
            double maxHeap = Runtime.getRuntime().maxMemory() / 1048576.0;
            String json = "[\n" + String.join(",\n",
                    metric("import_1m_lines_end_to_end", importSeconds, "s", copyInsert, importSeconds / copyInsert),
                    metric("import_lines_per_second", linesPerSecond, "lines/s", LINES / copyInsert,
                            linesPerSecond / (LINES / copyInsert)),
                    metric("import_vs_copy_insert_with_history_and_members", importSeconds, "s", copyInsertAll,
                            importSeconds / copyInsertAll),
                    metric("reimport_same_file", reimportSeconds, "s", importSeconds, reimportSeconds / importSeconds),
                    metric("import_contacts_written", afterFirst.contacts(), "rows", baselineCounts.contacts(),
                            (double) afterFirst.contacts() / baselineCounts.contacts()),
                    metric("import_consent_changes_written", afterFirst.consentChanges(), "rows",
                            fullBaselineCounts.consentChanges(),
                            (double) afterFirst.consentChanges() / Math.max(1, fullBaselineCounts.consentChanges())),
                    metric("import_members_written", afterFirst.members(), "rows", fullBaselineCounts.members(),
                            (double) afterFirst.members() / Math.max(1, fullBaselineCounts.members())),
                    metric("reimport_new_consent_changes", afterSecond.consentChanges() - afterFirst.consentChanges(),
                            "rows", 0, 0),
                    metric("import_rejected_lines", first.rejected(), "lines", file.expectedRejected(), 1.0),
                    metric("import_peak_heap_used_with_garbage", peakHeap / 1048576.0, "MiB", maxHeap,
                            peakHeap / 1048576.0 / maxHeap),
                    metric("import_heap_before", heapBefore / 1048576.0, "MiB", maxHeap, heapBefore / 1048576.0 / maxHeap),
                    metric("import_file_size", file.content().length / 1048576.0, "MiB", file.content().length / 1048576.0,
                            1.0)) + "\n]\n";
            Path report = Path.of("target", "bench", "import.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.printf(Locale.ROOT, """
                    Import of %,d lines (%.1f MiB): %.1f s end to end, %,.0f lines/s (created %,d, updated %,d, rejected %,d)
                    Re-import of the same file: %.1f s (created %d, updated %,d, new consent-history rows %d)
                    Baseline COPY + one INSERT ... ON CONFLICT into audience.contact: %.1f s (ratio %.2f)
                    Baseline COPY + one statement writing contacts, consent history and members: %.1f s (ratio %.2f)
                    Peak heap used (garbage included): %.0f MiB of %.0f MiB
                    %s""", LINES, file.content().length / 1048576.0, importSeconds, linesPerSecond, first.created(),
                    first.updated(), first.rejected(), reimportSeconds, second.created(), second.updated(),
                    afterSecond.consentChanges() - afterFirst.consentChanges(), copyInsert, importSeconds / copyInsert,
                    copyInsertAll, importSeconds / copyInsertAll, peakHeap / 1048576.0, maxHeap, json);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
            TestDatabases.drop(database);
        }
    }

    private static ImportSummary runImport(ImportCommands commands, ImportQueries queries, AccountId account,
            byte[] content) {
        return SystemActor.call("bench", () -> TenantContext.callAs(account, () -> {
            ImportId id = commands.start(new StartImport("adherents.csv", content, true, MAPPING, "Bench"));
            commands.process(id);
            return queries.find(id).orElseThrow();
        }));
    }

    private static void check(ImportSummary summary, GeneratedFile file, int created, int updated) {
        check(summary.status() == ImportStatus.DONE, "status " + summary.status() + " " + summary.failure());
        check(summary.total() == LINES, "total " + summary.total());
        check(summary.total() == summary.created() + summary.updated() + summary.rejected(), "accounting " + summary);
        check(summary.created() == created, "created " + summary.created() + ", expected " + created);
        check(summary.updated() == updated, "updated " + summary.updated() + ", expected " + updated);
        check(summary.rejected() == file.expectedRejected(), "rejected " + summary.rejected());
        check(summary.warnings().size() >= Math.min(file.expectedWarnings(), 10_000), "warnings " + summary.warnings().size());
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("Import benchmark result is wrong: " + what);
        }
    }

    record Counts(long contacts, long consentChanges, long members) {
    }

    private static Counts counts(String database, AccountId account) throws Exception {
        try (Connection c = appConnection(database, account); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select (select count(*) from audience.contact), (select count(*) from audience.consent_change),
                          (select count(*) from audience.import_member)""")) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static void truncate(String database) {
        TestDatabases.execute(database, "truncate audience.import_member, audience.consent_change, audience.contact cascade");
        TestDatabases.execute(database, "vacuum analyze audience.contact");
    }

    /** As the application connects: the ordinary role, row-level security on, the account set. */
    private static Connection appConnection(String database, AccountId account) throws Exception {
        Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_app", "portevoix_app");
        try (Statement s = c.createStatement()) {
            s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
        }
        return c;
    }

    /**
     * What PostgreSQL alone needs: the file copied into a staging table, then one statement that
     * reads it as the import does (the last line of a key wins, dates and yes/no converted, the
     * mobile normalised by a regular expression) and upserts on the uniqueness key; with
     * {@code everything}, the same statement also writes the consent history and the members.
     */
    private static double baseline(String database, AccountId account, byte[] content, boolean everything)
            throws Exception {
        try (Connection c = appConnection(database, account)) {
            UUID importId = UUID.randomUUID();
            if (everything) {
                try (Statement s = c.createStatement()) {
                    s.execute("""
                            insert into audience.import_job (account_id, id, status, file_name, list_name, update_existing,
                              mapping, created_by) values ('%s', '%s', 'DONE', 'baseline.csv', 'baseline', true, '{}', 'bench')"""
                            .formatted(account, importId));
                }
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create temp table staging (line bigint generated always as identity, civility text,
                          first_name text, last_name text, email text, mobile text, birth_date text, status text,
                          site text, subscription_name text, subscription_start text, subscription_end text,
                          email_marketing text, ceinture text) on commit drop""");
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("""
                        copy staging (civility, first_name, last_name, email, mobile, birth_date, status, site,
                          subscription_name, subscription_start, subscription_end, email_marketing, ceinture)
                        from stdin with (format csv, header, delimiter ';')""", new ByteArrayInputStream(content));
                String upsert = """
                        insert into audience.contact (account_id, id, unique_key, email, mobile, civility, first_name,
                          last_name, birth_date, status, site_name, subscription_name, subscription_start,
                          subscription_end, email_marketing, attributes, created_at, updated_at)
                        select distinct on (lower(trim(email))) '%s'::uuid, gen_random_uuid(), lower(trim(email)),
                          trim(email), nullif(case when m ~ '^00' then '+' || substr(m, 3) when m ~ '^0' then '+33' || substr(m, 2)
                            when m ~ '^[1-9][0-9]{8}$' then '+33' || m else m end, ''), nullif(trim(civility), ''),
                          nullif(trim(first_name), ''), nullif(trim(last_name), ''), to_date(birth_date, 'DD/MM/YYYY'),
                          case lower(trim(status)) when 'client' then 'CLIENT' when 'ancien client' then 'FORMER_CLIENT'
                            else 'PROSPECT' end, nullif(trim(site), ''), nullif(trim(subscription_name), ''),
                          to_date(nullif(subscription_start, ''), 'DD/MM/YYYY'),
                          to_date(nullif(subscription_end, ''), 'DD/MM/YYYY'),
                          lower(trim(email_marketing)) in ('oui', '1', 'true', 'vrai', 'yes', 'o', 'x'),
                          case when coalesce(ceinture, '') = '' then '{}'::jsonb
                            else jsonb_build_object('ceinture', ceinture) end, now(), now()
                        from (select *, regexp_replace(coalesce(mobile, ''), '[\\s.()/-]', '', 'g') as m from staging) s
                        where email ~ '^[A-Za-z0-9._%%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]+$'
                        order by lower(trim(email)), line desc
                        on conflict (account_id, unique_key) where unique_key is not null do update set
                          email = excluded.email, mobile = excluded.mobile, civility = excluded.civility,
                          first_name = excluded.first_name, last_name = excluded.last_name,
                          birth_date = excluded.birth_date, status = excluded.status, site_name = excluded.site_name,
                          subscription_name = excluded.subscription_name,
                          subscription_start = excluded.subscription_start,
                          subscription_end = excluded.subscription_end, email_marketing = excluded.email_marketing,
                          attributes = excluded.attributes, updated_at = excluded.updated_at""".formatted(account);
                if (everything) {
                    s.execute("""
                            with upserted as (%s
                              returning id, email_marketing, xmax = 0 as created),
                            history as (insert into audience.consent_change (account_id, contact_id, channel,
                                broadcast_type, granted, source, actor, at)
                              select '%s', id, 'EMAIL', 'MARKETING', email_marketing, 'IMPORT', 'bench', now()
                              from upserted where created)
                            insert into audience.import_member (account_id, import_id, contact_id)
                            select '%s', '%s', id from upserted on conflict do nothing"""
                            .formatted(upsert, account, account, importId));
                } else {
                    s.execute(upsert);
                }
            }
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The generated file and what importing it must give. */
    record GeneratedFile(byte[] content, int expectedCreated, int expectedUpdated, int expectedRejected,
            int expectedWarnings) {
    }

    private static final String[] CIVILITIES = {"Mme", "M.", "Mme", "M.", "Mlle", ""};
    private static final String[] FIRST_NAMES = {"Léa", "Hugo", "Emma", "Lucas", "Chloé", "Louis", "Inès", "Jules",
        "Manon", "Gabriel", "Camille", "Raphaël", "Zoé", "Arthur", "Océane", "Maël", "Anaïs", "Noé", "Élodie", "Théo",
        "Sarah", "Nathan", "Juliette", "Enzo", "Clémence", "Mathéo", "Amélie", "Baptiste", "Hélène", "François"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Lefebvre",
        "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
        "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gaillard",
        "Le Goff"};
    private static final String[] DOMAINS = {"orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "wanadoo.fr",
        "hotmail.fr", "yahoo.fr", "outlook.fr", "club-internet.fr"};
    private static final String[] STATUSES = {"Client", "Client", "Client", "Prospect", "Ancien client", "client",
        "CLIENT", " Prospect "};
    private static final String[] SITES = {"Lyon Part-Dieu", "Lyon Confluence", "Villeurbanne", "Bordeaux Lac",
        "Paris 11e", "Nantes Île", "Lille Centre", "Marseille Prado"};
    private static final String[] SUBSCRIPTIONS = {"Annuel", "Mensuel", "Étudiant", "Premium", "Duo", "Séniors"};
    private static final String[] YES_NO = {"Oui", "Non", "oui", "non", "1", "0", "Oui", "Non"};
    private static final String[] BELTS = {"blanche", "jaune", "orange", "verte", "bleue", "marron", "noire"};
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * Deterministic: 0.3 % of the lines have an invalid or missing e-mail (rejected), 0.5 % repeat
     * the e-mail of an earlier line in another case (an update of that contact; the opt-in depends
     * on the e-mail only, so a repeat never flips it and a re-import changes no consent), 0.5 % have
     * an unreadable phone (a warning), 5 % no phone at all.
     */
    static GeneratedFile generate(int lines) {
        SplittableRandom random = new SplittableRandom(20_260_101L);
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream(lines * 135);
        csv.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        List<String> emails = new ArrayList<>(lines);
        StringBuilder line = new StringBuilder(200);
        int rejected = 0;
        int repeats = 0;
        int warnings = 0;
        LocalDate today = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < lines; i++) {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            int kind = random.nextInt(1000);
            String email;
            if (kind < 3) {
                email = kind == 0 ? "" : ascii(first) + "." + ascii(last) + (kind == 1 ? "@@" : "@") + "orange";
                rejected++;
            } else if (kind < 8 && !emails.isEmpty()) {
                email = emails.get(random.nextInt(emails.size())).toUpperCase(Locale.ROOT);
                repeats++;
            } else {
                email = ascii(first) + "." + ascii(last) + "." + i + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
                emails.add(email);
            }
            String mobile = mobile(random);
            int phone = random.nextInt(1000);
            if (phone < 5) {
                mobile = "12";
                warnings += kind < 3 ? 0 : 1;
            } else if (phone < 55) {
                mobile = "";
            }
            LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(23_000));
            LocalDate subscriptionStart = today.minusDays(random.nextInt(900));
            boolean ended = random.nextInt(5) == 0;
            line.setLength(0);
            line.append(CIVILITIES[random.nextInt(CIVILITIES.length)]).append(';').append(first).append(';').append(last)
                    .append(';').append(email).append(';').append(mobile).append(';').append(FRENCH.format(birth))
                    .append(';').append(STATUSES[random.nextInt(STATUSES.length)]).append(';')
                    .append(SITES[random.nextInt(SITES.length)]).append(';')
                    .append(SUBSCRIPTIONS[random.nextInt(SUBSCRIPTIONS.length)]).append(';')
                    .append(FRENCH.format(subscriptionStart)).append(';')
                    .append(ended ? "" : FRENCH.format(subscriptionStart.plusYears(1))).append(';')
                    .append(YES_NO[Math.floorMod(email.toLowerCase(Locale.ROOT).hashCode(), YES_NO.length)]).append(';')
                    .append(random.nextInt(10) == 0 ? BELTS[random.nextInt(BELTS.length)] : "").append('\n');
            csv.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new GeneratedFile(csv.toByteArray(), emails.size(), repeats, rejected, warnings);
    }

    private static String mobile(SplittableRandom random) {
        String digits = (random.nextBoolean() ? "6" : "7") + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
        String spaced = digits.charAt(0) + " " + digits.substring(1, 3) + " " + digits.substring(3, 5) + " "
                + digits.substring(5, 7) + " " + digits.substring(7, 9);
        return switch (random.nextInt(8)) {
            case 0 -> "0" + spaced;
            case 1 -> "0" + digits;
            case 2 -> "+33 " + spaced;
            case 3 -> "+33" + digits;
            case 4 -> digits;
            case 5 -> "0" + spaced.replace(' ', '.');
            case 6 -> "0033 " + spaced;
            default -> "0" + spaced.replace(' ', '-');
        };
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
